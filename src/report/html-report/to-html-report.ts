/**
 * The self-contained HTML report: summary, charts, ranking table, unit cards, framework and data
 * notes — one file, inline CSS and SVG, no scripts, no external requests.
 *
 * @module
 */
import { formatIssue } from "../../errors.ts";
import { builtinFrameworks } from "../../framework/builtin/index.ts";
import type { Confidence, FrameworkSource, LocalizedName, Uncertainty } from "../../framework/types.ts";
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { VERSION } from "../../version.ts";
import { comparisonChart } from "../chart/comparison.ts";
import { radarChart } from "../chart/radar.ts";
import { rankingBarChart } from "../chart/ranking-bar.ts";
import { CHART_MAX_ROWS, chartWindow, windowNote, type RowWindow } from "../chart/window.ts";
import { columnLabel, type Language } from "../columns.ts";
import { escapeXml } from "../escape.ts";
import { defaultLocale, formatNumber, formatPercent, localeStyle, valueFormatter, type ValueFormatter } from "../format-number.ts";
import type { HtmlExtraColumn } from "../to-html.ts";
import { inlineHTML } from "../document/to-html.ts";
import { averageValue, latestYear, leaderOf } from "../unit-stats.ts";
import type { UncertaintyResult } from "../../uncertainty/types.ts";
import { bandBadge, bandDistribution } from "./bands-section.ts";
import type { ReportBands, ReportLever } from "./extras.ts";
import { indicatorTable } from "./indicator-table.ts";
import { figure, leverItems, strengthLists } from "./unit-items.ts";
import { intervalChart, intervalText, uncertaintySection } from "./uncertainty-section.ts";
import { pageNumberCss, REPORT_CSS } from "./styles.ts";
import { indicatorAppendix, type AppendixFramework } from "./appendix.ts";
import { documentHeader, signatureBlock, type ReportDocument } from "./document-header.ts";
import { rankingSection } from "./print-ranking.ts";
import { unitPages } from "./unit-page.ts";
import { localName } from "../../text/local-name.ts";

/**
 * Framework facts the report cites and its indicator appendix lists (a framework definition fits;
 * built-ins are found by id).
 */
export interface ReportFrameworkInfo extends AppendixFramework {
  readonly title?: LocalizedName;
  readonly source?: FrameworkSource;
  readonly uncertain?: readonly Uncertainty[];
}

/** Options of {@link toHTMLReport}. */
export interface HtmlReportOptions {
  /** Language of the text: "vi" (default) or "en". */
  readonly language?: Language;
  /** BCP 47 locale of numbers; default "vi-VN" for vi (0,8002), "en-US" for en. */
  readonly locale?: string;
  /** Report title; default from the framework. */
  readonly title?: string;
  /** Source, references and uncertain facts of the framework; default the built-in with the result's framework id. */
  readonly framework?: ReportFrameworkInfo;
  /** Where the data came from (e.g. the file name), shown in the notes. */
  readonly dataSource?: string;
  /** An earlier result to compare with (before/after); without it, a result with years compares its last two. */
  readonly before?: ScoreResult;
  /** Label of the earlier result; default "Trước" / "Before" (or its year). */
  readonly beforeLabel?: string;
  /** Label of this result; default "Sau" / "After" (or its year). */
  readonly afterLabel?: string;
  /** Unit whose radar is shown among the charts; default the leader. */
  readonly featured?: string;
  /**
   * Unit cards: at most this many, in rank order. Default every unit (of the latest year) up to
   * 100; of more, the top and bottom 50, with a note saying so (a card per unit of 150,000 would
   * make a report of gigabytes).
   */
  readonly cards?: number;
  /**
   * Maturity bands (e.g. `applyBands(result, getBands("egdi"))` from `dti/analysis`, with
   * `ranges`): a band column in the ranking, a badge on each card, the distribution in the summary.
   */
  readonly bands?: ReportBands;
  /**
   * An uncertainty analysis of the same data (`uncertainty(...)`): a section with each unit's
   * median rank and 5–95 % interval (text and chart), a column in the ranking, a line per card.
   */
  readonly uncertainty?: UncertaintyResult;
  /**
   * Per unit (by name, latest year): what improving an indicator adds to the index, shown on the
   * card (e.g. from `explain(...)`: the leaves of `priorities` with their `gainPerStep`).
   */
  readonly levers?: ReadonlyMap<string, readonly ReportLever[]>;
  /**
   * A Vietnamese administrative header (issuing body, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập
   * - Tự do - Hạnh phúc", place and date) above the title, and a signature block after the notes.
   */
  readonly document?: ReportDocument;
  /** The indicator appendix (every node: code, name, max points or weight, rule, note); default true. */
  readonly appendix?: boolean;
  /**
   * One printed page per unit of the latest year, in rank order: its scores against the other
   * units and its group, its strongest and weakest indicators, the gap to the next rank; default false.
   */
  readonly unitPages?: boolean;
}

