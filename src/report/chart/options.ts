/**
 * Options shared by the SVG charts.
 *
 * @module
 */
import type { Language } from "../columns.ts";

/** Options every chart accepts. */
export interface ChartOptions {
  /** Label language: "vi" (default) or "en". */
  readonly language?: Language;
  /** BCP 47 locale of the numbers; default "vi-VN" for vi (0,8002), "en-US" for en. */
  readonly locale?: string;
  /** Chart title; a default is built from the data. */
  readonly title?: string;
  /** Subtitle under the title; a default is built from the data ("" for none). */
  readonly subtitle?: string;
  /** Width in pixels (the SVG scales: it has a viewBox). */
  readonly width?: number;
  /** Prefix of the element ids (for several charts in one HTML page). */
  readonly id?: string;
}
