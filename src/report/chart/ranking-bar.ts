/**
 * The ranking as a horizontal bar chart (SVG).
 *
 * @module
 */
import { checkArgument, isResultLike } from "../../errors.ts";
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { columnLabel } from "../columns.ts";
import { escapeXml } from "../escape.ts";
import { defaultLocale, MISSING, valueFormatter } from "../format-number.ts";
import { latestYear, nodeInfo, nodeScore, nodeValue } from "../unit-stats.ts";
import type { ChartOptions } from "./options.ts";
import { attributes, COLORS, fitText, gapRow, GROUP_PALETTE, heading, num, svgDocument, text, textWidth, ticks } from "./svg.ts";
import { CHART_MAX_ROWS, chartWindow, windowNote, type RowWindow } from "./window.ts";
import { localName } from "../../text/local-name.ts";
import { rankingChartLabels } from "../../text/labels/index.ts";

/** Options of {@link rankingBarChart}. */
export interface RankingBarOptions extends ChartOptions {
  /** Node or view to chart; default the index (root). */
  readonly node?: string;
  /** Year to chart when the result has years; default the latest. */
  readonly year?: number;
  /**
   * Show at most this many units (the top ones). Without it, up to 100 units are shown, and of
   * more the top and bottom 50, with a note saying so.
   */
  readonly limit?: number;
  /** Colour bars by group (with a legend) when units have groups; default true. */
  readonly colorByGroup?: boolean;
  /** Unit names to emphasise (bold label, outlined bar). */
  readonly highlight?: readonly string[];
  /** Upper end of the value axis; default 1 (scores are in [0, 1]). */
  readonly max?: number;
}

/** Layout constants of the bar chart (exported for tests). */
export const BAR_LAYOUT = { rowHeight: 22, barHeight: 15, pad: 16, rankWidth: 30, valueWidth: 56, fontSize: 12 } as const;

