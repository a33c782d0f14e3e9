/**
 * The first steps of a compiled query: the unit's identity (name, code, group, year, row) and its
 * inputs read from the source's cells, numbers as exact whole numbers of 10^-inputDecimals and
 * labels as normalised text, with the library's checks (blank unit, not a number, too many
 * decimals, bad year) as errors that stop the query.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import { MISSING_WORDS } from "../input/blank-cell.ts";
import { pow10 } from "../number/rational.ts";
import type { CompiledFramework } from "../score/compile.ts";
import type { IndicatorNode } from "../framework/types.ts";
import { sqlIdent, sqlText, type Dialect } from "./dialect.ts";
import { identityColumnsOf, type IdentityRole } from "./identity-columns.ts";
import { failure, ruleWords } from "./leaf-sql.ts";
import { exponentBranches, pastNumberSql } from "./exponent-sql.ts";
import { showValueSql } from "./show-value-sql.ts";
import { blankSpelling, canonicalNumber } from "./number-spelling-sql.ts";
import { percentHintSql } from "./percent-advice-sql.ts";
import { cleanNameSql, nameKeySql, plainNameSql } from "./name-key-sql.ts";
import type { ToSqlOptions } from "./options.ts";

/** The column holding the unit's name in the query (for messages). */
export const UNIT_TEXT = "dti_unit";

/** The input keys the leaves read, in order, and which of them are read as numbers. */
export interface InputKeys {
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly numeric: ReadonlySet<number>;
}

/** Every input key of the plan's leaves (numbers for every rule but boolean and categorical). */
export function inputKeys(plan: CompiledFramework): InputKeys {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const numeric = new Set<number>();
  for (const leaf of plan.leaves) {
    const node = plan.nodes[leaf]!;
    for (const key of node.inputs) {
      if (!index.has(key)) {
        index.set(key, keys.length);
        keys.push(key);
      }
      const t = node.leaf!.rule.type;
      if (t !== "boolean" && t !== "categorical") numeric.add(index.get(key)!);
    }
  }
  return { keys, index, numeric };
}

// A blank cell: NULL, or empty, "NA", "N/A", "#N/A", "null" once trimmed (as `isBlank`). The
// words are compared one by one: an IN list becomes a join in DuckDB's plan.
const trimmed = (col: string) => `trim(CAST(${col} AS VARCHAR))`;
/** The blank words' greatest length: a longer text with no space at either end is not blank. */
const LONGEST_BLANK = MISSING_WORDS.reduce((most, w) => Math.max(most, w.length), 0);
/** The (trimmed) text is one of the blank words. */
export const blankWord = (text: string) => `(${MISSING_WORDS.map((w) => `lower(${text}) = ${sqlText(w)}`).join(" OR ")})`;
/** The cell is blank: NULL, or a blank word once trimmed (as `isBlank`). */
const blankCell = (col: string) => `${col} IS NULL OR ${blankWord(trimmed(col))}`;
/** The cleaned text of a cell: trimmed, NULL when blank. */
export const textOf = (col: string) => `CASE WHEN ${blankCell(col)} THEN NULL ELSE ${trimmed(col)} END`;
/** The text of a word cell as it is (a message quotes it so, as the library's do), NULL when blank. */
export const wordOf = (col: string) => `CASE WHEN ${blankCell(col)} THEN NULL ELSE CAST(${col} AS VARCHAR) END`;

/**
 * The identity columns of the cells step: dti_unit (a blank name stops the query), dti_code,
 * dti_group, cleaned as the library reads them (`cleanName`), dti_year_text, dti_row.
 */
