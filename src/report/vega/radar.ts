/**
 * The radar chart as a Vega-Lite specification (points precomputed on x/y, since Vega-Lite has no
 * polar line mark).
 *
 * @module
 */
import type { ScoreResult } from "../../pipeline/types.ts";
import { radarData, type RadarOptions } from "../chart/radar.ts";
import { COLORS } from "../chart/svg.ts";
import { defaultLocale, valueFormatter } from "../format-number.ts";
import { vegaConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./common.ts";
import { vegaText } from "../escape.ts";
import { localName } from "../../text/local-name.ts";
import { radarChartLabels } from "../../text/labels/index.ts";

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function polar(i: number, n: number, r: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: round(r * Math.cos(angle)), y: round(-r * Math.sin(angle)) };
}

/**
 * The same radar as {@link radarChart} (one unit's main indicators against the average and the
 * leader) as a Vega-Lite spec. Each point is at radius value on its axis, precomputed as x/y in
 * [-1, 1] (first axis up, clockwise), drawn as layered lines, points, rings, spokes and labels.
 *
 * @example
 * ```ts
 * import { radarSpec } from "dti/report";
 * vegaEmbed("#radar", radarSpec(result, "TP. Đà Nẵng"));
 * ```
 */
export function radarSpec(result: ScoreResult, unit: string, options: RadarOptions = {}): VegaLiteSpec {
  const language = options.language ?? "vi";
  const C = radarChartLabels(language);
  const locale = options.locale ?? defaultLocale(language);
  const fmt = valueFormatter(locale);
  const { unit: target, axes, series } = radarData(result, unit, options);
  const n = axes.length;
  const name = (i: number) => (axes[i] === undefined ? "" : localName(axes[i].name, language));
  const points = series.flatMap((s) =>
    [...s.values, s.values[0] ?? null].map((v, i) => ({
      series: s.label,
      key: s.key,
      order: i,
      indicator: name(i % n),
      value: v === null ? null : Number(v),
      label: fmt(v),
      ...polar(i % n, n, v === null ? 0 : Math.min(Math.max(Number(v), 0), 1)),
    })),
  );
  const rings = [0.2, 0.4, 0.6, 0.8, 1].flatMap((r) => Array.from({ length: n + 1 }, (_, i) => ({ ring: r, order: i, ...polar(i % n, n, r) })));
  const spokes = axes.map((_, i) => ({ ...polar(i, n, 1), x0: 0, y0: 0 }));
  const labels = axes.map((_, i) => ({ text: name(i), ...polar(i, n, 1.16) }));
  const x = { field: "x", type: "quantitative", scale: { domain: [-1.45, 1.45] }, axis: null } as const;
  const y = { field: "y", type: "quantitative", scale: { domain: [-1.3, 1.3] }, axis: null } as const;
  const size = Math.min(options.width ?? 520, 640);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: vegaText(options.title ?? `${target.unit}${target.year === undefined ? "" : ` ${target.year}`}: ${C.mainIndicators}`) },
    width: size,
    height: Math.round(size * 0.9),
    layer: [
      { data: { values: rings }, mark: { type: "line", color: COLORS.grid, strokeWidth: 1 }, encoding: { x, y, detail: { field: "ring", type: "nominal" }, order: { field: "order", type: "quantitative" } } },
      { data: { values: spokes }, mark: { type: "rule", color: COLORS.grid }, encoding: { x: { ...x, field: "x0" }, y: { ...y, field: "y0" }, x2: { field: "x" }, y2: { field: "y" } } },
      {
        data: { values: points },
        mark: { type: "line", strokeWidth: 2, point: { size: 30 } },
        encoding: {
          x,
          y,
          order: { field: "order", type: "quantitative" },
          color: { field: "series", type: "nominal", title: null, scale: { domain: series.map((s) => s.label), range: series.map((s) => s.color) }, legend: { orient: "bottom" } },
          strokeDash: { condition: { test: "datum.key === 'average'", value: [5, 4] }, value: [1, 0] },
          tooltip: [
            { field: "series", type: "nominal", title: C.series },
            { field: "indicator", type: "nominal", title: C.indicator },
            { field: "label", type: "nominal", title: C.value },
          ],
        },
      },
      { data: { values: labels }, mark: { type: "text", fontSize: 11, color: COLORS.text }, encoding: { x, y, text: { field: "text", type: "nominal" } } },
    ],
    config: vegaConfig(locale),
  };
}
