/**
 * Turns a raw table into one {@link UnitInput} per unit (and year), wide or long, checking unit
 * names, codes, groups, years and duplicates. Cell values are not scored here.
 *
 * @module
 */
import { checkArgument, error, isObject, type Issue, showValue } from "../errors.ts";
import { inputKeys } from "../framework/input-keys.ts";
import type { BooleanRule, Framework, FrameworkNode } from "../framework/types.ts";
import { scoreBoolean } from "../score/rules/boolean.ts";
import { cleanName, MAX_NAME_LENGTH } from "../text/clean-name.ts";
import { cleanNameKey, normalizeKey } from "../text/normalize-key.ts";
import { isInputKey, resolveColumns, type ColumnPlan, type ResolveOptions } from "./resolve-columns.ts";
import { dropBlankColumns } from "./blank-columns.ts";
import { findHeaderRow } from "./find-header-row.ts";
import { summaryRows } from "./summary-rows.ts";
import type { RawCell, RawTable } from "./table.ts";
import { hasGroupedCells, thousandsIssues } from "./thousands.ts";
import { wideLayout, WideValues, type WideLayout } from "./wide-values.ts";
import { isBlank } from "./blank-cell.ts";
import { keyHash, keyTable, type KeyTable } from "./key-table.ts";

export { isBlank } from "./blank-cell.ts";

export type { CellRef, UnitInput } from "./unit-input.ts";
import type { CellRef, UnitInput } from "./unit-input.ts";

/** The units read from a table, the column plan, and every problem met. */
export interface ReadResult {
  readonly units: readonly UnitInput[];
  readonly plan: ColumnPlan;
  /** Input keys that have a column (wide) or at least one row (long). */
  readonly presentKeys: ReadonlySet<string>;
  readonly issues: readonly Issue[];
}

const cellText = (cell: RawCell): string | undefined => (isBlank(cell) ? undefined : cleanName(String(cell)));

/**
 * Reads units from a table. Wide: one row per unit (and year), one column per input. Long: one
 * row per (unit, indicator, value). Problems are collected, never thrown.
 *
 * @example
 * ```ts
 * const table = tableFromRecords([{ unit: "Huế", awareness: 0.95 }]);
 * const { units } = readUnits(table, getFramework("vn-dti-2022-province"));
 * units[0].values.get("awareness")?.raw; // => 0.95
 * ```
 */
export function readUnits(raw: RawTable, framework: Framework, options: ResolveOptions = {}): ReadResult {
  checkArgument(isObject(raw) && Array.isArray(raw.rows) && Array.isArray(raw.columns), "readUnits", "a table (parseCsv, tableFromRecords or readXlsx makes one)", raw);
  checkArgument(isObject(framework) && isObject(framework.root), "readUnits", "a framework (getFramework or parseFramework makes one)", framework);
  const laidOut = sheetTable(raw, framework, options);
  const plan = resolveColumns(laidOut.columns, framework, options);
  const summary = summaryRows(laidOut, plan, options.keepSummaryRows === true);
  const table = summary.rows === laidOut.rows ? laidOut : { ...laidOut, rows: summary.rows };
  const issues: Issue[] = [...table.issues, ...plan.issues, ...summary.issues];
  if (table.rows.length === 0 && !table.issues.some((i) => i.code === "DATA_EMPTY")) {
    issues.push(error("DATA_EMPTY", "the data has no rows"));
  }
  if (plan.roles.unit === undefined) return { units: [], plan, presentKeys: new Set(), issues };
  const read = plan.shape === "wide" ? readWide(table, plan, issues) : readLong(table, framework, plan, issues);
  // Thousands separators read as decimal points: asked about per column, once every unit is read
  // (and only looked into when some input cell looks like "1.050").
  const inputColumns = plan.shape === "wide" ? [...plan.inputs.keys()] : plan.roles.value === undefined ? [] : [plan.roles.value];
  if (!hasGroupedCells(table, inputColumns)) return read;
  return { ...read, issues: [...read.issues, ...thousandsIssues(read.units, framework)] };
}

