/**
 * `dti score --engine duckdb --format csv`: the ranking CSV written as DuckDB makes the rows, never
 * held whole in memory (a million units with a hundred indicators is over a gigabyte of text).
 * The engine writes each row's node columns as one text; this module adds the unit's cells
 * (escaped as `toCSV` escapes them) and puts units that share a rank in the library's order
 * (Vietnamese name order, then code, then input order). The columns are `toCSV`'s; the code, group
 * and year columns are there when the data has such a column (`toCSV` leaves out one that is
 * blank in every row).
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import { nodeInfos } from "../pipeline/score.ts";
import { csvCell } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { compileFramework } from "../score/compile.ts";
import { duckDbFileQuery, openDuckDb, type DuckDbFileOptions } from "../sql/duckdb.ts";
import { sqlIdent, sqlText } from "../sql/dialect.ts";
import type { SqlRow } from "../sql/rows-to-result.ts";
import { NOT_RANKED } from "../report/rank-note.ts";
import { pointsText } from "../report/points.ts";
import { rankingColumns } from "../report/ranking-columns.ts";
import { csvCellText } from "../report/to-csv.ts";
import { compareVi } from "../text/collator.ts";
import type { Language } from "../text/language.ts";
import type { CliIO } from "./io.ts";
import { openOutFile } from "./out-file.ts";
import { outputWriter } from "./stream-score.ts";
import { copyEngineCsv, type CsvColumn } from "./engine-csv-copy.ts";
import { writtenAt } from "./node-depth.ts";

/** How the CSV is written: `toCSV`'s options, and where. */
export interface EngineCsvSettings {
  readonly out: string | undefined;
  readonly delimiter: "," | ";";
  readonly decimalComma: boolean;
  readonly bom: boolean;
  /** Language of the note of units not ranked (default "vi"). */
  readonly language?: Language;
  /** How DuckDB orders names before they are checked (see `CopyCsvPlan.presort`; a test setting). */
  readonly presort?: "icu" | "bytes";
  /** `--depth`: the nodes written (undefined: every node). */
  readonly depth?: number;
  /** `--headers`: node ids (default) or names in `language`, as `toCSV` writes them. */
  readonly headers?: "ids" | "names";
  /** `--points`: the framework's total points (see `totalPoints`), a column of the index in points as `toCSV` writes it. */
  readonly points?: number;
}

