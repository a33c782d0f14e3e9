/**
 * The ranking as a GitHub-flavoured Markdown table.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import type { ColumnOptions } from "./columns.ts";
import { markdownTableHead, markdownTableRow, tableToMarkdown } from "./document/to-markdown.ts";
import { localeStyle, plainStyle, type NumberStyle } from "./format-number.ts";
import { rankingBlock, rankingTable } from "./ranking-document.ts";
import type { NodeCells } from "../pipeline/unit-nodes.ts";
import type { RankingShape, RankingUnit } from "./ranking-shape.ts";

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
 * The Markdown ranking table a line at a time, for the streamed CLI, which writes the rows unit
 * by unit from its own records: the head and rows of the document writer, from the same ranking
 * table as {@link toMarkdown}, so both write the same bytes. `limit` is the caller's to apply.
 *
 * @example
 * ```ts
 * import { rankingShape } from "./ranking-shape.ts";
 * markdownRankingWriter(rankingShape(result)).head.split("\n")[0]; // => "| Hạng | Đơn vị | DTI | Nhóm chỉ số nền tảng chung | NTS | …"
 * ```
 */
export function markdownRankingWriter(shape: RankingShape, options: MarkdownOptions = {}): MarkdownRankingWriter {
  const numbers = markdownNumbers(options);
  const table = rankingTable<RankingUnit>(shape, options);
  return { head: markdownTableHead(table.columns, numbers), row: (u, nodes) => markdownTableRow(table.row(u, nodes), numbers) };
}

/** The number style of the Markdown ranking: the locale's, or the plain published text (with a decimal comma if asked). */
function markdownNumbers(options: MarkdownOptions): NumberStyle {
  return options.locale === undefined ? plainStyle(options.decimalComma === true) : localeStyle(options.locale);
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
  checkArgument(isResultLike(result), "toMarkdown", "the result of score()", result);
  return tableToMarkdown(rankingBlock(result, options), markdownNumbers(options));
}
