/**
 * A radar (spider) chart of one unit's main indicators against the average and the leader.
 *
 * @module
 */
import type { NodeInfo, ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { columnLabel } from "../columns.ts";
import { escapeXml } from "../escape.ts";
import { defaultLocale, valueFormatter } from "../format-number.ts";
import { mainIndicators } from "../main-indicators.ts";
import { findUnit, leaderOf, nodeValue, peerStats, samePeers } from "../unit-stats.ts";
import type { ChartOptions } from "./options.ts";
import { COLORS, heading, num, svgDocument, text, textWidth, wrapLabel } from "./svg.ts";
import { localName } from "../../text/local-name.ts";
import { radarChartLabels } from "../../text/labels/index.ts";

/** Options of {@link radarChart}. */
export interface RadarOptions extends ChartOptions {
  /** Node or view ids on the axes, in order; default the main indicators. */
  readonly indicators?: readonly string[];
  /** Year of the unit when the result has years; default its latest. */
  readonly year?: number;
  /** Draw the average of all units (of the same year); default true. */
  readonly average?: boolean;
  /** Draw the first-ranked unit (when it is another unit); default true. */
  readonly leader?: boolean;
  /** Axis labels: full names (default) or short labels (NTS, TCS, …; for small charts). */
  readonly labels?: "name" | "short";
}

/** One polygon of the radar: its name, colour and the published value on each axis. */
export interface RadarSeries {
  readonly key: "unit" | "average" | "leader";
  readonly label: string;
  readonly color: string;
  /** Published values, one per axis (`null` when missing: drawn at the centre). */
  readonly values: readonly (string | null)[];
}

/** Geometry of the radar (exported for tests): the largest radius (reached at the default width), label gap, rings. */
export const RADAR_LAYOUT = { radius: 165, labelGap: 16, ringCount: 5 } as const;

/**
 * The data of a radar chart: the axes, and the unit, average and leader series.
 *
 * @example
 * ```ts
 * radarData(result, "TP. Hồ Chí Minh").series.map((s) => s.key); // => ["average", "leader", "unit"]
 * ```
 */
export function radarData(result: ScoreResult, unit: string, options: RadarOptions = {}): { unit: UnitResult; axes: NodeInfo[]; series: RadarSeries[] } {
  const target = findUnit(result, unit, options.year);
  const axes = mainIndicators(result, options.indicators);
  const peers = samePeers(result, target);
  const series: RadarSeries[] = [];
  if (options.average !== false) {
    series.push({ key: "average", label: radarChartLabels(options.language).average(peers.length), color: COLORS.average, values: axes.map((a) => peerStats(result, target, a.id).average) });
  }
  const leader = leaderOf(peers);
  if (options.leader !== false && leader !== undefined && leader !== target) {
    series.push({ key: "leader", label: `${radarChartLabels(options.language).leader}: ${leader.unit}`, color: COLORS.leader, values: axes.map((a) => nodeValue(result, leader, a.id)) });
  }
  series.push({ key: "unit", label: target.unit, color: COLORS.unit, values: axes.map((a) => nodeValue(result, target, a.id)) });
  return { unit: target, axes, series };
}

/** The point of axis `i` of `n` at distance `r` from the centre (first axis straight up, clockwise). */
export function radarPoint(cx: number, cy: number, i: number, n: number, r: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
}

/**
 * A radar (spider) chart of one unit's main indicators (as dti.gov.vn shows per province) against
 * the average of all units of the same year and the first-ranked unit, as a standalone SVG string.
 * Each axis runs from 0 at the centre to 1 at the outer ring; points sit at radius value × R.
 * Values are the published ones (the average is the exact mean of published values, published
 * half-up), labelled for the locale. Throws `REPORT_UNIT_UNKNOWN` for a unit not in the result.
 *
 * @example
 * ```ts
 * import { radarChart } from "dti/report";
 * writeFileSync("da-nang.svg", radarChart(result, "TP. Đà Nẵng"));
 * ```
 */
export function radarChart(result: ScoreResult, unit: string, options: RadarOptions = {}): string {
  const language = options.language ?? "vi";
  const C = radarChartLabels(language);
  const fmt = valueFormatter(options.locale ?? defaultLocale(language));
  const { unit: target, axes, series } = radarData(result, unit, options);
  const L = RADAR_LAYOUT;
  const width = options.width ?? 640;
  const n = axes.length;
  const yearText = target.year === undefined ? "" : ` ${target.year}`;
  const rootInfo = result.nodes.find((x) => x.id === result.root);
  const indexLabel = rootInfo === undefined ? result.root : columnLabel(rootInfo, language);
  const title = options.title ?? `${target.unit}${yearText}: ${C.mainIndicators}`;
  const subtitle =
    options.subtitle ??
    `${indexLabel} ${fmt(target.value)}${target.rank === null ? "" : C.rankOf(target.rank, samePeers(result, target).length)}`;
  const head = heading(title, options.subtitle === "" ? undefined : subtitle, 16, width - 32);
  const cx = width / 2;
  const short = options.labels === "short";
  const axisLines = axes.map((a) => (short ? [columnLabel(a, language)] : wrapLabel(localName(a.name, language), 16)));
  // The radius leaves room for the widest label on each side.
  const widest = axisLines.flat().reduce((w, line) => Math.max(w, textWidth(line, 12)), 0);
  const R = Math.max(60, Math.min(L.radius, width / 2 - widest - L.labelGap - 8));
  const cy = head.height + 40 + R;

  const body: string[] = [head.svg];
  const rings: string[] = [];
  // Rings and their values along the first axis.
  for (let k = 1; k <= L.ringCount; k++) {
    const r = (R * k) / L.ringCount;
    const pts = axes.map((_, i) => radarPoint(cx, cy, i, n, r).map(num).join(",")).join(" ");
    body.push(`<polygon class="ring" points="${pts}" fill="none" stroke="${COLORS.grid}"/>`);
    const ringValue = String(k / L.ringCount);
    rings.push(text(cx + 4, cy - r - 3, fmt(ringValue), { class: "ring-label", "font-size": 10, fill: COLORS.muted, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }));
  }
  // Spokes and axis labels.
  axes.forEach((a, i) => {
    const [x, y] = radarPoint(cx, cy, i, n, R);
    body.push(`<line class="spoke" x1="${num(cx)}" y1="${num(cy)}" x2="${num(x)}" y2="${num(y)}" stroke="${COLORS.grid}"/>`);
    const [lx, ly] = radarPoint(cx, cy, i, n, R + L.labelGap);
    const cos = (lx - cx) / (R + L.labelGap);
    const anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    const name = localName(a.name, language);
    const lines = axisLines[i] ?? [name];
    const sin = (ly - cy) / (R + L.labelGap);
    const y0 = ly + (sin > 0.2 ? 10 : sin < -0.2 ? -(lines.length - 1) * 13 - 2 : 4 - ((lines.length - 1) * 13) / 2);
    const tspans = lines.map((line, j) => `<tspan x="${num(lx)}" y="${num(y0 + j * 13)}">${escapeXml(line)}</tspan>`).join("");
    body.push(`<text class="axis-label" text-anchor="${anchor}" font-size="12" fill="${COLORS.text}"><title>${escapeXml(`${name}${a.short !== undefined ? ` (${a.short})` : ""}`)}</title>${tspans}</text>`);
  });
  // Series: average and leader as outlines, the unit filled, on top.
  for (const s of series) {
    const pts = s.values.map((v, i) => radarPoint(cx, cy, i, n, v === null ? 0 : Math.min(Math.max(Number(v), 0), 1) * R));
    const isUnit = s.key === "unit";
    body.push(
      `<polygon class="series series-${s.key}" points="${pts.map((p) => p.map(num).join(",")).join(" ")}" fill="${isUnit ? s.color : "none"}" fill-opacity="${isUnit ? 0.18 : 0}" stroke="${s.color}" stroke-width="${isUnit ? 2.5 : 2}"${s.key === "average" ? ' stroke-dasharray="5 4"' : ""}/>`,
    );
    pts.forEach(([x, y], i) => {
      body.push(`<circle class="point point-${s.key}" cx="${num(x)}" cy="${num(y)}" r="${isUnit ? 3.5 : 2.5}" fill="${s.color}" data-value="${escapeXml(s.values[i] ?? "")}"><title>${escapeXml(`${s.label} · ${axes[i] === undefined ? "" : localName(axes[i].name, language)}: ${fmt(s.values[i])}`)}</title></circle>`);
    });
  }
  for (const ring of rings) body.push(ring);
  // Legend, centred under the chart.
  const legendY = cy + R + 68;
  const entries = [...series].reverse().map((s) => ({ s, w: 26 + textWidth(s.label, 12) + 18 }));
  let x = Math.max(16, cx - entries.reduce((t, e) => t + e.w, 0) / 2);
  let y = legendY;
  for (const { s, w } of entries) {
    if (x + w > width - 16) {
      x = 16;
      y += 20;
    }
    body.push(
      `<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 20)}" y2="${num(y - 4)}" stroke="${s.color}" stroke-width="${s.key === "unit" ? 3 : 2}"${s.key === "average" ? ' stroke-dasharray="5 3"' : ""}/>`,
      text(x + 26, y, s.label, { "font-size": 12, fill: COLORS.text }),
    );
    x += w;
  }
  const height = y + 22;
  const desc = `${C.radarOf} ${target.unit}: ${axes.map((a, i) => `${columnLabel(a, language)} ${fmt(series[series.length - 1]?.values[i])}`).join(", ")}.`;
  return svgDocument({ width, height, title, desc, id: options.id ?? "dti-radar", lang: language }, body);
}
