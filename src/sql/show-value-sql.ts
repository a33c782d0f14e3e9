/**
 * A cell quoted in a query's message as the library's messages quote it (`showValue`): JSON's
 * string (quotes, backslashes and control characters escaped), cut after `QUOTE_LIMIT`
 * characters with "…" and the text's length ("(1,234 characters)").
 *
 * @module
 */
import { QUOTE_LIMIT } from "../errors.ts";
import { sqlText } from "./dialect.ts";

/** JSON.stringify's escapes of a string's characters: backslash and quote first, then the controls it spells. */
const ESCAPES: readonly (readonly [number, string])[] = [
  [0x5c, "\\\\"],
  [0x22, '\\"'],
  ...Array.from({ length: 31 }, (_, i) => i + 1).map((c) => [c, JSON.stringify(String.fromCharCode(c)).slice(1, -1)] as const),
];

/** The text with JSON's escapes (NUL, which neither engine's text holds from a CSV, aside). */
function escaped(text: string): string {
  return ESCAPES.reduce((t, [c, e]) => `replace(${t}, chr(${c}), ${sqlText(e)})`, text);
}

/** A whole number written with "," between groups of three digits, as `grouped` writes it (below 10^9). */
function grouped(n: string): string {
  const part = (div: number) => `lpad(CAST(CAST(floor(${n} / ${div}) AS BIGINT) % 1000 AS VARCHAR), 3, '0')`;
  return `CASE WHEN ${n} < 1000 THEN CAST(${n} AS VARCHAR) WHEN ${n} < 1000000 THEN CAST(CAST(floor(${n} / 1000) AS BIGINT) AS VARCHAR) || ',' || ${part(1)} ELSE CAST(CAST(floor(${n} / 1000000) AS BIGINT) AS VARCHAR) || ',' || ${part(1000)} || ',' || ${part(1)} END`;
}

/**
 * `showValue` of a text expression, as SQL. Lengths are counted in characters, which are
 * JavaScript's UTF-16 units for every character but those past U+FFFF (emoji), counted twice by
 * JavaScript.
 *
 * @example
 * ```ts
 * showValueSql("dti_cell"); // => "CASE WHEN length(dti_cell) <= 80 THEN '\"' || replace(…"
 * ```
 */
export function showValueSql(text: string): string {
  const cut = `'"' || ${escaped(`left(${text}, ${QUOTE_LIMIT})`)} || '…" (' || ${grouped(`length(${text})`)} || ' characters)'`;
  return `CASE WHEN length(${text}) <= ${QUOTE_LIMIT} THEN '"' || ${escaped(text)} || '"' ELSE ${cut} END`;
}

/**
 * Unsigned decimal digits `digits` over 10^`places` (an SQL integer of either sign), written as
 * `ratToDecimalText` writes the value: no leading zeros but one before the point, no trailing
 * zeros, no point without decimals.
 */
export function pointedSql(digits: string, places: string): string {
  const whole = `${digits} || repeat('0', CAST(greatest(-(${places}), 0) AS INTEGER))`;
  const p = `CAST(greatest(${places}, 0) AS INTEGER)`;
  const padded = `repeat('0', ${p}) || ${whole}`;
  return `rtrim(rtrim(regexp_replace(left(${padded}, length(${whole})) || '.' || right(${padded}, ${p}), '^0+([0-9])', '\\1'), '0'), '.')`;
}

/** An input read as the whole number `x` of 10^-`places`, shown as the library's messages show it (`showRational`: "-1234.5"). */
export function showScaledSql(x: string, places: number): string {
  return `CASE WHEN ${x} < 0 THEN '-' ELSE '' END || ${pointedSql(`CAST(trunc(abs(${x})) AS VARCHAR)`, String(places))}`;
}
