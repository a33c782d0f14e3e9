/**
 * The `dti/report` sub-path: a score result written out. The ranking as Markdown, HTML, CSV or
 * JSON, the HTML report (cover, ranking, a page per unit, appendix), SVG charts and Vega-Lite
 * specs, and the data those show (the main indicators, a unit's strengths and weaknesses, its rank
 * neighbours, a comparison of two scores). Every function takes the plain data `score` returns and
 * gives text or data back; published values are never rounded again, only laid out for a locale.
 * A separate entry so that an app that only scores carries no renderer.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * import { toCSV, toMarkdown } from "dti/report";
 *
 * const result = score(getFramework("vn-dti-2022-province"), rows);
 * toMarkdown(result).split("\n")[0]; // => "| Hạng | Đơn vị | DTI | Nhóm chỉ số nền tảng chung | NTS | …"
 * toCSV(result, { headers: "names", points: 1000 }).split("\n")[0]; // => "Hạng,Đơn vị,DTI,Điểm (trên 1000),Nhóm chỉ số nền tảng chung,…"
 * ```
 *
 * @module dti/report
 */

// The ranking table in each format.
export { toMarkdown } from "./report/to-markdown.ts";
export type { MarkdownOptions } from "./report/to-markdown.ts";
export { toHTML } from "./report/to-html.ts";
export type { HtmlExtraColumn, HtmlTableOptions } from "./report/to-html.ts";
export { toCSV } from "./report/to-csv.ts";
export type { CsvReportOptions } from "./report/to-csv.ts";
export { toJSON } from "./report/to-json.ts";
export { rankingColumns } from "./report/ranking-columns.ts";
export type { RankingCellKind, RankingColumn, RankingColumnOptions } from "./report/ranking-columns.ts";
export type { RankingShape, RankingUnit } from "./report/ranking-shape.ts";
export type { ColumnOptions, Language } from "./report/columns.ts";

// The document model every text output is built as (analyses, uncertainty, the ranking: the
// `…Document` functions of dti/analysis) and its two writers, Markdown and an HTML fragment.
export type { Alignment, Block, Cell, Column, Content, Document, Inline, NumberSpan } from "./report/document/model.ts";
export { documentToMarkdown } from "./report/document/to-markdown.ts";
export { documentToHTML } from "./report/document/to-html.ts";

// Published values laid out for a locale (never rounded again).
export { formatValue, valueFormatter } from "./report/format-number.ts";
export type { ValueFormatter } from "./report/format-number.ts";

// The HTML report and the data its pages show.
export { toHTMLReport } from "./report/html-report/to-html-report.ts";
export type { HtmlReportOptions, ReportFrameworkInfo } from "./report/html-report/to-html-report.ts";
export type { ReportDocument } from "./report/html-report/document-header.ts";
export type { AppendixFramework } from "./report/html-report/appendix.ts";
export type { ReportBands, ReportLever } from "./report/html-report/extras.ts";
export { mainIndicators } from "./report/main-indicators.ts";
export { unitStrengths } from "./report/strengths.ts";
export type { IndicatorDifference, StrengthOptions, UnitStrengths } from "./report/strengths.ts";
export { rankNeighbours } from "./report/rank-neighbours.ts";
export type { RankNeighbour, RankNeighbours } from "./report/rank-neighbours.ts";
export { describeRule } from "./report/rule-text.ts";

// Charts: SVG, and the same charts as Vega-Lite specs.
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
