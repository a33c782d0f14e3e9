import type { ScoreResult } from "../pipeline/types.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { MISSING, valueFormatter } from "./format-number.ts";

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions extends ColumnOptions {
  /** Write values with a decimal comma ("0,8002", vi-VN). Default false. */
  readonly decimalComma?: boolean;
  /** BCP 47 locale of the numbers ("vi-VN" writes 0,8002); default the plain published text (0.8002). */
  readonly locale?: string;
  /** Show at most this many units. */
  readonly limit?: number;
}

/** Escapes a Markdown table cell: what {@link markdownText} escapes, then `|` and backslashes. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\\/gu, "\\\\").replace(/\|/gu, "\\|");
}

/**
 * Escapes Markdown prose (a heading, a summary line): `&`, `<`, `>` as HTML entities, line breaks
 * as spaces. Markdown renderers pass raw HTML through, so a unit named `<img src=x onerror=…>`
 * must not become markup; the entities still display as the characters.
 *
 * @example
 * ```ts
 * markdownText("<b>Huế</b>"); // => "&lt;b&gt;Huế&lt;/b&gt;"
 * ```
 */
export function markdownText(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/\r?\n/gu, " ");
}

/**
 * The ranking as a GitHub-flavoured Markdown table: rank, unit (group, year when present), the
 * index value, then one column per node and view (short label or name).
 *
 * @example
 * ```ts
 * toMarkdown(result).split("\n")[0]; // => "| Hạng | Đơn vị | DTI | NTS | …"
 * toMarkdown(result, { locale: "vi-VN" }); // values written 0,8002
 * ```
 */
export function toMarkdown(result: ScoreResult, options: MarkdownOptions = {}): string {
  const en = options.language === "en";
  const columns = reportColumns(result, options);
  const localized = options.locale === undefined ? undefined : valueFormatter(options.locale);
  const num = (v: string | null) => (v === null ? MISSING : localized !== undefined ? localized(v) : options.decimalComma ? v.replace(".", ",") : v);
  const withGroup = result.units.some((u) => u.group !== undefined);
  const withYear = result.units.some((u) => u.year !== undefined);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const header = [
    en ? "Rank" : "Hạng",
    en ? "Unit" : "Đơn vị",
    ...(withGroup ? [en ? "Group" : "Nhóm", en ? "Group rank" : "Hạng trong nhóm"] : []),
    ...(withYear ? [en ? "Year" : "Năm"] : []),
    rootInfo === undefined ? result.root : columnLabel(rootInfo, options.language),
    ...columns.map((c) => columnLabel(c, options.language)),
  ];
  const align = header.map((_, i) => (i === 1 || (withGroup && i === 2) ? ":---" : "---:"));
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  const rows = units.map((u) => [
    u.rank === null ? "–" : String(u.rank),
    u.unit,
    ...(withGroup ? [u.group ?? "", u.groupRank === null ? "–" : String(u.groupRank)] : []),
    ...(withYear ? [u.year === undefined ? "" : String(u.year)] : []),
    num(u.value),
    ...columns.map((c) => num(u.nodes[c.id]?.value ?? null)),
  ]);
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(header), `| ${align.join(" | ")} |`, ...rows.map(line)].join("\n") + "\n";
}
