/**
 * Where an issue is in the workbook the CLI read: a problem found in row 7, column "Thể chế số" of
 * an .xlsx file is also shown as the cell users see in Excel, `sheet "Dữ liệu", cell D7`.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import { showValue } from "../errors.ts";
import { cellRef } from "../xlsx/cell-ref.ts";
import type { CliIO } from "./io.ts";

/** The sheet and headers of the workbook each run read its data from (one run, one CliIO). */
const sheets = new WeakMap<CliIO, { readonly sheet: string; readonly columns: readonly string[] }>();

/** Records the sheet a run's data came from. */
export function rememberSheet(io: CliIO, sheet: string, columns: readonly string[]): void {
  sheets.set(io, { sheet, columns });
}

/**
 * The issue with the sheet and cell added to its message, when it has a row and a column of the
 * workbook read in this run; otherwise the issue as it was.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * const io = nodeIO();
 * rememberSheet(io, "Dữ liệu", ["Tỉnh/Thành phố", "Mã", "Năm", "Thể chế số"]);
 * locateInSheet(io, { code: "DATA_NOT_A_NUMBER", severity: "error", row: 7, column: "Thể chế số", message: '"x" is not a number' }).message;
 * // => '"x" is not a number (sheet "Dữ liệu", cell D7)'
 * ```
 */
export function locateInSheet(io: CliIO, issue: Issue): Issue {
  const read = sheets.get(io);
  if (read === undefined || issue.row === undefined || issue.column === undefined || issue.column === "" || issue.message.includes(", cell ")) return issue;
  const col = read.columns.indexOf(issue.column);
  if (col < 0) return issue;
  return { ...issue, message: `${issue.message} (sheet ${showValue(read.sheet)}, cell ${cellRef(col, issue.row)})` };
}