/**
 * A table as a sheet is laid out, made plain: the header on its row (title rows above it left
 * out, see {@link findHeaderRow}) and columns without a header dropped (see {@link dropBlankColumns}).
 * Totals rows are found later, once the unit column is known (see {@link summaryRows}).
 *
 * @example
 * ```ts
 * const t = sheetTable(parseCsv("SỞ KHOA HỌC VÀ CÔNG NGHỆ;;\nĐơn vị;Nhận thức số;\nHuế;0,9;\n"), getFramework("vn-dti-2022-province"));
 * t.columns; // => ["Đơn vị", "Nhận thức số"]
 * ```
 */
export function sheetTable(table: RawTable, framework: Framework, options: ResolveOptions = {}): RawTable {
  return dropBlankColumns(findHeaderRow(table, framework, options));
}

/** A row's unit name, code, group and year, and whether it is ranked. */
export interface Identity {
  unit: string;
  code?: string;
  group?: string;
  year?: number;
  /** False for a unit assessed but not ranked (a "no" in the ranked column). */
  ranked?: false;
  /** Why it is not ranked, as the data says. */
  rankNote?: string;
}

/** The ranked column's words: yes/no as a yes/no indicator reads them, and these. */
export const RANKED_RULE: BooleanRule = { type: "boolean", aliases: { yes: ["xếp hạng", "có xếp hạng"], no: ["không xếp hạng", "không xét xếp hạng"] } };

/** The clean text of the cell in column `col` of a row, if it has one and the column is there. */
function roleText(cells: readonly RawCell[], col: number | undefined): string | undefined {
  return col === undefined ? undefined : cellText(cells[col]);
}

/** Reads the unit, code, group and year cells of a row; reports a blank unit or a bad year. */
export function identity(table: { readonly columns: readonly string[] }, plan: ColumnPlan, cells: readonly RawCell[], line: number, issues: Issue[]): Identity | undefined {
  const unit = roleText(cells, plan.roles.unit);
  const unitHeader = table.columns[plan.roles.unit as number] as string;
  if (unit === undefined) {
    issues.push(error("DATA_MISSING_UNIT", "the unit name is blank", { row: line, column: unitHeader }));
    return undefined;
  }
  const code = roleText(cells, plan.roles.code);
  const group = roleText(cells, plan.roles.group);
  // Checked before any name is used as a key (see MAX_NAME_LENGTH).
  const long = unit.length > MAX_NAME_LENGTH ? "unit" : (code?.length ?? 0) > MAX_NAME_LENGTH ? "code" : (group?.length ?? 0) > MAX_NAME_LENGTH ? "group" : undefined;
  if (long !== undefined) {
    const text = (long === "unit" ? unit : long === "code" ? code : group) as string;
    const column = table.columns[plan.roles[long] as number] as string;
    issues.push(error("DATA_TOO_LARGE", `the ${long} name has ${text.length} characters, more than the ${MAX_NAME_LENGTH} a name may have: is this the right column?`, { row: line, column }));
    return undefined;
  }
  const id: Identity = { unit };
  if (code !== undefined) id.code = code;
  if (group !== undefined) id.group = group;
  const yearText = roleText(cells, plan.roles.year);
  if (yearText !== undefined) {
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      issues.push(error("DATA_BAD_YEAR", `year ${showValue(yearText)} is not a year`, { row: line, column: table.columns[plan.roles.year as number] as string, unit }));
      return undefined;
    }
    id.year = year;
  }
  const ranked = roleText(cells, plan.roles.ranked);
  if (ranked !== undefined) {
    const answer = scoreBoolean(RANKED_RULE, ranked);
    if (!answer.ok) {
      issues.push(error("DATA_NOT_A_BOOLEAN", `${showValue(ranked)} is not yes/no: write "Có" for a unit that is ranked, "Không" for one assessed but not ranked`, { row: line, column: table.columns[plan.roles.ranked as number] as string, unit }));
      return undefined;
    }
    if (answer.score.n === 0n) id.ranked = false;
  }
  const note = roleText(cells, plan.roles.rankNote);
  if (note !== undefined) id.rankNote = note;
  return id;
}

