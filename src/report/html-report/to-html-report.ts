/**
 * The self-contained HTML report: summary, charts, ranking table, unit cards, framework and data
 * notes — one file, inline CSS and SVG, no scripts, no external requests.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../../errors.ts";
import { builtinFrameworks } from "../../framework/builtin/index.ts";
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { VERSION } from "../../version.ts";
import { comparisonChart } from "../chart/comparison.ts";
import { radarChart } from "../chart/radar.ts";
import { rankingBarChart } from "../chart/ranking-bar.ts";
import { CHART_MAX_ROWS, chartWindow, windowNote, type RowWindow } from "../chart/window.ts";
import { escapeXml } from "../escape.ts";
import { formatPercent, localeStyle } from "../format-number.ts";
import type { HtmlExtraColumn } from "../to-html.ts";
import { inlineHTML } from "../document/to-html.ts";
import { averageValue, latestYear, leaderOf } from "../unit-stats.ts";
import { bandBadge, bandDistribution } from "./bands-section.ts";
import { indicatorTable } from "./indicator-table.ts";
import { figure } from "./unit-items.ts";
import { intervalText, uncertaintySection } from "./uncertainty-section.ts";
import { pageNumberCss, REPORT_CSS } from "./styles.ts";
import { indicatorAppendix } from "./appendix.ts";
import { documentHeader, signatureBlock } from "./document-header.ts";
import { rankingSection } from "./print-ranking.ts";
import { dataNotes, frameworkNotes } from "./report-notes.ts";
import { reportContext, type ReportContext } from "./report-context.ts";
import { unitCard, type CardExtras } from "./unit-card.ts";
import { unitPages } from "./unit-page.ts";

export type { HtmlReportOptions, ReportFrameworkInfo } from "./report-options.ts";
import type { HtmlReportOptions, ReportFrameworkInfo } from "./report-options.ts";


const e = escapeXml;

/**
 * The units that get a card in {@link toHTMLReport}, in rank order (those of the latest year): the
 * first `cards`, or without it a {@link chartWindow} (every unit up to {@link CHART_MAX_ROWS},
 * else the top and bottom 50 ranked units). The CLI computes levers for exactly these.
 *
 * @example
 * ```ts
 * const { top, bottom, total } = reportCards(result);
 * ```
 */
export function reportCards(result: ScoreResult, cards?: number): RowWindow<UnitResult> {
  const year = latestYear(result);
  const ordered = result.units
    .filter((u) => u.year === year)
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
  if (cards !== undefined) return { top: ordered.slice(0, cards), bottom: [], total: ordered.length };
  return chartWindow(ordered, CHART_MAX_ROWS, (u) => u.rank !== null);
}

/**
 * A complete, self-contained HTML report of a result (`lang="vi"` by default): a summary with key
 * figures, the ranking bar chart, the leader's (or `featured` unit's) radar against the average,
 * a year-over-year or before/after comparison when there are two sides, the ranking table, a card
 * per unit with its strengths and weaknesses (main indicators furthest above and below the average)
 * and its radar, the framework's source and uncertain facts, the method, data coverage, every
 * warning and every imputed value. Inline CSS and SVG only: no script, no external request (a Content-Security-Policy
 * forbids them); every text from the data is escaped. Deterministic: no clock is read.
 *
 * @example
 * ```ts
 * import { toHTMLReport } from "dti/report";
 * writeFileSync("report.html", toHTMLReport(result, { dataSource: "provinces.csv" }));
 * ```
 */
export function toHTMLReport(result: ScoreResult, options: HtmlReportOptions = {}): string {
  checkArgument(isResultLike(result), "toHTMLReport", "the result of score()", result);
  const ctx = reportContext(result, options);
  const { t, language, locale } = ctx;
  const info: ReportFrameworkInfo | undefined = options.framework ?? builtinFrameworks.find((f) => f.id === result.framework.id);
  const bandOf = options.bands === undefined ? undefined : bandBadge(options.bands, language);
  const badge = bandOf === undefined ? undefined : inlineBadge(bandOf, locale);
  const ua = options.uncertainty;
  const ranking = rankingSection(result, { language, locale, extraColumns: rankingExtraColumns(ctx, bandOf) });
  const sections: ReportSection[] = [
    ["summary", t.summary, summaryBody(ctx)],
    ["charts", t.charts, reportCharts(ctx)],
    ["ranking", t.ranking, ranking.html],
    ...(ua === undefined ? [] : [["uncertainty", t.robustness, uncertaintySection(ua, locale, language, badge === undefined ? undefined : (unit: string) => badge(unit, ua.year))] as ReportSection]),
    ["units", t.units, unitsBody(ctx, badge)],
    ["framework", t.framework, frameworkNotes(result, info, t, language)],
    ["data", t.data, dataNotes(result, options.dataSource, t, language, locale)],
  ];
  return htmlDocument(ctx, sections, reportAppendices(ctx, info), ranking.landscape);
}

