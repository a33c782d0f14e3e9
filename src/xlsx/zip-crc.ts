/**
 * CRC-32 checks of the parts read from an .xlsx package. fflate unpacks a zip without checking its
 * parts' CRC-32, so a byte flipped in a stored (uncompressed) part would be read as another value
 * (`0.6` as `0.9`) without a word: the reader checks every part it uses against the CRC-32 the zip's
 * central directory records for it.
 *
 * @module
 */

/**
 * The CRC-32 tables (polynomial 0xEDB88320, as zip, gzip and PNG use): table 0 is the usual one
 * entry per byte value; table k (k = 1..7) carries a byte k more bytes on, so eight bytes are
 * folded in a step ("slicing by 8", 2.5 times the byte-at-a-time speed: a 40 MB sheet in about
 * 60 ms instead of 150).
 */
const TABLES = /* @__PURE__ */ (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const prev = t[(k - 1) * 256 + n] as number;
      t[k * 256 + n] = (prev >>> 8) ^ (t[prev & 0xff] as number);
    }
  }
  return t;
})();

/**
 * The CRC-32 of `bytes`, as zip records it (an unsigned 32-bit number).
 *
 * @example
 * ```ts
 * crc32(new TextEncoder().encode("123456789")); // => 3421780262  (0xCBF43926, the standard check value)
 * ```
 */
export function crc32(bytes: Uint8Array): number {
  const t = TABLES;
  const b = bytes;
  let c = -1;
  let i = 0;
  for (const end = b.length - 8; i <= end; i += 8) {
    const lo = c ^ ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24));
    c =
      (t[1792 + (lo & 0xff)] as number) ^
      (t[1536 + ((lo >>> 8) & 0xff)] as number) ^
      (t[1280 + ((lo >>> 16) & 0xff)] as number) ^
      (t[1024 + (lo >>> 24)] as number) ^
      (t[768 + (b[i + 4] as number)] as number) ^
      (t[512 + (b[i + 5] as number)] as number) ^
      (t[256 + (b[i + 6] as number)] as number) ^
      (t[b[i + 7] as number] as number);
  }
  for (; i < b.length; i++) c = (t[(c ^ (b[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
// Zip64 sizes and offsets are 64-bit; a workbook read here is far below 2^53 bytes.
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

// A byte a character, as fflate reads a name not flagged UTF-8 (TextDecoder's "latin1" is
// windows-1252, which differs at 0x80-0x9F); a loop, not a spread: no argument per byte.
const latin1 = (b: Uint8Array) => {
  let text = "";
  for (const byte of b) text += String.fromCharCode(byte);
  return text;
};
const utf8 = new TextDecoder("utf-8");

/**
 * The CRC-32 of each part as the zip's central directory records it, by part name (names decoded
 * as fflate decodes them: UTF-8 when the entry says so, else Latin-1). Undefined when there is no
 * readable central directory (fflate then refuses the file anyway).
 */
export function centralCrcs(bytes: Uint8Array): Map<string, number> | undefined {
  // The end-of-central-directory record: its signature, searched from the end (a comment may follow).
  let end = bytes.length - 22;
  const stop = Math.max(0, end - 65535);
  while (end >= stop && u32(bytes, end) !== 0x06054b50) end--;
  if (end < stop) return undefined;
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const z = u64(bytes, end - 12);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) return undefined;
    count = u64(bytes, z + 32);
    at = u64(bytes, z + 48);
  }
  const crcs = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    crcs.set(u16(bytes, at + 8) & 0x800 ? utf8.decode(name) : latin1(name), u32(bytes, at + 16));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return crcs;
}
