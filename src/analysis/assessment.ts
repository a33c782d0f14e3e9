/**
 * The assessment workflow that comes before an official score: for each unit and indicator, the
 * self-assessed, appraised and final points with an evidence reference; validated, totalled
 * through the framework, and every difference flagged.
 *
 * @module
 */
import { error, showValue, warning, type Issue } from "../errors.ts";
import type { Framework, FrameworkDefinition, FrameworkNode, IndicatorNode } from "../framework/types.ts";
import { tableFromRecords, type RawTable } from "../input/table.ts";
import { dec } from "../number/decimal.ts";
import { score } from "../pipeline/score.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { ensureFramework } from "./ensure-framework.ts";
import { wideAssessment } from "./assessment-wide.ts";
import { pointsFramework } from "./points-framework.ts";
import { maxOf, readRow, STAGES, type Located, type ReadState } from "./assessment-rows.ts";

export { ASSESSMENT_COLUMNS, type AssessmentItem, type AssessmentOptions, type AssessmentResult, type AssessmentStage, type AssessmentUnit, type StageTotal } from "./assessment-types.ts";
import { ASSESSMENT_COLUMNS, type AssessmentOptions, type AssessmentResult, type AssessmentStage, type AssessmentUnit, type StageTotal } from "./assessment-types.ts";


/**
 * Reads assessment rows in long shape — one row per unit and indicator (leaf id or name) with
 * `self`, `appraised`, `final` points, `evidence` and an optional `note` (Vietnamese headers
 * such as "Tự đánh giá", "Thẩm định", "Chính thức", "Minh chứng", "Ghi chú" are recognised) —
 * or in wide shape (one row per unit, columns `<indicator>.<stage>`: `awareness.self`,
 * `Nhận thức số.thẩm định`, `NTS (minh chứng)`) —
 * checks them, totals each stage through the framework (points / max points per indicator, then
 * the framework's weights; missing points count 0) and flags: points outside [0, max] or not a
 * number, unknown or repeated indicators (errors); points without evidence, self and appraised
 * differing beyond `tolerance`, final missing, final different from appraised without a note,
 * indicators without a row (warnings).
 *
 * Plain data; `assessment` from `dti/notebook` also renders it in a notebook as its {@link assessmentToMarkdown}.
 *
 * @example
 * ```ts
 * const r = assessment(getFramework("vn-dti-2022-province"), [
 *   { unit: "Huế", indicator: "awareness", self: 95, appraised: 90, final: 90, evidence: "QĐ 12/2023" },
 * ]);
 * r.items[0].flags; // => ["ASSESSMENT_SELF_APPRAISED_DIFFER"]
 * ```
 */
export function assessment(framework: Framework | FrameworkDefinition, data: RawTable | readonly unknown[], options: AssessmentOptions = {}): AssessmentResult {
  const fw = ensureFramework(framework);
  const table = assessmentTable(data, options);
  const issues: Issue[] = [...table.issues];
  const col = locateColumns(table, options, issues);
  const read: ReadState = { fw, table, options, issues, ...indicatorIndex(fw), tolerance: dec(options.tolerance ?? 0), items: [], seen: new Map(), unitOrder: [], unitName: new Map() };
  if (col !== undefined) for (const row of table.rows) readRow(read, col, row);
  const scored = [...read.leaves.values()].filter((l) => maxOf(l) > 0 && (l.maxPoints === undefined || l.maxPoints > 0));
  flagMissingIndicators(read, scored);
  const results = scoreStages(fw, read);
  const units = read.unitOrder.map((uKey) => unitTotals(read, uKey, scored, results, fw.root.maxPoints ?? null));
  return { ok: !issues.some((i) => i.severity === "error"), units, items: read.items, issues, results };
}

/** The data as a table in long shape (wide data, one row per unit, is turned long). */
function assessmentTable(data: RawTable | readonly unknown[], options: AssessmentOptions): RawTable {
  const given: RawTable = Array.isArray(data) ? tableFromRecords(data) : (data as RawTable);
  const isLong = given.columns.some((c) => (ASSESSMENT_COLUMNS.indicator as readonly string[]).includes(normalizeKey(c)) || normalizeKey(c) === normalizeKey(options.columns?.indicator ?? "\u0000"));
  return isLong ? given : (wideAssessment(given) ?? given);
}