const T = {
  vi: {
    report: "Báo cáo chỉ số chuyển đổi số",
    appendix: "Phụ lục: danh mục chỉ số",
    unitPages: "Phụ lục: từng đơn vị",
    summary: "Tóm tắt",
    charts: "Biểu đồ",
    ranking: "Bảng xếp hạng",
    units: "Từng đơn vị",
    framework: "Bộ chỉ số và nguồn",
    data: "Dữ liệu, độ phủ và cảnh báo",
    unitsScored: "Đơn vị được xếp hạng",
    average: "Trung bình",
    highest: "Cao nhất",
    lowest: "Thấp nhất",
    complete: "Đủ dữ liệu",
    warnings: "Cảnh báo",
    strengths: "Điểm mạnh",
    weaknesses: "Điểm yếu",
    vsAverage: "so với trung bình",
    noneAbove: "Không có chỉ số nào trên mức trung bình.",
    noneBelow: "Không có chỉ số nào dưới mức trung bình.",
    relativeStrengths: "Điểm mạnh tương đối",
    relativeStrengthsNote: "không chỉ số nào trên trung bình",
    relativeWeaknesses: "Điểm yếu tương đối",
    relativeWeaknessesNote: "mọi chỉ số đều trên trung bình",
    indicators: "Các chỉ số chính",
    radar: "Biểu đồ radar",
    rank: "Hạng",
    groupRank: "hạng trong nhóm",
    of: "/",
    decision: "Văn bản",
    date: "Ngày ban hành",
    issuer: "Cơ quan ban hành",
    appliesTo: "Áp dụng cho",
    references: "Nguồn tham khảo",
    uncertain: "Những điểm chưa chắc chắn",
    noUncertain: "Không có điểm nào được đánh dấu là chưa chắc chắn.",
    noSource: "Bộ chỉ số này không ghi nguồn.",
    method: "Cách tính",
    missing: { error: "thiếu dữ liệu là lỗi", zero: "thiếu dữ liệu tính 0 điểm", reweight: "thiếu dữ liệu: chia lại trọng số" },
    rankingMethod: { competition: "xếp hạng đồng hạng kiểu 1224", dense: "xếp hạng kiểu 1223", ordinal: "xếp hạng kiểu 1234" },
    ties: { published: "đồng hạng theo giá trị công bố", exact: "đồng hạng theo giá trị chính xác" },
    decimals: (n: number) => `giá trị công bố làm tròn ${n} chữ số thập phân (làm tròn lên từ 5)`,
    source: "Nguồn dữ liệu",
    coverage: "Độ phủ dữ liệu",
    coverageText: (complete: number, units: number, mean: string) => `${complete}/${units} đơn vị đủ mọi chỉ số; độ phủ trung bình ${mean}.`,
    noWarnings: "Không có cảnh báo.",
    imputed: "Giá trị được ước tính (điền thiếu)",
    imputedHead: ["Đơn vị", "Năm", "Chỉ số", "Giá trị điền", "Cách điền", "Từ"],
    generated: "Tạo bởi",
    band: "Mức",
    bands: "Phân bố theo mức",
    robustness: "Độ vững của xếp hạng",
    interval: "Hạng 5–95 %",
    levers: "Cải thiện hiệu quả nhất (ước lượng tuyến tính)",
    lever: (name: string, now: string, step: string, index: string, gain: string) => `${name}${now} thêm ${step} → ${index} ${gain}`,
    rankInterval: (median: string, interval: string) => `Hạng trung vị ${median} · 5–95 %: ${interval}`,
    confidence: { high: "chắc chắn", medium: "khá chắc", low: "chưa chắc", unverified: "chưa kiểm chứng" } as Record<Confidence, string>,
    lead: (n: number, fw: string, avg: string, top: string, bottom: string) => `${n} đơn vị được chấm điểm theo ${fw}. Giá trị trung bình ${avg}; dẫn đầu ${top}; thấp nhất ${bottom}.`,
  },
  en: {
    report: "Digital transformation index report",
    appendix: "Appendix: the indicators",
    unitPages: "Appendix: unit by unit",
    summary: "Summary",
    charts: "Charts",
    ranking: "Ranking",
    units: "Unit by unit",
    framework: "Framework and sources",
    data: "Data, coverage and warnings",
    unitsScored: "Units ranked",
    average: "Average",
    highest: "Highest",
    lowest: "Lowest",
    complete: "Complete data",
    warnings: "Warnings",
    strengths: "Strengths",
    weaknesses: "Weaknesses",
    vsAverage: "vs average",
    noneAbove: "No indicator above the average.",
    noneBelow: "No indicator below the average.",
    relativeStrengths: "Relative strengths",
    relativeStrengthsNote: "no indicator above the average",
    relativeWeaknesses: "Relative weaknesses",
    relativeWeaknessesNote: "every indicator above the average",
    indicators: "Main indicators",
    radar: "Radar chart",
    rank: "Rank",
    groupRank: "group rank",
    of: "/",
    decision: "Decision",
    date: "Date",
    issuer: "Issued by",
    appliesTo: "Applies to",
    references: "References",
    uncertain: "Uncertain facts",
    noUncertain: "No fact is flagged as uncertain.",
    noSource: "The framework names no source.",
    method: "Method",
    missing: { error: "missing data is an error", zero: "missing data scores 0", reweight: "missing data: weights shared among the rest" },
    rankingMethod: { competition: "competition ranks (1224)", dense: "dense ranks (1223)", ordinal: "ordinal ranks (1234)" },
    ties: { published: "ties on the published value", exact: "ties on the exact value" },
    decimals: (n: number) => `published values rounded half-up to ${n} decimals`,
    source: "Data source",
    coverage: "Coverage",
    coverageText: (complete: number, units: number, mean: string) => `${complete}/${units} units have every indicator; mean coverage ${mean}.`,
    noWarnings: "No warnings.",
    imputed: "Imputed values",
    imputedHead: ["Unit", "Year", "Indicator", "Value filled", "Method", "From"],
    generated: "Generated by",
    band: "Band",
    bands: "Units by band",
    robustness: "Robustness of the ranking",
    interval: "Rank 5–95 %",
    levers: "Biggest levers (linear estimate)",
    lever: (name: string, now: string, step: string, index: string, gain: string) => `${name}${now} up ${step} → ${index} ${gain}`,
    rankInterval: (median: string, interval: string) => `Median rank ${median} · 5–95 %: ${interval}`,
    confidence: { high: "high", medium: "medium", low: "low", unverified: "unverified" } as Record<Confidence, string>,
    lead: (n: number, fw: string, avg: string, top: string, bottom: string) => `${n} units scored with the ${fw}. Average ${avg}; first ${top}; last ${bottom}.`,
  },
} as const;

