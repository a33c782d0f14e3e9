/**
 * The CSV tokenizer of `parseCsv` and `readCsvStream`, on text chunks: quote `"`, escape `""`,
 * record delimiter `\n` (callers make CRLF and CR into LF), cells trimmed, empty lines skipped,
 * rows of any length, a record-size limit. Its records and errors are csv-parse's, byte for byte,
 * with csv-parse's options `delimiter`, `record_delimiter: "\n"`, `relax_column_count`,
 * `skip_empty_lines`, `trim` and `max_record_size` (differential tests in
 * `test/csv/csv-tokenizer.test.ts`, where csv-parse is the oracle), without its per-byte buffers,
 * decoding and stream machinery: about twice as fast, and the same code in Node, Deno and browsers.
 *
 * @module
 */

/** The syntax errors, named as csv-parse names them. */
export type CsvSyntaxCode =
  | "INVALID_OPENING_QUOTE"
  | "CSV_INVALID_CLOSING_QUOTE"
  | "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
  | "CSV_QUOTE_NOT_CLOSED"
  | "CSV_MAX_RECORD_SIZE";

/**
 * A malformed CSV text: the code, the line reading stopped at (`lines`), the cell index in the
 * record (`column`, from 0) and, for a quote left open, the line where it opened (`quoteLine`).
 * `toDtiError` (parse-csv.ts) turns it into the user's `DATA_PARSE` / `DATA_TOO_LARGE` issue.
 */
export class CsvSyntaxError extends Error {
  readonly code: CsvSyntaxCode;
  readonly lines: number;
  readonly column: number;
  readonly quoteLine: number | undefined;

  constructor(code: CsvSyntaxCode, lines: number, column: number, quoteLine?: number) {
    super(`${code} at line ${lines}`);
    this.name = "CsvSyntaxError";
    this.code = code;
    this.lines = lines;
    this.column = column;
    this.quoteLine = quoteLine;
  }
}

/** One record: its cells and the line it starts on (header = line 1). */
export interface CsvRecord {
  readonly cells: string[];
  readonly line: number;
}

/** A tokenizer: `push` each text chunk, then `end`; each returns the records completed. */
export interface CsvTokenizer {
  push(text: string): CsvRecord[];
  end(): CsvRecord[];
  /**
   * Reads the one record starting at `start` of `text` (on line `line`), for a reader that cuts
   * plain records itself and hands over the others (quotes, a record near the size limit): its
   * cells (empty for an empty line), where the next record starts and its line; `undefined` when
   * `text` ends before the record does and more text is to come (`final` false). The tokenizer's
   * own carried text is neither read nor changed.
   */
  record(text: string, start: number, line: number, final: boolean): { cells: string[]; end: number; line: number } | undefined;
}

const QUOTE = 34;
const LF = 10;

