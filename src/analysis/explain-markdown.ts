/**
 * An explanation as a document (Markdown, HTML): the summary, then one row per indicator.
 *
 * @module
 */
import { rankNoteText } from "../report/rank-note.ts";
import type { Explanation } from "./explanation.ts";
import { localName } from "../text/local-name.ts";
import { analysisStyle, type Language } from "./format.ts";
import { cell, document, heading, lines, num, paragraph, rank, strong, table, type Document } from "../report/document/model.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { explainLabels } from "../text/labels/index.ts";

/**
 * The explanation as a document: a heading, the plain-language summary, and a table of every
 * scored node (value, rank, points of max points, share of the unit's total, points left to the
 * maximum, gaps to the leader, the average and the target).
 *
 * @example
 * ```ts
 * documentToHTML(explainDocument(explain(fw, result, "TP. Đà Nẵng"), { language: "en" }));
 * ```
 */
export function explainDocument(ex: Explanation, options: { readonly language?: Language } = {}): Document {
  const lang = options.language ?? "vi";
  const L = explainLabels(lang);
  const d = ex.decimals;
  const n = (x: number | string | null) => num(x, { places: d });
  const s = (x: number | null | undefined) => num(x, { places: d, sign: true });
  const pts = (x: number | null) => num(x, { places: 3, trim: true });
  const withPoints = ex.maxPoints !== null;
  const index = ex.index.short ?? localName(ex.index.name, lang);
  const withTarget = ex.target !== null || ex.nodes.some((x) => x.target !== null);
  const header = [
    L.indicator,
    L.value,
    L.rank,
    ...(withPoints ? [L.pointsOfMax] : [L.weight]),
    L.share,
    ...(withPoints ? [L.pointsToMax] : []),
    L.vsLeader,
    L.vsAverage,
    ...(withTarget ? [L.vsTarget] : []),
    { header: ["+", num(ex.step, { places: d, trim: true }), ` → ${index}`] },
  ];
  const rows = ex.nodes.map((x) => [
    `${"\u00a0\u00a0\u00a0".repeat(Math.max(0, x.depth - 1))}${localName(x.name, lang)}${x.short !== undefined ? ` (${x.short})` : ""}`,
    n(x.value),
    rank(x.rank),
    ...(withPoints ? [cell(pts(x.points), " / ", pts(x.maxPoints))] : [n(x.share)]),
    cell(num(x.percent * 100, { places: 1 }), " %"),
    ...(withPoints ? [pts(x.gapToMaxPoints)] : []),
    s(x.leader === null ? null : -x.leader.gap),
    s(x.average === null ? null : -x.average.gap),
    ...(withTarget ? [s(x.target === null ? null : -x.target.gap)] : []),
    x.kind === "leaf" ? s(x.gainPerStep) : "",
  ]);
  const total = [
    cell(strong(index)),
    cell(strong(n(ex.value))),
    rank(ex.rank, ex.units),
    ...(withPoints ? [cell(pts(ex.points), " / ", pts(ex.maxPoints))] : ["1"]),
    "100 %",
    ...(withPoints ? [pts(ex.points === null || ex.maxPoints === null ? null : ex.maxPoints - ex.points)] : []),
    s(ex.leader?.score == null || ex.score === null ? null : ex.score - ex.leader.score),
    s(ex.average === null || ex.score === null ? null : ex.score - ex.average.score),
    ...(withTarget ? [s(ex.target === null ? null : -ex.target.gap)] : []),
    "",
  ];
  const unranked = rankNoteText(ex, lang);
  const notes = [
    ...(unranked === undefined ? [] : [[L.notRanked(unranked)]]),
    ...(ex.nodes.some((x) => x.adjust !== undefined) ? [[L.adjusted]] : []),
    ...(ex.additive ? [] : [[L.notAdditive]]),
  ];
  const views =
    ex.views.length === 0
      ? undefined
      : table(
          [L.pillar, L.value, L.rank, L.vsLeader, L.vsAverage],
          ex.views.map((v) => [localName(v.name, lang), n(v.value), rank(v.rank), s(v.leader === null ? null : -v.leader.gap), s(v.average === null ? null : -v.average.gap)]),
        );
  return document(
    [
      heading(2, L.title(ex.unit, index, ex.year)),
      paragraph(ex.summary[lang]),
      table(header, [...rows, total]),
      views,
      lines([L.differences, ...notes]),
    ],
    analysisStyle(lang),
  );
}

/**
 * The explanation as Markdown ({@link explainDocument}).
 *
 * @example
 * ```ts
 * console.log(explainToMarkdown(explain(fw, result, "TP. Đà Nẵng"), { language: "vi" }));
 * ```
 */
export function explainToMarkdown(ex: Explanation, options: { readonly language?: Language } = {}): string {
  return documentToMarkdown(explainDocument(ex, options));
}