/** The framework's indicators by id, and by every name they go by. */
function indicatorIndex(fw: Framework): Pick<ReadState, "leaves" | "byName"> {
  const leaves = new Map<string, IndicatorNode>();
  const byName = new Map<string, IndicatorNode>();
  collectLeaves(fw.root, (leaf) => {
    leaves.set(leaf.id, leaf);
    for (const alias of [leaf.id, leaf.name.vi, leaf.name.en, leaf.short]) if (alias !== undefined) byName.set(normalizeKey(alias), leaf);
  });
  return { leaves, byName };
}

/** Warns of each scored indicator a unit has no row for (it counts 0). */
function flagMissingIndicators(read: ReadState, scored: readonly IndicatorNode[]): void {
  for (const uKey of read.unitOrder) {
    for (const leaf of scored) {
      if (!read.seen.has(`${uKey}\u0000${leaf.id}`)) {
        read.issues.push(warning("ASSESSMENT_MISSING_INDICATOR", `unit ${showValue(read.unitName.get(uKey))} has no row for ${showValue(leaf.id)} (${leaf.name.vi}); it counts 0`, { unit: read.unitName.get(uKey) as string, node: leaf.id }));
      }
    }
  }
}

/** Each stage's points scored through the framework (null without units). */
function scoreStages(fw: Framework, read: ReadState): Record<AssessmentStage, ScoreResult | null> {
  const pf = pointsFramework(fw);
  const results = {} as Record<AssessmentStage, ScoreResult | null>;
  for (const stage of STAGES) {
    const records = read.unitOrder.map((uKey) => {
      const rec: Record<string, string | number> = { unit: read.unitName.get(uKey) as string };
      for (const item of read.items) if (normalizeKey(item.unit) === uKey && item[stage] !== null) rec[item.node] = item[stage] as number;
      return rec;
    });
    results[stage] = records.length === 0 ? null : score(pf, records, { missing: "zero", unknownColumns: "warn" });
  }
  return results;
}

/** A unit's three totals and how many of its items are flagged. */
function unitTotals(read: ReadState, uKey: string, scored: readonly IndicatorNode[], results: Record<AssessmentStage, ScoreResult | null>, rootPoints: number | null): AssessmentUnit {
  const mine = read.items.filter((i) => normalizeKey(i.unit) === uKey);
  const total = (stage: AssessmentStage): StageTotal => {
    const u = results[stage]?.units.find((x) => normalizeKey(x.unit) === uKey);
    const missing = scored.filter((leaf) => mine.find((i) => i.node === leaf.id)?.[stage] == null).length;
    return {
      score: u?.score ?? null,
      value: u?.value ?? null,
      points: u?.score == null || rootPoints === null ? null : dec(u.score).times(rootPoints).toNumber(),
      rank: u?.rank ?? null,
      missing,
    };
  };
  return { unit: read.unitName.get(uKey) as string, self: total("self"), appraised: total("appraised"), final: total("final"), flagged: mine.filter((i) => i.flags.length > 0).length };
}

function collectLeaves(node: FrameworkNode, visit: (leaf: IndicatorNode) => void): void {
  if (node.rule !== undefined) visit(node);
  else node.children.forEach((c) => collectLeaves(c, visit));
}

function locateColumns(table: RawTable, options: AssessmentOptions, issues: Issue[]): Located | undefined {
  const headers = table.columns.map(normalizeKey);
  const find = (role: keyof typeof ASSESSMENT_COLUMNS): number | undefined => {
    const named = options.columns?.[role];
    const names = named !== undefined ? [named] : ASSESSMENT_COLUMNS[role];
    for (const n of names) {
      const i = headers.indexOf(normalizeKey(n));
      if (i >= 0) return i;
    }
    return undefined;
  };
  const unit = find("unit");
  const indicator = find("indicator");
  if (unit === undefined) issues.push(error("DATA_NO_UNIT_COLUMN", `no unit column (one of: ${ASSESSMENT_COLUMNS.unit.slice(0, 6).join(", ")} …)`));
  if (indicator === undefined) issues.push(error("DATA_MISSING_COLUMN", `no indicator column (one of: ${ASSESSMENT_COLUMNS.indicator.join(", ")})`));
  if (unit === undefined || indicator === undefined) return undefined;
  const located: Located = { unit, indicator };
  for (const role of ["self", "appraised", "final", "evidence", "note"] as const) {
    const i = find(role);
    if (i !== undefined) located[role] = i;
  }
  if (located.self === undefined && located.appraised === undefined && located.final === undefined) {
    issues.push(error("DATA_MISSING_COLUMN", "no points column: give at least one of self, appraised, final (tự đánh giá, thẩm định, chính thức)"));
  }
  return located;
}