/** A section of the report: its id (the anchor), its heading and its HTML. */
type ReportSection = [string, string, string];

/** The ranking bar chart, the featured unit's radar with the main indicators, the comparison of two sides. */
function reportCharts(ctx: ReportContext): string {
  const { result, options, year, chartOpts, t } = ctx;
  const charts: string[] = [];
  if (ctx.ranked.length > 0) charts.push(`<figure class="chart">${rankingBarChart(result, { ...chartOpts, id: "chart-ranking", width: 900 })}</figure>`);
  const featured = options.featured ?? leaderOf(ctx.current)?.unit;
  const twoSides = options.before !== undefined || new Set(result.units.map((u) => u.year).filter((y) => y !== undefined)).size >= 2;
  if (featured !== undefined) {
    const radar = radarChart(result, featured, { ...chartOpts, id: "chart-radar", ...(year !== undefined ? { year } : {}) });
    charts.push(`<div class="charts-2"><figure class="chart">${radar}</figure><div class="chart"><h3>${e(t.indicators)}</h3>${indicatorTable(result, ctx.current, ctx.fmt, ctx.language)}</div></div>`);
  }
  if (twoSides) {
    charts.push(
      `<figure class="chart">${comparisonChart(result, {
        ...chartOpts,
        id: "chart-comparison",
        width: 900,
        ...(options.before !== undefined ? { before: options.before } : {}),
        ...(options.beforeLabel !== undefined ? { beforeLabel: options.beforeLabel } : {}),
        ...(options.afterLabel !== undefined ? { afterLabel: options.afterLabel } : {}),
      })}</figure>`,
    );
  }
  return charts.join("\n");
}

/** A unit's band as an inline badge ("" without a band). */
function inlineBadge(bandOf: NonNullable<ReturnType<typeof bandBadge>>, locale: string): (unit: string, year: number | undefined) => string {
  return (unit: string, year: number | undefined) => {
    const b = bandOf(unit, year);
    return b === undefined ? "" : inlineHTML([b], localeStyle(locale));
  };
}

/** The ranking's extra columns: the band, the rank interval of the uncertainty analysis. */
function rankingExtraColumns(ctx: ReportContext, bandOf: ReturnType<typeof bandBadge> | undefined): HtmlExtraColumn[] {
  const { t, locale } = ctx;
  const ua = ctx.options.uncertainty;
  const intervals = new Map((ua?.units ?? []).map((v) => [v.unit, v]));
  return [
    ...(bandOf !== undefined ? [{ header: t.band, className: "band-col", cell: (v: UnitResult) => bandOf(v.unit, v.year) ?? "" }] : []),
    ...(ua !== undefined
      ? [{ header: t.interval, className: "num", cell: (v: UnitResult) => { const w = v.year === ua.year ? intervals.get(v.unit) : undefined; return w === undefined ? "" : intervalText(w, locale); } }]
      : []),
  ];
}

