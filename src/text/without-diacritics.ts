/**
 * A key with its Vietnamese (and other Latin) diacritics taken off: tone and vowel marks dropped
 * after a canonical decomposition, "đ" read as "d". For hints only, never for matching: "Hà Nội"
 * and "Hà Nối" are different names, but someone who typed "Ha Noi" on a keyboard without
 * Vietnamese input meant the first.
 *
 * @example
 * ```ts
 * withoutDiacritics("tp. đà nẵng"); // => "tp. da nang"
 * withoutDiacritics("ĐẮK LẮK"); // => "DAK LAK"
 * ```
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}
