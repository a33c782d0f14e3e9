/**
 * CSV read in blocks of rows, for streaming a large file: the same rows as `readCsvStream` (same
 * header, cells, lines, ragged-row issues and errors), but a block keeps the file's bytes, its cells
 * as spans into them, and each cell that is a plain decimal ("0.6789", "0,6789", "12") read as a
 * number in place: the bytes are scanned without being decoded, and only the cells read as text
 * (names, codes) become strings. Records with quotes (or long enough to meet the record-size limit)
 * are decoded and read by the tokenizer (`csv-tokenizer.ts`) one at a time. A block is plain data
 * (bytes, typed arrays, strings): it can be moved between threads.
 *
 * @module
 */
import type { Issue } from "../../errors.ts";
import { bytesText, type CsvBlock } from "./csv-block.ts";
import { plainDecimal, plainValue, POW10 } from "../../score/fast/read-float.ts";
import { cleanHeader } from "../../text/clean-name.ts";
import { openCsvBytes } from "./csv-bytes.ts";
import { findByte } from "./find-byte.ts";
import { createCsvTokenizer, isTrim } from "./csv-tokenizer.ts";
import type { CsvOptions } from "./parse-csv.ts";
import { raggedIssue, toDtiError } from "./parse-csv.ts";
import { isBlankRecord, type CsvStreamRow } from "./read-csv-stream.ts";

/** Cuts LF-only UTF-8 bytes into blocks: `push` chunks (copied, with the bytes kept from before, into the block's own array), then `end`. */
export interface CsvBlockReader {
  /** The header (the first non-empty record), once read. */
  header(): string[] | undefined;
  push(chunks: readonly Uint8Array[]): CsvBlock | undefined;
  end(): CsvBlock | undefined;
}

const EMPTY = new Uint8Array(0);
const LINE_FEED = new Uint8Array([10]);

/**
 * Bytes of a trimmable character of two or three bytes (what `isTrim` takes: U+00A0, U+3000, …)
 * starting at `i`, before `end`; 0 for none. The character is decoded and asked of `isTrim`, the
 * one list of them; a sequence the decoder reads as U+FFFD (overlong, cut) is none.
 */
function trimAt(bytes: Uint8Array, i: number, end: number): number {
  const c = bytes[i]!;
  const c1 = bytes[i + 1]!;
  if (c < 0xc2 || i + 1 >= end || (c1 & 0xc0) !== 0x80) return 0;
  if (c < 0xe0) return isTrim(((c & 0x1f) << 6) | (c1 & 0x3f)) ? 2 : 0;
  const c2 = bytes[i + 2]!;
  if (c >= 0xf0 || i + 2 >= end || (c2 & 0xc0) !== 0x80) return 0;
  const code = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
  return code >= 0x800 && isTrim(code) ? 3 : 0;
}

/** Bytes of a trimmable character of two or three bytes ending at `end`, after `start`; 0 for none. */
function trimBefore(bytes: Uint8Array, start: number, end: number): number {
  if (end - start >= 2 && trimAt(bytes, end - 2, end) === 2) return 2;
  return end - start >= 3 && trimAt(bytes, end - 3, end) === 3 ? 3 : 0;
}

/**
 * `end`, or the first byte of a UTF-8 sequence that `end` cuts (after `start`): its other bytes are to come.
 *
 * @example
 * ```ts
 * wholeChars(new Uint8Array([0x48, 0xc3]), 0, 2); // => 1
 * ```
 */
export function wholeChars(bytes: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start && i >= end - 3; i--) {
    const c = bytes[i]!;
    if (c < 0x80) return end;
    if (c >= 0xc0) return end - i < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) ? i : end;
  }
  return end;
}

/** The LF-ended lines of `bytes` (and one more when the input ends there). */
function lineCount(bytes: Uint8Array, final: boolean): number {
  let count = final ? 1 : 0;
  for (let i = findByte(bytes, 10, 0); i >= 0; i = findByte(bytes, 10, i + 1)) count++;
  return count;
}

/**
 * Where a block's arrays get their memory: a new `ArrayBuffer` of at least `bytes` bytes (its
 * contents need not be zeros: every place a block reads is written). The streamed CLI gives back
 * the memory of blocks it has scored, so that a million rows do not make two gigabytes of new
 * buffers for the garbage collector.
 */
export type BlockMemory = (bytes: number) => ArrayBuffer;

const newMemory: BlockMemory = (bytes) => new ArrayBuffer(bytes);

