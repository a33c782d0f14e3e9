import type { ScoreResult } from "../pipeline/types.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { formatNumber, localeStyle, plainStyle } from "./format-number.ts";
import { markdownTable, type Align } from "./markdown-table.ts";
import { hasUnranked, RANK_NOTE_HEADER, rankNoteText } from "./rank-note.ts";

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
  const en = options.language === "en";
  const columns = reportColumns(result, options);
  const style = options.locale === undefined ? plainStyle(options.decimalComma === true) : localeStyle(options.locale);
  const num = (v: string | null) => formatNumber(v, style);
  const withGroup = result.units.some((u) => u.group !== undefined);
  const withYear = result.units.some((u) => u.year !== undefined);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const unranked = hasUnranked(result);
  const header = [
    en ? "Rank" : "Hạng",
    en ? "Unit" : "Đơn vị",
    ...(withGroup ? [en ? "Group" : "Nhóm", en ? "Group rank" : "Hạng trong nhóm"] : []),
    ...(withYear ? [en ? "Year" : "Năm"] : []),
    rootInfo === undefined ? result.root : columnLabel(rootInfo, options.language),
    ...columns.map((c) => columnLabel(c, options.language)),
    ...(unranked ? [RANK_NOTE_HEADER[en ? "en" : "vi"]] : []),
  ];
  const align = header.map((_, i): Align => (i === 1 || (withGroup && i === 2) || (unranked && i === header.length - 1) ? "l" : "r"));
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  const rows = units.map((u) => [
    u.rank === null ? "–" : String(u.rank),
    u.unit,
    ...(withGroup ? [u.group ?? "", u.groupRank === null ? "–" : String(u.groupRank)] : []),
    ...(withYear ? [u.year === undefined ? "" : String(u.year)] : []),
    num(u.value),
    ...columns.map((c) => num(u.nodes[c.id]?.value ?? null)),
    ...(unranked ? [rankNoteText(u, en ? "en" : "vi") ?? ""] : []),
  ]);
  return markdownTable(header, rows, align);
}
