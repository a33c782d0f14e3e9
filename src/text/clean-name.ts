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
  if (isPlainName(text)) return text;
  // Invisible characters go first, so a mark they separated from its letter composes with it.
  return text.replace(INVISIBLE, "").normalize("NFC").trim().replace(/\s+/gu, " ");
}

/**
 * True when {@link cleanName} would return the text unchanged, decided in one pass over its
 * characters: single spaces only between words, nothing invisible, and every character one that
 * NFC leaves alone whatever stands beside it (below U+0300, where the combining marks start, or a
 * precomposed letter of Latin Extended Additional, U+1E00-U+1EFF, where Vietnamese letters such as
 * "ệ" live). Reading a table cleans every unit name and code: most are plain, and the scan costs
 * a tenth of the regular expressions and normalisation it spares.
 */
export function isPlainName(text: string): boolean {
  const last = text.length - 1;
  let previous = 32;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      // A space is plain between two other characters; any other control or white space is not.
      if (c !== 32 || previous === 32 || i === last) return false;
    } else if (c >= 0x7f && (c === 0xa0 || c === 0xad || (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)))) {
      return false;
    }
    previous = c;
  }
  return true;
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
