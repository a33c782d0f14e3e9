/**
 * Maturity bands as a document (Markdown, HTML): each band's range, how many units are in it,
 * and which.
 *
 * @module
 */
import type { BandsResult } from "./apply-bands.ts";
import type { Band, BandSet } from "./bands.ts";
import { localName } from "../text/local-name.ts";
import { analysisStyle, formatDecimal, type Language } from "./format.ts";
import { document, heading, paragraph, table, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { bandsLabels } from "../text/labels/index.ts";

/** A band's range as text: "> 0,4000", "0,3250 ≤ x ≤ 0,4000", "< 0,2500". */
export function bandRange(b: Band, language: Language = "vi"): string {
  const n = (x: number) => formatDecimal(x, 4, language);
  const lo = b.min === undefined ? undefined : `${n(b.min)} ${b.minInclusive === false ? "<" : "≤"} x`;
  if (b.max === undefined) return lo === undefined ? "x" : `${b.minInclusive === false ? ">" : "≥"} ${n(b.min as number)}`;
  const hi = `${b.maxInclusive === true ? "≤" : "<"} ${n(b.max)}`;
  return lo === undefined ? hi : `${lo} ${hi}`;
}

/**
 * The bands of a result as a document: one row per band (and year) with its range, the count and
 * the units.
 *
 * @example
 * ```ts
 * documentToHTML(bandsDocument(applyBands(result, getBands("egdi")), getBands("egdi"), { language: "en" }));
 * ```
 */
export function bandsDocument(banded: BandsResult, set: BandSet, options: { readonly language?: Language } = {}): Document {
  const lang = options.language ?? "vi";
  const L = bandsLabels(lang);
  const withYear = banded.counts.some((c) => c.year !== undefined);
  const rows = banded.counts.map((c) => {
    const band = set.bands.find((b) => b.id === c.band) as Band;
    const units = banded.units.filter((u) => u.band === c.band && u.year === c.year).map((u) => u.unit);
    return [...(withYear ? [String(c.year)] : []), localName(c.label, lang), bandRange(band, lang), String(c.count), units.join(", ")];
  });
  const header = [...(withYear ? [L.year] : []), L.band, L.range, L.count, L.units];
  return document(
    [
      heading(3, localName(set.name, lang)),
      table(header.map((h, i) => ({ header: h, align: i === header.length - 2 ? ("right" as const) : ("left" as const) })), rows),
      set.note !== undefined && paragraph(set.note),
    ],
    analysisStyle(lang),
  );
}

/**
 * The bands of a result as Markdown ({@link bandsDocument}).
 *
 * @example
 * ```ts
 * console.log(bandsToMarkdown(applyBands(result, getBands("egdi")), getBands("egdi"), { language: "en" }));
 * ```
 */
export function bandsToMarkdown(banded: BandsResult, set: BandSet, options: { readonly language?: Language } = {}): string {
  return documentToMarkdown(bandsDocument(banded, set, options));
}
