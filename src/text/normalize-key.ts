import { INVISIBLE, isPlainName } from "./clean-name.ts";

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
  if (isPlainName(text)) return text.toLowerCase();
  // Invisible characters go first, so a mark they separated from its letter composes with it.
  return text.replace(INVISIBLE, "").normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}
