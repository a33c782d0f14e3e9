/**
 * CSV text → {@link RawTable}, on csv-parse's synchronous Node build (`csv-parse/sync`; see
 * `src/csv.ts` for why that build).
 *
 * @module
 */
import { CsvError, parse } from "csv-parse/sync";
import { DtiError, error, showValue, type Issue } from "../../errors.ts";
import { cleanHeader } from "../../text/clean-name.ts";
import type { RawCell, RawRow, RawTable } from "../table.ts";
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

/** What csv-parse returns per record with `info: true, raw: true`. */
interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

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
  const width = Math.max(header.record.length, parsed[titles]?.record.length ?? 0);
  const columns: string[] = [];
  for (let c = 0; c < width; c++) columns.push(cleanHeader(header.record[c] ?? ""));
  const issues: Issue[] = [];
  const rows: RawRow[] = [];
  for (let r = 1; r < parsed.length; r++) {
    const { record, info } = parsed[r] as ParsedRecord;
    if (record.every((cell) => cell === "")) continue;
    const line = startLine(record, info.lines);
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

/** The records of CSV text as csv-parse reads them, with the delimiter used and the text read. */
function parseRecords(text: string, options: CsvOptions): { parsed: ParsedRecord[]; delimiter: string; body: string } {
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
  // One line-break form, so that csv-parse counts every line once (it counts a CRLF inside a
  // quoted cell as two lines) and a cell's line breaks tell how many lines it spans.
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const body = noBom.includes("\r") ? noBom.replace(/\r\n?/gu, "\n") : noBom;
  // Detection reads the header line only; past the record limit csv-parse stops anyway.
  const head = body.length > maxRecordSize ? body.slice(0, maxRecordSize) : body;
  const delimiter = choice === "auto" ? (detectDelimiter(head) ?? unusedDelimiter(body)) : (choice as CsvDelimiter);

  let parsed: ParsedRecord[];
  try {
    parsed = parse(body, {
      delimiter,
      record_delimiter: "\n",
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // csv-parse: 0 is no limit.
      max_record_size: Number.isFinite(maxRecordSize) ? maxRecordSize : 0,
    }) as unknown as ParsedRecord[];
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
  for (const { record, info } of parsed) if (!record.every((cell) => cell === "")) rows.push({ line: startLine(record, info.lines), cells: record });
  return rows;
}

/** How many leading records are title lines: at most one non-blank cell each, and a wider record after them. */
function titleLines(parsed: readonly ParsedRecord[]): number {
  const limit = Math.min(parsed.length - 1, 30);
  let n = 0;
  while (n < limit && (parsed[n] as ParsedRecord).record.filter((cell) => cell !== "").length <= 1) n++;
  const after = parsed[n];
  return n > 0 && after !== undefined && after.record.length > (parsed[0] as ParsedRecord).record.length ? n : 0;
}

/** For a one-column file: a delimiter that does not occur, so every line is one cell. */
export function unusedDelimiter(body: string): string {
  for (const d of [",", ";", "\t", "\u001f", "\u0000"]) if (!body.includes(d)) return d;
  return ",";
}

/** csv-parse's `info.lines` is the line a record ends on; it starts as many lines earlier as its cells hold line breaks. */
export function startLine(record: readonly string[], endLine: number): number {
  let breaks = 0;
  for (const cell of record) for (let at = cell.indexOf("\n"); at >= 0; at = cell.indexOf("\n", at + 1)) breaks++;
  return endLine - breaks;
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
  const utf16 = body[bad] === "\u0000";
  return error(
    "DATA_ENCODING",
    utf16
      ? `line ${line} holds NUL characters: the file looks like UTF-16; save it as "CSV UTF-8"`
      : `line ${line} holds U+FFFD replacement characters: the file was not UTF-8 (e.g. Windows-1258 or Latin-1), so Vietnamese letters are lost; save it as "CSV UTF-8"`,
    { row: line },
  );
}

/** Maps a csv-parse error to a {@link DtiError} with a plain message and the line. */
export function toDtiError(e: unknown, maxRecordSize: number): unknown {
  if (!(e instanceof CsvError)) return e;
  const lines = typeof e["lines"] === "number" ? e["lines"] : undefined;
  const column = typeof e["column"] === "number" ? e["column"] + 1 : undefined;
  const cell = column === undefined ? "" : ` (cell ${column})`;
  let line = lines;
  let message: string;
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      line = lines === undefined ? undefined : (quoteLineOf(e, lines) ?? lines);
      message = `the quote opened on line ${line ?? "?"} is never closed (the file ends inside it${lines === undefined ? "" : ` at line ${lines}`})`;
      break;
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      message = `line ${lines ?? "?"}${cell}: a closing quote is followed by more text; inside a quoted cell write a quote as two quotes ("")`;
      break;
    case "CSV_MAX_RECORD_SIZE": {
      // Inside a quote opened on an earlier line, the likely cause is a quote never closed: name
      // its line (the streaming tokenizer knows it; csv-parse's unfinished record tells it).
      const opened = lines === undefined ? undefined : quoteLineOf(e, lines);
      if (opened !== undefined && lines !== undefined && opened < lines) {
        return new DtiError([
          error(
            "DATA_PARSE",
            `the quote opened on line ${opened} is not closed within ${grouped(maxRecordSize)} characters (reading stopped at line ${lines}): a closing quote is probably missing (inside a quoted cell a quote is written as two quotes ""); if one cell really is that long, raise maxRecordSize`,
            { row: opened },
          ),
        ]);
      }
      return new DtiError([
        error("DATA_TOO_LARGE", `line ${lines ?? "?"}: a row is longer than ${maxRecordSize} characters (maxRecordSize); is the delimiter or the quoting wrong?`, lines === undefined ? {} : { row: lines }),
      ]);
    }
    case "INVALID_OPENING_QUOTE":
      message = `line ${lines ?? "?"}${cell}: a quote inside an unquoted cell; quote the whole cell and write the quote as two quotes ("a ""b"" c")`;
      break;
    default:
      message = `line ${lines ?? "?"}: the CSV cannot be read: ${e.message}`;
  }
  return new DtiError([error("DATA_PARSE", message, line === undefined ? {} : { row: line })]);
}

/** Where the open quote of a csv-parse error began: the tokenizer says it, csv-parse's `raw` tells it. */
function quoteLineOf(e: CsvError, lines: number): number | undefined {
  if (typeof e["quoteLine"] === "number") return e["quoteLine"];
  return typeof e["raw"] === "string" ? openQuoteLine(e["raw"], lines) : undefined;
}

/** A count with thousands separators ("1,000,000"). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}

/**
 * The line of the quote still open at the end of `raw` (an unfinished record, as csv-parse keeps
 * it, with any blank lines before it), or undefined when no quote is open there. `endLine` is the
 * line where reading stopped; a line break that ends `raw` is that line's own (the next line is
 * not counted yet). A `""` inside a quoted cell is a quote, not the cell's end.
 */
export function openQuoteLine(raw: string, endLine: number): number | undefined {
  let open = -1;
  for (let i = raw.indexOf('"'); i >= 0; i = raw.indexOf('"', i + 1)) {
    if (open < 0) open = i;
    else if (raw.charCodeAt(i + 1) === 34) i++;
    else open = -1;
  }
  if (open < 0) return undefined;
  let line = endLine;
  for (let i = raw.indexOf("\n", open); i >= 0 && i < raw.length - 1; i = raw.indexOf("\n", i + 1)) line--;
  return line;
}
