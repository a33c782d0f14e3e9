/**
 * Names compared in SQL as the library compares them (`normalizeKey`: invisible characters
 * removed, Unicode NFC, white space trimmed and folded to one space, lower case), and names shown
 * as it shows them (`cleanName`: the same, case kept).
 *
 * Neither engine's `lower()` nor its `\s` is used: DuckDB's lower case and PostgreSQL's (which
 * depends on the database's locale: ASCII only under "C") need not be JavaScript's, and RE2's `\s`
 * is ASCII. The characters are instead mapped by `translate` with tables taken from JavaScript
 * itself, so that the query folds exactly the characters the library folds, on both engines.
 * Lower case is mapped only for the characters whose lower case occurs in the names compared
 * against: any other upper-case letter cannot make a name equal to one of them either way.
 *
 * @module
 */
import { INVISIBLE } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { refuse } from "./options.ts";

/** The characters the library removes, folds to a space, and lower-cases (with their lower case). */
interface CharTables {
  readonly invisible: string;
  readonly space: string;
  readonly lower: readonly (readonly [string, string])[];
}

let tables: CharTables | undefined;

/** Scans the planes with letters that have a case (up to U+1FFFF) once, asking JavaScript. */
function charTables(): CharTables {
  if (tables !== undefined) return tables;
  const invisible = new RegExp(INVISIBLE.source, "u");
  const space = /\s/u;
  let inv = "";
  let sp = "";
  const lower: [string, string][] = [];
  for (let cp = 1; cp <= 0x1ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (invisible.test(ch)) inv += ch;
    else if (space.test(ch) && ch !== " ") sp += ch;
    const l = ch.toLowerCase();
    if (l !== ch) lower.push([ch, l]);
  }
  tables = { invisible: inv, space: sp, lower };
  return tables;
}

/**
 * The text with the invisible characters removed, NFC, the `pairs` mapped (upper case to lower
 * case), every white space character made a space, runs of spaces folded to one, and trimmed.
 */
function folded(dialect: Dialect, text: string, pairs: readonly (readonly [string, string])[]): string {
  const t = charTables();
  const nfc = longLower(dialect.nfc(`translate(${text}, ${sqlText(t.invisible)}, '')`), pairs);
  const single = pairs.filter(([, l]) => [...l].length === 1);
  const from = t.space + single.map(([u]) => u).join("");
  const to = " ".repeat([...t.space].length) + single.map(([, l]) => l).join("");
  return `trim(regexp_replace(translate(${nfc}, ${sqlText(from)}, ${sqlText(to)}), ' {2,}', ' ', 'g'))`;
}

/** The text with the pairs whose lower case is two characters (İ → i̇) replaced, each by a replace of its own (after NFC, as in the library). */
function longLower(text: string, pairs: readonly (readonly [string, string])[]): string {
  return pairs.filter(([, l]) => [...l].length > 1).reduce((t, [u, l]) => `replace(${t}, ${sqlText(u)}, ${sqlText(l)})`, text);
}

/**
 * Letters whose lower case DuckDB's `lower()` gives as JavaScript's `toLowerCase` does (tested
 * letter by letter): printable ASCII, Latin-1, Latin Extended-A and -B but İ (whose lower case
 * is two characters in JavaScript), Latin Extended Additional (the Vietnamese letters).
 */
export const ENGINE_LOWER_CHARS = " -~\u00a0-\u012f\u0131-\u024f\u1e00-\u1eff";

/**
 * JavaScript's `toLowerCase` of a text expression already clean (`cleanNameSql`), as a key of
 * names compared with each other (long data's units), without knowing them when compiling. Every
 * case pair would be one `translate` of some 1,500 characters per row, which costs a hundred
 * times the engine's `lower()`: so a name takes the short way where it can. On DuckDB, a name of
 * the letters its `lower()` lowers as JavaScript does ({@link ENGINE_LOWER_CHARS}) is lowered by
 * it. On PostgreSQL, whose `lower()` follows the database's locale but for the collation "C"
 * (ASCII letters only), a name whose only capitals past ASCII are "Đ" (the commonest in
 * Vietnamese names) is lowered so after that one replace; any other name of those letters by a
 * `translate` of their pairs. Any other name takes the full table; a name with a capital sigma
 * (Σ, whose lower case depends on its place in the word) is `sigma`, an expression that stops the
 * query.
 */
