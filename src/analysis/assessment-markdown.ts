/**
 * An assessment as a document (Markdown, HTML): the three totals per unit and the flagged items.
 *
 * @module
 */
import { formatIssue } from "../errors.ts";
import type { AssessmentResult, StageTotal } from "./assessment.ts";
import { localName } from "../text/local-name.ts";
import { analysisStyle, type Language } from "./format.ts";
import { cell, document, emphasis, heading, list, num, paragraph, table, type Cell, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { assessmentLabels } from "../text/labels/index.ts";

/**
 * The assessment as a document: per unit the self-assessed, appraised and final totals (value,
 * points), then every flagged item with its points and evidence, then the issues.
 *
 * @example
 * ```ts
 * documentToHTML(assessmentDocument(assessment(fw, rows), { language: "en" }));
 * ```
 */
export function assessmentDocument(a: AssessmentResult, options: { readonly language?: Language } = {}): Document {
  const lang = options.language ?? "vi";
  const L = assessmentLabels(lang);
  const decimals = a.results.final?.framework.decimals ?? a.results.self?.framework.decimals ?? 4;
  // A stage's total: value (points), and the count of indicators without points in italics.
  const t = (s: StageTotal): Cell =>
    s.value === null
      ? cell("–")
      : cell(
          num(s.value, { places: decimals }),
          ...(s.points === null ? [] : [" (", num(s.points, { places: 3, trim: true }), ")"]),
          ...(s.missing > 0 ? [" ", emphasis(String(s.missing))] : []),
        );
  const p = (x: number | null) => num(x, { places: 4, trim: true });
  const left = (header: string) => ({ header, align: "left" as const });
  const right = (header: string) => ({ header, align: "right" as const });
  const flagged = a.items.filter((i) => i.flags.length > 0);
  const errors = a.issues.filter((i) => i.severity === "error" || i.code === "ASSESSMENT_MISSING_INDICATOR");
  return document(
    [
      heading(2, L.title),
      table(
        [L.unit, L.self, L.appraised, L.final, L.finalRank, L.flagged],
        a.units.map((u) => [u.unit, t(u.self), t(u.appraised), t(u.final), String(u.final.rank ?? "–"), String(u.flagged)]),
      ),
      paragraph(emphasis("n"), L.missingNote),
      flagged.length > 0 &&
        table(
          [left(L.unit), left(L.indicator), right(L.max), right(L.selfShort), right(L.appraised), right(L.final), left(L.evidence), left(L.flags)],
          flagged.map((i) => [i.unit, localName(i.name, lang), p(i.max), p(i.self), p(i.appraised), p(i.final), i.evidence ?? "–", i.flags.join(", ")]),
        ),
      errors.length > 0 && list(errors.map((i) => [formatIssue(i)])),
    ],
    analysisStyle(lang),
  );
}

/**
 * The assessment as Markdown ({@link assessmentDocument}).
 *
 * @example
 * ```ts
 * console.log(assessmentToMarkdown(assessment(fw, rows), { language: "vi" }));
 * ```
 */
export function assessmentToMarkdown(a: AssessmentResult, options: { readonly language?: Language } = {}): string {
  return documentToMarkdown(assessmentDocument(a, options));
}
