/**
 * Markdown for an assessment: the three totals per unit and the flagged items.
 *
 * @module
 */
import { formatIssue } from "../errors.ts";
import type { AssessmentResult, StageTotal } from "./assessment.ts";
import { nameIn } from "./explain-summary.ts";
import { formatDecimal, formatPoints, type Language } from "./format.ts";
import { markdownText } from "../report/escape.ts";
import { markdownSource, markdownTable } from "../report/markdown-table.ts";

/**
 * The assessment as Markdown: per unit the self-assessed, appraised and final totals (value,
 * points), then every flagged item with its points and evidence, then the issues.
 *
 * @example
 * ```ts
 * console.log(assessmentToMarkdown(assessment(fw, rows), { language: "vi" }));
 * ```
 */
export function assessmentToMarkdown(a: AssessmentResult, options: { readonly language?: Language } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const decimals = a.results.final?.framework.decimals ?? a.results.self?.framework.decimals ?? 4;
  // A stage's total; the count of indicators without points is in italics (Markdown of its own).
  const t = (s: StageTotal) =>
    s.value === null
      ? "–"
      : markdownSource(`${markdownText(`${formatDecimal(s.value, decimals, lang)}${s.points === null ? "" : ` (${formatPoints(s.points, 3, lang)})`}`)}${s.missing > 0 ? ` *${s.missing}*` : ""}`);
  const p = (x: number | null) => (x === null ? "–" : formatPoints(x, 4, lang));
  const lines = [
    vi ? "## Tự đánh giá, thẩm định và kết quả chính thức" : "## Self-assessment, appraisal and final result",
    "",
    markdownTable(
      [vi ? "Đơn vị" : "Unit", vi ? "Tự đánh giá" : "Self-assessed", vi ? "Thẩm định" : "Appraised", vi ? "Chính thức" : "Final", vi ? "Hạng (chính thức)" : "Rank (final)", vi ? "Mục cần xem" : "Flagged items"],
      a.units.map((u) => [u.unit, t(u.self), t(u.appraised), t(u.final), String(u.final.rank ?? "–"), String(u.flagged)]),
    ),
    vi ? "*n*: số chỉ số chưa có điểm ở bước đó (tính 0)." : "*n*: indicators without points at that stage (counted 0).",
    "",
  ];
  const flagged = a.items.filter((i) => i.flags.length > 0);
  if (flagged.length > 0) {
    lines.push(
      markdownTable(
        [vi ? "Đơn vị" : "Unit", vi ? "Chỉ số" : "Indicator", vi ? "Tối đa" : "Max", vi ? "Tự đánh giá" : "Self", vi ? "Thẩm định" : "Appraised", vi ? "Chính thức" : "Final", vi ? "Minh chứng" : "Evidence", vi ? "Vấn đề" : "Flags"],
        flagged.map((i) => [i.unit, nameIn(i.name, lang), p(i.max), p(i.self), p(i.appraised), p(i.final), i.evidence ?? "–", i.flags.join(", ")]),
        ["l", "l", "r", "r", "r", "r", "l", "l"],
      ),
    );
  }
  const errors = a.issues.filter((i) => i.severity === "error" || i.code === "ASSESSMENT_MISSING_INDICATOR");
  if (errors.length > 0) {
    for (const i of errors) lines.push(`- ${markdownText(formatIssue(i))}`);
    lines.push("");
  }
  return lines.join("\n");
}
