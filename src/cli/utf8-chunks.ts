/**
 * A CSV file's chunks checked as the streamed CLI reads them, for what the whole file read at once
 * (`decodeText`, then `parseCsv`) finds: bytes that are not UTF-8 (Windows-1258, Latin-1, an
 * overlong or surrogate sequence, a character cut by the end of the file), a NUL or a U+FFFD. The
 * block reader scans bytes and decodes only the cells it reads as text, without `fatal`: without
 * this check such a file was scored with U+FFFD in its names. The error is the full reader's
 * (code, row, message): the first bad byte anywhere in the file, else the first NUL or U+FFFD. A
 * file with a UTF-16 byte order mark is read as UTF-16, as the full reader reads it, its chunks
 * given on as UTF-8.
 *
 * The checks are native (`isUtf8`, `indexOf`) on each chunk, not a loop over its bytes here: the
 * streamed CLI reads a file of gigabytes on the reading worker, whose byte loop is its own.
 *
 * @module
 */
import { Buffer, isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { DtiError } from "../errors.ts";
import { encodingLineIssue } from "../input/csv/parse-csv.ts";
import { wholeChars } from "../input/csv/csv-blocks.ts";
import { joinBytes } from "../input/csv/read-csv-stream.ts";
import { firstBadUtf8Byte, isZip, notUtf16Error, notUtf8Error, utf16Encoding, zipError } from "./decode-text.ts";

const EMPTY = new Uint8Array(0);
const REPLACEMENT = Buffer.from("\uFFFD", "utf8");
const encoder = new TextEncoder();

/** A NUL or U+FFFD met (the first), which is said once the rest of the file is known to be UTF-8. */
interface Found {
  readonly nul: boolean;
  /** Its byte offset in the file (UTF-8), or its line (UTF-16, counted as the text was read). */
  readonly offset?: number;
  readonly line?: number;
}

/** The checks of one file's chunks, in order: `chunk` gives each as UTF-8 to read, `end` the rest. */
function utf8Checker(file: string) {
  let offset = 0;
  // The bytes of a character cut by the end of the chunk before (its first byte at `offset - held.length`).
  let held: Uint8Array = EMPTY;
  let head: Uint8Array | undefined;
  // The file's first bytes, while fewer than four have come.
  let first: Uint8Array = EMPTY;
  let utf16: { decoder: InstanceType<typeof TextDecoder>; encoding: "utf-16le" | "utf-16be"; lines: number; cr: boolean } | undefined;
  let found: Found | undefined;

  /** The full reader's error for a bad byte in `bytes`, which start at the file's `start`. */
  const badByte = (bytes: Uint8Array, start: number): DtiError => {
    if (head !== undefined && isZip(head)) return zipError(file);
    const at = firstBadUtf8Byte(bytes);
    return notUtf8Error(file, bytes[at] ?? 0, start + at, linesTo(file, start + at, false));
  };

  /** Looks for a NUL or U+FFFD in UTF-8 bytes starting at the file's `start` (the first kept). */
  const look = (bytes: Uint8Array, start: number) => {
    if (found !== undefined || bytes.length === 0) return;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const nul = view.indexOf(0);
    const fffd = view.indexOf(REPLACEMENT);
    if (nul < 0 && fffd < 0) return;
    const bad = nul < 0 ? fffd : fffd < 0 ? nul : Math.min(nul, fffd);
    found = { nul: bad === nul, offset: start + bad };
  };

  /** A UTF-16 chunk as text: its NUL or U+FFFD looked for, its lines counted (LF, CRLF or CR, as `parseCsv` counts them). */
  const utf16Text = (text: string): string => {
    const state = utf16!;
    if (found === undefined) {
      const bad = text.search(/[\uFFFD\u0000]/u);
      if (bad >= 0) found = { nul: text[bad] === "\u0000", line: state.lines + 1 + breaks(text.slice(0, bad), state.cr) };
    }
    state.lines += breaks(text, state.cr);
    if (text !== "") state.cr = text.endsWith("\r");
    return text;
  };

  return {
    /** The chunk as UTF-8 bytes to read (itself, unless the file is UTF-16). @throws the full reader's error for a bad byte. */
    chunk(chunk: Uint8Array): Uint8Array {
      if (head === undefined) {
        // The first four bytes gathered first (a byte order mark, a zip file's signature).
        first = joinBytes(first, chunk);
        if (first.length < 4) return EMPTY;
        return start(first);
      }
      return take(chunk);
    },
    /** The text left in the UTF-16 decoder, as UTF-8. @throws the full reader's error for a character cut by the end, or a NUL or U+FFFD. */
    end(): Uint8Array {
      let rest = head === undefined && first.length > 0 ? start(first) : EMPTY;
      if (utf16 !== undefined) {
        let text: string;
        try {
          text = utf16.decoder.decode();
        } catch {
          throw notUtf16Error(file, utf16.encoding);
        }
        rest = joinBytes(rest, encoder.encode(utf16Text(text)));
      } else if (held.length > 0) throw badByte(held, offset - held.length);
      if (found !== undefined) {
        throw new DtiError([encodingLineIssue(found.line ?? linesTo(file, found.offset!, true), found.nul)]);
      }
      return rest;
    },
    /** True once a NUL or U+FFFD is met: the rest of the file is only checked for bad bytes, not read. */
    found: () => found !== undefined,
  };

  /** The file's first bytes: its encoding decided, then read. */
  function start(bytes: Uint8Array): Uint8Array {
    head = bytes.subarray(0, 4);
    const encoding = utf16Encoding(bytes);
    if (encoding !== undefined) utf16 = { decoder: new TextDecoder(encoding, { fatal: true }), encoding, lines: 0, cr: false };
    return take(bytes);
  }

  /** A chunk checked, as UTF-8 bytes to read. */
  function take(chunk: Uint8Array): Uint8Array {
    if (utf16 !== undefined) {
      let text: string;
      try {
        text = utf16.decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf16Error(file, utf16.encoding);
      }
      return encoder.encode(utf16Text(text));
    }
    const at = offset;
    offset += chunk.length;
    // The character cut by the chunk before, completed by this one's first bytes.
    let from = 0;
    if (held.length > 0) {
      const lead = held[0]!;
      const need = (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2) - held.length;
      if (chunk.length < need) {
        // Still cut: the next chunk may complete it.
        held = joinBytes(held, chunk);
        return chunk;
      }
      from = need;
      const char = joinBytes(held, chunk.subarray(0, from));
      if (!isUtf8(char)) throw badByte(joinBytes(held, chunk), at - held.length);
      look(char, at - held.length);
      held = EMPTY;
    }
    const whole = wholeChars(chunk, from, chunk.length);
    const body = chunk.subarray(from, whole);
    if (!isUtf8(body)) throw badByte(chunk.subarray(from), at + from);
    look(body, at + from);
    held = chunk.slice(whole);
    return chunk;
  }
}

/** Line breaks in `text` as `parseCsv` counts them (CRLF once, a lone CR too); `cr`: the text before ended with a CR. */
function breaks(text: string, cr: boolean): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (!(i === 0 ? cr : text[i - 1] === "\r")) n++;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) n++;
  return n;
}

