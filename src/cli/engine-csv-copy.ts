/**
 * `dti score --engine duckdb --format csv -o <file>`: DuckDB writes the ranking CSV itself (COPY),
 * in parallel and without handing a row to JavaScript, in the library's row order.
 *
 * The order is the library's: by year, rank, then Vietnamese name order (`compareVi`), code,
 * name. DuckDB sorts the scored units once, by year, rank and ICU's Vietnamese collation key (with
 * numbers in numeric order, as `compareVi`), into a table; DuckDB writes that table as it is while
 * this module reads the names back in that order and checks every pair of neighbours that share a
 * year and rank with `compareVi` itself. Where DuckDB's ICU and this process's agree (every name
 * seen so far), that file stands; where a pair is out of order, that block is put in order here
 * and DuckDB writes the rows again in the order given. Either way the rows come out in the order
 * the library writes them, whatever either ICU version says.
 *
 * The cells are the library's: published values as DuckDB writes a DECIMAL (`0.8002`; with a
 * decimal comma `0,8002`), ranks as whole numbers, names escaped as `csvCell` escapes them,
 * coverage as `formatNumber` writes it and the index in points as `pointsText` writes it (computed
 * here for each distinct coverage and index value), CRLF line ends.
 *
 * @module
 */
import { csvCell } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { runTyped, type TypedQuery } from "../sql/csv-typed-read.ts";
import type { DuckDbSession } from "../sql/duckdb.ts";
import { sqlDouble, sqlIdent, sqlText } from "../sql/dialect.ts";
import { NOT_RANKED } from "../report/rank-note.ts";
import type { Language } from "../text/language.ts";
import { compareVi } from "../text/collator.ts";
import { pointsText } from "../report/points.ts";
import { csvCellText } from "../report/to-csv.ts";

/** One CSV column of the output: its source column in the scored query and how its cells are written. */
export interface CsvColumn {
  /** Header text (written escaped). */
  readonly name: string;
  /** Source column of the scored query; undefined for a column that is blank in every row (an unranked node's rank). */
  readonly source: string | undefined;
  /**
   * "note": the note of units not ranked (the query's Vietnamese text, in `language`), a column
   * only when some unit has one; "points": the published value of `source` (the index) in points
   * on `CopyCsvPlan.points`.
   */
  readonly kind: "number" | "value" | "text" | "coverage" | "note" | "points";
}

/** What {@link copyEngineCsv} writes and how. */
export interface CopyCsvPlan {
  /** The scored query (unordered). */
  readonly sql: string;
  /** The same query reading the numbers as DECIMALs, used where it gives the same answer (see `runTyped`). */
  readonly typed?: TypedQuery;
  readonly columns: readonly CsvColumn[];
  /** Whether the query has `code` and `year` columns. */
  readonly code: boolean;
  readonly year: boolean;
  readonly delimiter: "," | ";";
  readonly decimalComma: boolean;
  readonly bom: boolean;
  /** Language of the note of units not ranked (default "vi"). */
  readonly language?: Language;
  /**
   * How DuckDB orders the names before they are checked here: by ICU's Vietnamese collation
   * (default), or by their bytes (a test setting: every block with names out of byte order is
   * then put in order here).
   */
  readonly presort?: "icu" | "bytes";
  /** The framework's total points, for a "points" column. */
  readonly points?: number;
}

/** ICU's Vietnamese collation with numbers compared as numbers: `Intl.Collator("vi", { numeric: true })`. */
const ICU_VI = "vi-u-kn";

