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
import { nodeInfos } from "../pipeline/score.ts";
import { csvCell } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { compileFramework } from "../score/compile.ts";
import { duckDbFileQuery, openDuckDb, type DuckDbFileOptions } from "../sql/duckdb.ts";
import { sqlIdent, sqlText } from "../sql/dialect.ts";
import type { SqlRow } from "../sql/rows-to-result.ts";
import { NOT_RANKED } from "../report/rank-note.ts";
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
    const others = nodeInfos(plan).filter((n) => n.id !== rootId && writtenAt(n, settings.depth)).map((n) => n.id);
    // The query's identity columns: the data's, and with a merge the members (and a code or group
    // only the mapping gives).
    const cols: DataColumns = Object.fromEntries((["code", "group", "year", "members"] as const).filter((c) => output.includes(c)).map((c) => [c, true]));
    const ranked = (id: string) => sqlOptions.rankNodes === undefined || sqlOptions.rankNodes.includes(id);
    const note = output.includes("rank_note");
    const csvColumns = engineCsvColumns(rootId, others, cols, ranked, note);
    if (outFile?.path !== undefined) {
      const units = await copyEngineCsv(
        session,
        { sql, ...(typed !== undefined ? { typed } : {}), columns: csvColumns, code: cols.code !== undefined, year: cols.year !== undefined, delimiter: d, decimalComma: settings.decimalComma, bom: settings.bom, ...(settings.language !== undefined ? { language: settings.language } : {}), ...(settings.presort !== undefined ? { presort: settings.presort } : {}) },
        outFile.path,
      );
      await outFile.commit();
      committed = true;
      return units;
    }
    const query = streamQuery(sql, rootId, others, cols, settings, note);
    const write = outputWriter(io, outFile);
    // The header once the first row tells whether some unit is not ranked (the note column).
    let line = csvLine(cols, d, plainStyle(settings.decimalComma, ""), false, settings.language);
    const start = async (first: SqlRow | undefined) => {
      const withNote = first?.["dti_any_note"] === 1;
      line = csvLine(cols, d, plainStyle(settings.decimalComma, ""), withNote, settings.language);
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

/** `toCSV`'s columns, each with the engine's column it is read from (no rank for a node not ranked; `note`: the note of units not ranked). */
function engineCsvColumns(rootId: string, others: readonly string[], cols: DataColumns, ranked: (id: string) => boolean, note: boolean): CsvColumn[] {
  return [
    { name: "rank", source: "rank", kind: "number" },
    ...(cols.group !== undefined ? [{ name: "group_rank", source: "group_rank", kind: "number" } as const] : []),
    { name: "unit", source: "unit", kind: "text" },
    ...(cols.code !== undefined ? [{ name: "code", source: "code", kind: "text" } as const] : []),
    ...(cols.group !== undefined ? [{ name: "group", source: "group", kind: "text" } as const] : []),
    ...(cols.year !== undefined ? [{ name: "year", source: "year", kind: "number" } as const] : []),
    ...(cols.members !== undefined ? [{ name: "members", source: "members", kind: "text" } as const] : []),
    ...(note ? [{ name: "rank_note", source: "rank_note", kind: "note" } as const] : []),
    { name: rootId, source: rootId, kind: "value" },
    ...others.flatMap((id): CsvColumn[] => [
      { name: id, source: id, kind: "value" },
      { name: `${id}_rank`, source: ranked(id) ? `${id}_rank` : undefined, kind: "number" },
    ]),
    { name: "coverage", source: "coverage", kind: "coverage" },
  ];
}

/** The query of the rows: the unit's columns and the node columns as one text, ordered by year and rank. */
function streamQuery(sql: string, rootId: string, others: readonly string[], cols: DataColumns, settings: EngineCsvSettings, note: boolean): string {
  // The node columns, one text per row: published values (decimal comma if asked) and ranks.
  const text = (column: string, value: boolean) => {
    const cell = `CAST(${sqlIdent(column)} AS VARCHAR)`;
    return `coalesce(${value && settings.decimalComma ? `replace(${cell}, '.', ',')` : cell}, '')`;
  };
  // One concat_ws call: a chain of `||` copies the growing text once per column.
  const tail = `concat_ws(${sqlText(settings.delimiter)}, ${[text(rootId, true), ...others.flatMap((id) => [text(id, true), text(`${id}_rank`, false)])].join(", ")})`;
  const keep = ["rank", "group_rank", "unit", "code", "group", "year", "members", "coverage"].filter((c) => c === "rank" || c === "unit" || c === "coverage" || (c === "group_rank" ? cols.group !== undefined : cols[c as "code" | "group" | "year" | "members"] !== undefined));
  // Ordered here, after the node columns are one text: the sort carries a few columns, not all.
  const order = [...(cols.year !== undefined ? ['"year" NULLS FIRST'] : []), '"rank" NULLS LAST', '"unit"'].join(", ");
  // The note of units not ranked, and on every row whether some unit has one (the header has its column only then).
  const notes = note ? ', "rank_note", CAST(bool_or("rank_note" IS NOT NULL) OVER () AS INTEGER) AS dti_any_note' : "";
  return `SELECT ${keep.map(sqlIdent).join(", ")}${notes}, ${tail} AS dti_tail FROM (${sql}) AS dti_scored ORDER BY ${order}`;
}

/** A row of the query as a CSV line (the unit's cells escaped as `toCSV` escapes them). */
function csvLine(cols: DataColumns, d: string, style: ReturnType<typeof plainStyle>, note: boolean, language: Language | undefined): (r: SqlRow) => string {
  const eol = "\r\n";
  return (r: SqlRow) =>
    [
      r["rank"] === null ? "" : String(r["rank"]),
      ...(cols.group !== undefined ? [r["group_rank"] === null ? "" : String(r["group_rank"])] : []),
      csvCell(String(r["unit"]), d),
      ...(cols.code !== undefined ? [csvCell(String(r["code"] ?? ""), d)] : []),
      ...(cols.group !== undefined ? [csvCell(String(r["group"] ?? ""), d)] : []),
      ...(cols.year !== undefined ? [r["year"] === null ? "" : String(r["year"])] : []),
      ...(cols.members !== undefined ? [csvCell(String(r["members"] ?? ""), d)] : []),
      ...(note ? [csvCell(noteText(r["rank_note"], language), d)] : []),
      String(r["dti_tail"]),
      formatNumber(r["coverage"] as number, style),
    ].join(d) + eol;
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
