/**
 * dti: digital-transformation maturity indices and rankings (Vietnam's DTI and any custom
 * framework). A framework is data; unit data is validated cell by cell; scores are exact decimals
 * published half-up; ranks share ties ("1224").
 *
 * CSV parsing lives in the `dti/csv` sub-path so that this entry carries no CSV parser, and the
 * notebook displays in `dti/notebook`: results from here are plain data.
 *
 * @example
 * ```ts
 * import { getFramework, score, toMarkdown } from "dti";
 *
 * const result = score(getFramework("vn-dti-2022-province"), [
 *   { unit: "TP. Đà Nẵng", awareness: 1, institutions: 0.9, infrastructure: 0.8253, "human-resources": 0.8487,
 *     cybersecurity: 0.7578, "digital-government": 0.8575, "digital-economy": 0.7836, "digital-society": 0.5197 },
 * ]);
 * result.units[0].value; // => "0.8002"
 * console.log(toMarkdown(result));
 * ```
 *
 * @module dti
 */

// Errors: every problem is an Issue with a code and a location; stages throw one DtiError.
export { DtiError, formatIssue, isDtiError } from "./errors.ts";
export type { AnalysisIssueCode, DataIssueCode, FrameworkIssueCode, Issue, IssueCode, OptionHint, Severity, UsageIssueCode } from "./errors.ts";

// Frameworks: definitions, validation, built-ins.
export type {
  AdjustedRange,
  Adjustment,
  Aggregation,
  BooleanAliases,
  BooleanRule,
  CategoricalRule,
  Category,
  Confidence,
  Direction,
  Framework,
  FrameworkDefinition,
  FrameworkNode,
  FrameworkSource,
  GoalpostsRule,
  GroupNode,
  IndicatorNode,
  LadderRule,
  LadderStep,
  LocalizedName,
  OutOfRange,
  PointsRule,
  RatioRule,
  ScoringRule,
  ScoringRuleType,
  TargetRule,
  Uncertainty,
  ValueRule,
  View,
  ViewTerm,
} from "./framework/types.ts";
export { defineFramework, parseFramework, validateFramework, MAX_FRAMEWORK_DEPTH } from "./framework/validate-framework.ts";
export type { FrameworkValidation } from "./framework/validate-framework.ts";
export { attachSubtree } from "./framework/attach-subtree.ts";
export { builtinFrameworks, getFramework, listFrameworks } from "./framework/builtin/index.ts";
export { frameworkJsonSchema } from "./framework/json-schema.ts";
export { inputKeys } from "./framework/input-keys.ts";
export { totalPoints } from "./framework/total-points.ts";
export { parseRuleText, ruleToText, RuleTextError } from "./framework/rule-text.ts";
export { CRITERIA_COLUMNS, FRAMEWORK_KEYS, frameworkFromTable, frameworkToTable } from "./framework/framework-table.ts";
export type { FrameworkTableResult } from "./framework/framework-table.ts";
export { resolveWeights } from "./framework/resolve-weights.ts";
export type { ResolvedWeights, WeightSource } from "./framework/resolve-weights.ts";

// Input: raw tables, column matching, units.
export { tableFromRecords } from "./input/table.ts";
export type { RawCell, RawRow, RawTable } from "./input/table.ts";
export { resolveColumns, ROLE_ALIASES } from "./input/resolve-columns.ts";
export type { ColumnNames, ColumnPlan, ColumnRole, ResolveOptions } from "./input/resolve-columns.ts";
export { readUnits, sheetTable } from "./input/read-units.ts";
export { frameworkColumns } from "./input/framework-columns.ts";
export type { FrameworkColumn } from "./input/framework-columns.ts";
export { isSummaryName, summaryRows } from "./input/summary-rows.ts";
export { findHeaderRow } from "./input/find-header-row.ts";
export { dropBlankColumns } from "./input/blank-columns.ts";
export { stackTables } from "./input/stack-tables.ts";
export type { NamedTable, StackedTables } from "./input/stack-tables.ts";
export type { CellRef, ReadResult, UnitInput } from "./input/read-units.ts";
export { readMergeTable } from "./input/read-merge-map.ts";

// Scoring and ranking.
export { score, validate } from "./pipeline/score.ts";
export type { NodeInfo, NodeResult, ScoreInput, ScoreOptions, ScoreResult, UnitResult, ValidationReport } from "./pipeline/types.ts";
export type { UnrankedOption } from "./rank/unranked.ts";
export type { MergeEntry, MergeMapping } from "./score/merge-units.ts";
export type { MissingPolicy } from "./score/score-leaves.ts";
export { rankValues } from "./rank/rank.ts";
export type { RankMethod } from "./rank/rank.ts";

// Reports: each format a pure function.
export { toJSON } from "./report/to-json.ts";
export { toCSV } from "./report/to-csv.ts";
export type { CsvReportOptions } from "./report/to-csv.ts";
export { rankingColumns } from "./report/ranking-columns.ts";
export type { RankingCellKind, RankingColumn, RankingColumnOptions } from "./report/ranking-columns.ts";
export { pointsText } from "./report/points.ts";
export { rowsToCsv } from "./report/rows-to-csv.ts";
export { toMarkdown } from "./report/to-markdown.ts";
export { csvCell, escapeXml, markdownCell, markdownText } from "./report/escape.ts";
export type { MarkdownOptions } from "./report/to-markdown.ts";
export { columnLabel, reportColumns } from "./report/columns.ts";
export type { ColumnOptions, Language } from "./report/columns.ts";