export function identityColumns(options: ToSqlOptions, dialect: Dialect): string[] {
  const cols = options.columns ?? {};
  const unitCol = sqlIdent(cols.unit ?? "unit");
  // A plain name longer than the blank words is its own clean name, not blank: one pattern
  // decides the commonest cell, the blank checks and the folding are left to the others.
  const plainOr = (col: string, otherwise: string) => {
    const text = `CAST(${col} AS VARCHAR)`;
    return `CASE WHEN length(${text}) > ${LONGEST_BLANK} AND ${plainNameSql(dialect, text)} THEN ${text} ELSE ${otherwise} END`;
  };
  // The year is read as text here, checked in the inputs step (dti_year).
  const read = (role: IdentityRole, column: string) =>
    role === "unit"
      ? `${plainOr(unitCol, `CASE WHEN ${blankCell(unitCol)} THEN ${dialect.fail(`'DTI_ERROR DATA_MISSING_UNIT node= unit=: the unit name is blank' || coalesce(${trimmed(unitCol)}, '')`, "VARCHAR")} ELSE ${cleanNameSql(dialect, trimmed(unitCol))} END`)} AS ${UNIT_TEXT}`
      : role === "year"
        ? `${textOf(sqlIdent(cols.year!))} AS dti_year_text`
        : `${plainOr(sqlIdent(cols[role]!), `CASE WHEN ${blankCell(sqlIdent(cols[role]!))} THEN NULL ELSE ${cleanNameSql(dialect, trimmed(sqlIdent(cols[role]!)))} END`)} AS ${column}`;
  return [...identityColumnsOf(cols).map(([role, column]) => read(role, column)), ...(options.rowNumbers === true ? ["row_number() OVER () + 1 AS dti_row"] : [])];
}

/** Under "error", an input the source lacks that a scored leaf reads is a `DATA_MISSING_COLUMN` error. */
export function checkAbsentInputs(plan: CompiledFramework, keys: readonly string[], options: ToSqlOptions): void {
  if ((options.missing ?? "error") !== "error") return;
  const absent = keys.filter((key) => options.inputs?.[key] === null);
  // No column of bonus or penalty points: none were given.
  const needed = absent.filter((key) => plan.leaves.some((l) => plan.nodes[l]!.scored && !plan.nodes[l]!.adjustPart && plan.nodes[l]!.inputs.includes(key)));
  if (needed.length > 0) throw new DtiError(needed.map((key) => error("DATA_MISSING_COLUMN", `no column for "${key}" (set missing to "zero" or "reweight" to score without it)`)));
}

export const sourceColumn = (options: ToSqlOptions, key: string) => (options.inputs?.[key] === undefined ? key : options.inputs[key]);

/** The cells step's input columns: numbers as the source's text (c<j>), text inputs cleaned (t<j>); typed exact numbers as they are; the row checks of {@link plainRowChecks}. */
export function cellColumns(input: InputKeys, options: ToSqlOptions, dialect: Dialect): string[] {
  const exactColumns = new Set(options.exactColumns ?? []);
  const cells = input.keys.map((key, j) => {
    const column = sourceColumn(options, key);
    if (!input.numeric.has(j)) return `${column === null ? "CAST(NULL AS VARCHAR)" : wordOf(sqlIdent(column))} AS t${j}`;
    if (column === null) return `CAST(NULL AS VARCHAR) AS c${j}`;
    return exactColumns.has(column) ? `${sqlIdent(column)} AS c${j}` : `CAST(${sqlIdent(column)} AS VARCHAR) AS c${j}`;
  });
  const plain = plainPattern(options.inputDecimals ?? 6);
  const checks = plainRowChecks(input, options, dialect).map((group, g) => {
    const joined = `concat(${group.map((j) => `CAST(${sqlIdent(sourceColumn(options, input.keys[j]!)!)} AS VARCHAR)`).join(", ';', ")})`;
    return `${dialect.matches(joined, `(${plain};){${group.length - 1}}${plain}`)} AS dti_plain${g}`;
  });
  return [...cells, ...checks];
}

/** A plain decimal with at most `places` decimals and 14 digits, which a float reads exactly (see `numberParsers`); undefined past 14 decimals. */
function plainPattern(places: number): string | undefined {
  const fastDigits = 14;
  const fastInt = fastDigits - places;
  if (fastInt < 0) return undefined;
  return places === 0 ? `[+-]?[0-9]{1,${fastDigits}}` : `[+-]?([0-9]{1,${fastInt}}|[0-9]{0,${fastInt}}[.][0-9]{1,${places}})`;
}

