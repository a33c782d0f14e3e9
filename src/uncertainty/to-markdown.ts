/**
 * The uncertainty analysis as a document (Markdown, HTML).
 *
 * @module
 */
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { document, num, paragraph, table, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { uncertaintyLabels } from "../text/labels/index.ts";
import { optionHint } from "../text/option-hint.ts";
import type { SensitivityIndex, UncertaintyResult } from "./types.ts";

/** Options of {@link uncertaintyToMarkdown}. */
export interface UncertaintyMarkdownOptions {
  /** Labels in Vietnamese (default) or English. */
  readonly language?: "vi" | "en";
  /** Show at most this many units. */
  readonly limit?: number;
  /** How a note names an option: as the library (`runs: 4000`, default) or the CLI (`--runs 4000`) does. */
  readonly spelling?: "api" | "cli";
}

/**
 * The uncertainty analysis as a document: a summary line, the sensitivity table (first-order and
 * total index of each uncertain input, each ± its 95 % margin, and a note when an estimate falls
 * below 0 or above 1) and one row per unit: nominal rank, median rank, 5–95 % interval, mean
 * absolute shift. Figures are rounded for display (not published values); Vietnamese writes a
 * decimal comma.
 *
 * @example
 * ```ts
 * documentToHTML(uncertaintyDocument(ua, { language: "en", limit: 10 }));
 * ```
 */
export function uncertaintyDocument(result: UncertaintyResult, options: UncertaintyMarkdownOptions = {}): Document {
  const L = uncertaintyLabels(options.language);
  const style = plainStyle(options.language !== "en");
  const figure = (x: number | null, places = 2) => formatNumber(x, style, { places, trim: true });
  const inputName = (name: string) => L.inputs[name] ?? name;
  const inputs = result.inputs.map((i) => (i.levels !== undefined ? `${inputName(i.name)} (${i.levels.join(", ")})` : `${inputName(i.name)} (${i.dimensions})`)).join("; ");
  const sensitivity = result.sensitivity;
  const withMargin = (x: number | null, m: number | null | undefined) => (x === null || m === null || m === undefined ? figure(x, 3) : `${figure(x, 3)} ± ${figure(m, 3)}`);
  const note = sensitivity === undefined ? undefined : noiseNote(sensitivity, inputName, figure);
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  return document(
    [
      paragraph(L.summary(result.runs, result.seed, result.year !== undefined ? L.year(result.year) : "", result.evaluations, inputs, figure(result.meanAbsShift))),
      sensitivity !== undefined &&
        table(
          [L.input, L.firstOrder, L.total],
          sensitivity.map((s) => [inputName(s.input), withMargin(s.first, s.firstMargin), withMargin(s.total, s.totalMargin)]),
        ),
      note !== undefined && paragraph(L.noise(note, optionHint("runs", String(result.runs * 4))[options.spelling ?? "api"])),
      table(
        [
          { header: L.rank, align: "right" },
          { header: L.unit, align: "left" },
          { header: L.medianRank, align: "right" },
          { header: L.interval, align: "center" },
          { header: L.meanShift, align: "right" },
        ],
        units.map((u) => [String(u.nominalRank), u.unit, num(u.medianRank, { places: 1, trim: true }), `${figure(u.rankLow, 1)}–${figure(u.rankHigh, 1)}`, num(u.meanAbsShift, { places: 2, trim: true })]),
      ),
    ],
    style,
  );
}

/**
 * The uncertainty analysis as Markdown ({@link uncertaintyDocument}).
 *
 * @example
 * ```ts
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, { runs: 1000, seed: 42, weights: 0.25 });
 * uncertaintyToMarkdown(ua, { language: "en" }).split("\n")[0]; // => "Uncertainty of the ranking: 1000 runs, seed 42, …"
 * ```
 */
export function uncertaintyToMarkdown(result: UncertaintyResult, options: UncertaintyMarkdownOptions = {}): string {
  return documentToMarkdown(uncertaintyDocument(result, options));
}

/**
 * The estimates below 0 or above 1 ("weights Sᵢ -0,012"), or undefined when there are none: the
 * true indices lie in [0, 1] (and Sᵢ ≤ STᵢ), so such a figure is the estimators' Monte Carlo
 * noise, not a finding. Readers took a negative Sᵢ for a negative effect.
 */
function noiseNote(
  indices: readonly SensitivityIndex[],
  inputName: (name: string) => string,
  figure: (x: number | null, places?: number) => string,
): string | undefined {
  const odd: string[] = [];
  for (const s of indices) {
    if (s.first !== null && s.first < 0) odd.push(`${inputName(s.input)} Sᵢ ${figure(s.first, 3)}`);
    if (s.total !== null && s.total > 1) odd.push(`${inputName(s.input)} STᵢ ${figure(s.total, 3)}`);
  }
  return odd.length === 0 ? undefined : odd.join("; ");
}
