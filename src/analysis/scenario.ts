/**
 * A what-if scenario: one unit of a data set, its current raw inputs, and a way to re-score it
 * through the real pipeline with some inputs changed.
 *
 * @module
 */
import { DtiError, error, showValue } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { readUnits, sheetTable } from "../input/read-units.ts";
import { inputAliases, isInputKey } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawTable } from "../input/table.ts";
import { score } from "../pipeline/score.ts";
import type { ScoreInput, ScoreOptions, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { peersOf } from "../report/unit-stats.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { editUnitInputs, unitRows, written } from "./edit-unit-inputs.ts";
import { ensureFramework } from "./ensure-framework.ts";
import { analysedUnit } from "./analysed-unit.ts";
import { rankAmong } from "./rank-among.ts";

/** Everything a what-if needs, prepared once. */
export interface Scenario {
  readonly framework: Framework;
  readonly compiled: CompiledFramework;
  readonly table: RawTable;
  readonly options: ScoreOptions;
  /** The data scored as given. */
  readonly baseline: ScoreResult;
  /** The unit's baseline result. */
  readonly unit: UnitResult;
  /** The other units ranked with it (same year). */
  readonly others: readonly UnitResult[];
  /** The unit's raw inputs as read (input key → value; blank inputs are absent). */
  readonly inputs: ReadonlyMap<string, RawValue>;
  /** A table of the unit's rows only, for fast re-scoring. */
  readonly own: RawTable;
  /**
   * True when the unit's score depends on its own rows only, so it can be re-scored alone: no
   * scored leaf is normalised across units and no imputation is asked for. Otherwise every
   * re-scoring scores the whole data set (and the other units may move too).
   */
  readonly isolated: boolean;
}

/** Options of the what-if functions: the scoring options, and the year of the unit. */
export interface ScenarioOptions extends ScoreOptions {
  /** The unit's year (default: its latest). */
  readonly year?: number;
}

/**
 * Scores the data, finds the unit and reads its raw inputs. Merged data (`merge`) is refused
 * (`ANALYSIS_NOT_SUPPORTED`): change the members' rows instead.
 */
export function prepareScenario(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: ScenarioOptions = {}): Scenario {
  const fw = ensureFramework(framework);
  if (options.merge !== undefined) {
    throw new DtiError([error("ANALYSIS_NOT_SUPPORTED", "what-if works on the units as read; with a merge, change the members' rows and score again")]);
  }
  const { year, ...scoreOptions } = options;
  const given: RawTable = Array.isArray(data) ? tableFromRecords(data) : (data as RawTable);
  // The baseline keeps the warnings about the sheet's layout; the unit's rows are found, and
  // changed, in the table as laid out (header on its row, blank columns gone).
  const baseline = score(fw, given, scoreOptions);
  const table = sheetTable(given, fw, scoreOptions);
  const me = analysedUnit(baseline, unit, year);
  const { plan, rows } = unitRows(table, fw, scoreOptions, me.unit, me.year);
  // The unit's input cells, judged by the thousands-separator check against their whole columns
  // in the baseline, must not be judged again as one-cell columns.
  const inputColumns = new Set(plan.shape === "wide" ? plan.inputs.keys() : plan.roles.value === undefined ? [] : [plan.roles.value]);
  const mine: RawTable = { ...table, rows: rows.map((r) => table.rows[r]!) };
  const own: RawTable = {
    ...mine,
    rows: mine.rows.map((row) => ({ ...row, cells: row.cells.map((cell, c) => (inputColumns.has(c) && typeof cell === "string" ? (written(cell) as string) : cell)) })),
  };
  // The inputs as written (a plan shows them as the user wrote them).
  const read = readUnits(mine, fw, scoreOptions);
  const compiled = compileFramework(fw);
  // A normalised leaf depends on the other units even with zero weight (its own value is published).
  const isolated = scoreOptions.impute === undefined && !compiled.leaves.some((i) => compiled.nodes[i]!.leaf?.rule.type === "normalise");
  const inputs = new Map<string, RawValue>();
  for (const [key, cell] of read.units[0]?.values ?? []) if (cell.raw !== undefined) inputs.set(key, cell.raw);
  return {
    framework: fw,
    compiled,
    table,
    options: scoreOptions,
    baseline,
    unit: me,
    others: peersOf(baseline, me).filter((u) => u !== me),
    inputs,
    own,
    isolated,
  };
}

/**
 * Re-scores the unit with `changes` (input key → raw value) through `score()`. `full` scores the
 * whole data set again (exact ranks, group ranks); otherwise only the unit's rows are scored and
 * its rank is computed among the unchanged others.
 */
export function rescore(s: Scenario, changes: ReadonlyMap<string, RawValue>, full = false): UnitResult {
  if (full || !s.isolated) {
    const result = score(s.framework, editUnitInputs(s.table, s.framework, s.options, s.unit.unit, s.unit.year, changes), s.options);
    return analysedUnit(result, s.unit.unit, s.unit.year);
  }
  const result = score(s.framework, editUnitInputs(s.own, s.framework, s.options, s.unit.unit, s.unit.year, changes), s.options);
  const u = result.units[0]!;
  return { ...u, rank: rankAmong(s.others, u, s.baseline.options) };
}

/**
 * The input key a user names: an input key ("online-services.a"), a one-input leaf's id, its
 * Vietnamese or English name or short label (NFC, case-insensitive). Throws
 * `ANALYSIS_UNKNOWN_NODE` otherwise.
 */
export function resolveInputKey(framework: Framework, name: string): string {
  const key = inputAliases(framework).inputs.get(normalizeKey(name));
  if (isInputKey(key)) return key;
  throw new DtiError([
    error("ANALYSIS_UNKNOWN_NODE", key === undefined ? `${showValue(name)} is not an indicator input of framework ${showValue(framework.id)}` : `${showValue(name)} names more than one input; use the input key`),
  ]);
}