/** Most cells one row check reads: its pattern repeats once per cell (RE2 allows 1,000 repetitions). */
const ROW_CHECK_CELLS = 100;

/**
 * DuckDB, wide data: the number cells read as text, in groups of up to {@link ROW_CHECK_CELLS},
 * each group checked once per row (flag dti_plain<g>): every cell of the group a plain decimal
 * (none blank). One pattern over the row's cells joined by ";" costs a fraction of one pattern per
 * cell, the commonest case read then without a check per cell. Joined, the cells are plain
 * decimals exactly when the text is that many plain decimals between semicolons: a plain decimal
 * has no ";", and a cell with one would make one piece too many.
 */
export function plainRowChecks(input: InputKeys, options: ToSqlOptions, dialect: Dialect): number[][] {
  if (dialect.name !== "duckdb" || options.shape === "long" || plainPattern(options.inputDecimals ?? 6) === undefined) return [];
  const exactColumns = new Set(options.exactColumns ?? []);
  const text = input.keys.flatMap((key, j) => {
    const column = sourceColumn(options, key);
    return input.numeric.has(j) && column !== null && !exactColumns.has(column) ? [j] : [];
  });
  const groups: number[][] = [];
  for (let i = 0; i < text.length; i += ROW_CHECK_CELLS) groups.push(text.slice(i, i + ROW_CHECK_CELLS));
  return groups.filter((g) => g.length > 1);
}

/** How a number is scaled to a whole number of 10^-places, in three ways (see {@link numberColumn}). */
function numberParsers(dialect: Dialect, options: ToSqlOptions) {
  const places = options.inputDecimals ?? 6;
  const scale = pow10(places);
  // Numbers become whole numbers of 10^-places, below 10^18 (INPUT_BOUND): BIGINT in DuckDB
  // (PostgreSQL: NUMERIC, exact as it is). A text is read as DECIMAL(18, places), scaled in 38
  // digits (DuckDB multiplies two 18-digit DECIMALs in 64 bits and would overflow).
  const parse = (text: string) =>
    dialect.name === "duckdb" ? `CAST(CAST(CAST(${text} AS DECIMAL(18,${places})) AS DECIMAL(38,${places})) * ${scale} AS BIGINT)` : `CAST(${text} AS NUMERIC) * ${dialect.intLit(scale)}`;
  // A plain decimal of at most 14 digits is read as a float and scaled: the float is within
  // 10^14 · 2^-52 < 0.03 of the whole number, so rounding gives it exactly (and DuckDB reads
  // floats much faster than DECIMALs).
  const parsePlain = (text: string) => (dialect.name === "duckdb" ? `CAST(round(CAST(${text} AS DOUBLE) * ${scale}) AS BIGINT)` : parse(text));
  // A typed DECIMAL(w, s) column (s ≤ places): DuckDB multiplies it by 10^places in 64 bits on
  // its unscaled digits, exact while |value| < 10^(18 − s − places) (checked per cell, the rare
  // larger value scaled in 38 digits).
  const parseTyped = (column: string, col: string) => {
    if (dialect.name !== "duckdb") return parse(col);
    const type = options.exactColumnTypes?.[column] ?? "";
    const decimal = /^DECIMAL\((\d+),(\d+)\)$/u.exec(type);
    if (decimal === null) return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT)$/u.test(type) ? `CAST(${col} AS BIGINT) * ${scale}` : parse(col);
    const digits = 18 - Number(decimal[2]) - places;
    if (digits <= 0) return parse(col);
    const fast = `CAST(${col} * ${scale} AS BIGINT)`;
    return Number(decimal[1]) - Number(decimal[2]) <= digits ? fast : `CASE WHEN ${col} < ${10n ** BigInt(digits)} AND ${col} > -${10n ** BigInt(digits)} THEN ${fast} ELSE ${parse(col)} END`;
  };
  return { places, parse, parsePlain, parseTyped };
}

