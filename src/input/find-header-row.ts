/**
 * Finds the header of a sheet saved with title rows above it ("UBND THÀNH PHỐ HỒ CHÍ MINH",
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ", a report title), and reads a two-row header (group titles over their
 * indicators) as one: the one place that decides the header row, for CSV and .xlsx sheets alike.
 * The table is re-based on the header and the rows above are reported.
 *
 * @module
 */
import { error, showList, showValue, warning } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { hinted } from "../text/option-hint.ts";
import { inputAliases, ROLE_ALIASES, type ResolveOptions } from "./resolve-columns.ts";
import type { RawRow, RawTable } from "./table.ts";
import { headerText, placeHeader } from "./two-row-header.ts";

/** How many rows below the header line are looked at for a better header. */
export const HEADER_SEARCH_ROWS = 30;

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
 * The index in `table.rows` of the row naming more of the framework's columns than the header line
 * does, and at least two; -1 when the header line names the most.
 */
function bestHeaderRow(table: RawTable, framework: Framework, options: ResolveOptions): number {
  const count = matcher(framework, options);
  let best = count(table.columns);
  // Every column of line 1 has a header the framework reads: no row below can name more.
  if (best === table.columns.length) return -1;
  let at = -1;
  const end = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < end; r++) {
    const n = count((table.rows[r] as RawRow).cells.map(headerText));
    if (n > best && n >= 2) {
      best = n;
      at = r;
    }
  }
  return at;
}

/** The `DATA_HEADER_ROW` warning for a table re-based from `table` to `placed`, or undefined when no row was left out. */
function leftOutWarning(table: RawTable, placed: RawTable, asked: boolean) {
  const headerLine = table.headerLine ?? 1;
  const top = placed.groupLine ?? (placed.headerLine as number);
  if (top <= headerLine) return undefined;
  const above = table.rows.filter((row) => row.line < top);
  const skipped = [table.columns, ...above.map((row) => row.cells.map(headerText))];
  const titles = skipped.map((cells) => cells.filter((c) => c !== "").join(" ")).filter((t) => t !== "");
  const last = top - 1;
  const range = last === headerLine ? `line ${headerLine}` : `lines ${headerLine} to ${last}`;
  const on = placed.headerLine as number;
  const group = placed.groupLine === undefined ? "" : ` (under the group titles on line ${placed.groupLine})`;
  const { message, hints } = hinted(
    (o) =>
      `the header is on line ${on}${group}; ${range} above it ${last === headerLine ? "was" : "were"} left out${titles.length > 0 ? ` (${showList(titles, 5)})` : ""}${asked ? "" : `; if that is the wrong row, name the header's line with ${o("headerRow", "N")}`}`,
  );
  const messageVi = `dòng tiêu đề cột là dòng ${on}; ${last === headerLine ? `dòng ${headerLine}` : `các dòng ${headerLine} đến ${last}`} phía trên được bỏ qua`;
  return warning("DATA_HEADER_ROW", message, { row: on, messageVi, ...(hints.length > 0 ? { hints } : {}) });
}

/**
 * The table with its header on the right row. Data that is not a sheet (JSON records) is returned
 * as it is. Without `headerRow`, a row below the header line becomes the header only when it names
 * more of the framework's columns (inputs by id or name, unit/code/group/year columns) than the
 * header line does, and at least two; the rows above it are left out with a `DATA_HEADER_ROW`
 * warning quoting them. A `headerRow` that is no row of the table is an `OPTION_INVALID` error.
 * Either way a two-row header is read as one (see {@link placeHeader}), so naming its upper or its
 * lower row reads the same columns, from a CSV file or an .xlsx sheet.
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
  const wanted = options.headerRow;
  // A two-row header already read as one (an .xlsx sheet read with this header row).
  if (table.groupLine !== undefined && (wanted === table.groupLine || wanted === table.headerLine)) return table;
  let placed: RawTable;
  if (wanted === undefined) {
    const at = bestHeaderRow(table, framework, options);
    placed = placeHeader(table, at < 0 ? undefined : (table.rows[at] as RawRow).line, { found: at >= 0 });
  } else {
    const headerLine = table.headerLine ?? 1;
    if (wanted !== headerLine && !table.rows.some((row) => row.line === wanted)) {
      const issue = error("OPTION_INVALID", `the header row ${showValue(wanted)} is not a row of the data (the first row is ${headerLine}${table.rows.length > 0 ? `, the last ${table.rows[table.rows.length - 1]!.line}` : ""})`, { row: wanted });
      return { ...table, issues: [...table.issues, issue] };
    }
    placed = placeHeader(table, wanted);
  }
  if (placed === table) return table;
  const note = leftOutWarning(table, placed, wanted !== undefined);
  return note === undefined ? placed : { ...placed, issues: [note, ...placed.issues] };
}
