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
  const encoding = utf16Encoding(bytes) ?? "utf-8";
  try {
    // ignoreBOM: false (the default) drops the BOM of the chosen encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (isZip(bytes)) throw zipError(name);
    if (encoding !== "utf-8") throw notUtf16Error(name, encoding);
    const at = firstBadUtf8Byte(bytes);
    throw notUtf8Error(name, bytes[at] ?? 0, at, lineOf(bytes, at));
  }
}

/**
 * The UTF-16 encoding a file's first bytes name by their byte order mark, or undefined (UTF-8).
 *
 * @example
 * ```ts
 * utf16Encoding(new Uint8Array([0xff, 0xfe, 0x48, 0x00])); // => "utf-16le"
 * utf16Encoding(new Uint8Array([0x48, 0x00])); // => undefined
 * ```
 */
export function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  return b0 === 0xff && b1 === 0xfe ? "utf-16le" : b0 === 0xfe && b1 === 0xff ? "utf-16be" : undefined;
}

/**
 * The `DATA_ENCODING` error of a file that is not UTF-8: its first bad byte, at `offset` (from the
 * file's first byte) on `line` (line feeds before it, plus one). The whole file read at once and the
 * streamed CLI, which checks its chunks as they come, say the same.
 *
 * @example
 * ```ts
 * notUtf8Error("a.csv", 0xc0, 7, 1).issues[0].row; // => 1
 * ```
 */
export function notUtf8Error(name: string, byte: number, offset: number, line: number): DtiError {
  return new DtiError([
    error(
      "DATA_ENCODING",
      `${name} is not UTF-8 (invalid byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}, line ${line}); it may be Windows-1258 or Latin-1: save it as "CSV UTF-8"`,
      { row: line },
    ),
  ]);
}

/** True when the bytes begin as a zip file does ("PK\\3\\4"), as an .xlsx workbook does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/**
 * The `DATA_ENCODING` error of a file that is not text but a zip file (its first bytes "PK\\3\\4"),
 * most likely an .xlsx workbook under another name or on standard input.
 */
export function zipError(name: string): DtiError {
  return new DtiError([error("DATA_ENCODING", `${name} is a zip file (an .xlsx workbook?), not text: give it as a file named *.xlsx`)]);
}

/**
 * The `DATA_ENCODING` error of a file that starts with a UTF-16 byte order mark but is not UTF-16.
 *
 * @example
 * ```ts
 * notUtf16Error("a.csv", "utf-16le").issues[0].code; // => "DATA_ENCODING"
 * ```
 */
export function notUtf16Error(name: string, encoding: "utf-16le" | "utf-16be"): DtiError {
  return new DtiError([error("DATA_ENCODING", `${name} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`)]);
}

/**
 * Offset of the first byte of the first invalid UTF-8 sequence: the longest prefix that decodes
 * (as a stream, so it may end inside a character; binary search), then back to where its last
 * complete character ends.
 */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
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