/** The number inputs read from text: those of {@link spelledColumns} and {@link numberColumn}'s checks. */
export const readsText = (input: InputKeys, j: number, options: ToSqlOptions) => {
  const column = sourceColumn(options, input.keys[j]!);
  return input.numeric.has(j) && column !== null && !(options.exactColumns ?? []).includes(column);
};

/**
 * The spelled step's columns, sp<j> for each number input read from text: NULL for a NULL cell or
 * a plain decimal with at most inputDecimals decimals and 14 digits (its row checked at once, or
 * itself), read as it is; '' for a blank cell (`isBlank`); else the cell as `parseNumber` spells
 * it out (`canonicalNumber`), which the inputs step checks. Only the cells that are not plain
 * decimals pay for the spelling.
 */
export function spelledColumns(input: InputKeys, options: ToSqlOptions, dialect: Dialect): string[] {
  const plain = plainPattern(options.inputDecimals ?? 6);
  const checked = new Map(plainRowChecks(input, options, dialect).flatMap((group, g) => group.map((j) => [j, `dti_plain${g}`] as const)));
  return input.keys.flatMap((_, j) => {
    if (!readsText(input, j, options)) return [];
    const c = `c${j}`;
    const rowCheck = checked.get(j);
    return [
      `CASE WHEN ${c} IS NULL THEN NULL ${rowCheck !== undefined ? `WHEN ${rowCheck} THEN NULL ` : ""}${plain !== undefined ? `WHEN ${dialect.matches(c, plain)} THEN NULL ` : ""}` +
        // The commonest other spellings (a decimal comma, spaces around) at the cost of one pattern.
        `WHEN ${dialect.matches(c, " *[+-]?[0-9]*[.,]?[0-9]+ *")} THEN replace(trim(${c}), ',', '.') ` +
        `WHEN ${blankSpelling(dialect, `lower(${c})`)} THEN '' ELSE ${canonicalNumber(dialect, c)} END AS sp${j}`,
    ];
  });
}

/** The first leaf reading input j, and which of its inputs it is: its rule says what to write instead of a percentage. */
function readerOf(plan: CompiledFramework, key: string): { leaf: IndicatorNode; inputs: readonly string[]; input: number } | undefined {
  const node = plan.leaves.map((l) => plan.nodes[l]!).find((n) => n.inputs.includes(key));
  return node?.leaf === undefined ? undefined : { leaf: node.leaf, inputs: node.inputs, input: node.inputs.indexOf(key) };
}

/** The hint of a "not a number" message on input j's cell: the library's advice when it is a percentage (see `percentHintSql`). */
function percentHint(plan: CompiledFramework, input: InputKeys, j: number, options: ToSqlOptions, dialect: Dialect): string {
  const reader = readerOf(plan, input.keys[j]!);
  if (reader === undefined) return "''";
  // A ratio's numerator: the advice counts the share of the denominator, read as spelled out.
  const b = reader.leaf.rule.type === "ratio" && reader.input === 0 ? input.index.get(reader.inputs[1]!) : undefined;
  const denominator = b !== undefined && readsText(input, b, options) ? `CASE WHEN sp${b} IS NULL THEN c${b} ELSE sp${b} END` : undefined;
  return percentHintSql(dialect, reader.leaf, reader.input, `c${j}`, `sp${j}`, denominator);
}