/** Scores `file` in DuckDB and writes the ranking CSV; returns the number of units. */
export async function engineCsv(io: CliIO, framework: Framework, file: string, options: DuckDbFileOptions, settings: EngineCsvSettings): Promise<number> {
  const memoryLimit = process.env["DTI_DUCKDB_MEMORY_LIMIT"];
  const session = await openDuckDb(memoryLimit !== undefined && memoryLimit !== "" ? { memoryLimit } : {});
  const outFile = settings.out === undefined ? undefined : await openOutFile(settings.out);
  let committed = false;
  try {
    // Without row numbers (a single-threaded pass): they only order units of the same name and
    // code, which the library refuses as duplicates.
    const { sql, typed, sqlOptions, columns: output } = await duckDbFileQuery(session, framework, file, { ...options, rowNumbers: false, ordered: false, scores: false });
    const d = settings.delimiter;
    const plan = compileFramework(framework);
    const rootId = plan.nodes[plan.root]!.id;
    const written = nodeInfos(plan).filter((n) => writtenAt(n, settings.depth));
    const others = written.filter((n) => n.id !== rootId).map((n) => n.id);
    // The query's identity columns: the data's, and with a merge the members (and a code or group
    // only the mapping gives).
    const cols: DataColumns = Object.fromEntries((["code", "group", "year", "members"] as const).filter((c) => output.includes(c)).map((c) => [c, true]));
    const ranked = (id: string) => sqlOptions.rankNodes === undefined || sqlOptions.rankNodes.includes(id);
    const note = output.includes("rank_note");
    const csvColumns = engineCsvColumns({ root: rootId, nodes: written, has: { code: cols.code !== undefined, group: cols.group !== undefined, year: cols.year !== undefined, members: cols.members !== undefined, unranked: note } }, settings, ranked);
    if (outFile?.path !== undefined) {
      const units = await copyEngineCsv(
        session,
        { sql, ...(typed !== undefined ? { typed } : {}), columns: csvColumns, code: cols.code !== undefined, year: cols.year !== undefined, delimiter: d, decimalComma: settings.decimalComma, bom: settings.bom, ...(settings.language !== undefined ? { language: settings.language } : {}), ...(settings.presort !== undefined ? { presort: settings.presort } : {}), ...(settings.points !== undefined ? { points: settings.points } : {}) },
        outFile.path,
      );
      await outFile.commit();
      committed = true;
      return units;
    }
    const query = streamQuery(sql, rootId, others, cols, settings, note);
    const write = outputWriter(io, outFile);
    // The header once the first row tells whether some unit is not ranked (the note column).
    let line = csvLine(cols, settings, false, others.length > 0);
    const start = async (first: SqlRow | undefined) => {
      const withNote = first?.["dti_any_note"] === 1;
      line = csvLine(cols, settings, withNote, others.length > 0);
      const header = csvColumns.filter((c) => withNote || c.kind !== "note").map((c) => c.name);
      await write.add(`${settings.bom ? "\uFEFF" : ""}${header.map((h) => csvCell(h, d)).join(d)}\r\n`);
    };
    const units = await writeRowsInNameOrder(session, query, start, (t) => write.add(t), (r) => line(r));
    await write.flush();
    if (outFile !== undefined) {
      await outFile.commit();
      committed = true;
    }
    return units;
  } finally {
    if (outFile !== undefined && !committed) await outFile.abort();
    session.close();
  }
}

/** The identity columns the CSV has (those the query has: the data's; members with a merge). */
type DataColumns = { readonly [K in "code" | "group" | "year" | "members"]?: unknown };

/**
 * `toCSV`'s columns (`rankingColumns`: the same headers, ids or names, and the points column), each
 * with the engine's column it is read from (no rank for a node not ranked; `note`: the note of
 * units not ranked; `points`: the index's value in points).
 */
function engineCsvColumns(shape: RankingShape, settings: EngineCsvSettings, ranked: (id: string) => boolean): CsvColumn[] {
  const columns = rankingColumns(shape, { headers: settings.headers ?? "ids", ...(settings.language !== undefined ? { language: settings.language } : {}), ...(settings.points !== undefined ? { points: settings.points } : {}) });
  return columns.map((c): CsvColumn => {
    const kind = c.id === "coverage" ? "coverage" : c.id === "rank_note" ? "note" : settings.points !== undefined && c.id === `${shape.root}_points` ? "points" : c.kind === "rank" ? "number" : c.kind === "text" ? "text" : "value";
    const source = kind === "points" ? shape.root : c.node?.read === "rank" && !ranked(c.node.id) ? undefined : c.id;
    return { name: c.header, source, kind };
  });
}

/** The query of the rows: the unit's columns and the node columns as one text, ordered by year and rank. */
function streamQuery(sql: string, rootId: string, others: readonly string[], cols: DataColumns, settings: EngineCsvSettings, note: boolean): string {
  // The node columns, one text per row: published values (decimal comma if asked) and ranks.
  const text = (column: string, value: boolean) => {
    const cell = `CAST(${sqlIdent(column)} AS VARCHAR)`;
    return `coalesce(${value && settings.decimalComma ? `replace(${cell}, '.', ',')` : cell}, '')`;
  };
  // One concat_ws call: a chain of `||` copies the growing text once per column. The index's value
  // apart, as published: its points are worked out from it (see `csvLine`).
  const tail = others.length === 0 ? "" : `, concat_ws(${sqlText(settings.delimiter)}, ${others.flatMap((id) => [text(id, true), text(`${id}_rank`, false)]).join(", ")}) AS dti_tail`;
  const keep = ["rank", "group_rank", "unit", "code", "group", "year", "members", "coverage"].filter((c) => c === "rank" || c === "unit" || c === "coverage" || (c === "group_rank" ? cols.group !== undefined : cols[c as "code" | "group" | "year" | "members"] !== undefined));
  // Ordered here, after the node columns are one text: the sort carries a few columns, not all.
  const order = [...(cols.year !== undefined ? ['"year" NULLS FIRST'] : []), '"rank" NULLS LAST', '"unit"'].join(", ");
  // The note of units not ranked, and on every row whether some unit has one (the header has its column only then).
  const notes = note ? ', "rank_note", CAST(bool_or("rank_note" IS NOT NULL) OVER () AS INTEGER) AS dti_any_note' : "";
  return `SELECT ${keep.map(sqlIdent).join(", ")}${notes}, CAST(${sqlIdent(rootId)} AS VARCHAR) AS dti_root${tail} FROM (${sql}) AS dti_scored ORDER BY ${order}`;
}

