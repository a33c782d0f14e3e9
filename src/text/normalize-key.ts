import { cleanName } from "./clean-name.ts";

/**
 * The key two spellings of a name are compared by: invisible characters (zero-width space and
 * joiners, direction marks, soft hyphen, U+FEFF …) removed, Unicode NFC, trimmed, inner white
 * space (including no-break spaces) folded to one space, lower case. "Nhận thức số" typed in
 * decomposed form (NFD), "  NHẬN THỨC  SỐ " and "Nhận thức số" with a zero-width space give the
 * same key.
 *
 * @example
 * ```ts
 * normalizeKey("  Nhận\u00a0Thức số\u200b ") === normalizeKey("nhận thức số".normalize("NFD"));
 * // => true
 * ```
 */
export function normalizeKey(text: string): string {
  return cleanNameKey(cleanName(text));
}

/**
 * The key of a name already clean (what `cleanName` gives): its lower case, which is what
 * {@link normalizeKey} gives for it, without cleaning it again. Reading a table cleans every unit
 * name it keeps, then keys it to find repeats.
 *
 * @example
 * ```ts
 * cleanNameKey("Đà NẴNG"); // => "đà nẵng"
 * cleanNameKey("Đà NẴNG") === normalizeKey("Đà NẴNG"); // => true
 * ```
 */
export function cleanNameKey(clean: string): string {
  return clean.toLowerCase();
}
