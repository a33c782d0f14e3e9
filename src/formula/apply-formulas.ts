/**
 * Formula indicators: computed input columns, added to the data before scoring. A framework leaf
 * then scores the computed column with any rule (value, points, goalposts, target …), so the core
 * needs no expression engine and `dti` without `dti/formula` never loads mathjs.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import { isBlank } from "../input/read-units.ts";
import { ROLE_ALIASES } from "../input/resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "../input/table.ts";
import { toTable } from "../input/to-table.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { FormulaLimits } from "./check-formula.ts";
import { compileFormula, type Formula, type FormulaValue } from "./compile-formula.ts";

/** A computed column: its header, the formula, and which column each variable reads. */
export interface FormulaColumn {
  /** Header of the computed column: an indicator input (node id, name …) of the framework. */
  readonly column: string;
  /** The formula, e.g. `"a / b * 100"`. */
  readonly expression: string;
  /** Variable → header of the column it reads (matched like headers: NFC, case-insensitive). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Options of {@link applyFormulas}. */
export interface ApplyFormulasOptions {
  /** Keep the columns the formulas read (default false: they are consumed, so they are not unknown columns). */
  readonly keepInputs?: boolean;
  /** Size bounds of each formula. */
  readonly limits?: Partial<FormulaLimits>;
}

/**
 * Adds computed columns to a table (from `parseCsv` or `tableFromRecords`) or to JSON
 * records. Per row, a blank input gives a blank (missing) result, handled by the missing-value
 * policy like any blank cell; a value that is not a number or a result that is not finite is an
 * error issue naming the row and the computed column (in the returned table's `issues`, so
 * `validate` lists it and `score` refuses to go on).
 *
 * @example
 * ```ts
 * const table = applyFormulas(
 *   [{ unit: "Phường Bến Nghé", "Hồ sơ trực tuyến": 180, "Tổng hồ sơ": 200 }],
 *   [{ column: "online-services", expression: "a / b", inputs: { a: "Hồ sơ trực tuyến", b: "Tổng hồ sơ" } }],
 * );
 * table.columns; // => ["unit", "online-services"]
 * table.rows[0]?.cells; // => ["Phường Bến Nghé", "0.9"]
 * ```
 * @throws {@link dti!DtiError | DtiError} the formula codes (`FORMULA_SYNTAX`, `FORMULA_FORBIDDEN`,
 *   `FORMULA_TOO_LARGE`) for a formula that is refused, `DATA_MISSING_COLUMN` for an input column
 *   the data does not have, `DATA_DUPLICATE_COLUMN` for a computed column that already exists.
 */
export function applyFormulas(data: RawTable | readonly unknown[], formulas: readonly FormulaColumn[], options: ApplyFormulasOptions = {}): RawTable {
  const table = toTable(data);
  const keepInputs = options?.keepInputs === true;
  const limits = options?.limits;
  if (!Array.isArray(formulas)) throw new DtiError([error("OPTION_INVALID", "formulas must be an array of { column, expression, inputs }")]);
  const index = new Map<string, number>();
  table.columns.forEach((h, i) => {
    if (!index.has(normalizeKey(h))) index.set(normalizeKey(h), i);
  });

  const problems: Issue[] = [];
  const consumed = new Set<number>();
  const compiled = compileColumns(formulas, index, limits, consumed, problems);
  const kept = table.columns.map((_, i) => i).filter((i) => keepInputs || !consumed.has(i));
  const keptKeys = new Set(kept.map((i) => normalizeKey(table.columns[i] as string)));
  const added = new Set<string>();
  for (const c of compiled) {
    const key = normalizeKey(c.column);
    if (keptKeys.has(key) || added.has(key)) problems.push(error("DATA_DUPLICATE_COLUMN", `computed column ${showValue(c.column)} is already a column of the data`, { column: c.column, row: 1 }));
    added.add(key);
  }
  if (problems.length > 0) throw new DtiError(problems);

  const issues: Issue[] = [...table.issues];
  // A row's unit, when a column has a recognised unit header, so that an error names it.
  const unitColumn = table.columns.findIndex((h) => ROLE_ALIASES.unit.includes(normalizeKey(h)));
  const unitOf = (row: RawRow): { unit?: string } => {
    const cell = unitColumn < 0 ? undefined : row.cells[unitColumn];
    return cell === undefined || isBlank(cell) ? {} : { unit: String(cell).trim() };
  };
  const rows: RawRow[] = table.rows.map((row) => {
    const cells: RawCell[] = kept.map((i) => row.cells[i]);
    for (const c of compiled) {
      const values = new Map<string, FormulaValue>();
      let blank = false;
      for (const [variable, col] of c.sources) {
        const cell = row.cells[col];
        if (isBlank(cell)) blank = true;
        else values.set(variable, cell as FormulaValue);
      }
      if (blank) {
        cells.push(undefined);
        continue;
      }
      try {
        cells.push(c.formula.evaluate(values));
      } catch (e) {
        if (!(e instanceof DtiError)) throw e;
        for (const issue of e.issues) issues.push({ ...issue, row: row.line, column: c.column, ...unitOf(row) });
        cells.push(undefined);
      }
    }
    return { line: row.line, cells };
  });
  return { columns: [...kept.map((i) => table.columns[i] as string), ...compiled.map((c) => c.column)], rows, format: table.format, issues };
}

/** A formula column compiled: the formula, the column it writes, the column each variable reads. */
interface CompiledColumn {
  readonly formula: Formula;
  readonly column: string;
  readonly sources: Map<string, number>;
}

/** Compiles each formula and finds its input columns (by header, as columns are matched); the columns read go into `consumed`, problems into `problems`. */
function compileColumns(formulas: readonly FormulaColumn[], index: ReadonlyMap<string, number>, limits: ApplyFormulasOptions["limits"], consumed: Set<number>, problems: Issue[]): CompiledColumn[] {
  const compiled: CompiledColumn[] = [];
  formulas.forEach((f, i) => {
    const path = `formulas[${i}]`;
    if (typeof f !== "object" || f === null || typeof f.column !== "string" || f.column.trim() === "" || typeof f.inputs !== "object" || f.inputs === null) {
      problems.push(error("OPTION_INVALID", "a formula column needs { column, expression, inputs }", { path }));
      return;
    }
    let formula: Formula;
    try {
      formula = compileFormula(f.expression, { variables: Object.keys(f.inputs), ...(limits !== undefined ? { limits } : {}) });
    } catch (e) {
      if (!(e instanceof DtiError)) throw e;
      for (const issue of e.issues) problems.push({ ...issue, column: f.column, path });
      return;
    }
    const sources = new Map<string, number>();
    for (const [variable, header] of Object.entries(f.inputs)) {
      const col = typeof header === "string" ? index.get(normalizeKey(header)) : undefined;
      if (col === undefined) {
        problems.push(error("DATA_MISSING_COLUMN", `formula ${showValue(f.column)}: variable ${showValue(variable)} reads column ${showValue(header)}, which the data does not have`, { column: String(header), path }));
        continue;
      }
      sources.set(variable, col);
      consumed.add(col);
    }
    compiled.push({ formula, column: f.column.normalize("NFC").trim(), sources });
  });
  return compiled;
}
