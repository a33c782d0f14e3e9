/**
 * The `dti/csv` sub-path: reads CSV text into the raw table that `score` and `validate` take, or
 * streams it row by row, with one tokenizer of its own (no dependency; the same code in Node, Deno
 * and browsers), and writes rows of cells as CSV. A separate entry so that the core bundle carries
 * no CSV reader. (A score result as CSV is `toCSV` in `dti/report`.)
 *
 * @example
 * ```ts
 * import { parseCsv } from "dti/csv";
 * const table = parseCsv("Tỉnh;Nhận thức số\nHà Nội;0,8125\n");
 * table.rows[0]?.cells; // => ["Hà Nội", "0,8125"]
 * ```
 *
 * @module dti/csv
 */
export { MAX_RECORD_SIZE, parseCsv, readCsvRows } from "./input/csv/parse-csv.ts";
export type { CsvOptions } from "./input/csv/parse-csv.ts";
export { readCsvStream } from "./input/csv/read-csv-stream.ts";
export type { CsvStreamRow } from "./input/csv/read-csv-stream.ts";
export { rowsToCsv } from "./report/rows-to-csv.ts";
export { readCsvBlocks } from "./input/csv/csv-blocks.ts";
export { blockCell, type CsvBlock } from "./input/csv/csv-block.ts";