/**
 * Creates a block reader for one delimiter and record-size limit (0 = none), as `readCsvStream`
 * reads: the first record is the header; then every data row, blank ones skipped. `memory` gives
 * the blocks' arrays their buffers (new ones by default).
 *
 * @throws {@link CsvSyntaxError} as the tokenizer does (the caller turns it into a `DtiError`).
 * @example
 * ```ts
 * const reader = createCsvBlockReader(";", 0);
 * const block = reader.push([new TextEncoder().encode("unit;a\nHuế;0,5\n")])!;
 * reader.header(); // => ["unit", "a"]
 * block.numbers[block.rows]; // => 0.5
 * blockCell(block, 0, 0); // => "Huế"
 * ```
 */
export function createCsvBlockReader(delimiter: string, maxRecordSize: number, memory: BlockMemory = newMemory): CsvBlockReader {
  const tokenizer = createCsvTokenizer(delimiter, maxRecordSize);
  // A delimiter of one ASCII character is matched byte by byte; any other leaves every record to the tokenizer.
  const delim = delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 ? delimiter.charCodeAt(0) : -1;
  // The fast path only takes records well below the limit (the tokenizer counts UTF-8 bytes too).
  const fastLength = maxRecordSize > 0 ? Math.floor(maxRecordSize / 2) : Infinity;
  const limit = maxRecordSize > 0 ? maxRecordSize : Infinity;
  let header: string[] | undefined;
  let width = 0;
  let carry: Uint8Array = EMPTY;
  let carryLine = 1;

  /**
   * The record at `pos` read by the tokenizer, from the text of its bytes up to the first line
   * feed outside quotes, with the byte where the next record starts; undefined when the bytes end
   * first and more are to come. (Quotes open and close a cell only where the tokenizer reads them
   * so, or it throws: a record of valid CSV ends at that line feed.)
   */
  function slowRecord(bytes: Uint8Array, pos: number, line: number, final: boolean): { cells: string[]; end: number; line: number } | undefined {
    const n = bytes.length;
    let quoted = false;
    let to = pos;
    for (; to < n; to++) {
      const c = bytes[to]!;
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) break;
    }
    const ended = to < n || final;
    // An unended record is read once it could pass the limit: the tokenizer stops there.
    if (!ended && n - pos <= limit) return undefined;
    // Unended, the record is read up to its last whole character: a character cut by the chunk
    // read as U+FFFD would count 3 bytes where its own may count 2.
    const end = to < n ? to + 1 : ended ? n : wholeChars(bytes, pos, n);
    const r = tokenizer.record(bytesText(bytes, pos, end), 0, line, ended);
    return r === undefined ? undefined : { cells: r.cells, end, line: r.line };
  }

  /**
   * The bytes left at the end of the input (one line without its line feed), with a line feed
   * added: the plain-record loop reads a cell's bytes up to the line feed without testing for the
   * end of the bytes. Left as they are (and read by the tokenizer, as before) when they have a
   * quote, are longer than half the limit (`fastLength`), or the delimiter is not one ASCII byte.
   * (A header or blank line given a line feed reads the same: the tokenizer does not count it.)
   */
  function ended(bytes: Uint8Array): Uint8Array {
    if (bytes.length === 0 || bytes.length > fastLength || delim < 0 || findByte(bytes, 34, 0) >= 0) return bytes;
    return concat([bytes, LINE_FEED], memory);
  }

  // One function on purpose: the plain-record loop below runs once per byte of the file (on the
  // reading worker) and keeps its cell state (start, digits, separator, plainness) in locals.
  function scan(bytes: Uint8Array, final: boolean): CsvBlock | undefined {
    const n = bytes.length;
    let pos = 0;
    let line = carryLine;
    // Rows end with a line feed (or the input): their count bounds the rows of the block, and is
    // the distance between two columns' cells until the block is cut to its rows.
    const capacity = lineCount(bytes, final);
    let rows = 0;
    const lines = new Int32Array(memory(4 * capacity), 0, capacity);
    let numbers = new Float64Array(memory(8 * capacity * width), 0, capacity * width);
    let spans = new Int32Array(memory(8 * capacity * width), 0, 2 * capacity * width);
    const texts: string[] = [];
    const issues: { row: number; issue: Issue }[] = [];
    // A record read by the tokenizer: its cells as texts.
    const slowRow = (cells: string[], recordLine: number) => {
      if (isBlankRecord(cells)) return;
      for (let c = 0; c < width; c++) {
        const k = c * capacity + rows;
        numbers[k] = NaN;
        if (c < cells.length) {
          spans[2 * k] = -2 - texts.length;
          texts.push(cells[c]!);
        } else spans[2 * k] = -1;
      }
      if (cells.length !== width) issues.push({ row: rows, issue: raggedIssue(recordLine, cells.length, width, delimiter) });
      lines[rows++] = recordLine;
    };
    let quote = delim < 0 ? 0 : findByte(bytes, 34, 0);
    while (pos < n) {
      let lf = findByte(bytes, 10, pos);
      if (lf < 0) {
        // A line not ended yet waits for more bytes, unless it is past the limit already: the
        // tokenizer stops it (a file without line feeds is not gathered to its end).
        if (!final && n - pos <= limit) break;
        lf = n;
      }
      // A line without its line feed goes to the tokenizer by the tests before this one already (past
      // the limit, or left so by `ended`); the last test keeps the loop below from reading past the bytes.
      if (header === undefined || (quote >= 0 && quote < lf) || lf - pos > fastLength || delim < 0 || lf === n) {
        const r = slowRecord(bytes, pos, line, final);
        if (r === undefined) break;
        if (header === undefined) {
          if (r.cells.length !== 0) {
            header = r.cells;
            width = header.length;
            numbers = new Float64Array(memory(8 * capacity * width), 0, capacity * width);
            spans = new Int32Array(memory(8 * capacity * width), 0, 2 * capacity * width);
          }
        } else if (r.cells.length !== 0) slowRow(r.cells, line);
        pos = r.end;
        line = r.line;
        if (quote >= 0 && quote < pos) quote = findByte(bytes, 34, pos);
        continue;
      }
      // A plain record: cells between delimiters, trimmed, numbers read in place.
      let column = 0;
      let blank = true;
      let p = pos;
      for (;;) {
        // Most cells are digits with one decimal separator, nothing else, up to the delimiter: read
        // in a loop of one test per byte, which the line feed ends (`bytes[lf]`). Any other cell is
        // read again from its start, up to `lf`, and trimmed.
        let d = p;
        let whole = 0;
        let sep = -1;
        let ch = bytes[d]!;
        while (ch >= 48 && ch <= 57) {
          whole = whole * 10 + (ch - 48);
          ch = bytes[++d]!;
        }
        if ((ch === 46 || ch === 44) && ch !== delim) {
          sep = d;
          ch = bytes[++d]!;
          while (ch >= 48 && ch <= 57) {
            whole = whole * 10 + (ch - 48);
            ch = bytes[++d]!;
          }
        }
        if (d > p && (ch === delim || ch === 10)) {
          blank = false;
          if (column < width) {
            const k = column * capacity + rows;
            spans[2 * k] = p;
            spans[2 * k + 1] = d;
            // A plain decimal's value is `plainValue(whole, sep, p, d)`, written out here: that call
            // (not inlined into this long function) returned each value as a new heap number, 1.5 GB
            // of them for a million rows of 100 cells, which the garbage collector then swept.
            numbers[k] = sep < 0 ? (d - p > 15 ? NaN : whole) : sep === d - 1 || d - p > 16 ? NaN : whole / POW10[d - 1 - sep]!;
          }
        } else {
          let s = p;
          // Trimmed, then to the delimiter, reading the digits of a plain decimal on the way.
          for (;;) {
            if (s >= lf) break;
            const c = bytes[s]!;
            if (c === delim) break;
            if (c === 32 || (c >= 9 && c <= 13)) s++;
            else {
              const t = c >= 0xc2 ? trimAt(bytes, s, lf) : 0;
              if (t === 0) break;
              s += t;
            }
          }
          d = s;
          whole = 0;
          sep = -1;
          let plain = true;
          for (; d < lf; d++) {
            const c = bytes[d]!;
            if (c === delim) break;
            if (c >= 48 && c <= 57) whole = whole * 10 + (c - 48);
            else if ((c === 46 || c === 44) && sep < 0) sep = d;
            else plain = false;
          }
          let e = d;
          while (e > s) {
            const c = bytes[e - 1]!;
            if (c === 32 || (c >= 9 && c <= 13)) e--;
            else {
              const t = c >= 0x80 ? trimBefore(bytes, s, e) : 0;
              if (t === 0) break;
              e -= t;
            }
          }
          if (e > s) blank = false;
          if (column < width) {
            const k = column * capacity + rows;
            spans[2 * k] = s;
            spans[2 * k + 1] = e;
            // A blank cell is NaN without a call (a call's number may be a new heap object: blanks
            // can be many). Spaces after a number were read as "not plain": read the trimmed cell again.
            numbers[k] = plain ? (e <= s ? NaN : plainValue(whole, sep, s, e)) : e < d && e - s <= 16 ? plainDecimal(bytesText(bytes, s, e), 0, e - s) : NaN;
          }
        }
        column++;
        if (d >= lf) break;
        p = d + 1;
      }
      if (!blank) {
        for (let c = column; c < width; c++) {
          spans[2 * (c * capacity + rows)] = -1;
          numbers[c * capacity + rows] = NaN;
        }
        if (column !== width) issues.push({ row: rows, issue: raggedIssue(line, column, width, delimiter) });
        lines[rows++] = line;
      }
      if (lf < n) line++;
      pos = lf + 1;
    }
    carry = pos < n ? bytes.slice(pos) : EMPTY;
    carryLine = line;
    if (rows === 0) return undefined;
    // Each column's cells moved next to the last column's, when fewer rows than lines were read.
    if (rows < capacity) {
      for (let c = 1; c < width; c++) {
        numbers.copyWithin(c * rows, c * capacity, c * capacity + rows);
        spans.copyWithin(2 * c * rows, 2 * c * capacity, 2 * (c * capacity + rows));
      }
    }
    return { kind: "csv-block", rows, width, lines: lines.subarray(0, rows), numbers: numbers.subarray(0, rows * width), bytes, spans: spans.subarray(0, 2 * rows * width), texts, issues };
  }

  return {
    header: () => header,
    // Always a new array of its own: a block's bytes may be moved to another thread.
    push: (chunks) => scan(concat([carry, ...chunks], memory), false),
    end: () => scan(ended(carry), true),
  };
}

