/**
 * Charts as notebook displays: the SVG, with a plain-text reading of the same values.
 *
 * @module
 */
import type { ScoreResult } from "../pipeline/types.ts";
import { radarChart, radarData, type RadarOptions } from "../report/chart/radar.ts";
import { barUnits, rankingBarChart, type RankingBarOptions } from "../report/chart/ranking-bar.ts";
import { columnLabel } from "../report/columns.ts";
import { defaultLocale, valueFormatter } from "../report/format-number.ts";
import { displayable, type Displayable } from "./mime-bundle.ts";

/**
 * A radar chart of one unit against the average and the leader ({@link radarChart}), for a Deno
 * Jupyter notebook: `image/svg+xml`, and `text/plain` listing each axis's values. Throws
 * `REPORT_UNIT_UNKNOWN` (a `DtiError` (from `dti`)) right away for a unit not in the result.
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * displayRadar(result, "TP. Đà Nẵng")
 * ```
 */
export function displayRadar(result: ScoreResult, unit: string, options: RadarOptions = {}): Displayable {
  const data = radarData(result, unit, options);
  const fmt = valueFormatter(options.locale ?? defaultLocale(options.language ?? "vi"));
  const plain = [
    `${data.unit.unit}${data.unit.year === undefined ? "" : ` ${data.unit.year}`}: ${data.series.map((s) => s.label).join(" | ")}`,
    ...data.axes.map((axis, i) => `${columnLabel(axis, options.language)}: ${data.series.map((s) => fmt(s.values[i])).join(" | ")}`),
  ].join("\n");
  return displayable(() => ({ "text/plain": plain, "image/svg+xml": radarChart(result, unit, options) }));
}

/**
 * The ranking bar chart ({@link rankingBarChart}) for a Deno Jupyter notebook: `image/svg+xml`,
 * and `text/plain` with one line per bar.
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * displayRankingBar(result, { limit: 10 })
 * ```
 */
export function displayRankingBar(result: ScoreResult, options: RankingBarOptions = {}): Displayable {
  const svg = rankingBarChart(result, options);
  const node = options.node ?? result.root;
  const fmt = valueFormatter(options.locale ?? defaultLocale(options.language ?? "vi"));
  const units = barUnits(result, node, options.year);
  const shown = options.limit === undefined ? units : units.slice(0, options.limit);
  const value = (u: (typeof units)[number]) => (node === result.root ? u.value : (u.nodes[node]?.value ?? null));
  const rank = (u: (typeof units)[number]) => (node === result.root ? u.rank : (u.nodes[node]?.rank ?? null));
  const plain = shown.map((u) => `${rank(u) ?? "–"}. ${u.unit}: ${fmt(value(u))}`).join("\n");
  return displayable(() => ({ "text/plain": plain, "image/svg+xml": svg }));
}
