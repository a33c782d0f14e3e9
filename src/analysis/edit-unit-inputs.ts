/**
 * Changes one unit's raw inputs in a table (wide or long), leaving every other cell as it was,
 * so that the changed table can go through the real pipeline again.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import { isInputKey, resolveColumns, type ColumnPlan, type ResolveOptions } from "../input/resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "../input/table.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** Which rows of a table hold one unit (of one year). */
export interface UnitRows {
  readonly plan: ColumnPlan;
  /** Indices into `table.rows`. */
  readonly rows: readonly number[];
}

const text = (cell: RawCell) => (cell === null || cell === undefined ? "" : String(cell));

/**
 * A value as written into the table. "179.875" (a what-if's computed numerator) is read as
 * 179.875, but looks like a thousands group to the check in `src/input/thousands.ts`, which would
 * ask about it (in a one-unit re-scoring, it is the whole column): a fourth decimal, "179.8750",
 * reads the same and asks nothing. The scenario writes the unit's own input cells so too: the
 * check has judged them against the whole column already.
 */
export const written = (value: RawValue): RawValue => (typeof value === "string" && /^\s*[+\-]?[1-9]\d{0,2}[.,]\d{3}\s*$/u.test(value) ? `${value.trim()}0` : value);

/** The rows of `unit` (matched by name or code, NFC, case-insensitive) and `year` (any year when undefined). */
export function unitRows(table: RawTable, framework: Framework, options: ResolveOptions, unit: string, year?: number): UnitRows {
  const plan = resolveColumns(table.columns, framework, options);
  const key = normalizeKey(unit);
  const { unit: unitCol, code: codeCol, year: yearCol } = plan.roles;
  const rows: number[] = [];
  table.rows.forEach((row, i) => {
    const name = unitCol === undefined ? "" : normalizeKey(text(row.cells[unitCol]));
    const code = codeCol === undefined ? undefined : normalizeKey(text(row.cells[codeCol]));
    if (name !== key && code !== key) return;
    if (year !== undefined && yearCol !== undefined && Number(text(row.cells[yearCol]).trim()) !== year) return;
    rows.push(i);
  });
  return { plan, rows };
}

/**
 * A copy of `table` with the unit's inputs set to `changes` (input key → raw value). Wide: the
 * input's column is set (added when the table has none). Long: the unit's row for the input is
 * set (a row is added, copying the unit's identity cells, when it has none).
 *
 * @example
 * ```ts
 * const t = tableFromRecords([{ unit: "Huế", awareness: 0.9 }]);
 * editUnitInputs(t, fw, {}, "Huế", undefined, new Map([["awareness", "0.95"]])).rows[0].cells; // => ["Huế", "0.95"]
 * ```
 */
export function editUnitInputs(
  table: RawTable,
  framework: Framework,
  options: ResolveOptions,
  unit: string,
  year: number | undefined,
  changes: ReadonlyMap<string, RawValue>,
): RawTable {
  const { plan, rows: mine } = unitRows(table, framework, options, unit, year);
  const columns = [...table.columns];
  const rows: RawRow[] = table.rows.map((r) => ({ line: r.line, cells: [...r.cells] }));
  const set = (row: number, col: number, value: RawValue) => {
    (rows[row]!.cells as RawCell[])[col] = written(value);
  };
  if (plan.shape === "wide") {
    const colOf = new Map([...plan.inputs].map(([col, k]) => [k, col]));
    for (const [key, value] of changes) {
      let col = colOf.get(key);
      if (col === undefined) {
        col = columns.length;
        columns.push(key);
        colOf.set(key, col);
      }
      for (const r of mine) set(r, col, value);
    }
    return { ...table, columns, rows: rows.map((r) => ({ line: r.line, cells: padTo(r.cells, columns.length) })) };
  }
  const indicatorCol = plan.roles.indicator as number;
  const valueCol = plan.roles.value as number;
  for (const [key, value] of changes) {
    const found = mine.find((r) => {
      const name = text(rows[r]!.cells[indicatorCol]);
      const alias = plan.aliases.get(normalizeKey(name));
      return (isInputKey(alias) ? alias : name.trim()) === key;
    });
    if (found !== undefined) {
      set(found, valueCol, value);
    } else if (mine.length > 0) {
      const template = [...rows[mine[0]!]!.cells];
      template[indicatorCol] = key;
      template[valueCol] = written(value);
      rows.push({ line: rows[mine[0]!]!.line, cells: template });
    }
  }
  return { ...table, columns, rows };
}

function padTo(cells: readonly RawCell[], n: number): RawCell[] {
  const out = [...cells];
  while (out.length < n) out.push(undefined);
  return out;
}
