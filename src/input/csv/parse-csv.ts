/**
 * CSV text → {@link RawTable}, on the project's tokenizer (`csv-tokenizer.ts`, the same as
 * `readCsvStream` reads with).
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../../errors.ts";
import { cleanHeader } from "../../text/clean-name.ts";
import type { RawCell, RawRow, RawTable } from "../table.ts";
import { createCsvTokenizer, CsvSyntaxError, type CsvRecord } from "./csv-tokenizer.ts";
import { detectDelimiter, type CsvDelimiter } from "./detect-delimiter.ts";

/**
 * Options of {@link parseCsv}.
 *
 * @example
 * ```ts
 * const options: CsvOptions = { delimiter: ";" };
 * parseCsv("a;b,c\n1;2,5\n", options).columns; // => ["a", "b,c"]
 * ```
 */
export interface CsvOptions {
  /**
   * The cell delimiter. `"auto"` (the default) picks the most frequent of `,` `;` and tab in the
   * header line, outside quotes; a header with none of them is read as one column.
   */
  readonly delimiter?: "," | ";" | "\t" | "auto";
  /**
   * The longest record (one row, all its cells) read, in characters; default
   * {@link MAX_RECORD_SIZE} (1,000,000). A longer row stops reading with a `DATA_TOO_LARGE` error
   * instead of spending seconds and memory on it. `Infinity` turns the limit off.
   */
  readonly maxRecordSize?: number;
}

/** The default {@link CsvOptions.maxRecordSize}: one million characters in one row. */
export const MAX_RECORD_SIZE = 1_000_000;

const DELIMITER_CHOICES: readonly unknown[] = [",", ";", "\t", "auto"];

