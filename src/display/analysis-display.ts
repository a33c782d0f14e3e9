/**
 * The analyses of `dti/analysis` as they are exported: each computation's plain result with a
 * notebook display that renders its Markdown. The computations (src/analysis/) return data and
 * never import a renderer; the renderers (src/analysis/*-markdown.ts) read that data; this module
 * joins the two, so neither imports the other.
 *
 * @module
 */
import { applyBands as bandsOf, type ApplyBandsOptions, type BandsResult } from "../analysis/apply-bands.ts";
import { assessment as assess, type AssessmentOptions, type AssessmentResult } from "../analysis/assessment.ts";
import { assessmentToMarkdown } from "../analysis/assessment-markdown.ts";
import type { BandSet } from "../analysis/bands.ts";
import { bandsToMarkdown } from "../analysis/bands-markdown.ts";
import { compareYears as yearChanges, type CompareYearsOptions, type YearComparison } from "../analysis/compare-years.ts";
import { explain as explainUnit, type ExplainOptions, type Explanation } from "../analysis/explain.ts";
import { explainToMarkdown } from "../analysis/explain-markdown.ts";
import { planImprovements as plan, type PlanOptions, type PlanResult } from "../analysis/plan-improvements.ts";
import { improvementPriorities as priorities, type Priority, type PriorityOptions } from "../analysis/priorities.ts";
import type { ScenarioOptions } from "../analysis/scenario.ts";
import { whatIf as rescoreWith, type WhatIfResult } from "../analysis/what-if.ts";
import { planToMarkdown, prioritiesToMarkdown, whatIfToMarkdown } from "../analysis/what-if-markdown.ts";
import { yearsToMarkdown } from "../analysis/years-markdown.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import type { RawTable } from "../input/table.ts";
import type { ScoreInput, ScoreResult } from "../pipeline/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { withMarkdownDisplay } from "./markdown-bundle.ts";

/**
 * Explains one unit of a scored result. Contributions use each node's effective share of the
 * index (the product of its normalised weights from the root; `reweight` leaves missing nodes
 * out as scoring does), so for an arithmetic index they add up to the unit's score exactly.
 *
 * In a Deno notebook the explanation renders as its Markdown ({@link explainToMarkdown}); the
 * display method is not enumerable, so JSON and spreading are unchanged.
 *
 * @example
 * ```ts
 * const fw = getFramework("vn-dti-2022-province");
 * const result = score(fw, rows);
 * const ex = explain(fw, result, "TP. Đà Nẵng", { target: 0.85 });
 * ex.points; // => 800.175
 * ex.nodes.find((n) => n.id === "awareness")?.points; // => 100
 * ex.summary.vi; // => "TP. Đà Nẵng xếp hạng 1/5 với DTI 0,8002. …"
 * ```
 */
export function explain(framework: Framework | FrameworkDefinition, result: ScoreResult, unit: string, options: ExplainOptions = {}): Explanation {
  return withMarkdownDisplay(explainUnit(framework, result, unit, options), (ex) => explainToMarkdown(ex));
}

/**
 * Sets some of a unit's raw inputs (`set`: indicator id, name or input key → new raw value, as it
 * would be written in the data: "0,95", 18, "Bí thư/Chủ tịch"), scores the whole data set again
 * with `score()` (so every rule, ladder, category and ratio applies exactly as in scoring, and a
 * value above its maximum is the usual `DATA_OUT_OF_RANGE` error) and reports the new value and
 * rank, the other units unchanged.
 *
 * In a Deno notebook the result renders as its Markdown ({@link whatIfToMarkdown}).
 *
 * @example
 * ```ts
 * const r = whatIf(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 });
 * r.after.value; // => "0.7375"   (0.716355 + 0.15 × (0.5 − 0.359) = 0.737505 → half-up)
 * r.delta.value; // => "+0.0211"  (0.7375 − 0.7164)
 * ```
 */
export function whatIf(
  framework: Framework | FrameworkDefinition,
  data: ScoreInput,
  unit: string,
  set: Readonly<Record<string, RawValue>>,
  options: ScenarioOptions = {},
): WhatIfResult {
  return withMarkdownDisplay(rescoreWith(framework, data, unit, set, options), (r) => whatIfToMarkdown(r));
}

/**
 * Ranks a unit's indicators by index gain per unit of improvement: each is raised by one step
 * (continuous rules: `step` of its range, 0.01 by default; ladders, categories and yes/no: the
 * next better level), capped at its maximum, and the unit is re-scored through `score()`. Sorted
 * by `gainPerHundredth` (largest first), indicators already at their maximum last.
 *
 * In a Deno notebook the list renders as its Markdown ({@link prioritiesToMarkdown}).
 *
 * @example
 * ```ts
 * const p = improvementPriorities(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh");
 * p[0].id; // => "digital-government"   (200 of 1000 points: +0.002 per +0.01)
 * ```
 */
export function improvementPriorities(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PriorityOptions = {}): Priority[] {
  return withMarkdownDisplay(priorities(framework, data, unit, options), (list) => prioritiesToMarkdown(list));
}

/**
 * Finds a small set of improvements that lifts a unit to rank `toRank` (or better) or to the
 * published value `toScore` (or more). See {@link PlanResult.algorithm} for the method and its
 * limits. For an additive index the exact minimum total improvement is also given: fill the
 * indicators with the largest share of the index per cost first (a fractional knapsack).
 *
 * In a Deno notebook the plan renders as its Markdown ({@link planToMarkdown}).
 *
 * @example
 * ```ts
 * const plan = planImprovements(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { toRank: 1 });
 * plan.result.after.rank; // => 1
 * plan.exact?.total; // => 0.5055
 * ```
 */
export function planImprovements(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PlanOptions): PlanResult {
  return withMarkdownDisplay(plan(framework, data, unit, options), (p) => planToMarkdown(p));
}

/**
 * Compares two years of a result scored with a year column: for every unit in both years the
 * change of the published index value (exact decimal difference, e.g. "+0.0123") and of its rank,
 * the same for every node and view, the units new in `to` or gone since `from`, and the
 * most-improved lists. Units are matched by name (NFC, case-insensitive), then by code.
 *
 * In a Deno notebook the comparison renders as its Markdown ({@link yearsToMarkdown}).
 *
 * @example
 * ```ts
 * const result = score(getFramework("vn-dti-2022-province"), table, { columns: { year: "year" } });
 * const cmp = compareYears(result, { from: 2022, to: 2023 });
 * cmp.mostImproved[0]; // => "…"
 * ```
 */
export function compareYears(result: ScoreResult, options: CompareYearsOptions): YearComparison {
  return withMarkdownDisplay(yearChanges(result, options), (c) => yearsToMarkdown(c));
}

/**
 * Reads every unit's band from its published index value (and, with `nodes`, each node's),
 * in the result's order, with counts per band.
 *
 * In a Deno notebook the bands render as their Markdown ({@link bandsToMarkdown}).
 *
 * @example
 * ```ts
 * const banded = applyBands(result, getBands("egdi"));
 * banded.units[0]; // => { unit: "TP. Đà Nẵng", value: "0.8002", band: "very-high", label: { vi: "Rất cao", en: "Very High" } }
 * ```
 */
export function applyBands(result: ScoreResult, set: BandSet, options: ApplyBandsOptions = {}): BandsResult {
  return withMarkdownDisplay(bandsOf(result, set, options), (b) => bandsToMarkdown(b, set));
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
 * In a Deno notebook the assessment renders as its Markdown ({@link assessmentToMarkdown}).
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
  return withMarkdownDisplay(assess(framework, data, options), (a) => assessmentToMarkdown(a));
}