/**
 * The line of the file's byte `offset` (read again: only when there is an error to say): line
 * feeds before it plus one, as `decodeText` counts, or with `cr` every line break as `parseCsv`
 * counts them (CRLF once, a lone CR too).
 */
function linesTo(file: string, offset: number, cr: boolean): number {
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(1 << 20);
    let line = 1;
    let at = 0;
    let lastCr = false;
    while (at < offset) {
      const read = readSync(fd, bytes, 0, Math.min(bytes.length, offset - at), at);
      if (read === 0) break;
      for (let i = 0; i < read; i++) {
        const c = bytes[i];
        if (c === 10) {
          if (!(cr && lastCr)) line++;
        } else if (c === 13 && cr) line++;
        lastCr = c === 13;
      }
      at += read;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/**
 * The chunks of `file` (read synchronously), checked ({@link utf8Checker}) and given on as UTF-8.
 * Once a NUL or U+FFFD is met, the rest is read only to be checked for bad bytes (which the full
 * reader says first), then its error thrown.
 *
 * @throws {@link DtiError} `DATA_ENCODING`, the full reader's error.
 */
export function* checkedChunks(chunks: Iterable<Uint8Array>, file: string): Generator<Uint8Array> {
  const check = utf8Checker(file);
  for (const chunk of chunks) {
    const bytes = check.chunk(chunk);
    if (!check.found() && bytes.length > 0) yield bytes;
  }
  const rest = check.end();
  if (rest.length > 0) yield rest;
}

/** {@link checkedChunks} of chunks read asynchronously (a read stream). */
export async function* checkedChunksAsync(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<Uint8Array> {
  const check = utf8Checker(file);
  for await (const chunk of chunks) {
    const bytes = check.chunk(chunk);
    if (!check.found() && bytes.length > 0) yield bytes;
  }
  const rest = check.end();
  if (rest.length > 0) yield rest;
}
