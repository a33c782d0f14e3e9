/**
 * The `dti/analysis` sub-path: analysis of a scored result. Explain a unit (contributions in
 * points and shares, gaps, strengths, a vi/en summary), what-if re-scoring through the real
 * pipeline, improvement priorities, the least improvement to reach a rank or a score, year-over-
 * year changes, maturity bands, the self-assessed / appraised / final assessment workflow, and
 * the uncertainty of the ranking (Monte Carlo), each with a Markdown renderer. Results are plain
 * data (`dti/notebook` has the same functions with notebook displays). A separate entry so that
 * the core bundle does not carry it.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * import { explain, planImprovements } from "dti/analysis";
 *
 * const fw = getFramework("vn-dti-2022-province");
 * const result = score(fw, rows);
 * explain(fw, result, "TP. Đà Nẵng").summary.vi;
 * planImprovements(fw, rows, "TP. Hồ Chí Minh", { toRank: 1 }).result.after.rank; // => 1
 * ```
 *
 * @module dti/analysis
 */

export { explain } from "./analysis/explain.ts";
export type { ExplainOptions, Explanation, Gap, NodeExplanation } from "./analysis/explain.ts";
export { explainDocument, explainToMarkdown } from "./analysis/explain-markdown.ts";
export { whatIf } from "./analysis/what-if.ts";
export type { NodeChange, Standing, WhatIfResult } from "./analysis/what-if.ts";
export type { ScenarioOptions } from "./analysis/scenario.ts";
export type { CandidateOptions } from "./analysis/leaf-candidates.ts";
export { improvementPriorities } from "./analysis/priorities.ts";
export type { Priority, PriorityOptions } from "./analysis/priorities.ts";
export { planImprovements } from "./analysis/plan-improvements.ts";
export type { ExactPlan, PlanOptions, PlannedChange, PlanResult } from "./analysis/plan-improvements.ts";
export { planDocument, planToMarkdown, prioritiesDocument, prioritiesToMarkdown, whatIfDocument, whatIfToMarkdown } from "./analysis/what-if-markdown.ts";
export type { PrioritiesOptions, WhatIfMarkdownOptions } from "./analysis/what-if-markdown.ts";
export { compareYears } from "./analysis/compare-years.ts";
export type { CompareYearsOptions, NodeYearChange, UnitInOneYear, UnitYearChange, YearComparison } from "./analysis/compare-years.ts";
export { yearsDocument, yearsToMarkdown } from "./analysis/years-markdown.ts";
export type { YearsOptions } from "./analysis/years-markdown.ts";
export { BAND_PRESETS, DTI_2020_MAP_BANDS, EGDI_BANDS, HCMC_79_2023_DEPARTMENT_BANDS, defineBands, getBands } from "./analysis/bands.ts";
export type { Band, BandSet } from "./analysis/bands.ts";
export { bandOf } from "./analysis/band-of.ts";
export { applyBands } from "./analysis/apply-bands.ts";
export { bandRange, bandsDocument, bandsToMarkdown } from "./analysis/bands-markdown.ts";
export type { ApplyBandsOptions, BandCount, BandsResult, UnitBand } from "./analysis/apply-bands.ts";
export { ASSESSMENT_COLUMNS } from "./analysis/assessment.ts";
export { assessment } from "./analysis/assessment.ts";
export type { AssessmentItem, AssessmentOptions, AssessmentResult, AssessmentStage, AssessmentUnit, StageTotal } from "./analysis/assessment.ts";
export { assessmentDocument, assessmentToMarkdown } from "./analysis/assessment-markdown.ts";
export type { Language } from "./text/language.ts";

// Uncertainty and sensitivity of the ranking: Monte Carlo over weights, normalisation and
// aggregation (typed arrays), with a seeded generator so that a run can be repeated.
export { MAX_UNCERTAINTY_RUNS, MAX_UNCERTAINTY_UNITS, uncertainty } from "./uncertainty/uncertainty.ts";
export { uncertaintyDocument, uncertaintyToMarkdown } from "./uncertainty/to-markdown.ts";
export type { UncertaintyMarkdownOptions } from "./uncertainty/to-markdown.ts";
export { createRandom } from "./uncertainty/prng.ts";
export type { Random } from "./uncertainty/prng.ts";
export type {
  AggregationChoice,
  NormalisationChoice,
  SensitivityIndex,
  UncertainInput,
  UncertaintyOptions,
  UncertaintyResult,
  UnitUncertainty,
  WeightBound,
  WeightUncertainty,
} from "./uncertainty/types.ts";
