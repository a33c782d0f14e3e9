/**
 * What counts as a blank cell.
 *
 * @module
 */
import type { RawCell } from "./table.ts";

/** The words of a blank cell once trimmed and in lower case (readers that cannot call {@link isBlank}, such as SQL, spell them out). */
export const MISSING_WORDS: readonly string[] = ["", "na", "n/a", "#n/a", "null"];
const MISSING = new Set(MISSING_WORDS);

/**
 * True for a blank cell: empty, white space, `null`, or "NA", "N/A", "#N/A", "null".
 *
 * @example
 * ```ts
 * isBlank(" N/A "); // => true
 * isBlank("0"); // => false
 * ```
 */
export function isBlank(cell: RawCell): cell is null | undefined | string {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Fast exit for the common case, a number: no missing word starts with a digit.
  const first = cell.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  // No missing word is longer than 4 characters: a longer name is not looked up (trim() copies
  // nothing when there is no white space to cut; the lower-case copy was made for every name).
  const text = cell.trim();
  return text.length <= 4 && MISSING.has(text.toLowerCase());
}
