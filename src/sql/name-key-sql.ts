/**
 * Unit names in SQL as the library reads and matches them: `cleanName` (invisible characters
 * removed, Unicode NFC, trimmed, white space folded to one space) and `normalizeKey` (that, in
 * lower case), with the same meaning on DuckDB and PostgreSQL.
 *
 * White space is JavaScript's (`\s` and `trim`: tabs, line ends, no-break and other Unicode
 * spaces), spelled out, since the engines' `\s` and `trim` take fewer. Lower case is JavaScript's
 * `toLowerCase`, spelled out as a `translate` of exactly the capitals whose small letter occurs
 * in the names compared with (the engines' `lower` follows their Unicode tables, and PostgreSQL's
 * its locale: under "C", ASCII only). A capital whose small letter is in none of those names
 * cannot make a name match, whichever way it is written. The one multi-letter lower case
 * ("İ" → "i̇") is replaced; the Greek capital sigma, whose small letter depends on its place in
 * the word, is refused when a name compared with has a small sigma.
 *
 * @module
 */
import { INVISIBLE } from "../text/clean-name.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { refuse } from "./options.ts";

/** JavaScript's white space (`\s` with the `u` flag; what `trim` removes), as a character class body. */
const SPACE = "\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const INVISIBLE_CLASS = INVISIBLE.source.slice(1, -1).replace(/\\u([0-9a-f]{4})/gu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));

/** `cleanName` of a SQL text expression. */
export function cleanNameSql(dialect: Dialect, text: string): string {
  const nfc = dialect.nfc(`regexp_replace(${text}, ${sqlText(`[${INVISIBLE_CLASS}]`)}, '', 'g')`);
  const trimmed = `regexp_replace(${nfc}, ${sqlText(`^[${SPACE}]+|[${SPACE}]+$`)}, '', 'g')`;
  return `regexp_replace(${trimmed}, ${sqlText(`[${SPACE}]+`)}, ' ', 'g')`;
}

/** Capitals by their small letter: every code point whose `toLowerCase` is one other code point. */
let capitals: Map<string, string[]> | undefined;
function capitalsOf(small: string): readonly string[] {
  if (capitals === undefined) {
    capitals = new Map();
    // No code point above U+1E943 (Adlam) has a lower case.
    for (let cp = 0; cp <= 0x1e943; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const l = c.toLowerCase();
      if (l !== c && [...l].length === 1) capitals.set(l, [...(capitals.get(l) ?? []), c]);
    }
  }
  return capitals.get(small) ?? [];
}

/**
 * `normalizeKey` of the cleaned name `clean` (see {@link cleanNameSql}), exact for comparing with
 * `keys` (each a `normalizeKey`). Throws `SQL_UNSUPPORTED` for a key with a small sigma.
 */
export function nameKeySql(clean: string, keys: readonly string[]): string {
  const letters = new Set(keys.flatMap((k) => [...k]));
  const sigma = keys.find((k) => /[σς]/u.test(k));
  if (sigma !== undefined) throw refuse(`the name "${sigma}" has a Greek small sigma, whose capital the SQL compiler does not put in lower case as JavaScript does (by its place in the word): score merges of such names with the library`);
  const from: string[] = [];
  const to: string[] = [];
  for (const small of letters) {
    for (const capital of capitalsOf(small)) {
      from.push(capital);
      to.push(small);
    }
  }
  // "İ" is "i̇" in lower case (two code points): only a key with the dot above can match it.
  const dotted = letters.has("\u0307") ? `replace(${clean}, 'İ', ${sqlText("i\u0307")})` : clean;
  return from.length === 0 ? dotted : `translate(${dotted}, ${sqlText(from.join(""))}, ${sqlText(to.join(""))})`;
}
