/**
 * Text written as UTF-8 into growing byte buffers, a short text byte by byte: the streamed CLI
 * writes a million rows of names, codes and values, and keeps each unit's name and code beside
 * its numbers, where a `TextEncoder` call and the view it writes into cost more than the encoding.
 *
 * @module
 */

/** Bytes being written: `bytes[0 … length)` are written; {@link room} makes space for more. */
export interface ByteBuffer {
  bytes: Uint8Array;
  length: number;
}

/** Makes room for `n` more bytes after `length`, doubling the buffer as needed. */
export function room(out: ByteBuffer, n: number): void {
  if (out.length + n <= out.bytes.length) return;
  const grown = new Uint8Array(Math.max(2 * out.bytes.length, out.length + n));
  grown.set(out.bytes.subarray(0, out.length));
  out.bytes = grown;
}

const encoder = new TextEncoder();

/**
 * Appends the UTF-8 bytes of `text`. A short text (a name, a code, a value) is encoded here, byte by
 * byte: `encodeInto` and the view it writes into cost more than the encoding of a few characters,
 * and a million rows have millions of such cells. A longer one, or one with a character outside
 * the Basic Multilingual Plane, goes to `encodeInto`.
 *
 * @example
 * ```ts
 * const out = { bytes: new Uint8Array(16), length: 0 };
 * addText(out, "Huế");
 * Array.from(out.bytes.subarray(0, out.length)); // => [72, 117, 225, 186, 191]
 * ```
 */
export function addText(out: ByteBuffer, text: string): void {
  const n = text.length;
  room(out, 3 * n);
  const at = n <= 64 ? utf8Into(out.bytes, out.length, out.bytes.length, text) : -1;
  if (at >= 0) out.length = at;
  else out.length += encoder.encodeInto(text, out.bytes.subarray(out.length)).written;
}

/**
 * Writes the UTF-8 bytes of `text` into `bytes` from `at`, byte by byte, and returns where they
 * end; −1 (the bytes after `at` then undefined) when they would pass `end`, or for a surrogate (a
 * pair, or one alone: the encoder's to write).
 */
export function utf8Into(bytes: Uint8Array, at: number, end: number, text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (at >= end) return -1;
      bytes[at++] = c;
    } else if (c < 0x800) {
      if (at + 2 > end) return -1;
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c > 0xdfff) {
      if (at + 3 > end) return -1;
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 63);
      bytes[at++] = 0x80 | (c & 63);
    } else return -1;
  }
  return at;
}