/**
 * Reads CSV text into a {@link RawTable} (`format: "csv"`) for `score` / `validate`.
 *
 * - A leading BOM (U+FEFF) is removed; headers are NFC-normalised and trimmed.
 * - The delimiter is detected from the header unless `options.delimiter` sets it.
 * - Cells stay text (province code "01" stays "01"); white space around a cell is trimmed and a
 *   blank cell is `""`. Line breaks inside quoted cells are read as `\n`.
 * - Each row carries the physical line it starts on (header = line 1), also after quoted cells
 *   that span lines and after skipped blank lines.
 * - Empty lines, and lines whose cells are all blank (`;;;` as spreadsheets export them), are
 *   skipped.
 * - Title lines above the header, each one cell alone on its line (with the delimiter given: a
 *   line without one is a one-column header to detection), do not set the table's width: the
 *   first wider line after them does (`score` finds the header row and leaves them out).
 * - A row with more or fewer cells than the header is kept (padded with `undefined`, or cut to the
 *   header's width) and reported as a `DATA_PARSE` error issue in `issues`.
 * - No header, or a header and no rows: an empty table with a `DATA_EMPTY` error issue.
 * - Duplicate headers are kept as written (the validation stage reports them).
 * - Text that is not really UTF-8 (U+FFFD replacement characters from bytes that were not UTF-8,
 *   e.g. a Windows-1258 export, or NUL characters from a UTF-16 file read as UTF-8) is a
 *   `DATA_ENCODING` error issue naming the first line where it shows.
 *
 * @param text - The CSV text (read files as UTF-8).
 * @param options - {@link CsvOptions}.
 * @returns The table, with any problems met while reading in `issues`.
 * @throws {@link dti!DtiError | DtiError} `DATA_PARSE` (with the line) when the quoting is malformed
 *   (a quote never closed at the line where it opened, also when `maxRecordSize` stops reading
 *   inside it), `DATA_TOO_LARGE` when a row is longer than `maxRecordSize`, and `OPTION_INVALID`
 *   when `text` is not a string or an option is not one of the choices.
 *
 * @example
 * ```ts
 * const table = parseCsv("\uFEFFMã;Tỉnh;Nhận thức số\n01;Hà Nội;0,8125\n");
 * table.columns; // => ["Mã", "Tỉnh", "Nhận thức số"]
 * table.rows[0]; // => { line: 2, cells: ["01", "Hà Nội", "0,8125"] }
 * table.issues; // => []
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): RawTable {
  const { parsed, delimiter, body } = parseRecords(text, options);
  const header = parsed[0];
  if (header === undefined) {
    return { columns: [], rows: [], format: "csv", issues: [error("DATA_EMPTY", "the CSV is empty: no header and no rows")] };
  }
  // Title lines above the header ("UBND TỈNH …" alone on its line, not padded with delimiters):
  // the table is as wide as the first line after them, and they are not ragged rows.
  const titles = titleLines(parsed);
  const width = Math.max(header.cells.length, parsed[titles]?.cells.length ?? 0);
  const columns: string[] = [];
  for (let c = 0; c < width; c++) columns.push(cleanHeader(header.cells[c] ?? ""));
  const issues: Issue[] = [];
  const rows: RawRow[] = [];
  for (let r = 1; r < parsed.length; r++) {
    const { cells: record, line } = parsed[r] as CsvRecord;
    if (record.every((cell) => cell === "")) continue;
    if (record.length !== width && !(r < titles && record.length < width)) issues.push(raggedIssue(line, record.length, width, delimiter));
    const cells: RawCell[] = [];
    for (let c = 0; c < width; c++) cells.push(record[c]);
    rows.push({ line, cells });
  }
  if (rows.length === 0) {
    issues.push(error("DATA_EMPTY", "the CSV has a header but no data rows"));
  }
  const encoding = encodingIssue(body);
  if (encoding !== undefined) issues.unshift(encoding);
  return { columns, rows, format: "csv", issues };
}

/** The records of CSV text as the tokenizer reads them, with the delimiter used and the text read. */
function parseRecords(text: string, options: CsvOptions): { parsed: CsvRecord[]; delimiter: string; body: string } {
  if (typeof text !== "string") {
    throw new DtiError([error("OPTION_INVALID", "parseCsv needs the CSV as a string (read the file as UTF-8 text)")]);
  }
  const choice: unknown = options.delimiter ?? "auto";
  if (!DELIMITER_CHOICES.includes(choice)) {
    throw new DtiError([error("OPTION_INVALID", `delimiter ${showValue(choice)} is not one of ",", ";", "\\t" or "auto"`)]);
  }
  const maxRecordSize: unknown = options.maxRecordSize ?? MAX_RECORD_SIZE;
  if (typeof maxRecordSize !== "number" || !(maxRecordSize >= 1) || (Number.isFinite(maxRecordSize) && !Number.isInteger(maxRecordSize))) {
    throw new DtiError([error("OPTION_INVALID", `maxRecordSize must be a whole number of characters above 0, or Infinity (got ${showValue(maxRecordSize)})`)]);
  }
  // One line-break form: the tokenizer ends records at LF only, and a CRLF inside a quoted cell
  // reads as one line break.
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const body = noBom.includes("\r") ? noBom.replace(/\r\n?/gu, "\n") : noBom;
  // Detection reads the header line only; past the record limit the tokenizer stops anyway.
  const head = body.length > maxRecordSize ? body.slice(0, maxRecordSize) : body;
  const delimiter = choice === "auto" ? (detectDelimiter(head) ?? unusedDelimiter(body)) : (choice as CsvDelimiter);

  let parsed: CsvRecord[];
  try {
    // 0 is no limit.
    const tokenizer = createCsvTokenizer(delimiter, Number.isFinite(maxRecordSize) ? maxRecordSize : 0);
    parsed = tokenizer.push(body);
    for (const record of tokenizer.end()) parsed.push(record);
  } catch (e) {
    throw toDtiError(e, maxRecordSize);
  }
  return { parsed, delimiter, body };
}

/**
 * Every non-blank line of CSV text as a row of its cells, as written: no header, no padding or
 * cutting to a width. For tables that are not unit data (a framework's criteria table with its
 * key/value rows above the header). Lines are numbered as in the file (the first is 1).
 *
 * @example
 * ```ts
 * readCsvRows("Mã bộ chỉ số;w\nSTT;Tiêu chí;Điểm tối đa\n1;A;10\n").map((r) => r.cells.length); // => [2, 3, 3]
 * ```
 */
export function readCsvRows(text: string, options: CsvOptions = {}): RawRow[] {
  const { parsed } = parseRecords(text, options);
  const rows: RawRow[] = [];
  for (const { cells, line } of parsed) if (!cells.every((cell) => cell === "")) rows.push({ line, cells });
  return rows;
}

/** How many leading records are title lines: at most one non-blank cell each, and a wider record after them. */
function titleLines(parsed: readonly CsvRecord[]): number {
  const limit = Math.min(parsed.length - 1, 30);
  let n = 0;
  while (n < limit && (parsed[n] as CsvRecord).cells.filter((cell) => cell !== "").length <= 1) n++;
  const after = parsed[n];
  return n > 0 && after !== undefined && after.cells.length > (parsed[0] as CsvRecord).cells.length ? n : 0;
}