type Texts = (typeof T)["vi"] | (typeof T)["en"];

const e = escapeXml;

function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s"'<>]+$/iu.test(url) ? url : undefined;
}

/** Per-card extras: the band badge, the levers, the rank interval. */
interface CardExtras {
  readonly badge?: (unit: string, year: number | undefined) => string;
  readonly indexLabel: string;
  readonly locale: string;
}

function unitCard(result: ScoreResult, u: UnitResult, peers: number, index: number, fmt: ValueFormatter, t: Texts, options: HtmlReportOptions, x: CardExtras): string {
  const language = options.language ?? "vi";
  const ua = options.uncertainty?.units.find((v) => v.unit === u.unit && options.uncertainty?.year === u.year);
  const levers = options.levers?.get(u.unit);
  const meta = [u.group, u.groupRank === null ? undefined : `${t.groupRank} ${u.groupRank}`, u.members === undefined ? undefined : u.members.join(" + ")].filter((x): x is string => x !== undefined);
  const radar = radarChart(result, u.unit, { language, ...(options.locale !== undefined ? { locale: options.locale } : {}), ...(u.year !== undefined ? { year: u.year } : {}), id: `card-radar-${index}`, width: 380, labels: "short" });
  return [
    `<article class="card" id="unit-${index}">`,
    `<header><h3>${e(u.unit)}</h3><span class="rank">${e(t.rank)} ${u.rank === null ? "–" : u.rank}${e(t.of)}${peers}</span></header>`,
    `<div class="score">${e(fmt(u.value))}${x.badge === undefined ? "" : ` ${x.badge(u.unit, u.year)}`}</div>`,
    ua === undefined || options.uncertainty === undefined
      ? ""
      : `<div class="meta interval-line"><span>${e(t.rankInterval(formatNumber(ua.medianRank, localeStyle(x.locale), { places: 1, trim: true }), intervalText(ua, x.locale)))}</span>${intervalChart(ua, options.uncertainty.units.length, intervalText(ua, x.locale))}</div>`,
    meta.length > 0 ? `<div class="meta">${e(meta.join(" · "))}</div>` : "",
    strengthLists(result, u, fmt, t, language),
    levers === undefined ? "" : leverItems(result, levers, fmt, t, x.indexLabel, x.locale, language),
    `<details><summary>${e(t.radar)}</summary>${radar}</details>`,
    "</article>",
  ].join("\n");
}

