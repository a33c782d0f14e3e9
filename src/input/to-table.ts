/**
 * Whatever `score()` / `validate()` were given as data → a well-formed {@link RawTable}: JSON
 * records go through `tableFromRecords`; a table (from `parseCsv`, `tableFromRecords`, or built
 * by hand) is checked, so a malformed one is a `DATA_NOT_A_ROW` issue rather than a `TypeError`,
 * and a -0 cell is read as 0.
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";
import { tableFromRecords, type RawCell, type RawRow, type RawTable } from "./table.ts";

const isNegativeZero = (c: unknown) => c === 0 && Object.is(c, -0);
// Text first: most cells are.
const isCell = (c: unknown): c is RawCell => typeof c === "string" || c === null || c === undefined || typeof c === "number" || typeof c === "boolean";

const formatOf = (f: unknown): RawTable["format"] => (f === "csv" || f === "xlsx" ? f : "json");

/**
 * Reads records or checks a table.
 *
 * @example
 * ```ts
 * toTable([{ unit: "Huế", awareness: 0.9 }]).columns; // => ["unit", "awareness"]
 * toTable({ columns: [1], rows: [] } as never).issues[0]?.code; // => "DATA_NOT_A_ROW"
 * ```
 */
export function toTable(data: unknown): RawTable {
  if (Array.isArray(data)) return tableFromRecords(data);
  const table = data as Partial<RawTable> | null;
  if (typeof table !== "object" || table === null || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    return { columns: [], rows: [], format: "json", issues: [error("DATA_NOT_A_ROW", "data must be an array of records or a table from parseCsv / tableFromRecords")] };
  }
  const issues: Issue[] = [];
  if (table.issues !== undefined && !Array.isArray(table.issues)) issues.push(error("DATA_NOT_A_ROW", "table.issues must be an array"));
  if (!table.columns.every((c) => typeof c === "string")) {
    issues.push(error("DATA_NOT_A_ROW", "every column header must be text", { row: 1 }));
    return { columns: [], rows: [], format: formatOf(table.format), issues };
  }
  const rows: RawRow[] = [];
  let changed = false;
  table.rows.forEach((row: unknown, i) => {
    const r = row as Partial<RawRow> | null;
    const line = typeof r?.line === "number" && Number.isInteger(r.line) && r.line > 0 ? r.line : i + 1;
    // One pass over the cells (a million of them are checked on every call): their kinds, and any -0.
    let bad = typeof r !== "object" || r === null || !Array.isArray(r.cells);
    let negativeZero = false;
    for (let k = 0; !bad && k < r!.cells!.length; k++) {
      const c = r!.cells![k];
      bad = !isCell(c);
      negativeZero ||= isNegativeZero(c);
    }
    if (bad) {
      issues.push(error("DATA_NOT_A_ROW", `table row ${i + 1} must be { line, cells } with text, number, boolean or null cells (got ${showValue(row)})`, { row: line }));
      return;
    }
    // -0 is 0 (as "-0" in CSV and -0 in JSON records are); only rows holding one are copied.
    const cells = negativeZero ? r!.cells!.map((c) => (isNegativeZero(c) ? 0 : c)) : r!.cells!;
    if (cells !== r!.cells) changed = true;
    rows.push(r!.line === line && cells === r!.cells ? (r as RawRow) : { line, cells });
  });
  if (issues.length === 0 && !changed && Array.isArray(table.issues) && table.format !== undefined) return table as RawTable;
  return { columns: table.columns, rows, format: formatOf(table.format), issues: [...(Array.isArray(table.issues) ? table.issues : []), ...issues] };
}
