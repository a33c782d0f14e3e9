/**
 * The analyses of `dti/analysis` as `dti/notebook` exports them: each computation's plain result
 * with a notebook display that renders its document (Markdown and HTML). The computations
 * (src/analysis/) return data and never import a renderer; the renderers (src/analysis/*-markdown.ts)
 * build documents from that data; this module joins the two, so neither imports the other.
 *
 * @module
 */
import { applyBands as bandsOf, type ApplyBandsOptions, type BandsResult } from "../analysis/apply-bands.ts";
import { assessment as assess, type AssessmentOptions, type AssessmentResult } from "../analysis/assessment.ts";
import { assessmentDocument } from "../analysis/assessment-markdown.ts";
import type { BandSet } from "../analysis/bands.ts";
import { bandsDocument } from "../analysis/bands-markdown.ts";
import { compareYears as yearChanges, type CompareYearsOptions, type YearComparison } from "../analysis/compare-years.ts";
import { explain as explainUnit, type ExplainOptions, type Explanation } from "../analysis/explain.ts";
import { explainDocument } from "../analysis/explain-markdown.ts";
import { planImprovements as plan, type PlanOptions, type PlanResult } from "../analysis/plan-improvements.ts";
import { improvementPriorities as priorities, type Priority, type PriorityOptions } from "../analysis/priorities.ts";
import type { ScenarioOptions } from "../analysis/scenario.ts";
import { whatIf as rescoreWith, type WhatIfResult } from "../analysis/what-if.ts";
import { planDocument, prioritiesDocument, whatIfDocument } from "../analysis/what-if-markdown.ts";
import { yearsDocument } from "../analysis/years-markdown.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import type { RawTable } from "../input/table.ts";
import type { ScoreInput, ScoreResult } from "../pipeline/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { withDocumentDisplay } from "./document-bundle.ts";
import type { Displayable } from "./mime-bundle.ts";

/**
 * `explain` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`explainDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, explain } from "dti/notebook";
 * const ex = explain(getFramework("vn-dti-2022-province"), result, "TP. Đà Nẵng");
 * ex[JUPYTER_DISPLAY]()["text/markdown"] === explainToMarkdown(ex); // => true
 * ```
 */
export function explain(framework: Framework | FrameworkDefinition, result: ScoreResult, unit: string, options: ExplainOptions = {}): Explanation & Displayable {
  return withDocumentDisplay(explainUnit(framework, result, unit, options), (ex) => explainDocument(ex));
}

/**
 * `whatIf` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`whatIfDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, whatIf } from "dti/notebook";
 * const r = whatIf(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 });
 * r[JUPYTER_DISPLAY]()["text/markdown"] === whatIfToMarkdown(r); // => true
 * ```
 */
export function whatIf(
  framework: Framework | FrameworkDefinition,
  data: ScoreInput,
  unit: string,
  set: Readonly<Record<string, RawValue>>,
  options: ScenarioOptions = {},
): WhatIfResult & Displayable {
  return withDocumentDisplay(rescoreWith(framework, data, unit, set, options), (r) => whatIfDocument(r));
}

/**
 * `improvementPriorities` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`prioritiesDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, improvementPriorities } from "dti/notebook";
 * const p = improvementPriorities(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh");
 * p[JUPYTER_DISPLAY]()["text/markdown"] === prioritiesToMarkdown(p); // => true
 * ```
 */
export function improvementPriorities(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PriorityOptions = {}): Priority[] & Displayable {
  return withDocumentDisplay(priorities(framework, data, unit, options), (list) => prioritiesDocument(list));
}

/**
 * `planImprovements` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`planDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, planImprovements } from "dti/notebook";
 * const plan = planImprovements(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { toRank: 1 });
 * plan[JUPYTER_DISPLAY]()["text/markdown"] === planToMarkdown(plan); // => true
 * ```
 */
export function planImprovements(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PlanOptions): PlanResult & Displayable {
  return withDocumentDisplay(plan(framework, data, unit, options), (p) => planDocument(p));
}

/**
 * `compareYears` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`yearsDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, compareYears } from "dti/notebook";
 * const cmp = compareYears(twoYears, { from: 2022, to: 2023 });
 * cmp[JUPYTER_DISPLAY]()["text/markdown"] === yearsToMarkdown(cmp); // => true
 * ```
 */
export function compareYears(result: ScoreResult, options: CompareYearsOptions): YearComparison & Displayable {
  return withDocumentDisplay(yearChanges(result, options), (c) => yearsDocument(c));
}

/**
 * `applyBands` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`bandsDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, applyBands } from "dti/notebook";
 * const banded = applyBands(result, getBands("egdi"));
 * banded[JUPYTER_DISPLAY]()["text/markdown"] === bandsToMarkdown(banded, getBands("egdi")); // => true
 * ```
 */
export function applyBands(result: ScoreResult, set: BandSet, options: ApplyBandsOptions = {}): BandsResult & Displayable {
  return withDocumentDisplay(bandsOf(result, set, options), (b) => bandsDocument(b, set));
}

/**
 * `assessment` of `dti/analysis` with a notebook display: in a Deno notebook the result renders as
 * its document
 * (`assessmentDocument`, as Markdown and HTML). The display method is not enumerable, so JSON
 * and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, assessment } from "dti/notebook";
 * const r = assessment(getFramework("vn-dti-2022-province"), [
 *   { unit: "Huế", indicator: "awareness", self: 95, appraised: 90, final: 90, evidence: "QĐ 12/2023" },
 * ]);
 * r[JUPYTER_DISPLAY]()["text/markdown"] === assessmentToMarkdown(r); // => true
 * ```
 */
export function assessment(framework: Framework | FrameworkDefinition, data: RawTable | readonly unknown[], options: AssessmentOptions = {}): AssessmentResult & Displayable {
  return withDocumentDisplay(assess(framework, data, options), (a) => assessmentDocument(a));
}
