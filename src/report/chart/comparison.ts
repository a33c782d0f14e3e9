/**
 * A year-over-year or before/after comparison chart (dumbbell), as SVG.
 *
 * @module
 */
import type { ScoreResult } from "../../pipeline/types.ts";
import { columnLabel } from "../columns.ts";
import { comparisonRows, sortComparison, type Comparison, type ComparisonOptions, type ComparisonRow, type ComparisonSort } from "../comparison.ts";
import { escapeXml } from "../escape.ts";
import { defaultLocale, MISSING, valueFormatter } from "../format-number.ts";
import type { ChartOptions } from "./options.ts";
import { COLORS, fitText, gapRow, heading, num, svgDocument, text, textWidth } from "./svg.ts";
import { CHART_MAX_ROWS, chartWindow, windowNote, type RowWindow } from "./window.ts";
import { comparisonChartLabels } from "../../text/labels/index.ts";

/** Options of {@link comparisonChart}. */
export interface ComparisonChartOptions extends ChartOptions, ComparisonOptions {
  /** Label of the earlier side; default its year, else "Trước" / "Before". */
  readonly beforeLabel?: string;
  /** Label of the later side; default its year, else "Sau" / "After". */
  readonly afterLabel?: string;
  /**
   * Show at most this many units (in the later ranking's order, or by change). Without it, up to
   * 100 units are shown, and of more the top and bottom 50, with a note saying so.
   */
  readonly limit?: number;
  /** Row order: "after" (default: the later ranking), "change" (largest rise first) or "magnitude" (largest change up or down first). */
  readonly sort?: ComparisonSort;
}

/** Layout of the comparison chart (exported for tests). */
export const COMPARISON_LAYOUT = { rowHeight: 22, pad: 16, changeWidth: 70, fontSize: 12 } as const;

/** The value axis: a rounded range around every value shown, and its ticks (exact texts). */
export function comparisonAxis(values: readonly number[]): { min: number; max: number; ticks: string[] } {
  if (values.length === 0) return { min: 0, max: 1, ticks: ["0", "0.2", "0.4", "0.6", "0.8", "1"] };
  // A reduce, not Math.min(...values): spreading 125,000 values overflows the call stack.
  const lo = values.reduce((m, v) => Math.min(m, v), Infinity);
  const hi = values.reduce((m, v) => Math.max(m, v), -Infinity);
  const step = hi - lo > 0.5 ? 0.2 : hi - lo > 0.2 ? 0.1 : 0.05;
  const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
  const min = tidy(Math.max(0, Math.floor(lo / step - 1e-9) * step));
  const max = tidy(Math.min(1, Math.ceil(hi / step + 1e-9) * step));
  const ticks: string[] = [];
  for (let i = 0; min + i * step <= max + 1e-9; i++) ticks.push(String(Math.round((min + i * step) * 1e6) / 1e6));
  return { min, max: max > min ? max : min + step, ticks };
}

/**
 * The rows a comparison chart (SVG or Vega-Lite) shows, in the chosen order: the first `limit`,
 * or a {@link chartWindow} (the top and bottom 50 of more than {@link CHART_MAX_ROWS}) with its
 * note. The bottom is of the rows with a value (a later value; a change when sorted by change).
 */
export function comparisonWindow(
  all: readonly ComparisonRow[],
  options: ComparisonChartOptions,
  language: "vi" | "en",
  locale: string,
): { rows: ComparisonRow[]; window: RowWindow<ComparisonRow>; note: string | undefined } {
  const sorted = sortComparison(all, options.sort);
  if (options.limit !== undefined) {
    const top = sorted.slice(0, options.limit);
    return { rows: top, window: { top, bottom: [], total: sorted.length }, note: undefined };
  }
  const byChange = options.sort === "change" || options.sort === "magnitude";
  const window = chartWindow(sorted, CHART_MAX_ROWS, (r) => (byChange ? r.change !== null : r.after !== null));
  return { rows: [...window.top, ...window.bottom], window, note: windowNote(window, language, locale) };
}

