/**
 * CSV as a stream of rows, on the tokenizer `parseCsv` uses (`csv-tokenizer.ts`): for files too big to hold as one string.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../../errors.ts";
import { cleanHeader } from "../../text/clean-name.ts";
import type { RawCell, RawRow } from "../table.ts";
import { createCsvTokenizer, type CsvRecord } from "./csv-tokenizer.ts";
import { detectDelimiter } from "./detect-delimiter.ts";
import { MAX_RECORD_SIZE, raggedIssue, toDtiError, unusedDelimiter, type CsvOptions } from "./parse-csv.ts";

/** A row read from a CSV stream, with the problems of that row (a ragged row). */
export interface CsvStreamRow extends RawRow {
  readonly issues?: readonly Issue[];
}

/** Bytes held back before a line feed is seen: past this, a chunk is decoded without one (a file without LF line breaks). */
const HOLD_BYTES = 1 << 22;

/** `a` and then `b` in one array (`b` alone when `a` is empty). */
export function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Text chunks from text or UTF-8 bytes, with CRLF and CR line breaks made LF (across chunk ends
 * too). Bytes are decoded up to their last line feed, the rest held for the next chunk: each text
 * then ends a line and is a flat string of its own, which the block reader scans character by
 * character (text joined to a carried piece is a rope, several times slower to scan).
 */
async function* textChunks(input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<string> {
  // A BOM is taken off the head only (openCsvText): the decoder keeps every one it meets, also
  // one at the start of bytes that follow text.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let carry = "";
  let held: Uint8Array = new Uint8Array(0);
  const lf = (text: string) => (text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/gu, "\n"));
  for await (const chunk of input) {
    let decoded: string;
    if (typeof chunk === "string") {
      decoded = decoder.decode(held, { stream: true }) + chunk;
      held = new Uint8Array(0);
    } else {
      const last = chunk.lastIndexOf(10);
      if (last < 0 && held.length + chunk.length < HOLD_BYTES) {
        held = joinBytes(held, chunk.slice());
        continue;
      }
      const cut = last < 0 ? chunk.length : last + 1;
      decoded = decoder.decode(joinBytes(held, chunk.subarray(0, cut)), { stream: true });
      held = chunk.slice(cut);
    }
    let text = carry === "" ? decoded : carry + decoded;
    carry = "";
    if (text.endsWith("\r")) {
      carry = "\r";
      text = text.slice(0, -1);
    }
    if (text !== "") yield lf(text);
  }
  const rest = carry + decoder.decode(held, { stream: true }) + decoder.decode();
  if (rest !== "") yield lf(rest);
}

/** A CSV input opened: the text chunks after the head, the head, and the reading options. */
export interface OpenedCsv {
  readonly chunks: AsyncGenerator<string>;
  /** The first text (BOM removed): at least the header line, unless the input ended first. */
  readonly head: string;
  /** True when the input ended within the head. */
  readonly done: boolean;
  readonly delimiter: string;
  readonly maxRecordSize: number;
}

/**
 * Opens CSV input as `readCsvStream` does: text chunks (CRLF and CR made LF), enough of them to see
 * the header line, the BOM removed, the delimiter detected (or given), the record-size limit checked.
 *
 * @throws `DtiError` `DATA_EMPTY` for an empty input, `OPTION_INVALID` for a bad `maxRecordSize`.
 */
export async function openCsvText(input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, options: CsvOptions): Promise<OpenedCsv> {
  const chunks = textChunks(input);
  // Read enough to see the header line, to pick the delimiter.
  let head = "";
  let done = false;
  while (!done && !/\n/u.test(head) && head.length < 1 << 16) {
    const next = await chunks.next();
    if (next.done === true) done = true;
    else head += next.value;
  }
  head = head.replace(/^\uFEFF/u, "");
  const { delimiter, maxRecordSize } = csvSettings(head, options);
  return { chunks, head, done, delimiter, maxRecordSize };
}

/**
 * The delimiter (given, or detected from the head's first line) and the record-size limit of an
 * input whose head (BOM removed) is `head`: what `openCsvText` and `openCsvBytes` decide alike.
 *
 * @throws `DtiError` `DATA_EMPTY` for a blank head, `OPTION_INVALID` for a bad `maxRecordSize`.
 */
export function csvSettings(head: string, options: CsvOptions): { delimiter: string; maxRecordSize: number } {
  if (head.trim() === "") throw new DtiError([error("DATA_EMPTY", "the CSV is empty: no header and no rows")]);
  const choice = options.delimiter ?? "auto";
  const delimiter = choice === "auto" ? (detectDelimiter(head) ?? unusedDelimiter(head)) : choice;
  const maxRecordSize = options.maxRecordSize ?? MAX_RECORD_SIZE;
  if (!(maxRecordSize >= 1) || (Number.isFinite(maxRecordSize) && !Number.isInteger(maxRecordSize))) {
    throw new DtiError([error("OPTION_INVALID", `maxRecordSize must be a whole number of characters above 0, or Infinity (got ${showValue(maxRecordSize)})`)]);
  }
  return { delimiter, maxRecordSize };
}

/**
 * Reads CSV from a stream (a Node readable, a web `ReadableStream`, or any async iterable of text
 * or UTF-8 bytes) as rows: the header first (line 1), then each data row with the line it starts
 * on, the same rules as `parseCsv` (BOM removed, delimiter detected from the header, cells trimmed,
 * blank lines skipped, ragged rows kept with an issue, rows longer than `maxRecordSize` stop with
 * `DATA_TOO_LARGE`). Memory holds one chunk and one row.
 *
 * @throws `DtiError` `DATA_PARSE` with the line for malformed quoting (when reached), and
 *   `DATA_EMPTY` for an empty input.
 * @example
 * ```ts
 * import { createReadStream } from "node:fs";
 * import { readCsvStream } from "dti/csv";
 * import { scoreStream, getFramework } from "dti";
 * const stream = scoreStream(getFramework("vn-dti-2022-province"), readCsvStream(createReadStream("big.csv")));
 * for await (const unit of stream) console.log(unit.unit, unit.value);
 * ```
 */
export async function* readCsvStream(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvOptions = {},
): AsyncGenerator<CsvStreamRow> {
  const { chunks, head, done, delimiter, maxRecordSize } = await openCsvText(input, options);
  const tokenizer = createCsvTokenizer(delimiter, Number.isFinite(maxRecordSize) ? maxRecordSize : 0);
  let width = -1;
  function* rows(records: CsvRecord[]): Generator<CsvStreamRow> {
    for (const { cells: record, line } of records) {
      if (width < 0) {
        width = record.length;
        yield { line: 1, cells: record.map(cleanHeader) };
        continue;
      }
      if (isBlankRecord(record)) continue;
      if (record.length === width) {
        yield { line, cells: record };
        continue;
      }
      const cells: RawCell[] = [];
      for (let c = 0; c < width; c++) cells.push(record[c]);
      yield { line, cells, issues: [raggedIssue(line, record.length, width, delimiter)] };
    }
  }
  try {
    yield* rows(tokenizer.push(head));
    if (!done) for await (const text of chunks) yield* rows(tokenizer.push(text));
    yield* rows(tokenizer.end());
  } catch (e) {
    throw toDtiError(e, maxRecordSize);
  } finally {
    // The reader may stop early (break): stop reading the input.
    await chunks.return(undefined);
  }
}

/** True when every cell of a record is empty (such rows are skipped). */
export function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell !== "") return false;
  return true;
}
