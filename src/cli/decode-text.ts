/**
 * Bytes of a data or framework file → text, for the CLI: UTF-8 (a BOM is dropped), or UTF-16 when
 * the file starts with a UTF-16 BOM (Excel's "Unicode text" export). Bytes that are not valid
 * UTF-8 are a `DATA_ENCODING` error rather than silently garbled names.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";

/**
 * Decodes a file's bytes as UTF-8 or, after a UTF-16 BOM, UTF-16 (LE or BE).
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0xc3, 0xa0])); // => "Hà"
 * decodeText(new Uint8Array([0xff, 0xfe, 0x48, 0x00])); // => "H"
 * ```
 * @throws {@link DtiError} `DATA_ENCODING` when the bytes are not valid UTF-8 (or UTF-16).
 */
export function decodeText(bytes: Uint8Array, name = "the file"): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const encoding = b0 === 0xff && b1 === 0xfe ? "utf-16le" : b0 === 0xfe && b1 === 0xff ? "utf-16be" : "utf-8";
  try {
    // ignoreBOM: false (the default) drops the BOM of the chosen encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
      // A zip file, most likely an .xlsx workbook under another name or on standard input.
      throw new DtiError([error("DATA_ENCODING", `${name} is a zip file (an .xlsx workbook?), not text: give it as a file named *.xlsx`)]);
    }
    const at = encoding === "utf-8" ? firstBadUtf8Byte(bytes) : -1;
    throw new DtiError([
      error(
        "DATA_ENCODING",
        encoding === "utf-8"
          ? `${name} is not UTF-8 (invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at offset ${at}, line ${lineOf(bytes, at)}); it may be Windows-1258 or Latin-1: save it as "CSV UTF-8"`
          : `${name} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`,
        encoding === "utf-8" ? { row: lineOf(bytes, at) } : {},
      ),
    ]);
  }
}

/**
 * Offset of the first byte of the first invalid UTF-8 sequence: the longest prefix that decodes
 * (as a stream, so it may end inside a character; binary search), then back to where its last
 * complete character ends.
 */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  const decodes = (n: number, stream: boolean): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  const valid = (n: number) => decodes(n, true);
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  let start = lo;
  while (start > 0 && lo - start < 3 && !decodes(start, false)) start--;
  return start;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
