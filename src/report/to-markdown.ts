import type { ScoreResult } from "../pipeline/types.ts";
import { nodeCells, type NodeCells } from "../pipeline/unit-nodes.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { formatNumber, localeStyle, plainStyle } from "./format-number.ts";
import { markdownHead, markdownRow, type Align } from "./markdown-table.ts";
import { RANK_NOTE_HEADER, rankNoteText } from "./rank-note.ts";
import { rankingShape, type RankingShape, type RankingUnit } from "./ranking-shape.ts";

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions extends ColumnOptions {
  /** Write values with a decimal comma ("0,8002", vi-VN). Default false. */
  readonly decimalComma?: boolean;
  /** BCP 47 locale of the numbers ("vi-VN" writes 0,8002); default the plain published text (0.8002). */
  readonly locale?: string;
  /** Show at most this many units. */
  readonly limit?: number;
}

/** The Markdown table of a ranking, a line at a time: the head, then one line per unit in result order. */
export interface MarkdownRankingWriter {
  /** The header row and the alignment row, each ending with a line break. */
  readonly head: string;
  /** One unit's row, ending with a line break; `nodes` are its node cells. */
  row(unit: RankingUnit, nodes: NodeCells): string;
}

/**
 * The one Markdown writer of a ranking table, for a result ({@link toMarkdown}) and for the
 * streamed CLI, which writes the same rows unit by unit from its own records. `limit` is the
 * caller's to apply.
 *
 * @example
 * ```ts
 * import { rankingShape } from "./ranking-shape.ts";
 * markdownRankingWriter(rankingShape(result)).head.split("\n")[0]; // => "| Hạng | Đơn vị | DTI | Nhóm chỉ số nền tảng chung | NTS | …"
 * ```
 */
export function markdownRankingWriter(shape: RankingShape, options: MarkdownOptions = {}): MarkdownRankingWriter {
  const en = options.language === "en";
  const columns = reportColumns(shape, options);
  const style = options.locale === undefined ? plainStyle(options.decimalComma === true) : localeStyle(options.locale);
  const num = (v: string | null) => formatNumber(v, style);
  const withGroup = shape.has.group;
  const withYear = shape.has.year;
  const rootInfo = shape.nodes.find((n) => n.id === shape.root);
  const header = [
    en ? "Rank" : "Hạng",
    en ? "Unit" : "Đơn vị",
    ...(withGroup ? [en ? "Group" : "Nhóm", en ? "Group rank" : "Hạng trong nhóm"] : []),
    ...(withYear ? [en ? "Year" : "Năm"] : []),
    rootInfo === undefined ? shape.root : columnLabel(rootInfo, options.language),
    ...columns.map((c) => columnLabel(c, options.language)),
    ...(shape.has.unranked ? [RANK_NOTE_HEADER[en ? "en" : "vi"]] : []),
  ];
  const align = header.map((_, i): Align => (i === 1 || (withGroup && i === 2) || (shape.has.unranked && i === header.length - 1) ? "l" : "r"));
  return {
    head: markdownHead(header, align),
    row: (u, nodes) =>
      `${markdownRow([
        u.rank === null ? "–" : String(u.rank),
        u.unit,
        ...(withGroup ? [u.group ?? "", u.groupRank === null ? "–" : String(u.groupRank)] : []),
        ...(withYear ? [u.year === undefined ? "" : String(u.year)] : []),
        num(u.value),
        ...columns.map((c) => num(nodes.value(c.id))),
        ...(shape.has.unranked ? [rankNoteText(u, en ? "en" : "vi") ?? ""] : []),
      ])}\n`,
  };
}

/**
 * The ranking as a GitHub-flavoured Markdown table: rank, unit (group, year when present), the
 * index value, then one column per node and view (short label or name); when some unit is assessed
 * but not ranked, a last column says so (its rank shows "–").
 *
 * @example
 * ```ts
 * toMarkdown(result).split("\n")[0]; // => "| Hạng | Đơn vị | DTI | Nhóm chỉ số nền tảng chung | NTS | …"
 * toMarkdown(result, { locale: "vi-VN" }); // values written 0,8002
 * ```
 */
export function toMarkdown(result: ScoreResult, options: MarkdownOptions = {}): string {
  const writer = markdownRankingWriter(rankingShape(result), options);
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  let text = writer.head;
  for (const u of units) text += writer.row(u, nodeCells(u));
  return text;
}