export function lowerCaseSql(dialect: Dialect, text: string, sigma: string): string {
  const all = charTables().lower;
  const inPlain = new RegExp(`^[${ENGINE_LOWER_CHARS}]$`, "u");
  const full = `WHEN strpos(${text}, 'Σ') > 0 THEN ${sigma} ELSE ${mapped(longLower(text, all), all)} END`;
  const plain = dialect.matches(text, `[${ENGINE_LOWER_CHARS}]*`);
  if (dialect.name === "duckdb") return `CASE WHEN ${plain} THEN lower(${text}) ${full}`;
  const d = `replace(${text}, 'Đ', 'đ')`;
  const capitals = all.filter(([u]) => u.codePointAt(0)! > 0x7f && [...u].length === 1).map(([u]) => u).join("");
  return `CASE WHEN ${dialect.matches(d, `[^${capitals}]*`)} THEN lower(${d} COLLATE "C") WHEN ${plain} THEN ${mapped(text, all.filter(([u]) => inPlain.test(u)))} ${full}`;
}

/** The text with the pairs of one character mapped by `translate`. */
function mapped(text: string, pairs: readonly (readonly [string, string])[]): string {
  const single = pairs.filter(([, l]) => [...l].length === 1);
  return `translate(${text}, ${sqlText(single.map(([u]) => u).join(""))}, ${sqlText(single.map(([, l]) => l).join(""))})`;
}

/**
 * Characters `cleanName` leaves as they are wherever they stand (a subset of `isPlainName`'s):
 * printable ASCII, Latin-1 and the Latin letters up to U+02FF but the no-break space and the soft
 * hyphen, and Latin Extended Additional (the Vietnamese letters).
 */
const PLAIN_CHARS = "!-~\u00a1-\u00ac\u00ae-\u02ff\u1e00-\u1eff";

/**
 * `cleanName` of a text expression: invisible characters removed, NFC, trimmed, inner white space
 * folded to one space, case kept.
 *
 * @example
 * ```ts
 * import { dialectOf } from "./dialect.ts";
 * cleanNameSql(dialectOf("duckdb"), "note"); // => "CASE WHEN regexp_full_match(note, …"
 * ```
 */
export function cleanNameSql(dialect: Dialect, text: string): string {
  // A plain name, as most are, is its own clean name: one pattern spares the folding.
  return `CASE WHEN ${plainNameSql(dialect, text)} THEN ${text} ELSE ${folded(dialect, text, [])} END`;
}

/**
 * The text is a plain name (see `isPlainName`): single spaces between characters that NFC leaves
 * alone, nothing invisible, no space at either end; so it is its own trimmed clean name.
 */
export function plainNameSql(dialect: Dialect, text: string): string {
  return dialect.matches(text, `[${PLAIN_CHARS}]+( [${PLAIN_CHARS}]+)*`);
}

/**
 * A text expression whose value equals `normalizeKey(name)` for one of `targets` (keys already
 * normalised, e.g. `normalizeKey("Sở Y tế")`) exactly when the library's key of the text does.
 * Refuses (`SQL_UNSUPPORTED`, saying what) targets with a Greek sigma, whose lower case depends on
 * its place in the word.
 *
 * @example
 * ```ts
 * import { dialectOf } from "./dialect.ts";
 * nameKeySql(dialectOf("postgres"), "dti_unit", ["huế"], "option unranked"); // => "trim(regexp_replace(translate(normalize(…"
 * ```
 */
export function nameKeySql(dialect: Dialect, text: string, targets: readonly string[], what: string): string {
  const chars = new Set(targets.flatMap((k) => [...normalizeKey(k)]));
  if (chars.has("σ") || chars.has("ς")) throw refuse(`${what}: names with a Greek sigma (σ, ς) are not matched in SQL, whose lower case of Σ does not depend on its place in the word as JavaScript's does: write the name as the data does, or score with the library`);
  return folded(dialect, text, charTables().lower.filter(([, l]) => [...l].every((c) => chars.has(c))));
}
