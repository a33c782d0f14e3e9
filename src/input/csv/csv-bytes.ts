/**
 * CSV input as UTF-8 bytes with LF line breaks, for the block reader (`csv-blocks.ts`), which
 * scans bytes and decodes only the cells read as text: a million rows' text need not be decoded
 * (or held as strings) to read their numbers. The head (delimiter, record-size limit) is decided
 * from the same text `readCsvStream` decides it from (`openCsvText`).
 *
 * @module
 */
import { joinBytes, openCsvText } from "./read-csv-stream.ts";
import type { CsvOptions } from "./parse-csv.ts";
import { findByte } from "./find-byte.ts";

type CsvInput = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** A CSV input opened as bytes: LF-only UTF-8 chunks (the BOM removed), and the reading options. */
export interface OpenedCsvBytes {
  readonly chunks: AsyncGenerator<Uint8Array>;
  readonly delimiter: string;
  readonly maxRecordSize: number;
}

/**
 * Opens CSV input as bytes: the delimiter and limit decided as `openCsvText` decides them (on the
 * same head text, decoded from the first chunks only), then every chunk as LF-only UTF-8 bytes.
 *
 * @throws `DtiError` as `openCsvText` (an empty input, a bad `maxRecordSize`).
 */
export async function openCsvBytes(input: CsvInput, options: CsvOptions): Promise<OpenedCsvBytes> {
  const iterator = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : input[Symbol.iterator]();
  // The chunks the head was read from are kept, to be read again as bytes.
  const seen: (string | Uint8Array)[] = [];
  async function* recorded(): AsyncGenerator<string | Uint8Array> {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      seen.push(next.value);
      yield next.value;
    }
  }
  let opened: Awaited<ReturnType<typeof openCsvText>>;
  try {
    opened = await openCsvText(recorded(), options);
  } catch (e) {
    await iterator.return?.();
    throw e;
  }
  async function* raw(): AsyncGenerator<string | Uint8Array> {
    try {
      yield* seen.splice(0);
      if (opened.done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { chunks: lfBytes(raw()), delimiter: opened.delimiter, maxRecordSize: opened.maxRecordSize };
}

const encoder = new TextEncoder();

/**
 * Text or bytes as UTF-8 bytes with CRLF and CR made LF (across chunk ends too) and the BOM at the
 * start removed. A chunk without a carriage return is passed on as it is (not copied).
 */
export async function* lfBytes(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  let start = true;
  let head: Uint8Array = new Uint8Array(0);
  // A high surrogate ending a text chunk waits for its pair; a CR ending a chunk for a LF.
  let surrogate = "";
  let cr = false;
  for await (const chunk of chunks) {
    let bytes: Uint8Array;
    if (typeof chunk === "string") {
      let text = surrogate + chunk;
      surrogate = "";
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        surrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      bytes = encoder.encode(text);
    } else {
      // A high surrogate held from the text before goes first (alone, it is U+FFFD).
      bytes = surrogate === "" ? chunk : joinBytes(encoder.encode(surrogate), chunk);
      surrogate = "";
    }
    if (start) {
      // The BOM may be cut across chunks: the first three bytes are gathered first.
      head = joinBytes(head, bytes);
      if (head.length < 3) continue;
      start = false;
      bytes = withoutBom(head);
    }
    const out = lineFeeds(bytes, cr);
    cr = out.cr;
    if (out.bytes.length > 0) yield out.bytes;
  }
  const rest = joinBytes(start ? head : new Uint8Array(0), encoder.encode(surrogate));
  const last = start ? withoutBom(rest) : rest;
  const out = lineFeeds(last, cr);
  const tail = out.cr ? joinBytes(out.bytes, Uint8Array.of(10)) : out.bytes;
  if (tail.length > 0) yield tail;
}

/** `bytes` without the UTF-8 BOM they start with, if they do. */
function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * `bytes` with CRLF and CR made LF; `cr`: the chunk before ended with a CR (held back: a LF may
 * follow). Returns the bytes and whether this chunk's last CR is held back in turn.
 */
function lineFeeds(bytes: Uint8Array, cr: boolean): { bytes: Uint8Array; cr: boolean } {
  if (bytes.length === 0 || (!cr && findByte(bytes, 13, 0) < 0)) return { bytes, cr };
  const out = new Uint8Array(bytes.length + 1);
  let n = 0;
  // The CR held back: a line break of its own unless this chunk starts with its LF.
  if (cr && bytes[0] !== 10) out[n++] = 10;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c !== 13) out[n++] = c;
    else if (i + 1 === bytes.length) return { bytes: out.subarray(0, n), cr: true };
    else if (bytes[i + 1] !== 10) out[n++] = 10;
  }
  return { bytes: out.subarray(0, n), cr: false };
}
