/**
 * The assessment workflow that comes before an official score: for each unit and indicator, the
 * self-assessed, appraised and final points with an evidence reference; validated, totalled
 * through the framework, and every difference flagged.
 *
 * @module
 */
import { error, showValue, warning, type Issue, type IssueCode } from "../errors.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, FrameworkDefinition, FrameworkNode, IndicatorNode, LocalizedName } from "../framework/types.ts";
import { ROLE_ALIASES } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawCell, type RawTable } from "../input/table.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import { parseNumber } from "../number/parse-number.ts";
import { score } from "../pipeline/score.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { ensureFramework } from "./ensure-framework.ts";
import { wideAssessment } from "./assessment-wide.ts";
import { pointsFramework } from "./points-framework.ts";

/** The three stages of an assessment. */
export type AssessmentStage = "self" | "appraised" | "final";

/** Header names recognised for each column of assessment data (compared after NFC, case-insensitive). */
export const ASSESSMENT_COLUMNS = {
  unit: ROLE_ALIASES.unit,
  indicator: ["indicator", "sub-indicator", "node", "chỉ số", "chỉ số thành phần", "chỉ tiêu", "tiêu chí", "mã chỉ số"],
  self: ["self", "self-assessed", "self assessed", "tự đánh giá", "điểm tự đánh giá", "tự chấm", "điểm tự chấm"],
  appraised: ["appraised", "appraisal", "thẩm định", "điểm thẩm định"],
  final: ["final", "official", "chính thức", "điểm chính thức", "điểm cuối cùng", "kết quả"],
  evidence: ["evidence", "minh chứng", "tài liệu minh chứng", "tài liệu kiểm chứng", "văn bản minh chứng"],
  note: ["note", "notes", "ghi chú", "giải trình", "lý do"],
} as const;

/** One indicator of one unit, as read and checked. */
export interface AssessmentItem {
  readonly unit: string;
  /** Leaf id. */
  readonly node: string;
  readonly name: LocalizedName;
  /** Max points of the indicator. */
  readonly max: number;
  readonly self: number | null;
  readonly appraised: number | null;
  readonly final: number | null;
  readonly evidence: string | null;
  readonly note: string | null;
  /** Row of the input (CSV line, JSON record). */
  readonly row: number;
  /** Codes of the issues raised on this item. */
  readonly flags: readonly IssueCode[];
}

/** A unit's total at one stage. */
export interface StageTotal {
  readonly score: number | null;
  readonly value: string | null;
  /** Score × the index's max points (null when the index has no points). */
  readonly points: number | null;
  readonly rank: number | null;
  /** Scored indicators without points at this stage (counted as 0). */
  readonly missing: number;
}

/** A unit's three totals. */
export interface AssessmentUnit {
  readonly unit: string;
  readonly self: StageTotal;
  readonly appraised: StageTotal;
  readonly final: StageTotal;
  /** Items of the unit with at least one flag. */
  readonly flagged: number;
}

/** What {@link assessment} returns (JSON-serialisable). */
export interface AssessmentResult {
  /** No errors (warnings may remain). */
  readonly ok: boolean;
  readonly units: readonly AssessmentUnit[];
  readonly items: readonly AssessmentItem[];
  readonly issues: readonly Issue[];
  /** The three scored results (points converted to scores through the framework). */
  readonly results: { readonly self: ScoreResult | null; readonly appraised: ScoreResult | null; readonly final: ScoreResult | null };
}

/** Options of {@link assessment}. */
export interface AssessmentOptions {
  /** Self and appraised points may differ by this much without a flag. Default 0. */
  readonly tolerance?: number;
  /** Flag points above 0 given without evidence. Default true. */
  readonly requireEvidence?: boolean;
  /** Column names, overriding the recognised ones. */
  readonly columns?: { readonly [K in keyof typeof ASSESSMENT_COLUMNS]?: string };
}

const STAGES: readonly AssessmentStage[] = ["self", "appraised", "final"];

