/**
 * The numbers of a percentage's advice read in SQL as the library reads them (`parseNumber`,
 * then `ratFromDecimal`): a plain decimal or the exponent form ("5e1", "-1.25E-3"), its digits
 * and where its point goes, whether `Number()` reads it as a finite number (else the library
 * gives no advice) and as no zero (else it drops the minus sign); and the exact product of two
 * such numbers, which on DuckDB may pass HUGEINT's 38 digits (a 309-digit percentage of 20
 * points): there it is multiplied in pieces of nine digits.
 *
 * @module
 */
import { ratFromNumber, ratToDecimalText } from "../number/rational.ts";
import type { Dialect } from "./dialect.ts";
import { EXPONENT_PATTERN } from "./exponent-sql.ts";
import { pointedSql } from "./show-value-sql.ts";

/** A plain decimal as `parseNumber` reads it (after the spelling is spelled out). */
export const PLAIN = "[+-]?[0-9]*[.]?[0-9]+";

/** 2^1024 − 2^970, the least value `Number()` reads as Infinity: its 309 whole digits. */
const INFINITE_TEXT = (2n ** 1024n - 2n ** 970n).toString();
/** 2^-1075, the greatest positive value `Number()` reads as 0 (half the least subnormal, a tie to even): 5^1075 · 10^-1075. */
const TINY = (5n ** 1075n).toString();
/** The power of ten of 2^-1075's first digit. */
const TINY_AT = TINY.length - 1 - 1075;

/** A number's text as SQL expressions: what the advice shows and reads of it. */
export interface NumberParts {
  /** The text is a number the library reads: a plain decimal, or an exponent form of at most six exponent digits, finite as a JavaScript number. */
  readonly readable: string;
  /** The number as `parseNumber` writes it ("-5e1", "0.5": no "+", "0" before a leading point, no "-" on a zero). */
  readonly shown: string;
  /** '-' or ''. */
  readonly minus: string;
  /** Its digits, unsigned, and where the point goes: the value is digits · 10^-places. */
  readonly digits: string;
  readonly places: string;
  /** Its hundredth as `parseNumber` writes a percentage's share (far exponents kept as exponents). */
  readonly share: string;
}

/**
 * `body` over values computed once (`fields`, named `alias`.name in it): a lambda over a struct on
 * DuckDB, a subquery on PostgreSQL. Written out, each part would repeat the text of those before it.
 */
function bound(dialect: Dialect, alias: string, fields: Record<string, string>, body: string): string {
  const entries = Object.entries(fields);
  if (dialect.name === "duckdb") return `list_transform([struct_pack(${entries.map(([k, v]) => `${k} := ${v}`).join(", ")})], lambda ${alias}: ${body})[1]`;
  return `(SELECT ${body} FROM (SELECT ${entries.map(([k, v]) => `${v} AS ${k}`).join(", ")}) AS ${alias})`;
}

/** `body` of the parts of a signed number's text `text` (see {@link NumberParts}), each computed once, named after `alias`; read where `readable` holds. */
export function withNumberParts(dialect: Dialect, text: string, alias: string, body: (parts: NumberParts) => string): string {
  const [z, a, b, c] = [`${alias}z`, `${alias}a`, `${alias}b`, `${alias}c`];
  const zeroth = { t: text, x: dialect.matches(text, EXPONENT_PATTERN), e: `regexp_replace(${text}, '^.*[eE][+]?', '')` };
  const expText = `CASE WHEN ${z}.x THEN ${z}.e ELSE '0' END`;
  // A longer exponent is left unread (as exponent-sql.ts leaves the cell's).
  const expShort = `length(ltrim(${expText}, '-0')) <= 6`;
  const first = {
    mantissa: `regexp_replace(ltrim(${z}.t, '+-'), '[eE].*$', '')`,
    bare: `ltrim(${z}.t, '+-')`,
    exp: `CAST(CASE WHEN ${expShort} THEN ${expText} ELSE '0' END AS INTEGER)`,
    readable: `(${dialect.matches(`${z}.t`, PLAIN)} OR (${z}.x AND ${expShort}))`,
    negative: `left(${z}.t, 1) = '-'`,
  };
  const second = {
    digits: `replace(${a}.mantissa, '.', '')`,
    places: `CASE WHEN strpos(${a}.mantissa, '.') > 0 THEN length(${a}.mantissa) - strpos(${a}.mantissa, '.') ELSE 0 END - ${a}.exp`,
  };
  const sig = `ltrim(${b}.digits, '0')`;
  // The power of ten of the first significant digit.
  const at = `length(${sig}) - ${b}.places - 1`;
  const third = {
    finite: `${sig} = '' OR ${at} < 308 OR (${at} = 308 AND left(${sig} || repeat('0', 309), 309) < '${INFINITE_TEXT}')`,
    minus: `CASE WHEN ${a}.negative AND ${sig} <> '' AND (${at} > ${TINY_AT} OR (${at} = ${TINY_AT} AND rtrim(${sig}, '0') > '${TINY}')) THEN '-' ELSE '' END`,
  };
  const parts: NumberParts = {
    readable: `(${a}.readable AND ${c}.finite)`,
    shown: `${c}.minus || CASE WHEN left(${a}.bare, 1) = '.' THEN '0' ELSE '' END || ${a}.bare`,
    minus: `${c}.minus`,
    digits: `${b}.digits`,
    places: `(${b}.places)`,
    share: `${c}.minus || CASE WHEN ${z}.x AND abs(${a}.exp - 2) > 100 THEN ${a}.mantissa || 'e' || CAST(${a}.exp - 2 AS VARCHAR) ELSE ${pointedSql(`${b}.digits`, `${b}.places + 2`)} END`,
  };
  return bound(dialect, z, zeroth, bound(dialect, a, first, bound(dialect, b, second, bound(dialect, c, third, body(parts)))));
}