/** The key that makes a unit (and year) unique: year and the normalised name. */
export function unitKey(id: Identity): string {
  return `${id.year ?? ""}\u0000${normalizeKey(id.unit)}`;
}

/** A unit (and year) for messages: `"Huế" (2024)`. */
export function describe(id: Identity): string {
  return id.year === undefined ? showValue(id.unit) : `${showValue(id.unit)} (${id.year})`;
}

/** What wide reading remembers across rows to find duplicates: first row per unit, unit per code. */
export interface WideState {
  /** Each unit read (by year and name key): its name as written, and its row. */
  readonly units: KeyTable;
  /** Each code (by year): the entry in `units` of the last unit using it. */
  readonly codes: KeyTable;
  /** The input columns every row's values read through. */
  readonly layout: WideLayout;
}

/** A fresh {@link WideState} for a table's column plan. */
export function wideState(table: { readonly columns: readonly string[] }, plan: ColumnPlan): WideState {
  return { units: keyTable(), codes: keyTable(), layout: wideLayout(plan.inputs, table.columns) };
}

/**
 * Reads one wide row into a unit, or `undefined` (with the issue pushed) for a blank unit name, a
 * bad year or a repeated unit; a code shared by two units is reported and the row kept.
 */
export function readWideRow(
  table: { readonly columns: readonly string[] },
  plan: ColumnPlan,
  state: WideState,
  cells: readonly RawCell[],
  line: number,
  issues: Issue[],
): UnitInput | undefined {
  const id = readWideIdentity(table, plan, state, cells, line, issues);
  return id === undefined ? undefined : wideUnit(state.layout, id, cells, line);
}

/** The identity part of {@link readWideRow}: the unit's name, code, group, year, checked for repeats. */
export function readWideIdentity(
  table: { readonly columns: readonly string[] },
  plan: ColumnPlan,
  state: WideState,
  cells: readonly RawCell[],
  line: number,
  issues: Issue[],
): Identity | undefined {
  const id = identity(table, plan, cells, line, issues);
  if (id === undefined) return undefined;
  // Units by year and name key (their first row); codes by year and code (the last unit using each).
  // The names are clean (`cleanName`): their keys need no second cleaning.
  const key = cleanNameKey(id.unit);
  const year = id.year ?? 0;
  const hash = keyHash(key, year);
  const { units, codes } = state;
  const seen = units.find(hash, year, key, cleanNameKey);
  if (seen >= 0) {
    issues.push(error("DATA_DUPLICATE_UNIT", `unit ${describe(id)} appears again (first on row ${units.value(seen)})`, { row: line, unit: id.unit }));
    return undefined;
  }
  const entry = units.add(hash, year, id.unit, line);
  if (id.code !== undefined) {
    const code = id.code;
    const codeHash = keyHash(code, year);
    const other = codes.find(codeHash, year, code);
    if (other < 0) codes.add(codeHash, year, code, entry);
    else {
      const first = codes.value(other);
      if (cleanNameKey(units.text(first)) !== key) {
        issues.push(error("DATA_DUPLICATE_UNIT", `code ${showValue(code)} is used by ${showValue(units.text(first))} (row ${units.value(first)}) and ${showValue(id.unit)}`, { row: line, unit: id.unit }));
      }
      codes.setValue(other, entry);
    }
  }
  return id;
}