/** The lead sentence, the key figures and the band distribution. */
function summaryBody(ctx: ReportContext): string {
  const { result, t, fmt, year, current, ranked, locale } = ctx;
  const leader = leaderOf(current);
  const last = ranked.reduce<UnitResult | undefined>((w, u) => (w === undefined || (u.score ?? Infinity) < (w.score ?? Infinity) ? u : w), undefined);
  const average = averageValue(result, current, result.root);
  const cov = result.coverage;
  return [
    leader !== undefined && last !== undefined && average !== null
      ? `<p class="lead">${e(t.lead(ranked.length, ctx.fwTitle, fmt(average), `${leader.unit} (${fmt(leader.value)})`, `${last.unit} (${fmt(last.value)})`))}</p>`
      : "",
    `<div class="figures">`,
    figure(t.unitsScored, String(current.length), year === undefined ? undefined : String(year)),
    figure(`${t.average} ${ctx.indexLabel}`, fmt(average)),
    leader === undefined ? "" : figure(t.highest, fmt(leader.value), leader.unit),
    last === undefined ? "" : figure(t.lowest, fmt(last.value), last.unit),
    figure(t.complete, `${cov.complete}/${cov.units}`, formatPercent(cov.mean, locale)),
    figure(t.warnings, String(result.warnings.length)),
    "</div>",
    ctx.options.bands === undefined ? "" : bandDistribution(ctx.options.bands, year, ctx.language),
  ].join("\n");
}

/** The unit cards, split by a note when only the top and bottom units get one. */
function unitsBody(ctx: ReportContext, badge: CardExtras["badge"]): string {
  const { result, options, language, locale } = ctx;
  const cardWindow = reportCards(result, options.cards);
  const cardNote = options.cards === undefined ? windowNote(cardWindow, language, locale) : undefined;
  const cardExtras: CardExtras = { indexLabel: ctx.indexLabel, locale, ...(badge !== undefined ? { badge } : {}) };
  const cards = [...cardWindow.top, ...cardWindow.bottom].map((u, i) => unitCard(result, u, ctx.current.length, i, ctx.fmt, ctx.t, options, cardExtras));
  return cardNote === undefined
    ? `<div class="cards">\n${cards.join("\n")}\n</div>`
    : `<p class="window-note">${e(cardNote)}</p>\n<div class="cards">\n${cards.slice(0, cardWindow.top.length).join("\n")}\n</div>\n<p class="window-note">⋯</p>\n<div class="cards">\n${cards.slice(cardWindow.top.length).join("\n")}\n</div>`;
}

/** The indicator appendix (unless turned off) and the page per unit (when asked for). */
function reportAppendices(ctx: ReportContext, info: ReportFrameworkInfo | undefined): ReportSection[] {
  const { result, options, language, locale, t } = ctx;
  return [
    ...(options.appendix === false ? [] : [["appendix", t.appendix, indicatorAppendix(result, info, language, locale)] as ReportSection]),
    ...(options.unitPages === true
      ? [["unit-pages", t.unitPages, unitPages(result, reportCards(result, Number.MAX_SAFE_INTEGER).top, { language, locale, fmt: ctx.fmt, texts: t, indexLabel: ctx.indexLabel, ...(options.levers !== undefined ? { levers: options.levers } : {}) })] as ReportSection]
      : []),
  ];
}

/** The whole page: head with the inline CSS, the header with the contents, the sections, the signature, the appendices. */
function htmlDocument(ctx: ReportContext, sections: readonly ReportSection[], appendices: readonly ReportSection[], landscape: boolean): string {
  const { result, options, language, t, year } = ctx;
  const title = options.title ?? `${t.report}${year === undefined ? "" : ` ${year}`}`;
  const section = ([id, name, body]: ReportSection) => `<section id="${id}"${id === "ranking" && landscape ? ' class="print-wide"' : ""}>\n<h2>${e(name)}</h2>\n${body}\n</section>`;
  return [
    "<!doctype html>",
    `<html lang="${language}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="dti ${e(VERSION)}">`,
    `<title>${e(title)}</title>`,
    `<style>${REPORT_CSS}${pageNumberCss(language)}</style>`,
    "</head>",
    "<body>",
    documentHeader(options.document, language),
    `<header class="report"><div class="inner">`,
    `<h1>${e(title)}</h1>`,
    `<p>${e(ctx.fwTitle)}</p>`,
    `<nav class="toc">${[...sections, ...appendices].map(([id, name]) => `<a href="#${id}">${e(name)}</a>`).join("")}</nav>`,
    "</div></header>",
    "<main>",
    ...sections.map(section),
    signatureBlock(options.document),
    ...appendices.map(section),
    `<footer>${e(t.generated)} dti ${e(VERSION)} · ${e(result.framework.id)} ${e(result.framework.version)}</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