/** The units a bar chart shows: one year, ranked on the node, best first; missing values last. */
export function barUnits(result: ScoreResult, node: string, year?: number): UnitResult[] {
  const y = year ?? latestYear(result);
  const rankOf = (u: UnitResult) => (node === result.root ? u.rank : (u.nodes[node]?.rank ?? null));
  const units = result.units.filter((u) => u.year === y);
  return units
    .map((u, i) => ({ u, i, r: rankOf(u) }))
    .sort((a, b) => (a.r ?? Infinity) - (b.r ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
}

/**
 * What a bar chart (SVG or Vega-Lite) shows: language, number format, node, year and units. The
 * units are the first `limit`, or (without a limit) a {@link chartWindow}: all of them up to
 * {@link CHART_MAX_ROWS}, else the top and the bottom with a `note` ("showing the top 50 and
 * bottom 50 of 1,000,000 units") that the chart must show.
 */
export function barSelection(result: ScoreResult, options: RankingBarOptions) {
  const language = options.language ?? "vi";
  const locale = options.locale ?? defaultLocale(language);
  const node = options.node ?? result.root;
  const info = nodeInfo(result, node);
  const year = options.year ?? latestYear(result);
  const all = barUnits(result, node, year);
  const rankOf = (u: UnitResult) => (node === result.root ? u.rank : (u.nodes[node]?.rank ?? null));
  const window: RowWindow<UnitResult> = options.limit === undefined ? chartWindow(all, CHART_MAX_ROWS, (u) => rankOf(u) !== null) : { top: all.slice(0, options.limit), bottom: [], total: all.length };
  const units = [...window.top, ...window.bottom];
  const note = options.limit === undefined ? windowNote(window, language, locale) : undefined;
  return { language, C: rankingChartLabels(language), locale, fmt: valueFormatter(locale), node, info, year, all, units, window, note, label: columnLabel(info, language) };
}

/**
 * A horizontal bar chart of the ranking, as a standalone SVG string (no DOM needed): one bar per
 * unit, best first, bar length proportional to the score on a fixed axis from 0 to `max` (1), with
 * rank, unit name and the published value formatted for the locale. Bars are coloured by group
 * (with a legend) when units have groups. Deterministic: the same result gives the same text.
 *
 * @example
 * ```ts
 * import { rankingBarChart } from "dti/report";
 * writeFileSync("ranking.svg", rankingBarChart(result, { language: "vi", limit: 20 }));
 * ```
 */
export function rankingBarChart(result: ScoreResult, options: RankingBarOptions = {}): string {
  checkArgument(isResultLike(result), "rankingBarChart", "the result of score()", result);
  const { language, C, locale, fmt, node, info, year, all, units, window, note, label } = barSelection(result, options);
  const max = options.max ?? 1;
  const L = BAR_LAYOUT;
  const width = options.width ?? 760;
  const nodeName = localName(info.name, language);
  const yearText = year === undefined ? "" : ` ${year}`;
  const title = options.title ?? C.rankingBy(label, yearText);
  const grouping = new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 });
  const count = (n: number) => grouping.format(n);
  const subtitle =
    options.subtitle ??
    `${nodeName}${label !== nodeName ? ` (${label})` : ""} · ${localName(result.framework.title, language)} · ${
      note === undefined && units.length < all.length ? C.topOf(units.length, count(all.length)) : C.units(count(all.length))
    }`;

  const groups = options.colorByGroup === false ? [] : [...new Set(all.map((u) => u.group).filter((g): g is string => g !== undefined))];
  const groupColor = new Map(groups.map((g, i) => [g, GROUP_PALETTE[i % GROUP_PALETTE.length] ?? COLORS.bar]));
  const highlight = new Set((options.highlight ?? []).map((h) => h.normalize("NFC")));

  const rankOf = (u: UnitResult) => (node === result.root ? u.rank : (u.nodes[node]?.rank ?? null));
  // Ranks of the bottom of a million units have 7 digits: the column widens for them.
  const rankWidth = units.reduce((w, u) => Math.max(w, textWidth(String(rankOf(u) ?? MISSING), L.fontSize) + 10), L.rankWidth as number);
  const nameWidth = Math.min(230, units.reduce((w, u) => Math.max(w, textWidth(u.unit, L.fontSize)), 80) + 12);
  const x0 = L.pad + rankWidth + nameWidth;
  const plotWidth = Math.max(120, width - x0 - L.valueWidth - L.pad);
  const head = heading(title, options.subtitle === "" ? undefined : subtitle, L.pad, width - 2 * L.pad);

  const [legend, legendY] = groupLegend(groups, groupColor, head.height + 6, width);
  const axisY = legendY + 14;
  const top = axisY + 8;
  // A partial window: a gap row with the note between the top and the bottom (after the top when
  // there is no bottom).
  const gapAt = note === undefined ? -1 : window.top.length;
  const rowCount = units.length + (note === undefined ? 0 : 1);
  const height = top + rowCount * L.rowHeight + L.pad;
  const scale = (s: number) => x0 + (Math.min(Math.max(s, 0), max) / max) * plotWidth;

  const axis = ticks(max).map((t) => {
    const x = scale(Number(t));
    return `<line x1="${num(x)}" y1="${num(axisY + 4)}" x2="${num(x)}" y2="${num(height - L.pad)}" stroke="${COLORS.grid}"/>\n${text(x, axisY, fmt(t), { "text-anchor": "middle", "font-size": 11, fill: COLORS.muted })}`;
  });

  const rows = units.map((u, i) => {
    const y = top + (gapAt >= 0 && i >= gapAt ? i + 1 : i) * L.rowHeight;
    const s = nodeScore(result, u, node);
    const v = nodeValue(result, u, node);
    const r = rankOf(u);
    const strong = highlight.has(u.unit.normalize("NFC"));
    const fill = u.group !== undefined ? (groupColor.get(u.group) ?? COLORS.bar) : COLORS.bar;
    const mid = y + L.rowHeight / 2 + 4;
    const parts = [
      text(L.pad + rankWidth - 6, mid, r === null ? MISSING : String(r), { "text-anchor": "end", "font-size": L.fontSize, fill: COLORS.muted }),
      text(L.pad + rankWidth, mid, fitText(u.unit, nameWidth - 8, L.fontSize), { "font-size": L.fontSize, fill: COLORS.text, "font-weight": strong ? 700 : undefined }),
    ];
    if (s !== null) {
      const w = scale(s) - x0;
      parts.push(
        `<rect class="bar"${attributes({ x: x0, y: y + (L.rowHeight - L.barHeight) / 2, width: w, height: L.barHeight, rx: 2, fill, stroke: strong ? COLORS.text : undefined, "stroke-width": strong ? 1.5 : undefined, "data-unit": u.unit, "data-value": v ?? "" })}><title>${escapeXml(`${r ?? MISSING}. ${u.unit}${u.group !== undefined ? ` (${u.group})` : ""}: ${fmt(v)}`)}</title></rect>`,
      );
    }
    parts.push(text(s === null ? x0 + 4 : scale(s) + 5, mid, fmt(v), { "font-size": 11, fill: COLORS.text, "font-variant-numeric": "tabular-nums" }));
    return `<g class="row">${parts.join("")}</g>`;
  });
  if (note !== undefined) rows.splice(gapAt, 0, gapRow(note, top + gapAt * L.rowHeight, L.rowHeight, width));

  const desc = C.barDescription(units.length, nodeName, note === undefined ? "" : ` (${note})`, units[0]?.unit ?? MISSING, fmt(units[0] === undefined ? null : nodeValue(result, units[0], node)));
  return svgDocument({ width, height, title, desc, id: options.id ?? "dti-ranking", lang: language }, [
    head.svg,
    ...legend,
    ...axis,
    `<line x1="${num(x0)}" y1="${num(axisY + 4)}" x2="${num(x0)}" y2="${num(height - L.pad)}" stroke="${COLORS.axis}"/>`,
    ...rows,
  ]);
}

/** The legend of groups: wrapped rows of swatches from `y`, and the y below them. */
function groupLegend(groups: readonly string[], groupColor: ReadonlyMap<string, string>, y: number, width: number): [legend: string[], bottom: number] {
  const L = BAR_LAYOUT;
  const legend: string[] = [];
  let legendY = y;
  if (groups.length > 1) {
    let x = L.pad;
    for (const g of groups) {
      const w = 16 + textWidth(g, 11) + 14;
      if (x + w > width - L.pad) {
        x = L.pad;
        legendY += 18;
      }
      legend.push(`<rect x="${num(x)}" y="${num(legendY)}" width="10" height="10" rx="2" fill="${groupColor.get(g)}"/>`, text(x + 14, legendY + 9, g, { "font-size": 11, fill: COLORS.text }));
      x += w;
    }
    legendY += 22;
  }
  return [legend, legendY];
}
