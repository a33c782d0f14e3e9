/**
 * csv-parse as the oracle of the differential tests: the reader dti used before its own tokenizer,
 * with the options that tokenizer reproduces. A test-only dependency.
 */
import { CsvError, parse } from "csv-parse/sync";
import { CsvSyntaxError, type CsvRecord, type CsvSyntaxCode } from "../../src/input/csv/csv-tokenizer.ts";

/** csv-parse's `info.lines` is the line a record ends on; it starts as many lines earlier as its cells hold line breaks. */
export function startLine(record: readonly string[], endLine: number): number {
  let breaks = 0;
  for (const cell of record) for (let at = cell.indexOf("\n"); at >= 0; at = cell.indexOf("\n", at + 1)) breaks++;
  return endLine - breaks;
}

/**
 * The line of the quote still open at the end of `raw` (an unfinished record, as csv-parse keeps
 * it, with any blank lines before it), or undefined when no quote is open there. `endLine` is the
 * line where reading stopped; a line break that ends `raw` is that line's own. A `""` inside a
 * quoted cell is a quote, not the cell's end.
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

/** csv-parse's options for dti's rules (0: no record-size limit). */
function options(delimiter: string, max: number) {
  return { delimiter, record_delimiter: "\n", info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: max } as const;
}

/**
 * The records csv-parse reads, with their start lines, or its error as the tokenizer's error
 * (`quoteLine` of a quote left open told by csv-parse's unfinished record).
 */
export function csvParse(text: string, delimiter: string, max: number): CsvRecord[] {
  try {
    const parsed = parse(text, options(delimiter, max)) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ cells: record, line: startLine(record, info.lines) }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const lines = e["lines"] as number;
    const quoteLine = typeof e["raw"] === "string" && (e.code === "CSV_QUOTE_NOT_CLOSED" || e.code === "CSV_MAX_RECORD_SIZE") ? openQuoteLine(e["raw"], lines) : undefined;
    throw new CsvSyntaxError(e.code as CsvSyntaxCode, lines, e["column"] as number, quoteLine);
  }
}
