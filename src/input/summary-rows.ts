/**
 * Totals and averages rows that officials' sheets carry below the units ("Tổng cộng", "Trung
 * bình", "Bình quân", "Total", "Average", or a row with numbers and no unit name): not units, so
 * they must not be scored or ranked. They are found by the unit cell's name (folded as names are
 * compared everywhere) and left out with a warning naming each row.
 *
 * @module
 */
import { showList, showValue, warning, type Issue } from "../errors.ts";
import { parseNumber } from "../number/parse-number.ts";
import { cleanName } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { hinted } from "../text/option-hint.ts";
import type { ColumnPlan } from "./resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "./table.ts";

/** Names of a summary row, as a whole (after {@link normalizeKey}, closing ":" or "." removed). */
export const SUMMARY_NAMES: readonly string[] = [
  "tổng", "tổng cộng", "tổng số", "cộng", "trung bình", "trung bình cộng", "trung bình chung", "bình quân", "bình quân chung",
  "điểm trung bình", "giá trị trung bình", "total", "grand total", "sum", "average", "mean",
];

/** Beginnings of a summary row's name followed by more words ("Trung bình toàn thành phố"). */
export const SUMMARY_PREFIXES: readonly string[] = ["tổng cộng ", "trung bình ", "bình quân ", "total ", "average "];

const text = (cell: RawCell) => (cell === null || cell === undefined ? "" : cleanName(String(cell)));

/** True when a name is a totals or averages label, not a unit's name. */
export function isSummaryName(name: string): boolean {
  const key = normalizeKey(name).replace(/[\s:.]+$/u, "");
  return SUMMARY_NAMES.includes(key) || SUMMARY_PREFIXES.some((p) => key.startsWith(p));
}

const isEmpty = (cell: RawCell) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** First letters (lower case) of every summary name and prefix. */
const INITIALS = new Set([...SUMMARY_NAMES, ...SUMMARY_PREFIXES].map((n) => n.normalize("NFD").charAt(0)));

/** False when the cell's first letter starts no summary name (a cheap test before folding it). */
const mayBeSummary = (cell: RawCell) => {
  if (typeof cell !== "string") return true;
  const start = cell.trimStart();
  // A decomposed (NFD) letter starts with its base letter; an invisible character could hide one.
  return INITIALS.has(start.charAt(0).toLowerCase()) || /^[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u.test(start);
};

const isNumber = (cell: RawCell) => typeof cell === "number" || (typeof cell === "string" && cell.trim() !== "" && parseNumber(cell) !== undefined);

/**
 * Splits a table's rows into units and summary rows. A row is a summary row when its unit cell
 * is a totals or averages label ({@link isSummaryName}) and it has no unit code (a code says it is
 * a unit, e.g. a commune named "Trung Bình"), or when its unit cell is blank, it holds numbers in
 * input (or, long form, value) columns, and either another of its cells holds such a label (merged
 * cells) or no named unit follows it (a total at the bottom). Each is a `DATA_SUMMARY_ROW` warning naming its line;
 * with `keep` they stay (and are read as units, or reported as rows without a unit name).
 *
 * @example
 * ```ts
 * const table = parseCsv("Đơn vị;Nhận thức số\nHuế;0,9\nTrung bình;0,9\n");
 * const fw = getFramework("vn-dti-2022-province");
 * const { rows, issues } = summaryRows(table, resolveColumns(table.columns, fw), false);
 * rows.length; // => 1
 * issues[0]?.code; // => "DATA_SUMMARY_ROW"
 * ```
 */
export function summaryRows(table: RawTable, plan: ColumnPlan, keep: boolean): { rows: readonly RawRow[]; issues: Issue[] } {
  const unitCol = plan.roles.unit;
  if (unitCol === undefined || keep) return { rows: table.rows, issues: [] };
  const codeCol = plan.roles.code;
  const numberCols = plan.shape === "wide" ? [...plan.inputs.keys()] : plan.roles.value === undefined ? [] : [plan.roles.value];
  const labelCols = table.columns.map((_, c) => c).filter((c) => !plan.inputs.has(c) && c !== plan.roles.value);
  // Line numbers per label, in first-seen order: a long-form average spans many rows.
  const found = new Map<string, number[]>();
  const rows: RawRow[] = [];
  // Below the last named unit, a row with numbers and no name is a total; above it, more likely a
  // name left out (a DATA_MISSING_UNIT error, as before).
  let lastNamed = -1;
  table.rows.forEach((row, r) => {
    if (!isEmpty(row.cells[unitCol])) lastNamed = r;
  });
  for (const [r, row] of table.rows.entries()) {
    const cell = row.cells[unitCol];
    // Most names cannot be a summary label by their first letter: only those are folded (a
    // million-row table pays a character test per row).
    const unit = isEmpty(cell) ? "" : mayBeSummary(cell) ? text(cell) : undefined;
    let label: string | undefined;
    if (unit === undefined) {
      rows.push(row);
      continue;
    }
    if (unit === "") {
      if (numberCols.some((c) => isNumber(row.cells[c]))) {
        // Merged cells ("Tổng cộng" across the STT and unit columns) leave the label in another column.
        const other = labelCols.map((c) => text(row.cells[c])).find((t) => t !== "" && !isNumber(t));
        if (other !== undefined && isSummaryName(other)) label = other;
        else if (r > lastNamed) label = other ?? "";
      }
    } else if (isSummaryName(unit) && (codeCol === undefined || text(row.cells[codeCol]) === "")) {
      label = unit;
    }
    if (label === undefined) {
      rows.push(row);
      continue;
    }
    const lines = found.get(label);
    if (lines === undefined) found.set(label, [row.line]);
    else lines.push(row.line);
  }
  if (found.size === 0) return { rows: table.rows, issues: [] };
  const column = table.columns[unitCol] as string;
  const issues = [...found].map(([label, lines]) => {
    const where = `${lines.length === 1 ? "line" : "lines"} ${showList(lines, 5, String)}`;
    const is = lines.length === 1 ? "is" : "are";
    const what = label === "" ? `${lines.length === 1 ? "has" : "have"} numbers but no unit name` : `(${showValue(label)}) ${is} a total or average`;
    const { message, hints } = hinted((o) => `${where} ${what}, not ${lines.length === 1 ? "a unit" : "units"}: left out of scores and ranks (keep such rows with ${o("keepSummaryRows")})`);
    return warning("DATA_SUMMARY_ROW", message, {
      row: lines[0] as number,
      column,
      messageVi: `${lines.length === 1 ? "dòng" : "các dòng"} ${showList(lines, 5, String)} là dòng tổng hoặc trung bình, không phải đơn vị: không tính điểm, không xếp hạng`,
      hints,
    });
  });
  return { rows, issues };
}
