/**
 * CSV read in blocks of rows, for streaming a large file: the same rows as `readCsvStream` (same
 * header, cells, lines, ragged-row issues and errors), but the cells of a block stay in the block's
 * text as spans, and each cell that is a plain decimal ("0.6789", "0,6789", "12") is read as a
 * number in place (`plainDecimal`), without cutting a string out of its line. Records with quotes
 * (or long enough to meet the record-size limit) are read by the tokenizer (`csv-tokenizer.ts`)
 * one at a time. A block is plain data (typed arrays, strings): it can be posted between threads.
 *
 * @module
 */
import type { Issue } from "../../errors.ts";
import type { CsvBlock } from "./csv-block.ts";
import { plainDecimal, plainValue } from "../../score/fast/read-float.ts";
import { cleanHeader } from "../../text/clean-name.ts";
import { createCsvTokenizer, isTrim } from "./csv-tokenizer.ts";
import type { CsvOptions } from "./parse-csv.ts";
import { raggedIssue, toDtiError } from "./parse-csv.ts";
import { isBlankRecord, openCsvText, type CsvStreamRow } from "./read-csv-stream.ts";

/** Cuts text into blocks: `push` each text chunk (line breaks already LF), then `end`. */
export interface CsvBlockReader {
  /** The header (the first non-empty record), once read. */
  header(): string[] | undefined;
  push(text: string): CsvBlock | undefined;
  end(): CsvBlock | undefined;
}

/**
 * Creates a block reader for one delimiter and record-size limit (0 = none), as `readCsvStream`
 * reads: the first record is the header; then every data row, blank ones skipped.
 *
 * @throws {@link CsvSyntaxError} as the tokenizer does (the caller turns it into a `DtiError`).
 * @example
 * ```ts
 * const reader = createCsvBlockReader(";", 0);
 * const block = reader.push("unit;a\nHuế;0,5\n")!;
 * reader.header(); // => ["unit", "a"]
 * block.numbers[1]; // => 0.5
 * blockCell(block, 0, 0); // => "Huế"
 * ```
 */