/** A row of the query as a CSV line (the unit's cells escaped, the index's value and points written, as `toCSV` writes them). */
function csvLine(cols: DataColumns, settings: EngineCsvSettings, note: boolean, tail: boolean): (r: SqlRow) => string {
  const d = settings.delimiter;
  const eol = "\r\n";
  const style = plainStyle(settings.decimalComma, "");
  const cell = csvCellText({ delimiter: d, decimalComma: settings.decimalComma });
  const total = settings.points;
  const language = settings.language;
  return (r: SqlRow) => {
    const root = r["dti_root"] === null || r["dti_root"] === undefined ? null : String(r["dti_root"]);
    return (
      [
        r["rank"] === null ? "" : String(r["rank"]),
        ...(cols.group !== undefined ? [r["group_rank"] === null ? "" : String(r["group_rank"])] : []),
        csvCell(String(r["unit"]), d),
        ...(cols.code !== undefined ? [csvCell(String(r["code"] ?? ""), d)] : []),
        ...(cols.group !== undefined ? [csvCell(String(r["group"] ?? ""), d)] : []),
        ...(cols.year !== undefined ? [r["year"] === null ? "" : String(r["year"])] : []),
        ...(cols.members !== undefined ? [csvCell(String(r["members"] ?? ""), d)] : []),
        ...(note ? [csvCell(noteText(r["rank_note"], language), d)] : []),
        cell("value", root),
        ...(total !== undefined ? [cell("value", pointsText(root, total))] : []),
        ...(tail ? [String(r["dti_tail"])] : []),
        formatNumber(r["coverage"] as number, style),
      ].join(d) + eol
    );
  };
}

/** Writes the query's rows as lines, units of equal (year, rank) in name order; returns the number of units. */
async function writeRowsInNameOrder(
  session: Awaited<ReturnType<typeof openDuckDb>>,
  query: string,
  start: (first: SqlRow | undefined) => Promise<void>,
  add: (text: string) => Promise<void> | undefined,
  line: (r: SqlRow) => string,
): Promise<number> {
  // Rows come ordered by year and rank; a block of equal (year, rank) is put in name order.
  let block: SqlRow[] = [];
  const flush = async () => {
    block.sort((a, b) => compareVi(String(a["unit"]), String(b["unit"])) || String(a["code"] ?? "").localeCompare(String(b["code"] ?? "")) );
    for (const r of block) await add(line(r));
    block = [];
  };
  let units = 0;
  await session.each(query, async (rows) => {
    if (units === 0 && rows.length > 0) await start(rows[0]);
    for (const r of rows) {
      const first = block[0];
      if (first !== undefined && (first["year"] !== r["year"] || first["rank"] !== r["rank"])) await flush();
      block.push(r);
      units++;
    }
  });
  if (units === 0) await start(undefined);
  await flush();
  return units;
}

/** The note cell of a unit not ranked in `language` (the query writes it in Vietnamese), empty for one ranked. */
function noteText(note: string | number | null | undefined, language: Language | undefined): string {
  if (note === null || note === undefined) return "";
  return language === "en" ? `${NOT_RANKED.en}${String(note).slice(NOT_RANKED.vi.length)}` : String(note);
}
