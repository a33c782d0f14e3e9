// DuckDB side of the side-by-side benchmarks (not a benchmark itself): loading the hand-written
// SQL of bench/sql/, an in-memory DuckDB (its default threads: every core), and the check that
// DuckDB's ROUND on DECIMAL rounds half-up (bench/sql/round-check.sql).
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

/** A SQL string literal: 'text', quotes doubled. */
export const sqlString = (text) => `'${String(text).replaceAll("'", "''")}'`;

/**
 * The query of bench/sql/<name>.sql with each `{{key}}` outside comment lines replaced by
 * `params[key]`: a string becomes a SQL string literal (file paths), `{ sql }` is put in as
 * written (a column-type struct). The trailing semicolon is dropped so that the query can be
 * wrapped in COPY.
 */
export function loadSql(name, params = {}) {
  const text = readFileSync(new URL(`sql/${name}.sql`, import.meta.url), "utf8");
  const fill = (line) =>
    line.replace(/\{\{(\w+)\}\}/gu, (_, key) => {
      if (!(key in params)) throw new Error(`bench/sql/${name}.sql: no value for {{${key}}}`);
      const value = params[key];
      return typeof value === "object" ? value.sql : sqlString(value);
    });
  const query = text
    .split("\n")
    .map((line) => (line.trimStart().startsWith("--") ? line : fill(line)))
    .join("\n");
  return query.trim().replace(/;\s*$/u, "");
}

/**
 * The `columns` struct of read_csv for a CSV file's header (its first line, comma-separated):
 * unit and code (and any other named in `text`) VARCHAR, every other column `type`.
 */
export function csvColumns(path, type = "DECIMAL(18,4)", text = ["unit", "code"]) {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 16);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const names = buffer.subarray(0, n).toString("utf8").split("\n")[0].split(",");
  return { sql: `{${names.map((c) => `${sqlString(c)}: '${text.includes(c) ? "VARCHAR" : type}'`).join(", ")}}`, names };
}

/**
 * The parameters of bench/sql/minmax.sql for a CSV file and a framework: the index alone, or with
 * `all` each indicator's value and rank besides (the PIVOT's <indicator>_v and <indicator>_r).
 */
export function minmaxParams(csv, framework, all = false) {
  const columns = csvColumns(csv);
  const indicators = columns.names.filter((c) => c !== "unit" && c !== "code");
  return {
    csv,
    framework,
    columns,
    indicators: { sql: `(${indicators.map(sqlString).join(", ")})` },
    leaves: { sql: all ? ", wide.*" : "" },
    join: { sql: all ? " JOIN wide USING (code)" : "" },
    names: indicators,
  };
}

/** A connection to a new in-memory DuckDB. */
export async function connectDuckDB() {
  const instance = await DuckDBInstance.create(":memory:");
  return instance.connect();
}

/** Rows of a query as plain JavaScript values (DECIMALs as numbers: cast them to VARCHAR to keep their digits). */
export async function rows(connection, query) {
  return (await connection.runAndReadAll(query)).getRowObjectsJS();
}

/**
 * Runs bench/sql/round-check.sql and throws unless DuckDB's ROUND on DECIMAL rounds every
 * half-way point up (0.00005 → 0.0001, 0.71635 → 0.7164, 0.80015 → 0.8002, all 100,000
 * half-way points of [0, 1) at 5 decimals). Returns how many of those the DOUBLE ROUND gets wrong
 * (for the record: the reason the SQL stays in DECIMAL and integers).
 */
export async function checkRounding(connection) {
  const [r] = await rows(connection, loadSql("round-check"));
  const expected = { small: "0.0001", official: "0.7164", mean: "0.8002", decimal_wrong: 0n };
  for (const [k, v] of Object.entries(expected)) {
    if (r[k] !== v) throw new Error(`DuckDB ROUND on DECIMAL is not half-up: ${k} = ${r[k]}, expected ${v}`);
  }
  return { doubleWrong: Number(r.double_wrong), points: Number(r.points) };
}

/** DuckDB's version, e.g. "v1.5.6". */
export async function duckdbVersion(connection) {
  const [r] = await rows(connection, "SELECT version() AS v");
  return r.v;
}
