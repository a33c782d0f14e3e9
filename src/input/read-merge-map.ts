/**
 * Reads a merge mapping (old unit → merged unit) from a table, e.g. `merge-2025.csv`.
 *
 * @module
 */
import { error, showList, type Issue } from "../errors.ts";
import type { MergeEntry } from "../score/merge-units.ts";
import { cleanName, MAX_NAME_LENGTH } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { isBlank } from "./read-units.ts";
import type { RawTable } from "./table.ts";

const FROM = ["unit", "from", "đơn vị", "đơn vị cũ", "tỉnh cũ", "tỉnh", "old", "member"];
const INTO = ["merged", "into", "to", "đơn vị mới", "tỉnh mới", "sáp nhập vào", "new"];
const CODE = ["merged code", "code", "mã", "mã mới"];
const GROUP = ["merged group", "group", "nhóm", "vùng"];

/**
 * Reads merge entries from a table with a "unit" (or "from", "tỉnh cũ") column and a "merged"
 * (or "into", "tỉnh mới") column, optionally the merged unit's code and group.
 *
 * @example
 * ```ts
 * readMergeTable(tableFromRecords([{ unit: "Quảng Nam", merged: "Đà Nẵng" }])).entries;
 * // => [{ unit: "Quảng Nam", into: "Đà Nẵng" }]
 * ```
 */
export function readMergeTable(table: RawTable): { entries: MergeEntry[]; issues: Issue[] } {
  const issues: Issue[] = [...table.issues];
  const find = (names: readonly string[]) => table.columns.findIndex((c) => names.includes(normalizeKey(c)));
  const from = find(FROM);
  const into = find(INTO);
  const code = find(CODE);
  const group = find(GROUP);
  if (from < 0 || into < 0) {
    issues.push(error("DATA_MERGE_INVALID", `a merge mapping needs a "unit" column and a "merged" column (got ${showList(table.columns)})`, { row: 1 }));
    return { entries: [], issues };
  }
  const entries: MergeEntry[] = [];
  for (const { line, cells } of table.rows) {
    const u = cells[from];
    const m = cells[into];
    if (isBlank(u) || isBlank(m)) {
      issues.push(error("DATA_MERGE_INVALID", "a merge row needs both the unit and the merged unit", { row: line, column: table.columns[isBlank(u) ? from : into] as string }));
      continue;
    }
    const c = code >= 0 ? cells[code] : undefined;
    const g = group >= 0 ? cells[group] : undefined;
    // Names as the data's are: shown without invisible characters, and limited in length.
    const names = [cleanName(String(u)), cleanName(String(m))] as const;
    const long = names.findIndex((n) => n.length > MAX_NAME_LENGTH);
    if (long >= 0) {
      issues.push(error("DATA_TOO_LARGE", `a name of ${(names[long] as string).length} characters, more than the ${MAX_NAME_LENGTH} a name may have`, { row: line, column: table.columns[long === 0 ? from : into] as string }));
      continue;
    }
    entries.push({
      unit: names[0],
      into: names[1],
      ...(c !== undefined && !isBlank(c) ? { code: cleanName(String(c)) } : {}),
      ...(g !== undefined && !isBlank(g) ? { group: cleanName(String(g)) } : {}),
    });
  }
  return { entries, issues };
}