/** Bytes gathered before a block is cut: fewer, larger blocks (about 1,000 rows of 100 numbers). */
const BLOCK_BYTES = 1 << 19;

/**
 * Reads CSV from a stream as {@link readCsvStream} does, the header first (a row, line 1, cleaned
 * names) and then the data rows in {@link CsvBlock}s: the same cells, lines, ragged-row issues
 * and errors, with plain decimal cells already read as numbers (`scoreStream` reads blocks). Text
 * is read as its UTF-8 bytes: a lone surrogate in a text piece (not well-formed UTF-16) is read as
 * U+FFFD, where `readCsvStream` keeps it, and in an input that mixes text and bytes a UTF-8
 * sequence cut before a text piece is not continued after it.
 *
 * @throws `DtiError` as {@link readCsvStream}.
 * @example
 * ```ts
 * import { createReadStream } from "node:fs";
 * import { readCsvBlocks } from "dti/csv";
 * import { scoreStream, getFramework } from "dti";
 * const stream = scoreStream(getFramework("vn-dti-2022-province"), readCsvBlocks(createReadStream("big.csv")));
 * ```
 */
export function readCsvBlocks(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvOptions = {},
): AsyncGenerator<CsvStreamRow | CsvBlock> {
  return csvBlocks(input, options);
}

