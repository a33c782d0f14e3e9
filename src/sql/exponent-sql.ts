/**
 * A number cell in exponent form ("1.5e-3", "5E-1"), read in SQL exactly as the library reads it
 * (`parseNumber`, then `ratFromDecimal`): the mantissa's digits and the exponent taken apart as
 * text, the decimal point moved by the exponent, never through a float. The spellings are
 * `parseNumber`'s: digits, an optional "." and digits (no decimal comma), "e" or "E", a signed
 * whole exponent.
 *
 * What the library refuses stays refused with its code: an exponent beyond ±100,000
 * (`decimalDigits`) or a value too large for a JavaScript number (`Number` gives Infinity) is not a
 * number. What the query cannot hold is refused as the plain spelling is: more decimals than
 * inputDecimals once trailing zeros are dropped, more than 18 digits on DuckDB.
 *
 * @module
 */
import type { Dialect } from "./dialect.ts";

/** The exponent spelling `parseNumber` reads (after the sign). */
export const EXPONENT_PATTERN = "[+-]?[0-9]+([.][0-9]+)?[eE][+-]?[0-9]+";

/** Most digits a value's whole part has below Number.MAX_VALUE (1.797…e308). */
const FINITE_DIGITS = 309;

/** 2^1024 − 2^970: the least value `Number()` reads as Infinity (half-way up from MAX_VALUE, rounded to even). */
const INFINITE = 2n ** 1024n - 2n ** 970n;

/** The failures of a number cell, as the plain spelling's checks write them (SQL expressions that stop the query). */
export interface CellFailures {
  readonly notANumber: string;
  readonly decimals: string;
  /** DuckDB: more than 18 digits with the decimals. */
  readonly digits: string;
}

/**
 * PostgreSQL (whose NUMERIC holds any number): the condition that a value with `wholeDigits`
 * digits before its point, `scaled` its whole number of 10^-places, is one `Number()` reads as
 * Infinity, which the library calls not a number.
 */
export function pastNumberSql(dialect: Dialect, wholeDigits: string, scaled: string, places: number): string {
  return `(${wholeDigits} > ${FINITE_DIGITS} OR (${wholeDigits} = ${FINITE_DIGITS} AND ${scaled} >= ${dialect.intLit(INFINITE * 10n ** BigInt(places))}))`;
}

/**
 * The CASE branches (`WHEN … THEN …`) of a trimmed cell `t` in exponent form: its whole number of
 * 10^-places, or the failure the library's reading or the query's limits call for.
 */
export function exponentBranches(dialect: Dialect, t: string, places: number, fail: CellFailures): string {
  const digits = `regexp_replace(${t}, '^[+-]?([0-9]+)[.]?([0-9]*)[eE].*$', '\\1\\2')`;
  const intLength = `length(regexp_replace(${t}, '^[+-]?([0-9]+).*$', '\\1'))`;
  const expText = `regexp_replace(${t}, '^.*[eE][+]?', '')`;
  // Digits of the whole number of 10^-places to drop (K > 0) or to add as zeros (K < 0).
  const k = `(length(${digits}) - ${intLength} - CAST(${expText} AS INTEGER) - ${places})`;
  const significant = `ltrim(${digits}, '0')`;
  // Digits of the value's whole part (the mantissa's first non-zero digit counted from there).
  const wholeDigits = `(length(${significant}) - ${k} - ${places})`;
  const scaled = `CASE WHEN ${k} <= 0 THEN ${digits} || repeat('0', CAST(-${k} AS INTEGER)) ELSE left(${digits}, CAST(length(${digits}) - ${k} AS INTEGER)) END`;
  const type = dialect.name === "duckdb" ? "BIGINT" : "NUMERIC";
  const value = `CAST(${scaled} AS ${type})`;
  const notANumber = fail.notANumber;
  return (
    `WHEN ${dialect.matches(t, EXPONENT_PATTERN)} THEN CASE ` +
    `WHEN length(ltrim(${expText}, '-0')) > 6 THEN ${notANumber} ` +
    `WHEN abs(CAST(${expText} AS INTEGER)) > 100000 THEN ${notANumber} ` +
    `WHEN ${significant} = '' THEN CAST(0 AS ${type}) ` +
    `WHEN ${wholeDigits} > ${FINITE_DIGITS} THEN ${notANumber} ` +
    `WHEN ${k} > length(${digits}) - length(rtrim(${digits}, '0')) THEN ${fail.decimals} ` +
    (dialect.name === "duckdb" ? `WHEN length(${significant}) - ${k} > 18 THEN ${fail.digits} ` : `WHEN ${pastNumberSql(dialect, wholeDigits, value, places)} THEN ${notANumber} `) +
    `ELSE CASE WHEN left(${t}, 1) = '-' THEN -${value} ELSE ${value} END END `
  );
}
