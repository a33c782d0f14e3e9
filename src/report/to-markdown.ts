/**
 * The ranking as a GitHub-flavoured Markdown table.
 *
 * @module
 */
import type { ScoreResult } from "../pipeline/types.ts";
import type { ColumnOptions } from "./columns.ts";
import { documentToMarkdown } from "./document/to-markdown.ts";
import { localeStyle, plainStyle } from "./format-number.ts";
import { rankingDocument } from "./ranking-document.ts";

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions extends ColumnOptions {
  /** Write values with a decimal comma ("0,8002", vi-VN). Default false. */
  readonly decimalComma?: boolean;
  /** BCP 47 locale of the numbers ("vi-VN" writes 0,8002); default the plain published text (0.8002). */
  readonly locale?: string;
  /** Show at most this many units. */
  readonly limit?: number;
}

/**
 * The ranking as a GitHub-flavoured Markdown table: rank, unit (group, year when present), the
 * index value, then one column per node and view (short label or name).
 *
 * @example
 * ```ts
 * toMarkdown(result).split("\n")[0]; // => "| Hạng | Đơn vị | DTI | Nhóm chỉ số nền tảng chung | NTS | …"
 * toMarkdown(result, { locale: "vi-VN" }); // values written 0,8002
 * ```
 */
export function toMarkdown(result: ScoreResult, options: MarkdownOptions = {}): string {
  const numbers = options.locale === undefined ? plainStyle(options.decimalComma === true) : localeStyle(options.locale);
  return documentToMarkdown(rankingDocument(result, numbers, options));
}