/** {@link readCsvBlocks}, the blocks' arrays given their buffers by `memory` (new ones by default). */
export async function* csvBlocks(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvOptions,
  memory: BlockMemory = newMemory,
): AsyncGenerator<CsvStreamRow | CsvBlock> {
  const { chunks, delimiter, maxRecordSize } = await openCsvBytes(input, options);
  const reader = createCsvBlockReader(delimiter, Number.isFinite(maxRecordSize) ? maxRecordSize : 0, memory);
  let headerSent = false;
  function* out(block: CsvBlock | undefined): Generator<CsvStreamRow | CsvBlock> {
    const header = reader.header();
    if (!headerSent && header !== undefined) {
      headerSent = true;
      yield { line: 1, cells: header.map(cleanHeader) };
    }
    if (block !== undefined) yield block;
  }
  try {
    // Small chunks are gathered and read together (the reader joins them to what it kept).
    let parts: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of chunks) {
      parts.push(chunk);
      length += chunk.length;
      if (length < BLOCK_BYTES && headerSent) continue;
      yield* out(reader.push(parts));
      parts = [];
      length = 0;
    }
    if (length !== 0) yield* out(reader.push(parts));
    yield* out(reader.end());
  } catch (e) {
    throw toDtiError(e, maxRecordSize);
  } finally {
    await chunks.return(undefined);
  }
}

/** The parts in one new array (its buffer from `memory`). */
function concat(parts: readonly Uint8Array[], memory: BlockMemory): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(memory(length), 0, length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