/** The SQL text of a CSV cell as `csvCell` writes it (a quote before a formula's first character; quotes where needed). */
export function csvCellSql(text: string, delimiter: string): string {
  const safe = `CASE WHEN regexp_matches(${text}, '^[=+\\-@\\t\\r]') THEN '''' || ${text} ELSE ${text} END`;
  const quoted = `CASE WHEN strpos(dti_safe, ${sqlText(delimiter)}) > 0 OR regexp_matches(dti_safe, '["\\r\\n]') THEN '"' || replace(dti_safe, '"', '""') || '"' ELSE dti_safe END`;
  // The common cell needs neither: one test decides.
  return `CASE WHEN regexp_matches(${text}, ${sqlText(`^[=+\\-@\\t\\r]|[${delimiter}"\\r\\n]`)}) THEN ${quoted.replaceAll("dti_safe", `(${safe})`)} ELSE ${text} END`;
}

/**
 * Scores with `plan.sql` and writes the CSV to `path` (which DuckDB overwrites). Returns the number
 * of units.
 */
export async function copyEngineCsv(session: DuckDbSession, plan: CopyCsvPlan, path: string): Promise<number> {
  const d = plan.delimiter;
  const kept = plan.columns.filter((c) => c.source !== undefined).map((c) => c.source!);
  const order = [
    ...(plan.year ? ['"year" NULLS FIRST'] : []),
    '"rank" NULLS LAST',
    plan.presort === "bytes" ? '"unit"' : `icu_sort_key("unit", ${sqlText(ICU_VI)})`,
    ...(plan.code ? ['"code" NULLS FIRST'] : []),
    '"unit"',
  ];
  // The scoring itself (where a data error stops everything before a byte is written), sorted once.
  const select = [...new Set(["rank", "unit", ...(plan.code ? ["code"] : []), ...(plan.year ? ["year"] : []), ...kept])].map(sqlIdent).join(", ");
  // A table of the database, not a temporary one: a second connection writes it (see `beside`).
  await runTyped(plan.typed, plan.sql, (sql) => session.run(`CREATE OR REPLACE TABLE dti_out AS SELECT ${select} FROM (${sql}) AS dti_scored ORDER BY ${order.join(", ")}`));
  try {
    // The note column only when some unit is not ranked, which the scored rows tell.
    plan = { ...plan, columns: await presentColumns(session, plan.columns) };
    const coverage = await coverageText(session, plan);
    const points = await pointsCells(session, plan);
    const joins = [coverage.join, points.join].filter((j) => j !== undefined);
    const line = lineSql(plan, coverage.sql, points.sql);
    const header = `${plan.bom ? "\uFEFF" : ""}${plan.columns.map((c) => csvCell(c.name, d)).join(d)}\r`;
    // COPY writes the header as the column's name and each row as its one text column, as they
    // are (no quotes, no delimiter): the CSV is made in the query.
    const copy = (rows: string) => `COPY (${rows}) TO ${sqlText(path)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '', DELIMITER '')`;
    const rows = `SELECT ${line} AS ${sqlIdent(header)} FROM dti_out${joins.map((j) => ` ${j}`).join("")}`;
    // Written in the table's order while this connection checks that order, which is the library's
    // unless ICU here and in DuckDB order some tied names differently: then written again.
    const units = await beside(session, copy(joins.length > 0 ? `${rows} ORDER BY dti_out.rowid` : rows), async () => {
      const count = await namesInOrder(session, plan);
      return count !== undefined ? { count, order: undefined } : checkOrder(session, plan);
    });
    if (units.order !== undefined) {
      await session.run("CREATE OR REPLACE TEMP TABLE dti_pos (id BIGINT, pos BIGINT)");
      await session.append("dti_pos", [units.order, indexes(units.order.length)]);
      await session.run(copy(`${rows} JOIN dti_pos ON dti_out.rowid = dti_pos.id ORDER BY dti_pos.pos`));
    }
    return units.count;
  } finally {
    for (const table of ["dti_out", "dti_pos", "dti_cov", "dti_pts"]) await session.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

/**
 * Runs `statement` on a second connection while `work` runs on this one (DuckDB's threads and
 * this process's at once); returns `work`'s result once both are done, or throws the first failure.
 */
async function beside<T>(session: DuckDbSession, statement: string, work: () => Promise<T>): Promise<T> {
  const other = await session.connect();
  try {
    const [ran, result] = await Promise.allSettled([other.run(statement), work()]);
    if (ran.status === "rejected") throw ran.reason;
    if (result.status === "rejected") throw result.reason;
    return result.value;
  } finally {
    other.close();
  }
}

/** The columns without the note column when no unit is without a rank (`toCSV` writes it only then). */
async function presentColumns(session: DuckDbSession, columns: readonly CsvColumn[]): Promise<readonly CsvColumn[]> {
  const note = columns.find((c) => c.kind === "note");
  if (note?.source === undefined) return columns;
  const rows = await session.query(`SELECT 1 AS x FROM dti_out WHERE ${sqlIdent(note.source)} IS NOT NULL LIMIT 1`);
  return rows.length > 0 ? columns : columns.filter((c) => c !== note);
}

function indexes(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * The number of rows when DuckDB's order is the library's in every block of one year and rank, each
 * name after the one before it by `compareVi`: read without the row numbers and codes, most of
 * what {@link checkOrder} reads. Undefined when a name is out of order, or a name `compareVi`
 * does not tell from the one before (the codes decide): then {@link checkOrder} says the order.
 */
async function namesInOrder(session: DuckDbSession, plan: CopyCsvPlan): Promise<number | undefined> {
  let count = 0;
  let ordered = true;
  let unit: string | undefined;
  let rank: unknown;
  let year: unknown;
  await session.eachColumns(`SELECT "rank", "unit"${plan.year ? ', "year"' : ""} FROM dti_out`, ([ranks, units, years]) => {
    for (let i = 0; ordered && i < ranks!.length; i++) {
      const name = String(units![i]);
      const y = years === undefined ? null : years[i];
      if (unit !== undefined && ranks![i] === rank && y === year && compareVi(unit, name) >= 0) ordered = false;
      unit = name;
      rank = ranks![i];
      year = y;
      count++;
    }
  });
  return ordered ? count : undefined;
}

/**
 * Reads year, rank, name and code of the sorted table and checks each block of one year and rank
 * against the library's order. Returns the number of rows and, when some block was out of order,
 * the table's row numbers in the library's order.
 */
async function checkOrder(session: DuckDbSession, plan: CopyCsvPlan): Promise<{ count: number; order: Int32Array | undefined }> {
  type Key = { id: number; unit: string; code: string };
  const compare = (a: Key, b: Key) => compareVi(a.unit, b.unit) || a.code.localeCompare(b.code);
  const ids: number[] = [];
  let disordered = false;
  let block: Key[] = [];
  let blockYear: unknown;
  let blockRank: unknown;
  const flush = () => {
    for (let i = 1; i < block.length; i++) {
      if (compare(block[i - 1]!, block[i]!) > 0) {
        // Stable: units the library's order does not tell apart stay in DuckDB's order.
        block.sort(compare);
        disordered = true;
        break;
      }
    }
    for (const k of block) ids.push(k.id);
    block = [];
  };
  // In the table's order, as COPY writes it (a scan without ORDER BY keeps the order of insertion),
  // read a column at a time.
  await session.eachColumns(`SELECT rowid AS dti_id, "rank", "unit"${plan.code ? ', "code"' : ""}${plan.year ? ', "year"' : ""} FROM dti_out`, ([id, rank, unit, ...rest]) => {
    const code = plan.code ? rest[0] : undefined;
    const years = plan.year ? rest[rest.length - 1] : undefined;
    for (let i = 0; i < id!.length; i++) {
      const year = years === undefined ? null : years[i];
      if (block.length > 0 && (year !== blockYear || rank![i] !== blockRank)) flush();
      blockYear = year;
      blockRank = rank![i];
      block.push({ id: Number(id![i]), unit: String(unit![i]), code: String(code?.[i] ?? "") });
    }
  });
  flush();
  return { count: ids.length, order: disordered ? Int32Array.from(ids) : undefined };
}

/**
 * The coverage cell as `formatNumber` writes it: worked out here for each distinct coverage (a
 * few: one when every input is present).
 */
async function coverageText(session: DuckDbSession, plan: CopyCsvPlan): Promise<{ sql: string; join: string | undefined }> {
  const column = plan.columns.find((c) => c.kind === "coverage");
  if (column?.source === undefined) return { sql: "''", join: undefined };
  const style = plainStyle(plan.decimalComma, "");
  return cellsByValue(session, `dti_out.${sqlIdent(column.source)}`, "dti_cov", (c) => (typeof c === "number" ? sqlDouble(c) : "NULL"), (c) => formatNumber(c as number | null, style));
}

/** The points cell as `toCSV` writes it (`pointsText` of the published value): worked out here for each distinct index value. */
async function pointsCells(session: DuckDbSession, plan: CopyCsvPlan): Promise<{ sql: string; join: string | undefined }> {
  const column = plan.columns.find((c) => c.kind === "points");
  const total = plan.points;
  if (column?.source === undefined || total === undefined) return { sql: "''", join: undefined };
  const cell = csvCellText({ delimiter: plan.delimiter, decimalComma: plan.decimalComma });
  return cellsByValue(session, `CAST(dti_out.${sqlIdent(column.source)} AS VARCHAR)`, "dti_pts", (v) => (v === null ? "NULL" : sqlText(String(v))), (v) => cell("value", pointsText(v === null ? null : String(v), total)));
}

/**
 * A cell worked out here for each distinct value of `key` (an expression on `dti_out`), put in the
 * query as a constant or a CASE, or a joined table `table` (its join clause) when there are many.
 */
async function cellsByValue(
  session: DuckDbSession,
  key: string,
  table: string,
  literal: (v: string | number | null) => string,
  text: (v: string | number | null) => string,
): Promise<{ sql: string; join: string | undefined }> {
  const values = (await session.query(`SELECT DISTINCT ${key} AS c FROM dti_out`)).map((r) => r["c"] as string | number | null);
  const blank = sqlText(text(null));
  const known = values.filter((v) => v !== null);
  if (values.length === 0) return { sql: "''", join: undefined };
  if (values.length === 1) return { sql: sqlText(text(values[0] ?? null)), join: undefined };
  if (values.length <= 64) return { sql: `CASE ${key} ${known.map((v) => `WHEN ${literal(v)} THEN ${sqlText(text(v))}`).join(" ")} ELSE ${blank} END`, join: undefined };
  await session.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (VALUES ${known.map((v) => `(${literal(v)}, ${sqlText(text(v))})`).join(", ")}) AS t(c, t)`);
  return { sql: `coalesce(${table}.t, ${blank})`, join: `LEFT JOIN ${table} ON ${key} = ${table}.c` };
}

/** One row's CSV line (without the newline DuckDB adds: it ends in CR, for CRLF). */
function lineSql(plan: CopyCsvPlan, coverage: string, points: string): string {
  const d = plan.delimiter;
  // Parts: SQL expressions, with the constant text between them merged into one literal.
  const parts: string[] = [];
  let literal = "";
  plan.columns.forEach((c, i) => {
    if (i > 0) literal += d;
    if (c.source === undefined) return;
    const col = `dti_out.${sqlIdent(c.source)}`;
    const cell =
      c.kind === "coverage"
        ? coverage
        : c.kind === "points"
          ? points
        : c.kind === "note"
          ? csvCellSql(`coalesce(${plan.language === "en" ? `${sqlText(NOT_RANKED.en)} || substr(${col}, ${[...NOT_RANKED.vi].length + 1})` : col}, '')`, d)
        : c.kind === "text"
          ? csvCellSql(`coalesce(CAST(${col} AS VARCHAR), '')`, d)
          : c.kind === "value" && plan.decimalComma
            ? `coalesce(replace(CAST(${col} AS VARCHAR), '.', ','), '')`
            : `coalesce(CAST(${col} AS VARCHAR), '')`;
    if (literal !== "") parts.push(sqlText(literal));
    literal = "";
    parts.push(cell);
  });
  parts.push(sqlText(`${literal}\r`));
  return `concat(${parts.join(", ")})`;
}
