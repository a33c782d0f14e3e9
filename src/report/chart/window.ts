/**
 * Which rows a chart of many units shows: every row up to a limit, else the top and the bottom
 * of the order, with a note saying so. A bar per unit is readable for a hundred units, not for
 * 10,000 communes or a million synthetic ones (an SVG 22 million pixels tall).
 *
 * @module
 */
import type { Language } from "../columns.ts";

/**
 * The most rows a bar or comparison chart shows by default (the top 50 and the bottom 50 beyond
 * it): enough for Vietnam's 63 provinces (34 since 2025) in full.
 */
export const CHART_MAX_ROWS = 100;

/** The rows a chart shows: `top` then, after a gap, `bottom`; `total` rows in all. */
export interface RowWindow<T> {
  readonly top: readonly T[];
  /** Empty when every row is shown, or when too few rows have a value to fill a bottom part. */
  readonly bottom: readonly T[];
  readonly total: number;
}

/**
 * Every row when there are at most `max`; else the first `max / 2` and the last `max / 2` of the
 * rows with a value (rows without one, last in a ranking, are not the bottom of it).
 *
 * @example
 * ```ts
 * const w = chartWindow(Array.from({ length: 1000 }, (_, i) => i), 4);
 * [w.top, w.bottom, w.total]; // => [[0, 1], [998, 999], 1000]
 * ```
 */
export function chartWindow<T>(rows: readonly T[], max: number = CHART_MAX_ROWS, hasValue: (row: T) => boolean = () => true): RowWindow<T> {
  if (rows.length <= max) return { top: rows, bottom: [], total: rows.length };
  const half = Math.max(1, Math.floor(max / 2));
  const bottom: T[] = [];
  for (let i = rows.length - 1; i >= half && bottom.length < half; i--) {
    const row = rows[i] as T;
    if (hasValue(row)) bottom.push(row);
  }
  return { top: rows.slice(0, half), bottom: bottom.reverse(), total: rows.length };
}

/** True when the window leaves rows out (then the chart shows {@link windowNote}). */
export function isPartial(window: RowWindow<unknown>): boolean {
  return window.top.length + window.bottom.length < window.total;
}

/**
 * The note of a partial window, in the report's language with the locale's digit grouping
 * ("showing the top 50 and bottom 50 of 1,000,000 units"); undefined when every row is shown.
 *
 * @example
 * ```ts
 * windowNote({ top: [1, 2], bottom: [9, 10], total: 1000000 }, "vi", "vi-VN");
 * // => "hiển thị 2 đơn vị đầu và 2 đơn vị cuối trong số 1.000.000 đơn vị"
 * ```
 */
export function windowNote(window: RowWindow<unknown>, language: Language, locale: string): string | undefined {
  if (!isPartial(window)) return undefined;
  const n = new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 });
  const top = n.format(window.top.length);
  const bottom = n.format(window.bottom.length);
  const total = n.format(window.total);
  if (language === "en") {
    return window.bottom.length > 0 ? `showing the top ${top} and bottom ${bottom} of ${total} units` : `showing the first ${top} of ${total} units`;
  }
  return window.bottom.length > 0 ? `hiển thị ${top} đơn vị đầu và ${bottom} đơn vị cuối trong số ${total} đơn vị` : `hiển thị ${top} đơn vị đầu trong số ${total} đơn vị`;
}
