/**
 * Long data (one row per unit, year and indicator: `unit, indicator, value`) as the compiled
 * query's cells, as the library reads it: each indicator name matched to an input key by the same
 * spellings (id, Vietnamese and English names, short label, "Chỉ số <name>", compared by
 * `normalizeKey` in SQL: `name-key-sql.ts`), rows of one unit
 * (by its name's key) and year put together, the unit named as its first row names it. A blank or
 * unknown indicator, a second value for one indicator, or two codes or groups for one unit stop
 * the query with the library's issue code.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import { inputAliases, isInputKey } from "../input/resolve-columns.ts";
import { sqlIdent, sqlText, type Dialect } from "./dialect.ts";
import { identityColumns, UNIT_TEXT, wordOf, type InputKeys } from "./input-sql.ts";
import { failure } from "./leaf-sql.ts";
import { lowerCaseSql, nameKeySql } from "./name-key-sql.ts";
import { loneSeparatorSql } from "./thousands-sql.ts";
import type { ToSqlOptions } from "./options.ts";

/**
 * The key the rows of one unit share: `normalizeKey` of its name, which is clean already
 * (`cleanNameSql`): JavaScript's lower case (`lowerCaseSql`). A name with a capital sigma stops
 * the query.
 */
function unitKeyOf(dialect: Dialect, text: string): string {
  const sigma = failure({ dialect, unit: text }, "SQL_UNSUPPORTED", "", sqlText("a unit name with a capital sigma (Σ), whose lower case depends on its place in the word, is not matched in SQL: score long data with such names with the library"), "VARCHAR");
  return lowerCaseSql(dialect, text, sigma);
}

/** The `dti_long_rows` step's columns: the identity, the row's line, its indicator name and its value as text. */
export function longRows(options: ToSqlOptions, dialect: Dialect): string[] {
  const cols = options.columns ?? {};
  return [
    ...identityColumns({ ...options, rowNumbers: false }, dialect),
    "row_number() OVER () + 1 AS dti_line",
    `trim(CAST(${sqlIdent(cols.indicator ?? "indicator")} AS VARCHAR)) AS dti_indicator`,
    `CAST(${sqlIdent(cols.value ?? "value")} AS VARCHAR) AS dti_value`,
  ];
}

/** The `dti_long` step's columns: the unit's key and the row's input key (checked). */
export function longKeys(framework: Framework, input: InputKeys, dialect: Dialect): string[] {
  const indicator = "dti_indicator";
  const aliases = inputAliases(framework).inputs;
  const fail = (code: string, message: string) => failure({ dialect, unit: UNIT_TEXT }, code, "", message, "VARCHAR");
  const spellings = [...aliases].filter(([, k]) => isInputKey(k) && input.index.has(k));
  const norm = nameKeySql(dialect, indicator, spellings.map(([alias]) => alias), "the indicator names of long data");
  const branches = input.keys.map((key) => {
    const names = spellings.filter(([, k]) => k === key).map(([alias]) => alias);
    return names.length === 0 ? "" : `WHEN ${norm} IN (${names.map(sqlText).join(", ")}) THEN ${sqlText(key)} `;
  });
  const key =
    `CASE WHEN ${indicator} IS NULL OR ${indicator} = '' THEN ${fail("DATA_UNKNOWN_INDICATOR", "'the indicator name is blank'")} ` +
    `${branches.join("")}WHEN ${indicator} IN (${input.keys.map(sqlText).join(", ")}) THEN ${indicator} ` +
    `ELSE ${fail("DATA_UNKNOWN_INDICATOR", `${indicator} || ${sqlText(` is not an indicator input of framework "${framework.id}"`)}`)} END AS dti_key`;
  return [`${unitKeyOf(dialect, UNIT_TEXT)} AS dti_unit_key`, key];
}

/**
 * The `dti_cells` step over `dti_long`: one row per unit and year, the inputs' cells as columns
 * (what the wide source gives). A cell of an `asked` input written like "1.050" stops the query:
 * the library decides from all of an indicator's cells whether such a cell groups thousands,
 * which the query does for wide data only.
 */
export function longCells(input: InputKeys, options: ToSqlOptions, dialect: Dialect, asked: ReadonlySet<string>): string {
  const cols = options.columns ?? {};
  const first = (expr: string) => (dialect.name === "duckdb" ? `arg_min(${expr}, dti_line)` : `(array_agg(${expr} ORDER BY dti_line))[1]`);
  const unit = first(UNIT_TEXT);
  const fail = (code: string, node: string, message: string) => failure({ dialect, unit }, code, node, message, "VARCHAR");
  const single = (col: string, field: string) =>
    `CASE WHEN count(DISTINCT ${col}) > 1 THEN ${fail("DATA_CONFLICT", "", sqlText(`the unit has more than one ${field}`))} ELSE max(${col}) END AS ${col}`;
  const grouped = (key: string, read: string) =>
    `${fail("SQL_UNSUPPORTED", key, `'"' || ${read} || ${sqlText(`" may be written with a thousands separator, which the query does not decide for long data: write it without one (1050) or with four decimals (1.0500), or score long data with the library`)}`)}`;
  const cell = (key: string) => {
    const read = `max(CASE WHEN dti_key = ${sqlText(key)} THEN dti_value END)`;
    const value = asked.has(key) ? `CASE WHEN ${loneSeparatorSql(dialect, read)} THEN ${grouped(key, read)} ELSE ${read} END` : read;
    return `CASE WHEN count(CASE WHEN dti_key = ${sqlText(key)} THEN 1 END) > 1 THEN ${fail("DATA_DUPLICATE_VALUE", key, sqlText(`the unit already has a value for "${key}"`))} ELSE ${value} END`;
  };
  const columns = [
    `${unit} AS ${UNIT_TEXT}`,
    ...(cols.code !== undefined ? [single("dti_code", "code")] : []),
    ...(cols.group !== undefined ? [single("dti_group", "group")] : []),
    ...(cols.year !== undefined ? ["dti_year_text"] : []),
    ...(options.rowNumbers === true ? ["min(dti_line) AS dti_row"] : []),
    ...input.keys.map((key, j) => (input.numeric.has(j) ? `${cell(key)} AS c${j}` : `${wordOf(cell(key))} AS t${j}`)),
  ];
  const by = ["dti_unit_key", ...(cols.year !== undefined ? ["dti_year_text"] : [])];
  return `SELECT\n    ${columns.join(",\n    ")}\n  FROM dti_long\n  GROUP BY ${by.join(", ")}`;
}