/** The parts of a number known when compiling (a leaf's points, as the library reads them: `ratFromNumber`), as literals. */
export function literalParts(value: number): NumberParts {
  const text = ratToDecimalText(ratFromNumber(value));
  const [int, frac = ""] = text.replace(/^-/u, "").split(".") as [string, string?];
  return { readable: "TRUE", shown: `'${text}'`, minus: text.startsWith("-") ? "'-'" : "''", digits: `'${int}${frac}'`, places: String(frac.length), share: "NULL" };
}

/** Digits in pieces of nine, the last first, as BIGINTs (DuckDB). */
const pieces = (digits: string) =>
  `list_transform(range(0, (length(${digits}) + 8) // 9), lambda i: CAST(substr(${digits}, CAST(greatest(length(${digits}) - 9 * i - 8, 1) AS INTEGER), CAST(least(9, length(${digits}) - 9 * i) AS INTEGER)) AS BIGINT))`;

/**
 * DuckDB: the product of two texts of digits past 38 digits, by the school method on pieces of
 * nine digits (each column's sum fits in a HUGEINT), the carries taken from the last piece up.
 */
function longProduct(a: string, b: string): string {
  const sums =
    `list_transform(range(0, len(s.a) + len(s.b) - 1), lambda k: CAST(list_sum(list_transform(range(greatest(0, k - len(s.b) + 1), least(k, len(s.a) - 1) + 1), ` +
    `lambda i: CAST(s.a[i + 1] AS HUGEINT) * s.b[k - i + 1])) AS VARCHAR))`;
  const t = `(CAST(x AS HUGEINT) + CAST(split_part(acc, '|', 1) AS HUGEINT))`;
  const carried = `list_reduce(${sums}, lambda acc, x: CAST(${t} // 1000000000 AS VARCHAR) || '|' || lpad(CAST(${t} % 1000000000 AS VARCHAR), 9, '0') || split_part(acc, '|', 2), '0|')`;
  return `list_transform([struct_pack(a := ${pieces(a)}, b := ${pieces(b)})], lambda s: replace(${carried}, '|', ''))[1]`;
}

/** The exact product of two texts of digits, as digits (maybe with leading zeros). */
export function productDigits(dialect: Dialect, a: string, b: string): string {
  if (dialect.name !== "duckdb") return `CAST(CAST(${a} AS NUMERIC) * CAST(${b} AS NUMERIC) AS VARCHAR)`;
  return `CASE WHEN length(${a}) + length(${b}) <= 38 THEN CAST(CAST(${a} AS HUGEINT) * CAST(${b} AS HUGEINT) AS VARCHAR) ELSE ${longProduct(a, b)} END`;
}

/** The exact product of a percentage's share (`n`, the number before the sign) and a number `f`, as `ratToDecimalText` writes it. */
export function shareProductSql(dialect: Dialect, n: NumberParts, f: NumberParts): string {
  const sign = `CASE WHEN (${n.minus}) <> (${f.minus}) AND ltrim(pp.p, '0') <> '' THEN '-' ELSE '' END`;
  return bound(dialect, "pp", { p: productDigits(dialect, n.digits, f.digits) }, `${sign} || ${pointedSql("pp.p", `${n.places} + ${f.places} + 2`)}`);
}