/** A wide row's unit: `id` itself (read for this row only), given its row and its cells by input column, as a copy per unit cost more than the rest of reading the row. */
export function wideUnit(layout: WideLayout, id: Identity, cells: readonly RawCell[], line: number): UnitInput {
  return Object.assign(id, { row: line, values: new WideValues(layout, cells, line) });
}

function readWide(table: RawTable, plan: ColumnPlan, issues: Issue[]): ReadResult {
  const units: UnitInput[] = [];
  const state = wideState(table, plan);
  for (const { line, cells } of table.rows) {
    const unit = readWideRow(table, plan, state, cells, line, issues);
    if (unit !== undefined) units.push(unit);
  }
  return { units, plan, presentKeys: new Set(plan.inputs.values()), issues };
}

function readLong(table: RawTable, framework: Framework, plan: ColumnPlan, issues: Issue[]): ReadResult {
  const indicatorCol = plan.roles.indicator;
  const valueCol = plan.roles.value;
  if (indicatorCol === undefined || valueCol === undefined) return { units: [], plan, presentKeys: new Set(), issues };
  const valueHeader = table.columns[valueCol] as string;
  const indicatorHeader = table.columns[indicatorCol] as string;
  const byKey = new Map<string, { id: Identity; row: number; values: Map<string, CellRef> }>();
  const order: string[] = [];
  const present = new Set<string>();
  const known = new Set(allInputKeys(framework.root));
  for (const { line, cells } of table.rows) {
    const id = identity(table, plan, cells, line, issues);
    if (id === undefined) continue;
    const name = cellText(cells[indicatorCol]);
    if (name === undefined) {
      issues.push(error("DATA_UNKNOWN_INDICATOR", "the indicator name is blank", { row: line, column: indicatorHeader, unit: id.unit }));
      continue;
    }
    const alias = plan.aliases.get(normalizeKey(name));
    const inputKey = isInputKey(alias) ? alias : known.has(name) ? name : undefined;
    if (inputKey === undefined) {
      const computed = plan.computed.get(normalizeKey(name));
      issues.push(
        error(
          "DATA_UNKNOWN_INDICATOR",
          alias !== undefined
            ? `indicator ${showValue(name)} matches more than one input; use the node id`
            : computed !== undefined
              ? `${showValue(name)} is a computed score (node ${showValue(computed)}), not an input`
              : `${showValue(name)} is not an indicator input of framework ${showValue(framework.id)}`,
          { row: line, column: indicatorHeader, unit: id.unit },
        ),
      );
      continue;
    }
    const key = unitKey(id);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { id, row: line, values: new Map() };
      byKey.set(key, entry);
      order.push(key);
    } else {
      for (const field of ["code", "group"] as const) {
        const before = entry.id[field];
        const now = id[field];
        if (before !== now && before !== undefined && now !== undefined) {
          issues.push(error("DATA_CONFLICT", `unit ${describe(id)} has ${field} ${showValue(before)} on row ${entry.row} and ${showValue(now)} here`, { row: line, unit: id.unit }));
        } else if (before === undefined && now !== undefined) {
          entry.id[field] = now;
        }
      }
    }
    const previous = entry.values.get(inputKey);
    if (previous !== undefined) {
      issues.push(error("DATA_DUPLICATE_VALUE", `unit ${describe(id)} already has a value for ${showValue(inputKey)} on row ${previous.row}`, { row: line, column: valueHeader, unit: id.unit }));
      continue;
    }
    const cell = cells[valueCol];
    entry.values.set(inputKey, { raw: isBlank(cell) ? undefined : cell, row: line, column: valueHeader });
    present.add(inputKey);
  }
  const units = order.map((key) => {
    const { id, row, values } = byKey.get(key)!;
    return { ...id, row, values };
  });
  return { units, plan, presentKeys: present, issues };
}

function allInputKeys(node: FrameworkNode): string[] {
  return node.rule !== undefined ? [...inputKeys(node)] : node.children.flatMap(allInputKeys);
}
