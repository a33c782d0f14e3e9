// Cutting a text (or its UTF-8 bytes) into chunks at given positions, as streams deliver it.

/** Splits text at the given positions (any UTF-16 position, also inside a surrogate pair or "\"\""). */
export function split(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

/** The UTF-8 bytes of text split at the given byte positions (also inside a character or a CRLF). */
export function splitBytes(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = Buffer.from(text, "utf8");
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of at) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}
