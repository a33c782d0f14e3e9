/**
 * The ranking bar chart as a Vega-Lite specification.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../../errors.ts";
import type { ScoreResult } from "../../pipeline/types.ts";
import { barSelection, type RankingBarOptions } from "../chart/ranking-bar.ts";
import { COLORS, GROUP_PALETTE } from "../chart/svg.ts";
import { nodeValue } from "../unit-stats.ts";
import { vegaConfig, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./common.ts";
import { vegaText } from "../escape.ts";

/**
 * The same ranking as {@link rankingBarChart}, as a Vega-Lite spec (inline data, best first, bars
 * on a 0–1 axis, coloured by group when units have groups, value labels formatted for the locale).
 * Render it with vega-embed, the Vega editor or any Vega-Lite tool.
 *
 * @example
 * ```ts
 * import { rankingBarSpec } from "dti/report";
 * vegaEmbed("#chart", rankingBarSpec(result, { limit: 20 }));
 * ```
 */
export function rankingBarSpec(result: ScoreResult, options: RankingBarOptions = {}): VegaLiteSpec {
  checkArgument(isResultLike(result), "rankingBarSpec", "the result of score()", result);
  const { C, locale, fmt, node, year, units, window, note, label: text } = barSelection(result, options);
  // Titles are single-line text (vegaText): the tooltip titles become part of a Vega expression.
  const label = vegaText(text);
  const withGroups = options.colorByGroup !== false && units.some((u) => u.group !== undefined);
  const values: Record<string, unknown>[] = units.map((u) => {
    const v = nodeValue(result, u, node);
    const rank = node === result.root ? u.rank : (u.nodes[node]?.rank ?? null);
    return { rank, unit: u.unit, row: `${rank ?? "–"}. ${u.unit}`, ...(u.group !== undefined ? { group: u.group } : {}), value: v === null ? null : Number(v), published: v, label: fmt(v) };
  });
  // A partial window: an empty "⋯" row between the top and the bottom, and the note as a subtitle line.
  if (note !== undefined) values.splice(window.top.length, 0, { rank: null, unit: "", row: "⋯", value: null, published: null, label: "" });
  const subtitle = [...(options.subtitle !== undefined && options.subtitle !== "" ? [options.subtitle] : []), ...(note !== undefined ? [note] : [])];
  const groups = [...new Set(units.map((u) => u.group).filter((g): g is string => g !== undefined))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: vegaText(options.title ?? C.rankingBy(label, year === undefined ? "" : ` ${year}`)),
      ...(subtitle.length > 0 ? { subtitle: subtitle.length === 1 ? vegaText(subtitle[0]!) : subtitle.map(vegaText) } : {}),
    },
    width: Math.max(200, (options.width ?? 760) - 300),
    height: { step: 20 },
    data: { values },
    encoding: {
      y: { field: "row", type: "nominal", sort: null, title: null, axis: { labelLimit: 220, ticks: false, domain: false } },
      x: { field: "value", type: "quantitative", scale: { domain: [0, options.max ?? 1] }, title: label, axis: { orient: "top", format: ".1f", grid: true } },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, ...(withGroups ? {} : { color: COLORS.bar }) },
        encoding: {
          ...(withGroups ? { color: { field: "group", type: "nominal", title: C.group, scale: { domain: groups, range: groups.map((_, i) => GROUP_PALETTE[i % GROUP_PALETTE.length]) }, legend: { orient: "top", columns: 3 } } } : {}),
          tooltip: [
            { field: "rank", type: "ordinal", title: C.rankTitle },
            { field: "unit", type: "nominal", title: C.unit },
            ...(withGroups ? [{ field: "group", type: "nominal", title: C.group }] : []),
            { field: "label", type: "nominal", title: label },
          ],
        },
      },
      { mark: { type: "text", align: "left", dx: 4, fontSize: 11, color: COLORS.text }, encoding: { text: { field: "label", type: "nominal" } } },
    ],
    config: vegaConfig(locale),
  };
}