function sideLabels(c: Comparison, options: ComparisonChartOptions, language: "vi" | "en"): [string, string] {
  const C = comparisonChartLabels(language);
  const useYears = c.fromYear !== undefined && c.toYear !== undefined && c.fromYear !== c.toYear;
  return [
    options.beforeLabel ?? (useYears ? String(c.fromYear) : C.before),
    options.afterLabel ?? (useYears ? String(c.toYear) : C.after),
  ];
}

/**
 * A dumbbell chart of each unit's value before and after: two years of one result (`from`, `to`,
 * default the last two) or, with `before`, an earlier result against this one (e.g. 2024's 63
 * provinces against 2025's 34; a merged unit is compared with its members' mean). One row per unit:
 * a hollow dot for before, a filled dot for after, joined by a line green for a rise and red for a
 * fall, and the exact change ("+0,0123"). Throws `REPORT_NO_DATA` without two sides to compare.
 *
 * @example
 * ```ts
 * import { comparisonChart } from "dti/report";
 * comparisonChart(result, { from: 2023, to: 2024 });           // one result with a year column
 * comparisonChart(after, { before, beforeLabel: "63 tỉnh", afterLabel: "34 tỉnh" });
 * ```
 */
export function comparisonChart(result: ScoreResult, options: ComparisonChartOptions = {}): string {
  const language = options.language ?? "vi";
  const C = comparisonChartLabels(language);
  const fmt = valueFormatter(options.locale ?? defaultLocale(language));
  const signed = (v: string | null) => (v === null ? MISSING : v.startsWith("-") || Number(v) === 0 ? fmt(v) : `+${fmt(v)}`);
  const comparison = comparisonRows(result, options);
  const [beforeLabel, afterLabel] = sideLabels(comparison, options, language);
  const node = options.node ?? result.root;
  const info = result.nodes.find((n) => n.id === node);
  const label = info === undefined ? node : columnLabel(info, language);
  const { rows, window, note } = comparisonWindow(comparison.rows, options, language, options.locale ?? defaultLocale(language));
  const total = window.total;

  const L = COMPARISON_LAYOUT;
  const width = options.width ?? 760;
  const title = options.title ?? `${label}: ${beforeLabel} → ${afterLabel}`;
  const rises = comparison.rows.filter((r) => r.change !== null && Number(r.change) > 0).length;
  const falls = comparison.rows.filter((r) => r.change !== null && Number(r.change) < 0).length;
  const subtitle =
    options.subtitle ??
    C.comparisonSummary(total, rises, falls) +
      (note === undefined && rows.length < total ? C.showing(rows.length) : "");
  const head = heading(title, options.subtitle === "" ? undefined : subtitle, L.pad, width - 2 * L.pad);

  const nameWidth = Math.min(220, rows.reduce((w, r) => Math.max(w, textWidth(`${r.unit}${r.members ? " *" : ""}`, L.fontSize)), 80) + 10);
  const x0 = L.pad + nameWidth;
  const plotWidth = Math.max(120, width - x0 - L.changeWidth - L.pad);
  const values = rows.flatMap((r) => [r.before, r.after]).filter((v): v is string => v !== null).map(Number);
  const axis = comparisonAxis(values);
  const scale = (v: number) => x0 + ((v - axis.min) / (axis.max - axis.min)) * plotWidth;

  // Legend: before (hollow), after (filled), rise, fall.
  const legendY = head.height + 8;
  const legend: string[] = [];
  let lx = L.pad;
  const entry = (mark: string, name: string) => {
    legend.push(mark.replaceAll("X", num(lx)), text(lx + 16, legendY + 4, name, { "font-size": 12, fill: COLORS.text }));
    lx += 16 + textWidth(name, 12) + 18;
  };
  entry(`<circle cx="X" cy="${num(legendY)}" r="5" fill="#ffffff" stroke="${COLORS.before}" stroke-width="2" transform="translate(5 0)"/>`, beforeLabel);
  entry(`<circle cx="X" cy="${num(legendY)}" r="5" fill="${COLORS.after}" transform="translate(5 0)"/>`, afterLabel);
  entry(`<rect x="X" y="${num(legendY - 2)}" width="12" height="4" fill="${COLORS.up}"/>`, C.rise);
  entry(`<rect x="X" y="${num(legendY - 2)}" width="12" height="4" fill="${COLORS.down}"/>`, C.fall);

  const axisY = legendY + 30;
  const top = axisY + 8;
  const hasMembers = rows.some((r) => r.members !== undefined);
  // A partial window: a gap row with the note between the top and the bottom.
  const gapAt = note === undefined ? -1 : window.top.length;
  const rowCount = rows.length + (note === undefined ? 0 : 1);
  const height = top + rowCount * L.rowHeight + (hasMembers ? 28 : 0) + L.pad;
  const grid = axis.ticks.map((t) => {
    const x = scale(Number(t));
    return `<line x1="${num(x)}" y1="${num(axisY + 4)}" x2="${num(x)}" y2="${num(top + rowCount * L.rowHeight)}" stroke="${COLORS.grid}"/>\n${text(x, axisY, fmt(t), { "text-anchor": "middle", "font-size": 11, fill: COLORS.muted })}`;
  });
  const body = rows.map((r, i) => {
    const y = top + (gapAt >= 0 && i >= gapAt ? i + 1 : i) * L.rowHeight + L.rowHeight / 2;
    const parts = [text(L.pad, y + 4, fitText(`${r.unit}${r.members ? " *" : ""}`, nameWidth - 10, L.fontSize), { "font-size": L.fontSize, fill: COLORS.text })];
    const change = r.change === null ? 0 : Number(r.change);
    const color = change > 0 ? COLORS.up : change < 0 ? COLORS.down : COLORS.average;
    const rank = (x: number | null) => (x === null ? MISSING : String(x));
    const tip = `${r.unit}: ${beforeLabel} ${fmt(r.before)} (${C.rank} ${rank(r.beforeRank)}) → ${afterLabel} ${fmt(r.after)} (${C.rank} ${rank(r.afterRank)})${r.members ? ` · ${C.mergedTip} ${r.members.join(", ")}` : ""}`;
    if (r.before !== null && r.after !== null) {
      parts.push(`<line class="change" x1="${num(scale(Number(r.before)))}" y1="${num(y)}" x2="${num(scale(Number(r.after)))}" y2="${num(y)}" stroke="${color}" stroke-width="3" stroke-linecap="round"/>`);
    }
    if (r.before !== null) parts.push(`<circle class="before" cx="${num(scale(Number(r.before)))}" cy="${num(y)}" r="5" fill="#ffffff" stroke="${COLORS.before}" stroke-width="2" data-value="${escapeXml(r.before)}"/>`);
    if (r.after !== null) parts.push(`<circle class="after" cx="${num(scale(Number(r.after)))}" cy="${num(y)}" r="5" fill="${COLORS.after}" data-value="${escapeXml(r.after)}"/>`);
    parts.push(text(width - L.pad, y + 4, signed(r.change), { class: "delta", "text-anchor": "end", "font-size": 11, fill: r.change === null ? COLORS.muted : color, "font-variant-numeric": "tabular-nums" }));
    return `<g class="row"><title>${escapeXml(tip)}</title>${parts.join("")}</g>`;
  });
  if (note !== undefined) body.splice(gapAt, 0, gapRow(note, top + gapAt * L.rowHeight, L.rowHeight, width));
  const membersNote = hasMembers
    ? [text(L.pad, height - L.pad - 4, C.mergedNote(beforeLabel), { "font-size": 11, fill: COLORS.muted })]
    : [];
  const shown = note === undefined ? "" : ` (${note})`;
  const desc = C.comparisonDescription(label, beforeLabel, afterLabel, total, rises, falls, shown);
  return svgDocument({ width, height, title, desc, id: options.id ?? "dti-comparison", lang: language }, [head.svg, ...legend, ...grid, ...body, ...membersNote]);
}
