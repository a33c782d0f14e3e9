/**
 * A block of CSV data rows, columnar (what `readCsvBlocks` yields and `scoreStream` reads): plain
 * data, the file's bytes and typed arrays (which can be moved between threads), a column's cells
 * side by side (the scoring reads a column of many rows at a time).
 *
 * @module
 */
import type { Issue } from "../../errors.ts";

/**
 * Data rows of a CSV, columnar: `rows` rows of `width` cells (the header's width; a ragged row is
 * cut or padded, with its issue in `issues`). Cell k = column × rows + row.
 */
export interface CsvBlock {
  readonly kind: "csv-block";
  readonly rows: number;
  readonly width: number;
  /** The line each row starts on. */
  readonly lines: Int32Array;
  /** The cell's value when it is a plain decimal of at most 15 digits, else NaN (read its text). */
  readonly numbers: Float64Array;
  /** The UTF-8 bytes the spans point into (LF line breaks). */
  readonly bytes: Uint8Array;
  /**
   * Two per cell, start and end of its trimmed bytes in `bytes`; a start of −1 is a cell the row
   * did not have (undefined), −2 − i the cell `texts[i]` (read by the tokenizer: quotes).
   */
  readonly spans: Int32Array;
  readonly texts: readonly string[];
  /**
   * True when every text is a string of its own, not cut from a larger one: a block sent from the
   * thread that read it (its strings copied on the way). A name kept from it need not be copied.
   */
  readonly ownTexts?: true;
  /** Ragged rows: the row (in the block) and its `DATA_PARSE` issue. */
  readonly issues: readonly { readonly row: number; readonly issue: Issue }[];
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * True for a block of rows, among the other rows a stream may give (arrays of cells, rows with a
 * line, records): its kind says so, and its numbers are a typed array.
 *
 * @example
 * ```ts
 * isCsvBlock({ line: 2, cells: ["Huế", "0,5"] }); // => false
 * ```
 */
export function isCsvBlock(row: object): row is CsvBlock {
  return (row as CsvBlock).kind === "csv-block" && (row as CsvBlock).numbers instanceof Float64Array;
}

/**
 * Where a block's cell is in `numbers` (and, twice that, in `spans`): a column's cells lie side by
 * side.
 *
 * @example
 * ```ts
 * cellIndex({ rows: 3 } as CsvBlock, 2, 1); // => 5
 * ```
 */
export function cellIndex(block: CsvBlock, row: number, column: number): number {
  return column * block.rows + row;
}

/**
 * The text of a block's cell, as `readCsvStream` gives it (undefined for a cell the row lacks).
 *
 * @example
 * ```ts
 * let block: CsvBlock | undefined;
 * for await (const item of readCsvBlocks(["unit;a\nHuế;0,5\n"])) if ("kind" in item) block = item;
 * blockCell(block!, 0, 0); // => "Huế"
 * block!.numbers[block!.rows]; // => 0.5 (column 1, row 0)
 * ```
 */
export function blockCell(block: CsvBlock, row: number, column: number): string | undefined {
  const k = 2 * cellIndex(block, row, column);
  const start = block.spans[k]!;
  if (start >= 0) return bytesText(block.bytes, start, block.spans[k + 1]!);
  return start === -1 ? undefined : block.texts[-2 - start];
}

/**
 * The block with the cells of `columns` read as texts (their spans made references into `texts`,
 * in place), so that `blockCell` gives them without decoding: the streamed CLI's reading worker
 * decodes the identity cells, and the scoring worker, which reads them, has less to do.
 *
 * @example
 * ```ts
 * let block: CsvBlock | undefined;
 * for await (const item of readCsvBlocks(["unit;a\nHuế;0,5\n"])) if ("kind" in item) block = item;
 * const decoded = decodeCells(block!, [0]);
 * [blockCell(decoded, 0, 0), decoded.texts.length, decoded.spans[0]]; // => ["Huế", 1, -2]
 * ```
 */
export function decodeCells(block: CsvBlock, columns: readonly number[]): CsvBlock {
  const texts = [...block.texts];
  const { spans, bytes } = block;
  for (const c of columns) {
    if (c >= block.width) continue;
    for (let k = 2 * cellIndex(block, 0, c), end = k + 2 * block.rows; k < end; k += 2) {
      if (spans[k]! < 0) continue;
      texts.push(bytesText(bytes, spans[k]!, spans[k + 1]!));
      spans[k] = -1 - texts.length;
    }
  }
  return { ...block, texts };
}

/**
 * The text of UTF-8 bytes `start` to `end` (a bad byte read as U+FFFD, as the stream's decoder
 * reads it).
 *
 * @example
 * ```ts
 * bytesText(new TextEncoder().encode("Huế;0,5"), 0, 5); // => "Huế"
 * ```
 */
export function bytesText(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

