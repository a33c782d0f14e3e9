/**
 * What `dti score` on a large CSV file watches for while streaming it: a cell that may be a number
 * with a thousands separator ("1.050"), which `score()` decides from the whole table (the file is
 * then read by `score()` instead).
 *
 * @module
 */
import { blockCell, bytesText, cellIndex, type CsvBlock } from "../input/csv/csv-block.ts";
import { mayBeGrouped } from "../input/thousands.ts";

/** Passes the rows on, calling `found` once a cell may be a number with a thousands separator ("1.050"). */
export async function* watchGrouped<R extends { readonly cells: readonly unknown[] } | CsvBlock>(rows: AsyncIterable<R>, found: () => void): AsyncGenerator<R> {
  let seen = false;
  for await (const row of rows) {
    if (!seen && itemMayBeGrouped(row)) {
      seen = true;
      found();
    }
    yield row;
  }
}

/**
 * True when a cell of a source item (a row's cells, or a block of rows) may be a number with a
 * thousands separator: what {@link watchGrouped} asks of each item, which the CSV worker asks too.
 */
export function itemMayBeGrouped(row: { readonly cells: readonly unknown[] } | CsvBlock): boolean {
  return "kind" in row ? blockMayBeGrouped(row) : row.cells.some(mayBeGrouped);
}

/**
 * {@link mayBeGrouped} over a block's cells, reading the text of only those whose fourth byte from
 * the end is a point or a comma ("1.050": such a number is ASCII): most cells are passed over
 * without a string.
 */
function blockMayBeGrouped(block: CsvBlock): boolean {
  const { spans, bytes } = block;
  for (let col = 0; col < block.width; col++) {
    for (let row = 0; row < block.rows; row++) {
      const k = 2 * cellIndex(block, row, col);
      const start = spans[k]!;
      if (start >= 0) {
        const end = spans[k + 1]!;
        const sep = end - start >= 5 ? bytes[end - 4]! : 0;
        if ((sep === 46 || sep === 44) && mayBeGrouped(bytesText(bytes, start, end))) return true;
      } else if (start <= -2 && mayBeGrouped(blockCell(block, row, col))) {
        return true;
      }
    }
  }
  return false;
}