// Numbers and text.
export { roundHalfUp } from "./number/round-half-up.ts";
export { parseNumber } from "./number/parse-number.ts";
export type { ParseNumberOptions } from "./number/parse-number.ts";
export { normalizeKey } from "./text/normalize-key.ts";
export { compareVi } from "./text/collator.ts";

// Methods: normalisation across units, imputation, node aggregations; uncertainty and
// sensitivity of the ranking (Monte Carlo over weights, normalisation, aggregation; typed arrays).
export type { NormaliseMethod, NormaliseRule, Weighting } from "./framework/types.ts";
export { normaliseColumn } from "./methods/normalise/normalise-column.ts";
export type { NormalisedColumn } from "./methods/normalise/normalise-column.ts";
export { IMPUTE_METHODS, makeImputer } from "./methods/impute/imputer.ts";
export type { ImputeMethod } from "./methods/impute/imputer.ts";
export type { ImputedCell } from "./pipeline/types.ts";
export { MAX_UNCERTAINTY_RUNS, MAX_UNCERTAINTY_UNITS, uncertainty } from "./uncertainty/uncertainty.ts";
export { uncertaintyToMarkdown } from "./uncertainty/to-markdown.ts";
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

// Analysis of a scored result (explain, what-if, priorities, plans, years, bands,
// assessment) lives in the `dti/analysis` sub-path (src/analysis.ts), so that the core bundle
// stays small (the analysis code is about 14 KB gzip).
// Scale: streaming scoring (the same plan and evaluator as score(), exact published values), and
// typed-array ranking. The CSV stream reader is in the `dti/csv` sub-path (readCsvStream).
export { scoreStream } from "./stream/score-stream.ts";
export type { ScoreStream, StreamOptions, StreamRow, StreamSummary, StreamUnitResult } from "./stream/score-stream.ts";
export { createIssueLog } from "./stream/issue-log.ts";
export type { IssueLog } from "./stream/issue-log.ts";
export { createRankStore } from "./rank/rank-store.ts";
export type { NodeRanks, RankStore } from "./rank/rank-store.ts";
export { formatScaled, publishedScaled } from "./number/publish-float.ts";
export type { StreamNodes } from "./stream/score-stream.ts";

// Reports and charts: HTML table, locale number formatting, SVG charts, Vega-Lite specs.
export { toHTML } from "./report/to-html.ts";
export type { HtmlTableOptions } from "./report/to-html.ts";
export { defaultLocale, formatValue, localeSeparators, MISSING, valueFormatter } from "./report/format-number.ts";
export type { ValueFormatter } from "./report/format-number.ts";
export { mainIndicators } from "./report/main-indicators.ts";
export { averageValue, findUnit, latestYear, leaderOf } from "./report/unit-stats.ts";
export type { ChartOptions } from "./report/chart/options.ts";
export { rankingBarChart } from "./report/chart/ranking-bar.ts";
export type { RankingBarOptions } from "./report/chart/ranking-bar.ts";
export { radarChart, radarData } from "./report/chart/radar.ts";
export type { RadarOptions, RadarSeries } from "./report/chart/radar.ts";
export { comparisonRows, sortComparison } from "./report/comparison.ts";
export type { Comparison, ComparisonOptions, ComparisonRow, ComparisonSort } from "./report/comparison.ts";
export { comparisonChart } from "./report/chart/comparison.ts";
export type { ComparisonChartOptions } from "./report/chart/comparison.ts";
export { rankingBarSpec } from "./report/vega/ranking-bar.ts";
export { radarSpec } from "./report/vega/radar.ts";
export { comparisonSpec } from "./report/vega/comparison.ts";
export type { VegaLiteSpec } from "./report/vega/common.ts";
export { unitStrengths } from "./report/strengths.ts";
export type { IndicatorGap, StrengthOptions, UnitStrengths } from "./report/strengths.ts";
export { toHTMLReport } from "./report/html-report/to-html-report.ts";
export type { HtmlReportOptions, ReportFrameworkInfo } from "./report/html-report/to-html-report.ts";
export type { ReportDocument } from "./report/html-report/document-header.ts";
export type { AppendixFramework } from "./report/html-report/appendix.ts";
export { ruleText, viewText } from "./report/rule-text.ts";
export { rankGaps } from "./report/rank-gap.ts";
export type { RankGaps, RankNeighbour } from "./report/rank-gap.ts";

// The HTML report's optional bands, robustness and levers (plain data; the CLI computes them), and
// the extra-column hook of the ranking table.
export type { ReportBands, ReportLever } from "./report/html-report/extras.ts";
export type { HtmlExtraColumn } from "./report/to-html.ts";

// Robustness: option checking, values in messages. Formula indicators live in the
// `dti/formula` sub-path (mathjs), CSV limits in `dti/csv`; see docs/reliability.md.
export { checkOptions } from "./pipeline/check-options.ts";
export { showValue } from "./errors.ts";
export type { FormulaIssueCode } from "./errors.ts";

export { VERSION } from "./version.ts";
