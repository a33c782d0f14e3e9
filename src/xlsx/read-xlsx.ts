/**
 * An .xlsx workbook's bytes → the raw table `score` and `validate` take.
 *
 * @module
 */
import { checkArgument } from "../errors.ts";
import type { RawTable } from "../input/table.ts";
import { readSheetCells, WorkbookError } from "./read-workbook.ts";
import { sheetTable, type SheetTableOptions } from "./sheet-table.ts";

/** Options of {@link readXlsx}. */
export interface XlsxReadOptions extends SheetTableOptions {
  /** The sheet to read: its name (case and spacing ignored) or its 1-based tab number; default the first visible sheet. */
  readonly sheet?: string | number;
}

/**
 * Reads one sheet of an .xlsx workbook into a {@link RawTable}: numbers as numbers (no locale
 * guessing), percent cells as their value (85% is 0.85), formula cells by the value saved with
 * them, merged header and unit cells as they show, rows numbered as Excel numbers them. A file that
 * is not a workbook, or a sheet that does not exist, is an issue in the table (never thrown).
 *
 * @example
 * ```ts
 * import { readXlsx } from "dti/xlsx";
 * const table = readXlsx(new Uint8Array(await file.arrayBuffer()), { sheet: "Dữ liệu" });
 * const result = score(getFramework("vn-dti-2022-province"), table);
 * ```
 */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): RawTable {
  checkArgument(bytes instanceof Uint8Array, "readXlsx", "the workbook's bytes, a Uint8Array (e.g. readFileSync(path) or new Uint8Array(await file.arrayBuffer()))", bytes);
  return readSheetTable(bytes, options).table;
}

/**
 * {@link readXlsx}, and the name of the sheet read (undefined when none could be), for messages
 * that name the sheet and the cell (`sheet "Dữ liệu", cell D7`).
 *
 * @example
 * ```ts
 * import { toXLSX } from "dti/xlsx";
 * readSheetTable(toXLSX(result)).sheet; // => "Xếp hạng"  (no `sheet` option: the first visible one)
 * ```
 */
export function readSheetTable(bytes: Uint8Array, options: XlsxReadOptions = {}): { table: RawTable; sheet?: string } {
  try {
    const cells = readSheetCells(bytes, options.sheet);
    return { table: sheetTable(cells, options), sheet: cells.name };
  } catch (e) {
    if (e instanceof WorkbookError) return { table: { columns: [], rows: [], format: "xlsx", issues: [e.issue] } };
    throw e;
  }
}
