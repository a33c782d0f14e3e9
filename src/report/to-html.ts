/**
 * The ranking as an HTML `<table>` fragment.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import type { ColumnOptions } from "./columns.ts";
import { tableToHTML } from "./document/to-html.ts";
import { defaultLocale, localeStyle } from "./format-number.ts";
import { rankingBlock, type RankingExtraColumn } from "./ranking-document.ts";

/** Options of {@link toHTML}. */
export interface HtmlTableOptions extends ColumnOptions {
  /** BCP 47 locale of the numbers; default "vi-VN" for Vietnamese labels (0,8002), "en-US" for English. */
  readonly locale?: string;
  /** Show at most this many units. */
  readonly limit?: number;
  /** A caption above the table (escaped). */
  readonly caption?: string;
  /** The table's class attribute; default "dti-ranking". */
  readonly className?: string;
  /**
   * Extra columns right after the index value (e.g. the report's maturity band): a header and each
   * unit's cell as text or inline content of the document model (escaped when written).
   */
  readonly extraColumns?: readonly HtmlExtraColumn[];
}

/** An extra column of {@link toHTML}. */
export type HtmlExtraColumn = RankingExtraColumn;

/**
 * The ranking as an HTML table fragment (no `<html>`, no styles): rank, unit (group and group rank,
 * year when present), the index value, then one column per node and view, headed by its short label
 * with the full name in `title`. Every text from the data is escaped; numbers are formatted for the
 * locale from the published values (never rounded again); missing values show "–". Cells carry
 * classes (`num`, `rank`, `unit`) and `data-value` holds the published value for scripts.
 *
 * @example
 * ```ts
 * toHTML(result, { language: "vi" }); // => '<table class="dti-ranking">…<td class="num" data-value="0.8002">0,8002</td>…'
 * ```
 */
export function toHTML(result: ScoreResult, options: HtmlTableOptions = {}): string {
  checkArgument(isResultLike(result), "toHTML", "the result of score()", result);
  return `${tableToHTML(rankingBlock(result, options), localeStyle(options.locale ?? defaultLocale(options.language ?? "vi")))}\n`;
}