/** The inputs step's number column x<j> of input j: exact, or a failure naming the input and unit (a percentage's with the library's advice, `hint`). */
export function numberColumn(input: InputKeys, j: number, options: ToSqlOptions, dialect: Dialect, hint = "''"): string {
  const { places, parse, parsePlain, parseTyped } = numberParsers(dialect, options);
  const failCtx = { dialect, unit: UNIT_TEXT };
  const key = input.keys[j]!;
  const column = sourceColumn(options, key);
  const c = `c${j}`;
  if (column !== null && (options.exactColumns ?? []).includes(column)) return `${parseTyped(column, c)} AS x${j}`;
  if (column === null) return `CAST(NULL AS ${dialect.small}) AS x${j}`;
  // The common cell, a plain decimal (sp<j> NULL), is read directly; any other, as spelled out in
  // sp<j> (see spelledColumns), takes the checks.
  const intDigits = 18 - places;
  const n = `sp${j}`;
  const intPart = `regexp_replace(${n}, '^[+-]?0*([0-9]*).*$', '\\1')`;
  const fail = {
    // The cell quoted as the library quotes it (as written, spaces kept).
    notANumber: failure(failCtx, "DATA_NOT_A_NUMBER", key, `${showValueSql(`CAST(${c} AS VARCHAR)`)} || ' is not a number'`),
    decimals: failure(failCtx, "SQL_UNSUPPORTED", key, `trim(${c}) || ' has more than ${places} decimals: raise inputDecimals'`),
    digits: failure(failCtx, "SQL_UNSUPPORTED", key, `trim(${c}) || ' has more than 18 digits with ${places} decimals: lower inputDecimals, or run the query on PostgreSQL'`),
  };
  return (
    `CASE WHEN ${n} IS NULL THEN ${parsePlain(c)} WHEN ${n} = '' THEN NULL ` +
    exponentBranches(dialect, n, places, fail) +
    // Only here may the cell be a percentage, whose message says what to write instead.
    `WHEN NOT ${dialect.matches(n, "[+-]?[0-9]*[.]?[0-9]+")} THEN ${failure(failCtx, "DATA_NOT_A_NUMBER", key, `${showValueSql(`CAST(${c} AS VARCHAR)`)} || ' is not a number' || ${hint}`)} ` +
    // Trailing zeros past the decimals change nothing (the library reads "0.12340000" as 0.1234).
    `WHEN strpos(${n}, '.') > 0 AND length(rtrim(${n}, '0')) - strpos(${n}, '.') > ${places} THEN ${fail.decimals} ` +
    // DuckDB's BIGINT holds 18 digits; PostgreSQL's NUMERIC any number, but the library reads none past a JavaScript number.
    (dialect.name === "duckdb" ? `WHEN length(${intPart}) > ${intDigits} THEN ${fail.digits} ` : `WHEN ${pastNumberSql(dialect, `length(${intPart})`, `abs(${parse(n)})`, places)} THEN ${fail.notANumber} `) +
    `ELSE ${parse(n)} END AS x${j}`
  );
}

/** The words each text input j is compared with: those of every boolean and categorical leaf reading it. */
function wordKeys(input: InputKeys, plan: CompiledFramework): string[][] {
  const words: string[][] = input.keys.map(() => []);
  for (const leaf of plan.leaves) {
    const node = plan.nodes[leaf]!;
    const leafWords = ruleWords(node.leaf!.rule);
    for (const key of node.inputs) for (const word of leafWords) words[input.index.get(key)!]!.push(word);
  }
  return words;
}

/** The inputs step's columns: dti_year (checked), x<j> for numbers, w<j> for labels (their key, `normalizeKey` as the words they are compared with need it: see `name-key-sql.ts`). */
export function inputColumns(input: InputKeys, plan: CompiledFramework, options: ToSqlOptions, dialect: Dialect): string[] {
  const failCtx = { dialect, unit: UNIT_TEXT };
  const year =
    options.columns?.year === undefined
      ? []
      : [`CASE WHEN dti_year_text IS NULL THEN NULL WHEN ${dialect.matches("dti_year_text", "[0-9]{1,4}")} THEN CAST(dti_year_text AS INTEGER) ELSE CAST(${failure(failCtx, "DATA_BAD_YEAR", "", "dti_year_text || ' is not a year'")} AS INTEGER) END AS dti_year`];
  const words = wordKeys(input, plan);
  const keyOf = (j: number) => `${nameKeySql(dialect, `t${j}`, words[j] ?? [], `the words of input "${input.keys[j]}"`)} AS w${j}`;
  return [...year, ...input.keys.map((_, j) => (input.numeric.has(j) ? numberColumn(input, j, options, dialect, percentHint(plan, input, j, options, dialect)) : keyOf(j)))];
}
