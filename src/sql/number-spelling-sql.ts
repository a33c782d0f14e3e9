/**
 * A number cell's spelling read in SQL as the library reads it (`parseNumber`, `isBlank`): white
 * space anywhere in it left out ("1 234,5", a no-break space, a tab), "−" (U+2212) as a minus
 * sign, a decimal comma, thousands groups ("1.234,5", "1,234.5", "1.234.567"; a lone separator
 * before three digits, "1.234", is a decimal point), and the blank words with white space around
 * them. The result is the cell's canonical text, which the inputs step checks and reads exactly
 * (see `numberColumn`): only cells that are not plain decimals are spelled out so.
 *
 * @module
 */
import { MISSING_WORDS } from "../input/blank-cell.ts";
import type { Dialect } from "./dialect.ts";

/** The code points of JavaScript's white space (`\s`), which `parseNumber` leaves out and `trim()` cuts. */
export const JS_SPACES: readonly number[] = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];

/** One code point in a regular expression: RE2's `\x{…}` (DuckDB), PostgreSQL's `\u…`. */
const codePoint = (dialect: Dialect, c: number) => {
  const hex = c.toString(16).padStart(4, "0");
  return dialect.name === "duckdb" ? `\\x{${hex}}` : `\\u${hex}`;
};

/** A character class of JavaScript's white space, for `dialect`'s regular expressions (runs of code points as ranges). */
export function spaceClass(dialect: Dialect): string {
  const runs: [number, number][] = [];
  for (const c of JS_SPACES) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return `[${runs.map(([a, b]) => (a === b ? codePoint(dialect, a) : `${codePoint(dialect, a)}-${codePoint(dialect, b)}`)).join("")}]`;
}

/** The cell (lower-cased) is blank as `isBlank` says: a blank word, or nothing, between white space. */
export function blankSpelling(dialect: Dialect, lowered: string): string {
  const words = MISSING_WORDS.filter((w) => w !== "").map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  const space = spaceClass(dialect);
  return dialect.matches(lowered, `${space}*(${words.join("|")})?${space}*`);
}

/** Thousands grouped by "." (a decimal comma after, or at least two groups), or by "," (a decimal point after, or two groups): `parseNumber`'s, past its lone separator. */
const DOT_GROUPS = "[+-]?[0-9]{1,3}([.][0-9]{3})+,[0-9]+%?|[+-]?[0-9]{1,3}([.][0-9]{3}){2,}%?";
const COMMA_GROUPS = "[+-]?[0-9]{1,3}(,[0-9]{3})+[.][0-9]+%?|[+-]?[0-9]{1,3}(,[0-9]{3}){2,}%?";

/**
 * The canonical text of a cell `cell` that is not blank, as `parseNumber` makes it before reading:
 * white space left out, a leading "−" as "-", a lone decimal comma as ".", thousands separators
 * dropped. A spelling `parseNumber` does not read keeps what it has, for the checks to refuse; a
 * percentage keeps its sign ("1.234,5%" is "1234.5%"), which the checks refuse and whose message
 * reads the number before it.
 */
export function canonicalNumber(dialect: Dialect, cell: string): string {
  const s = `regexp_replace(regexp_replace(${cell}, '${spaceClass(dialect)}+', '', 'g'), '^${codePoint(dialect, 0x2212)}', '-')`;
  return (
    `CASE WHEN ${dialect.matches(s, "[+-]?[0-9]*,[0-9]+%?")} THEN replace(${s}, ',', '.') ` +
    `WHEN ${dialect.matches(s, DOT_GROUPS)} THEN replace(replace(${s}, '.', ''), ',', '.') ` +
    `WHEN ${dialect.matches(s, COMMA_GROUPS)} THEN replace(${s}, ',', '') ELSE ${s} END`
  );
}
