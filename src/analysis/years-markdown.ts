/**
 * A year-over-year comparison as a document (Markdown, HTML).
 *
 * @module
 */
import type { YearComparison } from "./compare-years.ts";
import { formatNumber } from "../report/format-number.ts";
import { analysisStyle, formatDecimal, type Language } from "./format.ts";
import { document, heading, num, paragraph, table, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { yearsLabels } from "../text/labels/index.ts";

/** Options of the year-comparison renderers. */
export interface YearsOptions {
  readonly language?: Language;
  /** Show at most this many units. */
  readonly limit?: number;
}

/**
 * The comparison as a document: counts and mean change, then one row per unit (value and rank in
 * both years, changes), then new and dropped units.
 *
 * @example
 * ```ts
 * documentToHTML(yearsDocument(compareYears(result, { from: 2022, to: 2023 }), { language: "en" }));
 * ```
 */
export function yearsDocument(c: YearComparison, options: YearsOptions = {}): Document {
  const lang = options.language ?? "vi";
  const L = yearsLabels(lang);
  const n = (x: string | null) => (x === null ? "–" : formatDecimal(x, c.decimals, lang));
  // Changes are signed exact texts ("+0.0123"): written in the language's style, not rounded again.
  const style = analysisStyle(lang);
  const names = (list: readonly string[]) => list.join(", ") || "–";
  const rk = (x: number | null) => (x === null ? "–" : x > 0 ? `+${x}` : String(x));
  const units = options.limit === undefined ? c.units : c.units.slice(0, options.limit);
  const listed = (label: string, list: readonly { readonly unit: string; readonly value: string | null }[]) =>
    list.length > 0 && paragraph(`${label}: ${list.map((u) => `${u.unit} (${n(u.value)})`).join(", ")}`);
  return document(
    [
      heading(2, L.title(c.from, c.to)),
      paragraph(L.summary(c.counts.improved, c.counts.declined, c.counts.unchanged, formatNumber(c.meanDelta, style), names(c.mostImproved), names(c.mostClimbed))),
      table(
        [L.unit, String(c.from), String(c.to), L.change, L.rankIn(c.from), L.rankIn(c.to), L.places],
        units.map((u) => [u.unit, num(u.from, { places: c.decimals }), num(u.to, { places: c.decimals }), num(u.delta), String(u.rankFrom ?? "–"), String(u.rankTo ?? "–"), rk(u.rankChange)]),
      ),
      listed(L.added, c.added),
      listed(L.dropped, c.dropped),
    ],
    style,
  );
}

/**
 * The comparison as Markdown ({@link yearsDocument}).
 *
 * @example
 * ```ts
 * console.log(yearsToMarkdown(compareYears(result, { from: 2022, to: 2023 }), { language: "en" }));
 * ```
 */
export function yearsToMarkdown(c: YearComparison, options: YearsOptions = {}): string {
  return documentToMarkdown(yearsDocument(c, options));
}
