/**
 * Many filled forms, one ranking: the tables of several files (one unit each, as wards send them
 * in) stacked into one table, their columns matched by name, and every problem found later traced
 * back to its file and line.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { sheetTable } from "./read-units.ts";
import { resolveColumns, type ResolveOptions } from "./resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "./table.ts";

/** A table and the name of the file (or sheet) it came from. */
export interface NamedTable {
  readonly name: string;
  readonly table: RawTable;
}

/** Result of {@link stackTables}. */
export interface StackedTables {
  /** One table: every file's rows, on the union of their columns. Its lines are not the files' lines: use `locate`. */
  readonly table: RawTable;
  /** An issue about the stacked table, with `file` and the file's own `row` (and rows quoted in the message) put back. */
  readonly locate: (issue: Issue) => Issue;
}

/**
 * Stacks tables: each is laid out as a sheet first (its own header row, blank columns dropped, see
 * `sheetTable`), then its rows are put on the union of all columns, in file order. Columns giving
 * the same input or role are one column (the first file's header names it); others are matched by
 * name (case, spacing, Unicode form). Issues met reading a file carry its name already; the
 * rest go through `locate` once scoring is done.
 *
 * @example
 * ```ts
 * const { table, locate } = stackTables([{ name: "a.csv", table: parseCsv("unit;awareness\nHuế;0,9\n") },
 *   { name: "b.csv", table: parseCsv("Đơn vị;awareness\nĐà Nẵng;1\n") }], getFramework("vn-dti-2022-province"));
 * table.rows.length; // => 2
 * locate({ code: "DATA_MISSING_VALUE", severity: "error", message: "…", row: table.rows[1].line }).file; // => "b.csv"
 * ```
 */
export function stackTables(parts: readonly NamedTable[], framework: Framework, options: ResolveOptions = {}): StackedTables {
  const columns: string[] = [];
  const indexOf = new Map<string, number>();
  const fileOfColumn = new Map<string, { name: string; line: number }>();
  const ranges: { start: number; end: number; offset: number; name: string }[] = [];
  const rows: RawRow[] = [];
  const issues: Issue[] = [];
  let offset = 0;
  for (const { name, table } of parts) {
    const laid = sheetTable(table, framework, options);
    const headerLine = laid.headerLine ?? 1;
    for (const issue of laid.issues) issues.push(issue.file === undefined ? { ...issue, file: name } : issue);
    // Columns are matched by what they give (an input, the unit's name …), so "Nhận thức số" in one
    // form and "awareness" in another are one column; other columns by their name.
    const plan = resolveColumns(laid.columns, framework, options);
    const roleOf = new Map(Object.entries(plan.roles).map(([role, col]) => [col as number, role]));
    const map = laid.columns.map((header, col) => {
      const input = plan.inputs.get(col);
      const role = roleOf.get(col);
      const key = input !== undefined ? `input\u0000${input}` : role !== undefined ? `role\u0000${role}` : `name\u0000${normalizeKey(header)}`;
      let at = indexOf.get(key);
      if (at === undefined) {
        at = columns.length;
        indexOf.set(key, at);
        columns.push(header);
        fileOfColumn.set(header, { name, line: headerLine });
      }
      return at;
    });
    let last = headerLine;
    for (const row of laid.rows) {
      const cells = new Array<RawCell>(columns.length).fill(undefined);
      map.forEach((to, from) => {
        cells[to] = row.cells[from];
      });
      rows.push({ line: offset + row.line, cells });
      last = Math.max(last, row.line);
    }
    ranges.push({ start: offset + 1, end: offset + last, offset, name });
    offset += last + 1;
  }
  // Rows of earlier files are as wide as the columns known then: pad them.
  for (const row of rows) for (let c = row.cells.length; c < columns.length; c++) (row.cells as RawCell[])[c] = undefined;
  const where = (line: number) => ranges.find((r) => line >= r.start && line <= r.end);
  const locate = (issue: Issue): Issue => {
    if (issue.file !== undefined) return issue;
    // A column's problem (on the header line): the first file with that column.
    if ((issue.row === undefined || issue.row === 1) && issue.column !== undefined && fileOfColumn.has(issue.column)) {
      const at = fileOfColumn.get(issue.column)!;
      return { ...issue, file: at.name, row: at.line };
    }
    if (issue.row === undefined || issue.row === 1) return issue;
    const range = where(issue.row);
    if (range === undefined) return issue;
    // Other rows a message names ("first on row 12") are lines of the stacked table too.
    const message = issue.message.replace(/\brow (\d+)/gu, (text, n: string) => {
      const other = where(Number(n));
      return other === undefined ? text : other === range ? `row ${Number(n) - other.offset}` : `row ${Number(n) - other.offset} of ${JSON.stringify(other.name)}`;
    });
    return { ...issue, message, file: range.name, row: issue.row - range.offset };
  };
  return { table: { columns, rows, format: "csv", issues }, locate };
}
