/**
 * The comparison (dumbbell) chart as a Vega-Lite specification.
 *
 * @module
 */
import type { ScoreResult } from "../../pipeline/types.ts";
import { comparisonWindow, type ComparisonChartOptions } from "../chart/comparison.ts";
import { COLORS } from "../chart/svg.ts";
import { columnLabel } from "../columns.ts";
import { comparisonRows } from "../comparison.ts";
import { defaultLocale, valueFormatter } from "../format-number.ts";
import { vegaConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./common.ts";
import { vegaText } from "../escape.ts";
import { comparisonChartLabels } from "../../text/labels/index.ts";

/**
 * The same comparison as {@link comparisonChart} (before and after per unit, the exact change) as a
 * Vega-Lite spec: a rule from before to after coloured by direction, and the two points.
 *
 * @example
 * ```ts
 * import { comparisonSpec } from "dti/report";
 * vegaEmbed("#change", comparisonSpec(result, { from: 2023, to: 2024 }));
 * ```
 */
export function comparisonSpec(result: ScoreResult, options: ComparisonChartOptions = {}): VegaLiteSpec {
  const language = options.language ?? "vi";
  const C = comparisonChartLabels(language);
  const locale = options.locale ?? defaultLocale(language);
  const fmt = valueFormatter(locale);
  const c = comparisonRows(result, options);
  const years = c.fromYear !== undefined && c.toYear !== undefined && c.fromYear !== c.toYear;
  // Titles are single-line text (vegaText): the tooltip titles become part of a Vega expression.
  const beforeLabel = vegaText(options.beforeLabel ?? (years ? String(c.fromYear) : C.before));
  const afterLabel = vegaText(options.afterLabel ?? (years ? String(c.toYear) : C.after));
  const node = options.node ?? result.root;
  const info = result.nodes.find((n) => n.id === node);
  const label = vegaText(info === undefined ? node : columnLabel(info, language));
  const { rows, window, note } = comparisonWindow(c.rows, options, language, locale);
  const up = C.rise;
  const down = C.fall;
  const same = C.noChange;
  const values: Record<string, unknown>[] = rows.map((r) => {
    const change = r.change === null ? null : Number(r.change);
    return {
      unit: r.unit,
      before: r.before === null ? null : Number(r.before),
      after: r.after === null ? null : Number(r.after),
      beforeLabel: fmt(r.before),
      afterLabel: fmt(r.after),
      change,
      changeLabel: r.change === null || r.change.startsWith("-") || change === 0 ? fmt(r.change) : `+${fmt(r.change)}`,
      direction: change === null || change === 0 ? same : change > 0 ? up : down,
    };
  });
  // A partial window: an empty "⋯" row between the top and the bottom, and the note as a subtitle.
  if (note !== undefined) values.splice(window.top.length, 0, { unit: "⋯", before: null, after: null, beforeLabel: "", afterLabel: "", change: null, changeLabel: "", direction: same });
  const subtitle = [...(options.subtitle !== undefined && options.subtitle !== "" ? [options.subtitle] : []), ...(note !== undefined ? [note] : [])];
  const y = { field: "unit", type: "nominal", sort: null, title: null, axis: { labelLimit: 220, ticks: false, domain: false } } as const;
  const xScale = { zero: false, nice: true } as const;
  const tooltip = [
    { field: "unit", type: "nominal", title: C.unit },
    { field: "beforeLabel", type: "nominal", title: beforeLabel },
    { field: "afterLabel", type: "nominal", title: afterLabel },
    { field: "changeLabel", type: "nominal", title: C.change },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: vegaText(options.title ?? `${label}: ${beforeLabel} → ${afterLabel}`), ...(subtitle.length > 0 ? { subtitle: subtitle.length === 1 ? vegaText(subtitle[0]!) : subtitle.map(vegaText) } : {}) },
    width: Math.max(200, (options.width ?? 760) - 320),
    height: { step: 20 },
    data: { values },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 3, strokeCap: "round" },
        encoding: {
          y,
          x: { field: "before", type: "quantitative", scale: xScale, title: label, axis: { orient: "top", format: ".2f" } },
          x2: { field: "after" },
          color: { field: "direction", type: "nominal", title: null, scale: { domain: [up, down, same], range: [COLORS.up, COLORS.down, COLORS.average] }, legend: { orient: "top" } },
          tooltip,
        },
      },
      { mark: { type: "point", filled: false, size: 60, color: COLORS.before, strokeWidth: 2 }, encoding: { y, x: { field: "before", type: "quantitative", scale: xScale }, tooltip } },
      { mark: { type: "point", filled: true, size: 60, color: COLORS.after, opacity: 1 }, encoding: { y, x: { field: "after", type: "quantitative", scale: xScale }, tooltip } },
      { mark: { type: "text", align: "left", x: { expr: "width + 8" }, fontSize: 11 }, encoding: { y, text: { field: "changeLabel", type: "nominal" }, color: { field: "direction", type: "nominal" } } },
    ],
    config: vegaConfig(locale),
  };
}
