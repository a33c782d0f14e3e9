/**
 * Reading the rows of assessment data: each unit's indicator points per stage, checked and flagged.
 *
 * @module
 */
import { error, showValue, warning, type Issue, type IssueCode } from "../errors.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, IndicatorNode } from "../framework/types.ts";
import type { RawCell, RawTable } from "../input/table.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import { parseNumber } from "../number/parse-number.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { AssessmentItem, AssessmentOptions, AssessmentStage } from "./assessment-types.ts";

/** The stages in the order of their columns. */
export const STAGES: readonly AssessmentStage[] = ["self", "appraised", "final"];

/** A cell as trimmed NFC text, null when blank. */
function text(cell: RawCell): string | null {
  if (cell === null || cell === undefined) return null;
  const t = String(cell).normalize("NFC").trim();
  return t === "" ? null : t;
}

/** The max points of an indicator (1 when it has none). */
export const maxOf = (leaf: IndicatorNode) => ruleMax(leaf) ?? leaf.maxPoints ?? 1;

/** The located columns of each role. */
export type Located = { unit: number; indicator: number } & { [K in "self" | "appraised" | "final" | "evidence" | "note"]?: number };

/** What reading the rows gathers: the items, the issues, the units in order of appearance. */
export interface ReadState {
  readonly fw: Framework;
  readonly table: RawTable;
  readonly options: AssessmentOptions;
  readonly issues: Issue[];
  readonly leaves: Map<string, IndicatorNode>;
  readonly byName: Map<string, IndicatorNode>;
  readonly tolerance: Decimal;
  readonly items: AssessmentItem[];
  /** The row of each unit (normalized key) and indicator seen. */
  readonly seen: Map<string, number>;
  readonly unitOrder: string[];
  readonly unitName: Map<string, string>;
}

/** Reads one row into an item, or an issue saying why it cannot be read. */
export function readRow(read: ReadState, col: Located, { line, cells }: RawTable["rows"][number]): void {
  const { issues, unitName } = read;
  const unit = text(cells[col.unit]);
  const where = { row: line, ...(unit !== null ? { unit } : {}) };
  if (unit === null) {
    issues.push(error("DATA_MISSING_UNIT", "the unit name is blank", { row: line }));
    return;
  }
  const uKey = normalizeKey(unit);
  if (!unitName.has(uKey)) {
    unitName.set(uKey, unit);
    read.unitOrder.push(uKey);
  }
  const name = text(cells[col.indicator]);
  const leaf = name === null ? undefined : (read.leaves.get(name) ?? read.byName.get(normalizeKey(name)));
  if (leaf === undefined) {
    issues.push(error("ASSESSMENT_UNKNOWN_INDICATOR", name === null ? "the indicator is blank" : `${showValue(name)} is not an indicator (leaf) of framework ${showValue(read.fw.id)}`, where));
    return;
  }
  const key = `${uKey}\u0000${leaf.id}`;
  if (read.seen.has(key)) {
    issues.push(error("ASSESSMENT_DUPLICATE", `unit ${showValue(unit)} already has a row for ${showValue(leaf.id)} (row ${read.seen.get(key)})`, { ...where, node: leaf.id }));
    return;
  }
  read.seen.set(key, line);
  const max = maxOf(leaf);
  const flags: IssueCode[] = [];
  const flag = (issue: Issue) => {
    issues.push(issue);
    flags.push(issue.code);
  };
  const { self = null, appraised = null, final = null } = readPoints(read.table, col, cells, leaf, max, where, flag);
  const evidence = col.evidence === undefined ? null : text(cells[col.evidence]);
  const note = col.note === undefined ? null : text(cells[col.note]);
  checkStages(read, { self, appraised, final }, evidence !== null, note !== null, leaf, where, flag);
  read.items.push({
    unit: unitName.get(uKey) as string,
    node: leaf.id,
    name: leaf.name,
    max,
    self: self?.toNumber() ?? null,
    appraised: appraised?.toNumber() ?? null,
    final: final?.toNumber() ?? null,
    evidence,
    note,
    row: line,
    flags,
  });
}

/** Where an issue of a row points: its line and unit. */
type RowPlace = { readonly row: number; readonly unit?: string };

/** The points of each stage of a row (null when blank, not a number or out of range, flagged). */
function readPoints(table: RawTable, col: Located, cells: readonly RawCell[], leaf: IndicatorNode, max: number, where: RowPlace, flag: (issue: Issue) => void): Partial<Record<AssessmentStage, Decimal | null>> {
  const points: Partial<Record<AssessmentStage, Decimal | null>> = {};
  for (const stage of STAGES) {
    const c = col[stage];
    const raw = c === undefined ? null : text(cells[c]);
    if (raw === null) {
      points[stage] = null;
      continue;
    }
    const parsed = parseNumber(raw);
    if (parsed === undefined) {
      flag(error("ASSESSMENT_NOT_A_NUMBER", `${stage} points ${showValue(raw)} are not a number`, { ...where, node: leaf.id, column: table.columns[c as number] as string }));
      points[stage] = null;
      continue;
    }
    const p = dec(parsed);
    if (p.isNegative() || p.greaterThan(max)) {
      flag(error("ASSESSMENT_OUT_OF_RANGE", `${stage} points ${parsed} are outside 0-${max} (${leaf.name.vi})`, { ...where, node: leaf.id, column: table.columns[c as number] as string }));
      points[stage] = null;
      continue;
    }
    points[stage] = p;
  }
  return points;
}

/** Flags points without evidence, self and appraised apart, final missing or changed without a note. */
function checkStages(read: ReadState, points: Record<AssessmentStage, Decimal | null>, hasEvidence: boolean, hasNote: boolean, leaf: IndicatorNode, where: RowPlace, flag: (issue: Issue) => void): void {
  const { self, appraised, final } = points;
  const tolerance = read.tolerance;
  if ((read.options.requireEvidence ?? true) && !hasEvidence && [self, appraised, final].some((p) => p != null && p.greaterThan(0))) {
    flag(warning("ASSESSMENT_MISSING_EVIDENCE", `points are claimed for ${showValue(leaf.id)} without evidence`, { ...where, node: leaf.id }));
  }
  if (self !== null && appraised !== null && self.minus(appraised).abs().greaterThan(tolerance)) {
    flag(warning("ASSESSMENT_SELF_APPRAISED_DIFFER", `self-assessed ${self.toString()} and appraised ${appraised.toString()} differ by ${self.minus(appraised).abs().toString()} (tolerance ${tolerance.toString()})`, { ...where, node: leaf.id }));
  }
  if (final === null) flag(warning("ASSESSMENT_FINAL_MISSING", `no final points for ${showValue(leaf.id)}`, { ...where, node: leaf.id }));
  else if (appraised !== null && !final.equals(appraised) && !hasNote) {
    flag(warning("ASSESSMENT_FINAL_CHANGED", `final ${final.toString()} differs from appraised ${appraised.toString()} without a note`, { ...where, node: leaf.id }));
  }
}
