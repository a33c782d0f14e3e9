/**
 * What the Vega-Lite specs share: the schema, the locale, the fonts and the colours.
 *
 * @module
 */
import { FONT_STACK } from "../chart/svg.ts";
import { localeSeparators } from "../format-number.ts";

/** A Vega-Lite specification: plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** The Vega-Lite schema the specs follow. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** `config` with the locale's number separators (d3-format) and the report fonts. */
export function vegaConfig(locale: string): Record<string, unknown> {
  const { decimal, group } = localeSeparators(locale);
  return {
    locale: { number: { decimal, thousands: group, grouping: [3], currency: ["", ""] } },
    font: FONT_STACK,
    view: { stroke: null },
    title: { anchor: "start", fontSize: 16, subtitleFontSize: 12, subtitleColor: "#4b5563" },
  };
}
