/**
 * Two-row headers, as officials lay out their sheets: a row of group titles, each merged across the
 * indicators of its group, above the row naming the indicators; STT and the unit column merged down
 * over both rows. Saved as CSV, a merged cell keeps its text in its first cell only; read from an
 * .xlsx sheet, a cell merged down is filled into the rows below it. Either way the header is the
 * lower row, with the upper row's text where the lower row is blank, so both read the same columns.
 *
 * @module
 */
import { parseNumber } from "../number/parse-number.ts";
import { cleanHeader } from "../text/clean-name.ts";
import type { Issue } from "../errors.ts";
import { parseCellRef } from "../xlsx/cell-ref.ts";
import type { RawCell, RawTable } from "./table.ts";

/** A header cell as text: blank is "", text cleaned as headers are (see `cleanHeader`). */
export const headerText = (cell: RawCell): string => (cell === null || cell === undefined ? "" : cleanHeader(String(cell)));

const isNumber = (cell: RawCell) => typeof cell === "number" || (typeof cell === "string" && parseNumber(cell, { percent: true }) !== undefined);

/**
 * True when `upper` is the row of group titles of a two-row header over `lower`: it has two titles
 * or more, one of them standing over blank cells to its right (a title merged across columns)
 * under which `lower` names every column, and `lower` holds text only (a header, not data).
 *
 * @example
 * ```ts
 * isGroupRow(["Đơn vị", "Nhóm chỉ số nền tảng chung", ""], ["", "Nhận thức số", "Thể chế số"]); // => true
 * isGroupRow(["UBND TỈNH HUẾ", "", ""], ["Đơn vị", "Nhận thức số", "Thể chế số"]); // => false (one title)
 * isGroupRow(["Đơn vị", "Nhận thức số", ""], ["Huế", "0,9", "0,8"]); // => false (data below)
 * ```
 */
export function isGroupRow(upper: readonly RawCell[], lower: readonly RawCell[]): boolean {
  const top = upper.map(headerText);
  if (top.filter((t) => t !== "").length < 2 || lower.some(isNumber)) return false;
  const named = (c: number) => headerText(lower[c]) !== "";
  for (let c = 0; c < top.length; c++) {
    if (top[c] === "") continue;
    let end = c + 1;
    while (end < top.length && top[end] === "") end++;
    if (end - c >= 2 && Array.from({ length: end - c }, (_, i) => c + i).every(named)) return true;
  }
  return false;
}

/** Each column's name in a two-row header: the lower row's, or the upper row's where the lower is blank. */
function combinedHeader(upper: readonly RawCell[], lower: readonly RawCell[]): string[] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, c) => headerText(lower[c]) || headerText(upper[c]));
}

/**
 * The table re-based on the header on line `line` (default: its header line), the rows above it
 * left out. The header is read as two rows when the line is the upper row of a two-row header
 * (then the row below is the header, under it) or, unless `found` says the line was picked as
 * the row naming the most columns, when the row just above it is a row of group titles
 * (see {@link isGroupRow}). The table itself when its header stays where it is; `line` must be
 * the header line or a row's line.
 *
 * @example
 * ```ts
 * const t = placeHeader(parseCsv("STT;Đơn vị;Nhóm;\n;;Nhận thức số;Thể chế số\n1;Huế;0,9;0,8\n"));
 * t.columns; // => ["STT", "Đơn vị", "Nhận thức số", "Thể chế số"]
 * [t.groupLine, t.headerLine]; // => [1, 2]
 * ```
 */
export function placeHeader(table: RawTable, line?: number, { found = false }: { found?: boolean } = {}): RawTable {
  const headerLine = table.headerLine ?? 1;
  const at = line === undefined || line === headerLine ? -1 : table.rows.findIndex((row) => row.line === line);
  const cells = (i: number) => (i < 0 ? table.columns : table.rows[i]!.cells);
  const lineOf = (i: number) => (i < 0 ? headerLine : table.rows[i]!.line);
  const adjacent = (upper: number, lower: number) => lower < table.rows.length && lineOf(upper) + 1 === lineOf(lower) && isGroupRow(cells(upper), cells(lower));
  let header = at;
  let group: number | undefined;
  if (!found && adjacent(at, at + 1)) [group, header] = [at, at + 1];
  else if (at >= 0 && adjacent(at - 1, at)) group = at - 1;
  if (header < 0) return table;
  const { groupLine: _before, ...rest } = table;
  const columns = group === undefined ? cells(header).map(headerText) : combinedHeader(cells(group), cells(header));
  return {
    ...rest,
    columns,
    rows: table.rows.slice(header + 1),
    headerLine: lineOf(header),
    ...(group === undefined ? {} : { groupLine: lineOf(group) }),
    // Issues of the rows left out (a ragged title row) no longer apply, but those of a sheet's
    // header cells do (a header cell written twice); an issue of a sheet's cell below the header
    // takes its column from it (read before the header was known).
    issues: table.issues.filter((i) => i.row === undefined || i.row > lineOf(header) || i.code !== "DATA_PARSE" || (i.row === lineOf(header) && i.cell !== undefined)).map((i) => columnOfCell(i, i.row !== undefined && i.row > lineOf(header) ? columns : undefined)),
  };
}

/** The issue with `column` set from `columns` when it names a sheet's cell under a named header; otherwise as it was. */
function columnOfCell(issue: Issue, columns: readonly string[] | undefined): Issue {
  if (columns === undefined || issue.cell === undefined) return issue;
  const ref = parseCellRef(issue.cell);
  const column = ref === undefined ? undefined : columns[ref.col];
  if (column === issue.column) return issue;
  if (column !== undefined && column !== "") return { ...issue, column };
  // No header over the cell: a column named from rows above the header would be wrong.
  const { column: _stale, ...rest } = issue;
  return rest;
}