function text(cell: RawCell): string | null {
  if (cell === null || cell === undefined) return null;
  const t = String(cell).normalize("NFC").trim();
  return t === "" ? null : t;
}

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
  const given: RawTable = Array.isArray(data) ? tableFromRecords(data) : (data as RawTable);
  const isLong = given.columns.some((c) => (ASSESSMENT_COLUMNS.indicator as readonly string[]).includes(normalizeKey(c)) || normalizeKey(c) === normalizeKey(options.columns?.indicator ?? "\u0000"));
  const table = isLong ? given : (wideAssessment(given) ?? given);
  const issues: Issue[] = [...table.issues];
  const col = locateColumns(table, options, issues);
  const leaves = new Map<string, IndicatorNode>();
  const byName = new Map<string, IndicatorNode>();
  collectLeaves(fw.root, (leaf) => {
    leaves.set(leaf.id, leaf);
    for (const alias of [leaf.id, leaf.name.vi, leaf.name.en, leaf.short]) if (alias !== undefined) byName.set(normalizeKey(alias), leaf);
  });
  const maxOf = (leaf: IndicatorNode) => ruleMax(leaf) ?? leaf.maxPoints ?? 1;
  const tolerance = dec(options.tolerance ?? 0);
  const requireEvidence = options.requireEvidence ?? true;
  const items: AssessmentItem[] = [];
  const seen = new Map<string, number>();
  const unitOrder: string[] = [];
  const unitName = new Map<string, string>();
  if (col !== undefined) {
    for (const { line, cells } of table.rows) {
      const unit = text(cells[col.unit]);
      const where = { row: line, ...(unit !== null ? { unit } : {}) };
      if (unit === null) {
        issues.push(error("DATA_MISSING_UNIT", "the unit name is blank", { row: line }));
        continue;
      }
      const uKey = normalizeKey(unit);
      if (!unitName.has(uKey)) {
        unitName.set(uKey, unit);
        unitOrder.push(uKey);
      }
      const name = text(cells[col.indicator]);
      const leaf = name === null ? undefined : (leaves.get(name) ?? byName.get(normalizeKey(name)));
      if (leaf === undefined) {
        issues.push(error("ASSESSMENT_UNKNOWN_INDICATOR", name === null ? "the indicator is blank" : `${showValue(name)} is not an indicator (leaf) of framework ${showValue(fw.id)}`, where));
        continue;
      }
      const key = `${uKey}\u0000${leaf.id}`;
      if (seen.has(key)) {
        issues.push(error("ASSESSMENT_DUPLICATE", `unit ${showValue(unit)} already has a row for ${showValue(leaf.id)} (row ${seen.get(key)})`, { ...where, node: leaf.id }));
        continue;
      }
      seen.set(key, line);
      const max = maxOf(leaf);
      const flags: IssueCode[] = [];
      const flag = (issue: Issue) => {
        issues.push(issue);
        flags.push(issue.code);
      };
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
      const evidence = col.evidence === undefined ? null : text(cells[col.evidence]);
      const note = col.note === undefined ? null : text(cells[col.note]);
      const { self = null, appraised = null, final = null } = points;
      if (requireEvidence && evidence === null && [self, appraised, final].some((p) => p != null && p.greaterThan(0))) {
        flag(warning("ASSESSMENT_MISSING_EVIDENCE", `points are claimed for ${showValue(leaf.id)} without evidence`, { ...where, node: leaf.id }));
      }
      if (self !== null && appraised !== null && self.minus(appraised).abs().greaterThan(tolerance)) {
        flag(warning("ASSESSMENT_SELF_APPRAISED_DIFFER", `self-assessed ${self.toString()} and appraised ${appraised.toString()} differ by ${self.minus(appraised).abs().toString()} (tolerance ${tolerance.toString()})`, { ...where, node: leaf.id }));
      }
      if (final === null) flag(warning("ASSESSMENT_FINAL_MISSING", `no final points for ${showValue(leaf.id)}`, { ...where, node: leaf.id }));
      else if (appraised !== null && !final.equals(appraised) && note === null) {
        flag(warning("ASSESSMENT_FINAL_CHANGED", `final ${final.toString()} differs from appraised ${appraised.toString()} without a note`, { ...where, node: leaf.id }));
      }
      items.push({
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
  }
  const scored = [...leaves.values()].filter((l) => maxOf(l) > 0 && (l.maxPoints === undefined || l.maxPoints > 0));
  for (const uKey of unitOrder) {
    for (const leaf of scored) {
      if (!seen.has(`${uKey}\u0000${leaf.id}`)) {
        issues.push(warning("ASSESSMENT_MISSING_INDICATOR", `unit ${showValue(unitName.get(uKey))} has no row for ${showValue(leaf.id)} (${leaf.name.vi}); it counts 0`, { unit: unitName.get(uKey) as string, node: leaf.id }));
      }
    }
  }
  const pf = pointsFramework(fw);
  const results = {} as Record<AssessmentStage, ScoreResult | null>;
  for (const stage of STAGES) {
    const records = unitOrder.map((uKey) => {
      const rec: Record<string, string | number> = { unit: unitName.get(uKey) as string };
      for (const item of items) if (normalizeKey(item.unit) === uKey && item[stage] !== null) rec[item.node] = item[stage] as number;
      return rec;
    });
    results[stage] = records.length === 0 ? null : score(pf, records, { missing: "zero", unknownColumns: "warn" });
  }
  const rootPoints = fw.root.maxPoints ?? null;
  const units: AssessmentUnit[] = unitOrder.map((uKey) => {
    const name = unitName.get(uKey) as string;
    const mine = items.filter((i) => normalizeKey(i.unit) === uKey);
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
    return { unit: name, self: total("self"), appraised: total("appraised"), final: total("final"), flagged: mine.filter((i) => i.flags.length > 0).length };
  });
  return { ok: !issues.some((i) => i.severity === "error"), units, items, issues, results };
}

function collectLeaves(node: FrameworkNode, visit: (leaf: IndicatorNode) => void): void {
  if (node.rule !== undefined) visit(node);
  else node.children.forEach((c) => collectLeaves(c, visit));
}

type Located = { unit: number; indicator: number } & { [K in "self" | "appraised" | "final" | "evidence" | "note"]?: number };

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