/** For a one-column file: a delimiter that does not occur, so every line is one cell. */
export function unusedDelimiter(body: string): string {
  for (const d of [",", ";", "\t", "\u001f", "\u0000"]) if (!body.includes(d)) return d;
  return ",";
}

/** The DATA_PARSE issue of a row with more or fewer cells than the header. */
export function raggedIssue(line: number, count: number, width: number, delimiter: string): Issue {
  const cells = (n: number) => `${n} cell${n === 1 ? "" : "s"}`;
  const shown = delimiter === "\t" ? "tab" : JSON.stringify(delimiter);
  if (count < width) {
    return error(
      "DATA_PARSE",
      `line ${line} has ${cells(count)} but the header has ${width} (delimiter ${shown}); the missing ${width - count === 1 ? "cell is" : "cells are"} read as blank`,
      { row: line },
    );
  }
  const extra = count - width;
  const hint = delimiter === "," ? `; a decimal comma must be quoted ("0,5") or the file saved with ";"` : "";
  return error(
    "DATA_PARSE",
    `line ${line} has ${cells(count)} but the header has ${width} (delimiter ${shown}); the ${extra === 1 ? "extra cell was" : `${extra} extra cells were`} not read${hint}`,
    { row: line },
  );
}

/**
 * U+FFFD (what a decoder puts for bytes that are not UTF-8) or NUL (UTF-16 read as UTF-8) in the
 * text: the file was not UTF-8, and names would be garbled silently.
 */
function encodingIssue(body: string): Issue | undefined {
  const bad = body.search(/[\uFFFD\u0000]/u);
  if (bad < 0) return undefined;
  let line = 1;
  for (let i = body.indexOf("\n"); i >= 0 && i < bad; i = body.indexOf("\n", i + 1)) line++;
  return encodingLineIssue(line, body[bad] === "\u0000");
}

/**
 * The `DATA_ENCODING` issue of a NUL (`nul`) or a U+FFFD first met on `line` (of the text with its
 * line breaks made LF): what `parseCsv` says, and the streamed CLI, which finds them in the bytes.
 *
 * @example
 * ```ts
 * encodingLineIssue(4, true).row; // => 4
 * ```
 */
export function encodingLineIssue(line: number, nul: boolean): Issue {
  return error(
    "DATA_ENCODING",
    nul
      ? `line ${line} holds NUL characters: the file looks like UTF-16; save it as "CSV UTF-8"`
      : `line ${line} holds U+FFFD replacement characters: the file was not UTF-8 (e.g. Windows-1258 or Latin-1), so Vietnamese letters are lost; save it as "CSV UTF-8"`,
    { row: line },
  );
}

/** Maps a tokenizer error to a {@link DtiError} with a plain message and the line; other errors pass through. */
export function toDtiError(e: unknown, maxRecordSize: number): unknown {
  if (!(e instanceof CsvSyntaxError)) return e;
  const lines = e.lines;
  const cell = ` (cell ${e.column + 1})`;
  let line = lines;
  let message: string;
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      line = e.quoteLine ?? lines;
      message = `the quote opened on line ${line} is never closed (the file ends inside it at line ${lines})`;
      break;
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      message = `line ${lines}${cell}: a closing quote is followed by more text; inside a quoted cell write a quote as two quotes ("")`;
      break;
    case "CSV_MAX_RECORD_SIZE": {
      // Inside a quote opened on an earlier line, the likely cause is a quote never closed: name
      // its line.
      const opened = e.quoteLine;
      if (opened !== undefined && opened < lines) {
        return new DtiError([
          error(
            "DATA_PARSE",
            `the quote opened on line ${opened} is not closed within ${grouped(maxRecordSize)} characters (reading stopped at line ${lines}): a closing quote is probably missing (inside a quoted cell a quote is written as two quotes ""); if one cell really is that long, raise maxRecordSize`,
            { row: opened },
          ),
        ]);
      }
      return new DtiError([
        error("DATA_TOO_LARGE", `line ${lines}: a row is longer than ${maxRecordSize} characters (maxRecordSize); is the delimiter or the quoting wrong?`, { row: lines }),
      ]);
    }
    case "INVALID_OPENING_QUOTE":
      message = `line ${lines}${cell}: a quote inside an unquoted cell; quote the whole cell and write the quote as two quotes ("a ""b"" c")`;
      break;
  }
  return new DtiError([error("DATA_PARSE", message, { row: line })]);
}

/** A count with thousands separators ("1,000,000"). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}
