// Cutting a text (or its UTF-8 bytes) into chunks at given positions, as streams deliver it.

/** `value` cut at the given positions (taken modulo its length + 1, repeats ignored). */
function cut<T extends { readonly length: number; slice(start: number, end?: number): T }>(value: T, cuts: readonly number[]): T[] {
  const at = [...new Set(cuts.map((c) => c % (value.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const c of at) {
    out.push(value.slice(from, c));
    from = c;
  }
  out.push(value.slice(from));
  return out;
}

/** Splits text at the given positions (any UTF-16 position, also inside a surrogate pair or "\"\""). */
export function split(text: string, cuts: readonly number[]): string[] {
  return cut(text, cuts);
}

/** The UTF-8 bytes of text split at the given byte positions (also inside a character or a CRLF). */
export function splitBytes(text: string, cuts: readonly number[]): Uint8Array[] {
  return cut(new Uint8Array(Buffer.from(text, "utf8")), cuts);
}

/** Bytes split at the given byte positions (any position, also inside a character). */
export function splitByteArray(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  return cut(bytes, cuts);
}