export function createCsvBlockReader(delimiter: string, maxRecordSize: number): CsvBlockReader {
  const tokenizer = createCsvTokenizer(delimiter, maxRecordSize);
  const delim = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  // The fast path only takes records that cannot reach the limit (≤ 3 UTF-8 bytes per character).
  const fastLength = maxRecordSize > 0 ? Math.floor(maxRecordSize / 3) : Infinity;
  let header: string[] | undefined;
  let width = 0;
  let carry = "";
  let carryLine = 1;

  // One function on purpose: the plain-record loop below runs once per character of the file (on
  // the reading worker) and keeps its cell state (start, digits, separator, plainness) in locals.
  function scan(text: string, final: boolean): CsvBlock | undefined {
    const n = text.length;
    let pos = 0;
    let line = carryLine;
    // Rows end with a line feed (or the text): their count bounds the rows of the block.
    let capacity = final ? 1 : 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) capacity++;
    let rows = 0;
    let lines = new Int32Array(capacity);
    let numbers = new Float64Array(capacity * width);
    let spans = new Int32Array(2 * capacity * width);
    const texts: string[] = [];
    const issues: { row: number; issue: Issue }[] = [];
    const grow = () => {
      capacity = 2 * capacity + 16;
      const l = new Int32Array(capacity);
      l.set(lines);
      lines = l;
      const x = new Float64Array(capacity * width);
      x.set(numbers);
      numbers = x;
      const s = new Int32Array(2 * capacity * width);
      s.set(spans);
      spans = s;
    };
    // A record read by the tokenizer: its cells as texts.
    const slowRow = (cells: string[], recordLine: number) => {
      if (isBlankRecord(cells)) return;
      if (rows === capacity) grow();
      const base = rows * width;
      for (let c = 0; c < width; c++) {
        numbers[base + c] = NaN;
        if (c < cells.length) {
          spans[2 * (base + c)] = -2 - texts.length;
          texts.push(cells[c]!);
        } else spans[2 * (base + c)] = -1;
      }
      if (cells.length !== width) issues.push({ row: rows, issue: raggedIssue(recordLine, cells.length, width, delimiter) });
      lines[rows++] = recordLine;
    };
    let quote = delim < 0 ? 0 : text.indexOf('"');
    while (pos < n) {
      let lf = text.indexOf("\n", pos);
      if (lf < 0) {
        if (!final) break;
        lf = n;
      }
      if (header === undefined || (quote >= 0 && quote < lf) || lf - pos > fastLength || delim < 0) {
        const r = tokenizer.record(text, pos, line, final);
        if (r === undefined) break;
        if (header === undefined) {
          if (r.cells.length !== 0) {
            header = r.cells;
            width = header.length;
            numbers = new Float64Array(capacity * width);
            spans = new Int32Array(2 * capacity * width);
          }
        } else if (r.cells.length !== 0) slowRow(r.cells, line);
        pos = r.end;
        line = r.line;
        if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
        continue;
      }
      // A plain record: cells between delimiters, trimmed, numbers read in place.
      if (rows === capacity) grow();
      const base = rows * width;
      let column = 0;
      let blank = true;
      let p = pos;
      for (;;) {
        let s = p;
        let c = 0;
        while (s < lf && (c = text.charCodeAt(s)) !== delim && isTrim(c)) s++;
        // To the delimiter, reading the digits of a plain decimal on the way.
        let d = s;
        let whole = 0;
        let sep = -1;
        let plain = true;
        for (; d < lf; d++) {
          const ch = text.charCodeAt(d);
          if (ch === delim) break;
          if (ch >= 48 && ch <= 57) whole = whole * 10 + (ch - 48);
          else if ((ch === 46 || ch === 44) && sep < 0) sep = d;
          else plain = false;
        }
        let e = d;
        while (e > s && isTrim(text.charCodeAt(e - 1))) e--;
        if (e > s) blank = false;
        if (column < width) {
          const k = base + column;
          spans[2 * k] = s;
          spans[2 * k + 1] = e;
          // Spaces after a number were read as "not plain": read the trimmed cell again.
          numbers[k] = plain ? plainValue(whole, sep, s, e) : e < d ? plainDecimal(text, s, e) : NaN;
        }
        column++;
        if (d >= lf) break;
        p = d + 1;
      }
      if (!blank) {
        for (let c = column; c < width; c++) {
          spans[2 * (base + c)] = -1;
          numbers[base + c] = NaN;
        }
        if (column !== width) issues.push({ row: rows, issue: raggedIssue(line, column, width, delimiter) });
        lines[rows++] = line;
      }
      if (lf < n) line++;
      pos = lf + 1;
    }
    carry = pos < n ? text.slice(pos) : "";
    carryLine = line;
    if (rows === 0) return undefined;
    return { kind: "csv-block", rows, width, lines: lines.subarray(0, rows), numbers: numbers.subarray(0, rows * width), text, spans: spans.subarray(0, 2 * rows * width), texts, issues };
  }

  return {
    header: () => header,
    push: (text) => scan(carry === "" ? text : carry + text, false),
    end: () => scan(carry, true),
  };
}

/** Text gathered before a block is cut: fewer, larger blocks (about 1,000 rows of 100 numbers). */
const BLOCK_TEXT = 1 << 19;

/**
 * Reads CSV from a stream as {@link readCsvStream} does, the header first (a row, line 1, cleaned
 * names) and then the data rows in {@link CsvBlock}s: the same cells, lines, ragged-row issues
 * and errors, with plain decimal cells already read as numbers (`scoreStream` reads blocks).
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
export async function* readCsvBlocks(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvOptions = {},
): AsyncGenerator<CsvStreamRow | CsvBlock> {
  const { chunks, head, done, delimiter, maxRecordSize } = await openCsvText(input, options);
  const reader = createCsvBlockReader(delimiter, Number.isFinite(maxRecordSize) ? maxRecordSize : 0);
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
    // Chunks are gathered in a list and joined once: text added to text piece by piece is a rope,
    // which the reader scans several times slower than one flat string.
    let parts = [head];
    let length = head.length;
    const joined = () => (parts.length === 1 ? parts[0]! : parts.join(""));
    if (!done) {
      for await (const chunk of chunks) {
        parts.push(chunk);
        length += chunk.length;
        if (length < BLOCK_TEXT && headerSent) continue;
        yield* out(reader.push(joined()));
        parts = [];
        length = 0;
      }
    }
    if (length !== 0) yield* out(reader.push(joined()));
    yield* out(reader.end());
  } catch (e) {
    throw toDtiError(e, maxRecordSize);
  } finally {
    await chunks.return(undefined);
  }
}
