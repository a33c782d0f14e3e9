/**
 * Names as they are shown: the first spelling met, with the characters nobody can see removed.
 *
 * @module
 */

/**
 * Characters that take no space and show nothing, which copying from a web page or a word
 * processor leaves inside names: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero
 * width space / non-joiner / joiner, left-to-right and right-to-left marks, bidirectional
 * embeddings, overrides and isolates, word joiner and invisible operators, and U+FEFF (a byte
 * order mark, or zero-width no-break space). "Hà Nội" with a zero-width space after it is still
 * "Hà Nội" to a reader, so it must be to the library.
 */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * Longest name (unit, code, group, column header) accepted, in UTF-16 code units. Real names are
 * under a few hundred characters. The limit also keeps names well short of 16,384, beyond which
 * V8 hashes a string by its length alone, so that many long names of one length in a `Map` (as
 * every name lookup uses) would cost quadratic time.
 */
export const MAX_NAME_LENGTH = 10_000;

/**
 * The displayed form of a name: invisible characters removed, Unicode NFC, trimmed, inner white
 * space (no-break spaces included) folded to one space. Case is kept.
 *
 * @example
 * ```ts
 * cleanName(" Hà\u00a0Nội\u200b "); // => "Hà Nội"
 * ```
 */
export function cleanName(text: string): string {
  return text.replace(INVISIBLE, "").normalize("NFC").trim().replace(/\s+/gu, " ");
}

/**
 * The displayed form of a column header: invisible characters removed, NFC, trimmed (inner white
 * space kept as written).
 *
 * @example
 * ```ts
 * cleanHeader("\ufeffTỉnh\u200b "); // => "Tỉnh"
 * ```
 */
export function cleanHeader(text: string): string {
  return text.replace(INVISIBLE, "").normalize("NFC").trim();
}
