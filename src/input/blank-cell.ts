/**
 * What counts as a blank cell.
 *
 * @module
 */
import type { RawCell } from "./table.ts";

const MISSING_WORDS = new Set(["", "na", "n/a", "#n/a", "null"]);

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
  // A name longer than every missing word, not starting or ending in white space, is not blank:
  // read without making a trimmed, lower-case copy of it.
  if (cell.length > 4 && !maySpace(first) && !maySpace(cell.charCodeAt(cell.length - 1))) return false;
  return MISSING_WORDS.has(cell.trim().toLowerCase());
}

/** True for a character `trim()` may remove (every control character, and the Unicode spaces). */
function maySpace(c: number): boolean {
  return c <= 32 || (c >= 0x7f && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}
