/**
 * Finds the header row of a sheet saved with title rows above it ("UBND THÀNH PHỐ HỒ CHÍ MINH",
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ", a report title): the row whose cells name the framework's columns
 * best, or the row the caller names. The table is re-based on it and the rows above are reported.
 *
 * @module
 */
import { error, showList, showValue, warning, type Issue } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { cleanHeader } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { hinted } from "../text/option-hint.ts";
import { inputAliases, ROLE_ALIASES, type ResolveOptions } from "./resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "./table.ts";

/** How many rows below the header line are looked at for a better header. */
export const HEADER_SEARCH_ROWS = 30;

const headerText = (cell: RawCell) => (cell === null || cell === undefined ? "" : cleanHeader(String(cell)));

/** Counts how many cells of a row are names the framework reads (inputs, roles, named columns). */
function matcher(framework: Framework, options: ResolveOptions): (cells: readonly string[]) => number {
  const { inputs, computed } = inputAliases(framework);
  const known = new Set<string>([...inputs.keys(), ...computed.keys(), ...Object.values(ROLE_ALIASES).flat()]);
  for (const name of Object.values(options.columns ?? {})) if (typeof name === "string") known.add(normalizeKey(name));
  return (cells) => {
    let count = 0;
    for (const cell of cells) if (cell !== "" && known.has(normalizeKey(cell))) count++;
    return count;
  };
}

/**
 * The table with its header on the right row. Data that is not a sheet (JSON records) is returned
 * as it is. Without `headerRow`, a row below the header line becomes the header only when it names
 * more of the framework's columns (inputs by id or name, unit/code/group/year columns) than the
 * header line does, and at least two; the rows above it are left out with a `DATA_HEADER_ROW`
 * warning quoting them. A `headerRow` that is no row of the table is an `OPTION_INVALID` error.
 *
 * @example
 * ```ts
 * const table = parseCsv("UBND TỈNH HUẾ;;\nĐơn vị;Nhận thức số;Thể chế số\nHuế;0,9;0,8\n");
 * const rebased = findHeaderRow(table, getFramework("vn-dti-2022-province"));
 * rebased.columns; // => ["Đơn vị", "Nhận thức số", "Thể chế số"]
 * rebased.issues[0]?.code; // => "DATA_HEADER_ROW"
 * ```
 */
export function findHeaderRow(table: RawTable, framework: Framework, options: ResolveOptions = {}): RawTable {
  if (table.format === "json") return table;
  const headerLine = table.headerLine ?? 1;
  const wanted = options.headerRow;
  let at: number;
  if (wanted !== undefined) {
    if (wanted === headerLine) return table;
    at = table.rows.findIndex((row) => row.line === wanted);
    if (at < 0) {
      const issue = error("OPTION_INVALID", `the header row ${showValue(wanted)} is not a row of the data (the first row is ${headerLine}${table.rows.length > 0 ? `, the last ${table.rows[table.rows.length - 1]!.line}` : ""})`, { row: wanted });
      return { ...table, issues: [...table.issues, issue] };
    }
  } else {
    const count = matcher(framework, options);
    let best = count(table.columns);
    // Every column of line 1 has a header the framework reads: no row below can name more.
    if (best === table.columns.length) return table;
    at = -1;
    const end = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < end; r++) {
      const n = count((table.rows[r] as RawRow).cells.map(headerText));
      if (n > best && n >= 2) {
        best = n;
        at = r;
      }
    }
    if (at < 0) return table;
  }
  const header = table.rows[at] as RawRow;
  const skipped = [table.columns, ...table.rows.slice(0, at).map((row) => row.cells.map(headerText))];
  const titles = skipped.map((cells) => cells.filter((c) => c !== "").join(" ")).filter((t) => t !== "");
  const lines = [headerLine, ...table.rows.slice(0, at).map((row) => row.line)];
  const range = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]} to ${lines[lines.length - 1]}`;
  const { message, hints } = hinted(
    (o) =>
      `the header is on line ${header.line}; ${range} above it ${lines.length === 1 ? "was" : "were"} left out${titles.length > 0 ? ` (${showList(titles, 5)})` : ""}${wanted === undefined ? `; if that is the wrong row, name the header's line with ${o("headerRow", "N")}` : ""}`,
  );
  const messageVi = `dòng tiêu đề cột là dòng ${header.line}; ${lines.length === 1 ? `dòng ${lines[0]}` : `các dòng ${lines[0]} đến ${lines[lines.length - 1]}`} phía trên được bỏ qua`;
  // Issues of the rows left out (a ragged title row) no longer apply.
  const kept = table.issues.filter((i) => i.row === undefined || i.row > header.line || i.code !== "DATA_PARSE");
  return {
    ...table,
    columns: header.cells.map(headerText),
    rows: table.rows.slice(at + 1),
    headerLine: header.line,
    issues: [warning("DATA_HEADER_ROW", message, { row: header.line, messageVi, ...(hints.length > 0 ? { hints } : {}) }), ...kept],
  };
}
