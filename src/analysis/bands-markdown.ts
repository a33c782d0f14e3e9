/**
 * Markdown for maturity bands: each band's range, how many units are in it, and which.
 *
 * @module
 */
import type { BandsResult } from "./apply-bands.ts";
import type { Band, BandSet } from "./bands.ts";
import { nameIn } from "./explain-summary.ts";
import { formatDecimal, type Language } from "./format.ts";
import { markdownText } from "../report/escape.ts";
import { markdownTable } from "../report/markdown-table.ts";

/** A band's range as text: "> 0,4000", "0,3250 ≤ x ≤ 0,4000", "< 0,2500". */
export function bandRange(b: Band, language: Language = "vi"): string {
  const n = (x: number) => formatDecimal(x, 4, language);
  const lo = b.min === undefined ? undefined : `${n(b.min)} ${b.minInclusive === false ? "<" : "≤"} x`;
  if (b.max === undefined) return lo === undefined ? "x" : `${b.minInclusive === false ? ">" : "≥"} ${n(b.min as number)}`;
  const hi = `${b.maxInclusive === true ? "≤" : "<"} ${n(b.max)}`;
  return lo === undefined ? hi : `${lo} ${hi}`;
}

/**
 * The bands of a result: one row per band (and year) with its range, the count and the units.
 *
 * @example
 * ```ts
 * console.log(bandsToMarkdown(applyBands(result, getBands("egdi")), getBands("egdi"), { language: "en" }));
 * ```
 */
export function bandsToMarkdown(banded: BandsResult, set: BandSet, options: { readonly language?: Language } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const withYear = banded.counts.some((c) => c.year !== undefined);
  const rows = banded.counts.map((c) => {
    const band = set.bands.find((b) => b.id === c.band) as Band;
    const units = banded.units.filter((u) => u.band === c.band && u.year === c.year).map((u) => u.unit);
    return [...(withYear ? [String(c.year)] : []), nameIn(c.label, lang), bandRange(band, lang), String(c.count), units.join(", ")];
  });
  const header = [...(withYear ? [vi ? "Năm" : "Year"] : []), vi ? "Mức" : "Band", vi ? "Khoảng" : "Range", vi ? "Số đơn vị" : "Units", vi ? "Đơn vị" : "Which"];
  return `### ${markdownText(nameIn(set.name, lang))}\n\n${markdownTable(header, rows, header.map((_, i) => (i === header.length - 2 ? "r" : "l")))}${set.note !== undefined ? `\n${markdownText(set.note)}\n` : ""}`;
}
