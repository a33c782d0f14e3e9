/**
 * dti: digital-transformation maturity indices and rankings (Vietnam's DTI and any custom
 * framework). A framework is data; unit data is validated cell by cell; scores are exact decimals
 * published half-up; ranks share ties ("1224").
 *
 * This entry is what every app needs: frameworks, reading unit data, validating, scoring and
 * ranking. Results are plain data; writing them out is `dti/report`, analysing them
 * `dti/analysis`, showing them in a notebook `dti/notebook`, reading CSV `dti/csv` and Excel
 * `dti/xlsx`, formula indicators `dti/formula`, scoring in a database `dti/sql`.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * import { toMarkdown } from "dti/report";
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
export type { AnalysisIssueCode, DataIssueCode, FormulaIssueCode, FrameworkIssueCode, Issue, IssueCode, OptionHint, ReportIssueCode, Severity, SqlIssueCode, UsageIssueCode } from "./errors.ts";

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
  NormaliseMethod,
  NormaliseRule,
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
  Weighting,
} from "./framework/types.ts";
export { defineFramework, parseFramework, validateFramework, MAX_FRAMEWORK_DEPTH } from "./framework/validate-framework.ts";
export type { FrameworkValidation } from "./framework/validate-framework.ts";
export { attachSubtree } from "./framework/attach-subtree.ts";
export { builtinFrameworks, getFramework, listFrameworks } from "./framework/builtin/index.ts";
export { frameworkJsonSchema } from "./framework/json-schema.ts";
export { totalPoints } from "./framework/total-points.ts";
export { parseRuleText, ruleToText, RuleTextError } from "./framework/rule-text.ts";
export { frameworkFromTable, frameworkToTable } from "./framework/framework-table.ts";
export type { FrameworkTableResult } from "./framework/framework-table.ts";
export { resolveWeights } from "./framework/resolve-weights.ts";
export type { ResolvedWeights, WeightSource } from "./framework/resolve-weights.ts";

// Input: raw tables, column matching, units.
export { tableFromRecords } from "./input/table.ts";
export type { RawCell, RawRow, RawTable } from "./input/table.ts";
export { resolveColumns, ROLE_ALIASES } from "./input/resolve-columns.ts";
export type { ColumnNames, ColumnPlan, ColumnRole, ResolveOptions } from "./input/resolve-columns.ts";
export { readUnits } from "./input/read-units.ts";
export type { CellRef, ReadResult, UnitInput } from "./input/read-units.ts";
export { frameworkColumns } from "./input/framework-columns.ts";
export type { CellCheck, FrameworkColumn } from "./input/framework-columns.ts";
export { stackTables } from "./input/stack-tables.ts";
export type { NamedTable, StackedTables } from "./input/stack-tables.ts";
export { readMergeTable } from "./input/read-merge-map.ts";

// Scoring and ranking.
export { score, validate } from "./pipeline/score.ts";
export type { ImputedCell, NodeInfo, NodeResult, ScoreInput, ScoreOptions, ScoreResult, UnitResult, ValidationReport } from "./pipeline/types.ts";
export type { UnrankedOption } from "./rank/unranked.ts";
export type { MergeEntry, MergeMapping } from "./score/merge-units.ts";
export type { MissingPolicy } from "./score/score-leaves.ts";
export type { ImputeMethod } from "./methods/impute/imputer.ts";
export { findUnit } from "./report/unit-stats.ts";
export { rankValues } from "./rank/rank.ts";
export type { RankMethod } from "./rank/rank.ts";

// Scale: streaming scoring (the same plan and evaluator as score(), exact published values). The
// CSV stream reader is in the `dti/csv` sub-path (readCsvStream).
export { scoreStream } from "./stream/score-stream.ts";
export type { ScoreStream, StreamBatch, StreamNodes, StreamOptions, StreamRow, StreamSummary, StreamUnitId, StreamUnitResult } from "./stream/score-stream.ts";
export type { NodeRanks } from "./rank/rank-store.ts";

// Numbers, text and methods: the rules the scores follow, for data prepared outside dti.
export { roundHalfUp } from "./number/round-half-up.ts";
export { parseNumber } from "./number/parse-number.ts";
export type { ParseNumberOptions } from "./number/parse-number.ts";
export { compareVi } from "./text/collator.ts";
export { normaliseColumn } from "./methods/normalise/normalise-column.ts";
export type { NormalisedColumn } from "./methods/normalise/normalise-column.ts";

export { VERSION } from "./version.ts";