/** csv-parse's trimmable characters (the same set as `String.prototype.trimEnd` removes). */
export function isTrim(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** UTF-8 bytes of one UTF-16 code unit (a surrogate half counts 2: a pair is 4 bytes). */
function utf8Units(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
}

/** Thrown inside the scan when the text ends before the record does (not at the end of input). */
const INCOMPLETE = Symbol("incomplete");

/**
 * Throws the syntax error. `quoteLine`: the line of the quote still open when the text ends or
 * the record-size limit is hit, so that a quote never closed is reported where it opened, not
 * 30,000 lines later.
 */
function fail(code: CsvSyntaxCode, line: number, column: number, quoteLine?: number): never {
  throw new CsvSyntaxError(code, line, column, quoteLine);
}

/**
 * Creates a tokenizer for one delimiter (one UTF-16 character) and a record-size limit (0 = none,
 * counted as csv-parse counts it).
 *
 * @throws {@link CsvSyntaxError} (`INVALID_OPENING_QUOTE`, `CSV_INVALID_CLOSING_QUOTE`,
 *   `CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE`, `CSV_QUOTE_NOT_CLOSED`, `CSV_MAX_RECORD_SIZE`)
 *   with `lines` and `column` as csv-parse sets them, for `toDtiError`; `CSV_MAX_RECORD_SIZE`
 *   and `CSV_QUOTE_NOT_CLOSED` inside a quoted cell also have `quoteLine`, the line where the quote
 *   opened.
 * @example
 * ```ts
 * const t = createCsvTokenizer(",", 0);
 * t.push('a,"b\n""c"""\n1,'); // => [{ cells: ["a", 'b\n"c"'], line: 1 }]
 * t.end(); // => [{ cells: ["1", ""], line: 3 }]
 * ```
 */
export function createCsvTokenizer(delimiter: string, maxRecordSize: number): CsvTokenizer {
  const delim = delimiter.charCodeAt(0);
  const max = maxRecordSize > 0 ? maxRecordSize : Infinity;
  let carry = "";
  let carryLine = 1;

  // The position and line of the record being read (state of `readRecord`, no object per record).
  let pos = 0;
  let line = 1;

  /**
   * Reads the record at `pos` (cells; none for an empty line); throws INCOMPLETE when the text ends first.
   * Kept as one loop on purpose: it runs once per character of every quoted record, and its state
   * (position, line, record length for the size limit, the open quote's line) lives in locals that
   * the quoted and plain paths share; split into functions, that state would go through closures
   * or an object per cell.
   */
  function readRecord(text: string, final: boolean): string[] {
    const n = text.length;
    const cells: string[] = [];
    let recordLen = 0;
    for (;;) {
      // One field. Leading trimmable characters are skipped (each checked against the limit).
      let c = 0;
      while (pos < n) {
        c = text.charCodeAt(pos);
        if (c === delim || c === LF || !isTrim(c)) break;
        if (recordLen > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length);
        pos++;
      }
      if (pos === n) {
        if (!final) throw INCOMPLETE;
        if (cells.length !== 0) cells.push("");
        break;
      }
      let value: string;
      let quoted = false;
      if (c === QUOTE) {
        quoted = true;
        value = "";
        let bytes = 0;
        const quoteLine = line;
        pos++;
        // Quoted content; `""` is a quote; after the closing quote only trimmable characters,
        // and a new opening quote when the field so far is empty (csv-parse does so).
        for (;;) {
          const q = text.indexOf('"', pos);
          const stop = q < 0 ? n : q;
          for (let i = pos; i < stop; i++) {
            const k = text.charCodeAt(i);
            const b = utf8Units(k);
            if (recordLen + bytes + b - 1 > max) {
              // The byte where csv-parse stops: its line is this character's.
              fail("CSV_MAX_RECORD_SIZE", line, cells.length, quoteLine);
            }
            bytes += b;
            if (k === LF) line++;
          }
          if (q < 0) {
            if (!final) throw INCOMPLETE;
            const endLine = text.charCodeAt(n - 1) === LF ? line - 1 : line;
            fail("CSV_QUOTE_NOT_CLOSED", endLine, cells.length, quoteLine);
          }
          value += text.slice(pos, q);
          if (q + 1 === n && !final) throw INCOMPLETE;
          const next = q + 1 < n ? text.charCodeAt(q + 1) : -1;
          if (next === QUOTE) {
            if (recordLen + bytes > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length, quoteLine);
            bytes++;
            value += '"';
            pos = q + 2;
            continue;
          }
          if (!(next === -1 || next === delim || next === LF || isTrim(next))) fail("CSV_INVALID_CLOSING_QUOTE", line, cells.length);
          pos = q + 1;
          while (pos < n) {
            const t = text.charCodeAt(pos);
            if (t === delim || t === LF) break;
            if (t === QUOTE) {
              if (bytes !== 0) fail("INVALID_OPENING_QUOTE", line, cells.length);
              // csv-parse opens a quote again after an empty quoted field, but keeps it a
              // closed field: only trimmable ASCII characters may follow, up to a closing quote.
              const reopenLine = line;
              pos++;
              for (;;) {
                if (pos === n) {
                  if (!final) throw INCOMPLETE;
                  fail("CSV_QUOTE_NOT_CLOSED", text.charCodeAt(n - 1) === LF ? line - 1 : line, cells.length, reopenLine);
                }
                const r = text.charCodeAt(pos);
                if (r === QUOTE) {
                  if (pos + 1 === n && !final) throw INCOMPLETE;
                  const nx = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;
                  if (nx === QUOTE) {
                    if (recordLen > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length);
                    fail("CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE", line, cells.length);
                  }
                  if (!(nx === -1 || nx === delim || nx === LF || isTrim(nx))) fail("CSV_INVALID_CLOSING_QUOTE", line, cells.length);
                  pos++;
                  break;
                }
                if (recordLen > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length, reopenLine);
                if (!isTrim(r) || r >= 0x80) fail("CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE", line, cells.length);
                if (r === LF) line++;
                pos++;
              }
              continue;
            }
            if (recordLen + bytes > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length);
            if (!isTrim(t) || (t >= 0x80 && bytes !== 0)) fail("CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE", line, cells.length);
            pos++;
          }
          if (pos === n && !final) throw INCOMPLETE;
          break;
        }
      } else {
        const start = pos;
        let bytes = 0;
        while (pos < n) {
          const k = text.charCodeAt(pos);
          if (k === delim || k === LF) break;
          if (k === QUOTE) fail("INVALID_OPENING_QUOTE", line, cells.length);
          const b = utf8Units(k);
          if (recordLen + bytes + b - 1 > max) fail("CSV_MAX_RECORD_SIZE", line, cells.length);
          bytes += b;
          pos++;
        }
        if (pos === n && !final) throw INCOMPLETE;
        value = text.slice(start, pos);
        if (isTrim(value.charCodeAt(value.length - 1))) value = value.trimEnd();
      }
      cells.push(value);
      recordLen += value.length;
      if (pos === n) break;
      const d = text.charCodeAt(pos++);
      if (d === delim) continue;
      // A line feed ends the record; an empty line (nothing but trimmed space) is skipped.
      line++;
      if (cells.length === 1 && !quoted && value === "") cells.length = 0;
      break;
    }
    return cells;
  }

  function scan(text: string, final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = text.length;
    pos = 0;
    line = carryLine;
    while (pos < n) {
      const recordStart = pos;
      const recordLine = line;
      let cells: string[];
      try {
        cells = readRecord(text, final);
      } catch (e) {
        if (e !== INCOMPLETE) throw e;
        carry = text.slice(recordStart);
        carryLine = recordLine;
        return out;
      }
      if (cells.length !== 0) out.push({ cells, line: recordLine });
    }
    carry = "";
    carryLine = line;
    return out;
  }

  return {
    push: (text) => scan(carry === "" ? text : carry + text, false),
    end: () => scan(carry, true),
    record(text, start, startLine, final) {
      pos = start;
      line = startLine;
      try {
        const cells = readRecord(text, final);
        return { cells, end: pos, line };
      } catch (e) {
        if (e !== INCOMPLETE) throw e;
        return undefined;
      }
    },
  };
}
