/**
 * Markdown for a year-over-year comparison.
 *
 * @module
 */
import type { YearComparison } from "./compare-years.ts";
import { formatNumber } from "../report/format-number.ts";
import { analysisStyle, formatDecimal, type Language } from "./format.ts";
import { markdownText } from "../report/escape.ts";
import { markdownTable } from "../report/markdown-table.ts";

/**
 * The comparison as Markdown: counts and mean change, then one row per unit (value and rank in
 * both years, changes), then new and dropped units.
 *
 * @example
 * ```ts
 * console.log(yearsToMarkdown(compareYears(result, { from: 2022, to: 2023 }), { language: "en" }));
 * ```
 */
export function yearsToMarkdown(c: YearComparison, options: { readonly language?: Language; readonly limit?: number } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const n = (x: string | null) => (x === null ? "–" : formatDecimal(x, c.decimals, lang));
  const style = analysisStyle(lang);
  // Changes are signed exact texts ("+0.0123"): written in the language's style, not rounded again.
  const sg = (x: string | null) => formatNumber(x, style);
  const rk = (x: number | null) => (x === null ? "–" : x > 0 ? `+${x}` : String(x));
  const names = (list: readonly string[]) => list.map(markdownText).join(", ") || "–";
  const units = options.limit === undefined ? c.units : c.units.slice(0, options.limit);
  const lines = [
    vi ? `## Thay đổi ${c.from} → ${c.to}` : `## Change ${c.from} → ${c.to}`,
    "",
    vi
      ? `${c.counts.improved} đơn vị tăng, ${c.counts.declined} giảm, ${c.counts.unchanged} không đổi; thay đổi trung bình ${sg(c.meanDelta)}. Tăng nhiều nhất: ${names(c.mostImproved)}. Lên hạng nhiều nhất: ${names(c.mostClimbed)}.`
      : `${c.counts.improved} units rose, ${c.counts.declined} fell, ${c.counts.unchanged} unchanged; mean change ${sg(c.meanDelta)}. Most improved: ${names(c.mostImproved)}. Most places climbed: ${names(c.mostClimbed)}.`,
    "",
    markdownTable(
      [vi ? "Đơn vị" : "Unit", String(c.from), String(c.to), vi ? "Thay đổi" : "Change", vi ? `Hạng ${c.from}` : `Rank ${c.from}`, vi ? `Hạng ${c.to}` : `Rank ${c.to}`, vi ? "Lên/xuống" : "Places"],
      units.map((u) => [u.unit, n(u.from), n(u.to), sg(u.delta), String(u.rankFrom ?? "–"), String(u.rankTo ?? "–"), rk(u.rankChange)]),
    ),
  ];
  if (c.added.length > 0) lines.push(`${vi ? "Mới" : "New"}: ${c.added.map((u) => `${markdownText(u.unit)} (${n(u.value)})`).join(", ")}`, "");
  if (c.dropped.length > 0) lines.push(`${vi ? "Không còn" : "Dropped"}: ${c.dropped.map((u) => `${markdownText(u.unit)} (${n(u.value)})`).join(", ")}`, "");
  return lines.join("\n");
}
