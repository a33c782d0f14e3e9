/**
 * A block of CSV data rows, columnar (what `readCsvBlocks` yields and `scoreStream` reads): plain
 * data, typed arrays and strings, so that it can be posted between threads.
 *
 * @module
 */
import type { Issue } from "../../errors.ts";

/**
 * Data rows of a CSV, columnar: `rows` rows of `width` cells (the header's width; a ragged row is
 * cut or padded, with its issue in `issues`). Cell k = row × width + column.
 */
export interface CsvBlock {
  readonly kind: "csv-block";
  readonly rows: number;
  readonly width: number;
  /** The line each row starts on. */
  readonly lines: Int32Array;
  /** The cell's value when it is a plain decimal of at most 15 digits, else NaN (read its text). */
  readonly numbers: Float64Array;
  /** The text the spans point into. */
  readonly text: string;
  /**
   * Two per cell, start and end of its trimmed text in `text`; a start of −1 is a cell the row did
   * not have (undefined), −2 − i the cell `texts[i]` (read by the tokenizer: quotes).
   */
  readonly spans: Int32Array;
  readonly texts: readonly string[];
  /** Ragged rows: the row (in the block) and its `DATA_PARSE` issue. */
  readonly issues: readonly { readonly row: number; readonly issue: Issue }[];
}

/**
 * The text of a block's cell, as `readCsvStream` gives it (undefined for a cell the row lacks).
 *
 * @example
 * ```ts
 * let block: CsvBlock | undefined;
 * for await (const item of readCsvBlocks(["unit;a\nHuế;0,5\n"])) if ("kind" in item) block = item;
 * blockCell(block!, 0, 0); // => "Huế"
 * block!.numbers[1]; // => 0.5
 * ```
 */
export function blockCell(block: CsvBlock, row: number, column: number): string | undefined {
  const k = 2 * (row * block.width + column);
  const start = block.spans[k]!;
  if (start >= 0) return block.text.slice(start, block.spans[k + 1]);
  return start === -1 ? undefined : block.texts[-2 - start];
}

