/**
 * One sheet's cells → the {@link RawTable} every input format is read into, so a workbook goes
 * through the same column resolution, header-row and summary-row handling as a CSV file. Rows keep
 * their Excel row numbers as their line numbers.
 *
 * @module
 */
import { error, showValue, warning, type Issue } from "../errors.ts";
import type { RawTable } from "../input/table.ts";
import { headerText, placeHeader } from "../input/two-row-header.ts";
import { cellRef, MAX_ROWS } from "./cell-ref.ts";
import type { MergedRange, SheetCells, SheetValue } from "./read-workbook.ts";

/** Options of {@link sheetTable}. */
export interface SheetTableOptions {
  /**
   * The Excel row number of the header; default the first row holding anything. A two-row header
   * (group titles merged over their indicators, whose names are in the row below) is read as one,
   * by the rule CSV files are read with (see `placeHeader`).
   */
  readonly headerRow?: number;
}

type Grid = Map<number, (SheetValue | undefined)[]>;

const isBlankValue = (v: SheetValue | undefined) => v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * A cell merged over several rows shows its value in every row of the range (a unit name or a
 * header merged down, a group name merged over its units): the value is copied down the range's
 * first column into blank cells. A title merged across columns stays in its first cell only.
 * Only rows that hold a cell of their own are filled: a range is clipped to the sheet's rows, so a
 * merge written down to row 1,048,576 (or over the whole sheet) costs the rows there are, never a
 * million rows of its own. Ranges that would fill more cells than the sheet holds (plus
 * {@link MAX_ROWS}) are refused (`DATA_TOO_LARGE`): Excel never overlaps merged ranges, so only a
 * file made to be slow gets there.
 */
function fillMergedDown(cells: SheetCells, issues: Issue[]): Grid {
  const { rows, merges } = cells;
  const grid: Grid = new Map(rows as Map<number, (SheetValue | undefined)[]>);
  if (!merges.some((m) => m.bottom > m.top)) return grid;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  let budget = MAX_ROWS;
  for (const row of rows.values()) budget += row.length;
  // Rows copied already: a row is copied once, however many ranges fill it.
  const copied = new Set<number>();
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const value = rows.get(m.top)?.[m.left];
    if (isBlankValue(value)) continue;
    for (let k = firstAfter(numbers, m.top); k < numbers.length && (numbers[k] as number) <= m.bottom; k++) {
      if (--budget < 0) {
        issues.push(error("DATA_TOO_LARGE", `the merged ranges of the sheet ${showValue(cells.name)} fill more cells than the sheet holds (the last one read is ${cellRef(m.left, m.top)}:${cellRef(m.right, m.bottom)}; Excel never overlaps merged ranges): unmerge the cells and save the workbook again`, { row: m.top }));
        return grid;
      }
      const r = numbers[k] as number;
      let row = grid.get(r) as (SheetValue | undefined)[];
      if (!isBlankValue(row[m.left])) continue;
      // The copy replaces the row as read: the SheetCells stay as they were.
      if (!copied.has(r)) {
        row = [...row];
        grid.set(r, row);
        copied.add(r);
      }
      row[m.left] = value;
    }
  }
  return grid;
}

/** The index of the first of the ascending `numbers` above `n` (binary search). */
function firstAfter(numbers: readonly number[], n: number): number {
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((numbers[mid] as number) <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads a sheet's cells into a {@link RawTable}: the header row (see {@link SheetTableOptions}),
 * then every row below that holds anything, each with its Excel row number as `line`. Numbers stay
 * numbers; formula cells saved without a value are blank, with a `DATA_NO_CACHED_VALUE` warning
 * naming the sheet, the cell and the column.
 *
 * @example
 * ```ts
 * import { writeWorkbook } from "dti/xlsx";
 * import { readSheetCells } from "./read-workbook.ts";
 * // Row 1 left blank: the header is the first row holding anything.
 * const bytes = writeWorkbook([{ name: "Dữ liệu", rows: [[], [{ value: "Tên đơn vị" }, { value: "Nhận thức số" }], [{ value: "Phường Bến Nghé" }, { value: 0.85 }]] }]);
 * const table = sheetTable(readSheetCells(bytes, "Dữ liệu"));
 * table.columns; // => ["Tên đơn vị", "Nhận thức số"]
 * table.rows[0]; // => { line: 3, cells: ["Phường Bến Nghé", 0.85] }
 * ```
 */
export function sheetTable(cells: SheetCells, options: SheetTableOptions = {}): RawTable {
  const issues: Issue[] = [...cells.issues];
  const grid = fillMergedDown(cells, issues);
  const numbers = [...grid.keys()].filter((r) => grid.get(r)?.some((v) => !isBlankValue(v))).sort((a, b) => a - b);
  let width = 0;
  for (const r of numbers) {
    const row = grid.get(r) as (SheetValue | undefined)[];
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlankValue(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const first = numbers[0];
  if (first === undefined) {
    return { columns: [], rows: [], format: "xlsx", issues: [...issues, error("DATA_EMPTY", `the sheet ${showValue(cells.name)} is empty`)] };
  }
  const cellsOf = (r: number) => {
    const row = grid.get(r) as (SheetValue | undefined)[];
    const out = new Array<SheetValue | undefined>(width);
    for (let c = 0; c < width; c++) out[c] = row[c];
    return out;
  };
  const laidOut: RawTable = {
    columns: cellsOf(first).map(headerText),
    rows: numbers.slice(1).map((r) => ({ line: r, cells: cellsOf(r) })),
    ...(first === 1 ? {} : { headerLine: first }),
    format: "xlsx",
    issues: [],
  };
  const wanted = options.headerRow;
  if (wanted !== undefined && wanted !== first && !laidOut.rows.some((r) => r.line === wanted)) {
    issues.push(error("OPTION_INVALID", `the header row ${showValue(wanted)} of the sheet ${showValue(cells.name)} holds nothing (the first row holding anything is ${first})`, { row: wanted }));
    return { ...laidOut, issues };
  }
  const { columns, rows, headerLine = 1, groupLine } = placeHeader(laidOut, wanted);
  for (const u of cells.uncached) {
    const column = columns[u.col];
    issues.push(
      warning(
        "DATA_NO_CACHED_VALUE",
        `sheet ${showValue(cells.name)}, cell ${cellRef(u.col, u.row)}: the formula${u.formula === "" ? "" : ` =${u.formula}`} has no saved value, so the cell is read as blank; open the workbook in Excel or LibreOffice, let it calculate, and save it again`,
        { row: u.row, cell: cellRef(u.col, u.row), ...(column !== undefined && column !== "" ? { column } : {}) },
      ),
    );
  }
  if (rows.length === 0) issues.push(error("DATA_EMPTY", `the sheet ${showValue(cells.name)} has a header on row ${headerLine} and no rows below it`));
  return { columns, rows, ...(headerLine === 1 ? {} : { headerLine }), ...(groupLine === undefined ? {} : { groupLine }), format: "xlsx", issues };
}
