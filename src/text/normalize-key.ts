/**
 * The key two spellings of a name are compared by: Unicode NFC, trimmed, inner white space
 * (including no-break spaces) folded to one space, lower case. "Nhận thức số" typed in decomposed
 * form (NFD) and "  NHẬN THỨC  SỐ " give the same key.
 *
 * @example
 * ```ts
 * normalizeKey("  Nhận\u00a0Thức số ") === normalizeKey("nhận thức số".normalize("NFD"));
 * // => true
 * ```
 */
export function normalizeKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}
