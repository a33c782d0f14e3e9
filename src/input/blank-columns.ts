/**
 * Columns without a header, as spreadsheets export them (the trailing `;;` of a sheet whose used
 * range is wider than its table, or a spacer column between groups): not read. One that holds
 * data is named in a warning, as its values would otherwise be lost without a word.
 *
 * @module
 */
import { showList, warning, type Issue } from "../errors.ts";
import type { RawCell, RawRow, RawTable } from "./table.ts";

const isEmpty = (cell: RawCell) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/**
 * The table without its blank-header columns. A blank-header column with a value in some row is a
 * `DATA_BLANK_COLUMN` warning naming the column's position and the first rows holding data;
 * empty ones go silently. A table with no blank header is returned as it is.
 *
 * @example
 * ```ts
 * const t = dropBlankColumns(parseCsv("unit;awareness;;\nHuế;0,9;;\n"));
 * t.columns; // => ["unit", "awareness"]
 * t.rows[0]?.cells; // => ["Huế", "0,9"]
 * t.issues; // => []
 * ```
 */
export function dropBlankColumns(table: RawTable): RawTable {
  const blank: number[] = [];
  table.columns.forEach((name, col) => {
    if (name.trim() === "") blank.push(col);
  });
  if (blank.length === 0) return table;
  const keep = table.columns.map((_, col) => col).filter((col) => !blank.includes(col));
  const issues: Issue[] = [];
  for (const col of blank) {
    const lines = table.rows.filter((row) => !isEmpty(row.cells[col])).map((row) => row.line);
    if (lines.length === 0) continue;
    const left = keep.filter((c) => c < col).pop();
    const after = left === undefined ? "" : ` (after ${JSON.stringify(table.columns[left])})`;
    issues.push(
      warning("DATA_BLANK_COLUMN", `column ${col + 1}${after} has no header but holds data on ${lines.length === 1 ? "line" : "lines"} ${showList(lines, 5, String)}; it is not read: give it a header to read it`, {
        row: lines[0] as number,
        messageVi: `cột ${col + 1} không có tiêu đề nhưng có dữ liệu; cột này không được đọc`,
      }),
    );
  }
  const rows: RawRow[] = table.rows.map((row) => ({ line: row.line, cells: keep.map((col): RawCell => row.cells[col]) }));
  return { ...table, columns: keep.map((col) => table.columns[col] as string), rows, issues: [...table.issues, ...issues] };
}