function frameworkNotes(result: ScoreResult, info: ReportFrameworkInfo | undefined, t: Texts, language: Language): string {
  const title = localName(result.framework.title, language);
  const s = info?.source;
  const rows: [string, string | undefined][] = [
    [t.decision, s?.decision],
    [t.date, s?.date],
    [t.issuer, s?.issuer],
    [t.appliesTo, s?.appliesTo],
  ];
  const dl = rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`);
  const refs = (s?.references ?? []).map((url) => {
    const href = safeHref(url);
    return `<li>${href === undefined ? e(url) : `<a href="${e(href)}" rel="noreferrer noopener">${e(url)}</a>`}</li>`;
  });
  const uncertain = (info?.uncertain ?? []).map(
    (u) => `<li><span class="badge ${e(u.confidence)}">${e(t.confidence[u.confidence] ?? u.confidence)}</span> ${e(u.fact)}${u.nodes !== undefined && u.nodes.length > 0 ? ` <span class="meta">(${e(u.nodes.join(", "))})</span>` : ""}</li>`,
  );
  const o = result.options;
  const method = [t.missing[o.missing], t.rankingMethod[o.ranking], t.ties[o.ties], t.decimals(result.framework.decimals)];
  return [
    `<div class="notes">`,
    `<h3>${e(title)} <span class="meta">(${e(result.framework.id)} ${e(result.framework.version)})</span></h3>`,
    dl.length > 0 ? `<dl>${dl.join("")}</dl>` : `<p>${e(t.noSource)}</p>`,
    refs.length > 0 ? `<h3>${e(t.references)}</h3><ul>${refs.join("")}</ul>` : "",
    `<h3>${e(t.uncertain)}</h3>`,
    uncertain.length > 0 ? `<ul>${uncertain.join("")}</ul>` : `<p>${e(t.noUncertain)}</p>`,
    `<h3>${e(t.method)}</h3><p>${e(method.join("; "))}.</p>`,
    "</div>",
  ].join("\n");
}

/** The imputed cells (`result.imputed`) as a table, or "" when nothing was imputed. */
function imputedTable(result: ScoreResult, t: Texts, language: Language, locale: string): string {
  const cells = result.imputed ?? [];
  if (cells.length === 0) return "";
  const names = new Map(result.nodes.map((n) => [n.id, localName(n.name, language)]));
  // An imputed value is an estimate, not a published value: shown to 6 significant digits.
  const style = localeStyle(locale);
  const rows = cells.map(
    (c) =>
      `<tr><th scope="row" class="unit">${e(c.unit)}</th><td class="year">${c.year ?? ""}</td><td>${e(names.get(c.node) ?? c.node)}</td><td class="num">${e(formatNumber(c.value, style, { significant: 6 }))}</td><td>${e(c.method)}</td><td>${e(c.from)}</td></tr>`,
  );
  return `<h3>${e(t.imputed)} (${cells.length})</h3>\n<div class="table-wrap"><table class="dti-ranking"><thead><tr>${t.imputedHead.map((h) => `<th scope="col" class="unit">${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

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
  const language = options.language ?? "vi";
  const en = language === "en";
  const t: Texts = T[language];
  const locale = options.locale ?? defaultLocale(language);
  const fmt = valueFormatter(locale);
  const year = latestYear(result);
  const current = result.units.filter((u) => u.year === year);
  const ranked = current.filter((u) => u.rank !== null);
  const leader = leaderOf(current);
  const last = ranked.reduce<UnitResult | undefined>((w, u) => (w === undefined || (u.score ?? Infinity) < (w.score ?? Infinity) ? u : w), undefined);
  const average = averageValue(result, current, result.root);
  const fwTitle = localName(result.framework.title, language);
  const info: ReportFrameworkInfo | undefined = options.framework ?? builtinFrameworks.find((f) => f.id === result.framework.id);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const indexLabel = rootInfo === undefined ? result.root : columnLabel(rootInfo, language);
  const title = options.title ?? `${t.report}${year === undefined ? "" : ` ${year}`}`;
  const chartOpts = { language, ...(options.locale !== undefined ? { locale: options.locale } : {}) };

  // Charts.
  const charts: string[] = [];
  if (ranked.length > 0) charts.push(`<figure class="chart">${rankingBarChart(result, { ...chartOpts, id: "chart-ranking", width: 900 })}</figure>`);
  const featured = options.featured ?? leader?.unit;
  const twoSides = options.before !== undefined || new Set(result.units.map((u) => u.year).filter((y) => y !== undefined)).size >= 2;
  if (featured !== undefined) {
    const radar = radarChart(result, featured, { ...chartOpts, id: "chart-radar", ...(year !== undefined ? { year } : {}) });
    charts.push(`<div class="charts-2"><figure class="chart">${radar}</figure><div class="chart"><h3>${e(t.indicators)}</h3>${indicatorTable(result, current, fmt, language)}</div></div>`);
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

  const cardWindow = reportCards(result, options.cards);
  const cardUnits = [...cardWindow.top, ...cardWindow.bottom];
  const cardNote = options.cards === undefined ? windowNote(cardWindow, language, locale) : undefined;
  const bandOf = options.bands === undefined ? undefined : bandBadge(options.bands, language);
  const badge =
    bandOf === undefined
      ? undefined
      : (unit: string, year: number | undefined) => {
          const b = bandOf(unit, year);
          return b === undefined ? "" : inlineHTML([b], localeStyle(locale));
        };
  const cardExtras: CardExtras = { indexLabel, locale, ...(badge !== undefined ? { badge } : {}) };
  const cards = cardUnits.map((u, i) => unitCard(result, u, current.length, i, fmt, t, options, cardExtras));
  const ua = options.uncertainty;
  const intervals = new Map((ua?.units ?? []).map((v) => [v.unit, v]));
  const extraColumns: HtmlExtraColumn[] = [
    ...(bandOf !== undefined ? [{ header: t.band, className: "band-col", cell: (v: UnitResult) => bandOf(v.unit, v.year) ?? "" }] : []),
    ...(ua !== undefined
      ? [{ header: t.interval, className: "num", cell: (v: UnitResult) => { const w = v.year === ua.year ? intervals.get(v.unit) : undefined; return w === undefined ? "" : intervalText(w, locale); } }]
      : []),
  ];
  const warnings = result.warnings.map((w) => `<li>${e(formatIssue(w, language))}</li>`);
  const imputed = imputedTable(result, t, language, locale);
  const cov = result.coverage;
  const ranking = rankingSection(result, { language, locale, extraColumns });
  const appendices: [string, string, string][] = [
    ...(options.appendix === false ? [] : [["appendix", t.appendix, indicatorAppendix(result, info, language, locale)] as [string, string, string]]),
    ...(options.unitPages === true
      ? [["unit-pages", t.unitPages, unitPages(result, reportCards(result, Number.MAX_SAFE_INTEGER).top, { language, locale, fmt, texts: t, indexLabel, ...(options.levers !== undefined ? { levers: options.levers } : {}) })] as [string, string, string]]
      : []),
  ];
  const section = ([id, name, body]: [string, string, string]) => `<section id="${id}"${id === "ranking" && ranking.landscape ? ' class="print-wide"' : ""}>\n<h2>${e(name)}</h2>\n${body}\n</section>`;
  const sections: [string, string, string][] = [
    [
      "summary",
      t.summary,
      [
        leader !== undefined && last !== undefined && average !== null
          ? `<p class="lead">${e(t.lead(ranked.length, fwTitle, fmt(average), `${leader.unit} (${fmt(leader.value)})`, `${last.unit} (${fmt(last.value)})`))}</p>`
          : "",
        `<div class="figures">`,
        figure(t.unitsScored, String(current.length), year === undefined ? undefined : String(year)),
        figure(`${t.average} ${indexLabel}`, fmt(average)),
        leader === undefined ? "" : figure(t.highest, fmt(leader.value), leader.unit),
        last === undefined ? "" : figure(t.lowest, fmt(last.value), last.unit),
        figure(t.complete, `${cov.complete}/${cov.units}`, formatPercent(cov.mean, locale)),
        figure(t.warnings, String(result.warnings.length)),
        "</div>",
        options.bands === undefined ? "" : bandDistribution(options.bands, year, language),
      ].join("\n"),
    ],
    ["charts", t.charts, charts.join("\n")],
    ["ranking", t.ranking, ranking.html],
    ...(ua === undefined ? [] : [["uncertainty", t.robustness, uncertaintySection(ua, locale, language, badge === undefined ? undefined : (unit: string) => badge(unit, ua.year))] as [string, string, string]]),
    [
      "units",
      t.units,
      cardNote === undefined
        ? `<div class="cards">\n${cards.join("\n")}\n</div>`
        : `<p class="window-note">${e(cardNote)}</p>\n<div class="cards">\n${cards.slice(0, cardWindow.top.length).join("\n")}\n</div>\n<p class="window-note">⋯</p>\n<div class="cards">\n${cards.slice(cardWindow.top.length).join("\n")}\n</div>`,
    ],
    ["framework", t.framework, frameworkNotes(result, info, t, language)],
    [
      "data",
      t.data,
      [
        `<div class="notes">`,
        options.dataSource === undefined ? "" : `<p><strong>${e(t.source)}:</strong> ${e(options.dataSource)}</p>`,
        `<p><strong>${e(t.coverage)}:</strong> ${e(t.coverageText(cov.complete, cov.units, formatPercent(cov.mean, locale)))}</p>`,
        `<h3>${e(t.warnings)} (${result.warnings.length})</h3>`,
        warnings.length > 0 ? `<ul class="warnings">${warnings.join("")}</ul>` : `<p class="ok">${e(t.noWarnings)}</p>`,
        imputed,
        "</div>",
      ].join("\n"),
    ],
  ];
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
    `<p>${e(fwTitle)}</p>`,
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
