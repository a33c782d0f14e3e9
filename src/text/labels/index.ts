/**
 * The label catalogs by language: one function per section of the outputs gives that section's
 * labels in a language (Vietnamese by default). Each section is its own export of the catalogs,
 * so a bundle carries only the sections its renderers use.
 *
 * @module
 */
import type { Language } from "../language.ts";
import * as en from "./en.ts";
import * as vi from "./vi.ts";

/** The labels of every section, as the Vietnamese catalog defines them. */
export type Catalog = typeof vi;

/** A section's labels in a language: Vietnamese unless English is asked for. */
function section<T>(inVi: T, inEn: T): (language?: Language) => T {
  return (language) => (language === "en" ? inEn : inVi);
}

export const rankingLabels = /* @__PURE__ */ section(vi.ranking, en.ranking);
export const explainLabels = /* @__PURE__ */ section(vi.explain, en.explain);
export const summaryLabels = /* @__PURE__ */ section(vi.summary, en.summary);
export const whatIfLabels = /* @__PURE__ */ section(vi.whatIf, en.whatIf);
export const prioritiesLabels = /* @__PURE__ */ section(vi.priorities, en.priorities);
export const planLabels = /* @__PURE__ */ section(vi.plan, en.plan);
export const yearsLabels = /* @__PURE__ */ section(vi.years, en.years);
export const bandsLabels = /* @__PURE__ */ section(vi.bands, en.bands);
export const assessmentLabels = /* @__PURE__ */ section(vi.assessment, en.assessment);
export const uncertaintyLabels = /* @__PURE__ */ section(vi.uncertainty, en.uncertainty);
export const rankingChartLabels = /* @__PURE__ */ section(vi.rankingChart, en.rankingChart);
export const radarChartLabels = /* @__PURE__ */ section(vi.radarChart, en.radarChart);
export const comparisonChartLabels = /* @__PURE__ */ section(vi.comparisonChart, en.comparisonChart);
export const displayLabels = /* @__PURE__ */ section(vi.display, en.display);
