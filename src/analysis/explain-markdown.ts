/**
 * Markdown for an explanation: the summary, then one row per indicator.
 *
 * @module
 */
import { rankNoteText } from "../report/rank-note.ts";
import type { Explanation } from "./explanation.ts";
import { nameIn } from "./explain-summary.ts";
import { formatDecimal, formatPoints, formatSigned, type Language } from "./format.ts";
import { markdownText } from "../report/escape.ts";
import { markdownSource, markdownTable } from "../report/markdown-table.ts";

/**
 * The explanation as Markdown: a heading, the plain-language summary, and a table of every
 * scored node (value, rank, points of max points, share of the unit's total, points left to the
 * maximum, gaps to the leader, the average and the target).
 *
 * @example
 * ```ts
 * console.log(explainToMarkdown(explain(fw, result, "TP. Đà Nẵng"), { language: "vi" }));
 * ```
 */
export function explainToMarkdown(ex: Explanation, options: { readonly language?: Language } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const d = ex.decimals;
  const n = (x: number | string | null) => (x === null ? "–" : formatDecimal(x, d, lang));
  const s = (x: number | null | undefined) => (x === null || x === undefined ? "–" : formatSigned(x, d, lang));
  const pts = (x: number | null) => (x === null ? "–" : formatPoints(x, 3, lang));
  const withPoints = ex.maxPoints !== null;
  const index = ex.index.short ?? nameIn(ex.index.name, lang);
  const title = vi ? `## ${markdownText(ex.unit)}: giải thích ${markdownText(index)}${ex.year !== undefined ? ` năm ${ex.year}` : ""}` : `## ${markdownText(ex.unit)}: ${markdownText(index)} explained${ex.year !== undefined ? ` (${ex.year})` : ""}`;
  const withTarget = ex.target !== null || ex.nodes.some((x) => x.target !== null);
  const header = [
    vi ? "Chỉ số" : "Indicator",
    vi ? "Giá trị" : "Value",
    vi ? "Hạng" : "Rank",
    ...(withPoints ? [vi ? "Điểm / tối đa" : "Points / max"] : [vi ? "Trọng số" : "Weight"]),
    vi ? "Tỷ trọng trong tổng" : "Share of total",
    ...(withPoints ? [vi ? "Điểm còn thiếu" : "Points to max"] : []),
    vi ? "So với dẫn đầu" : "vs leader",
    vi ? "So với trung bình" : "vs average",
    ...(withTarget ? [vi ? "So với mục tiêu" : "vs target"] : []),
    `+${formatPoints(ex.step, d, lang)} → ${index}`,
  ];
  const rows = ex.nodes.map((x) => [
    `${"\u00a0\u00a0\u00a0".repeat(Math.max(0, x.depth - 1))}${nameIn(x.name, lang)}${x.short !== undefined ? ` (${x.short})` : ""}`,
    n(x.value),
    x.rank === null ? "–" : String(x.rank),
    ...(withPoints ? [`${pts(x.points)} / ${pts(x.maxPoints)}`] : [formatDecimal(x.share, d, lang)]),
    `${formatDecimal(x.percent * 100, 1, lang)} %`,
    ...(withPoints ? [pts(x.gapToMaxPoints)] : []),
    s(x.leader === null ? null : -x.leader.gap),
    s(x.average === null ? null : -x.average.gap),
    ...(withTarget ? [s(x.target === null ? null : -x.target.gap)] : []),
    x.kind === "leaf" ? s(x.gainPerStep) : "",
  ]);
  const total = [
    markdownSource(`**${markdownText(index)}**`),
    markdownSource(`**${markdownText(n(ex.value))}**`),
    ex.rank === null ? "–" : `${ex.rank}/${ex.units}`,
    ...(withPoints ? [`${pts(ex.points)} / ${pts(ex.maxPoints)}`] : ["1"]),
    "100 %",
    ...(withPoints ? [pts(ex.points === null || ex.maxPoints === null ? null : ex.maxPoints - ex.points)] : []),
    s(ex.leader?.score == null || ex.score === null ? null : ex.score - ex.leader.score),
    s(ex.average === null || ex.score === null ? null : ex.score - ex.average.score),
    ...(withTarget ? [s(ex.target === null ? null : -ex.target.gap)] : []),
    "",
  ];
  const notes = [
    vi
      ? "Chênh lệch = giá trị của đơn vị trừ giá trị so sánh (âm: đứng sau). Cột cuối: mức tăng của chỉ số tổng nếu chỉ số tăng thêm (ước lượng tuyến tính theo trọng số; `dti whatif` tính lại chính xác)."
      : "Differences = the unit's value minus the reference (negative: behind). Last column: the index gain if the indicator rose by that much (linear estimate from the weights; `dti whatif` re-scores exactly).",
  ];
  const unranked = rankNoteText(ex, vi ? "vi" : "en");
  if (unranked !== undefined) notes.push(vi ? `Đơn vị được đánh giá nhưng không xếp hạng (${unranked}): hạng để trống.` : `The unit is assessed but not ranked (${unranked}): no rank.`);
  if (ex.nodes.some((x) => x.adjust !== undefined)) {
    notes.push(
      vi
        ? "Điểm thưởng và điểm trừ được cộng, trừ sau tổng điểm có trọng số, trong giới hạn tối đa của chúng; chỉ số tổng giữ trong khoảng của bộ chỉ số."
        : "Bonus and penalty points are added or taken after the weighted total, within their caps; the index is kept within the framework's range.",
    );
  }
  if (!ex.additive) notes.push(vi ? "Khung có phép nhân (trung bình nhân): đóng góp chỉ là xấp xỉ." : "The framework uses geometric means: contributions are approximate.");
  const views =
    ex.views.length === 0
      ? ""
      : `\n${markdownTable(
          [vi ? "Trụ cột" : "Pillar", vi ? "Giá trị" : "Value", vi ? "Hạng" : "Rank", vi ? "So với dẫn đầu" : "vs leader", vi ? "So với trung bình" : "vs average"],
          ex.views.map((v) => [nameIn(v.name, lang), n(v.value), v.rank === null ? "–" : String(v.rank), s(v.leader === null ? null : -v.leader.gap), s(v.average === null ? null : -v.average.gap)]),
        )}`;
  return `${title}\n\n${markdownText(vi ? ex.summary.vi : ex.summary.en)}\n\n${markdownTable(header, [...rows, total])}${views}\n${notes.join("\n")}\n`;
}
