/**
 * The ranking as an HTML `<table>` fragment.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { escapeXml } from "./escape.ts";
import { hasUnranked, RANK_NOTE_HEADER, rankNoteText } from "./rank-note.ts";
import { defaultLocale, MISSING, valueFormatter } from "./format-number.ts";

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
   * Extra columns right after the index value (e.g. the report's maturity band): a header (text,
   * escaped) and each unit's cell content as HTML — escape any text from the data yourself.
   */
  readonly extraColumns?: readonly HtmlExtraColumn[];
}

/** An extra column of {@link toHTML}. */
export interface HtmlExtraColumn {
  readonly header: string;
  /** The cell's inner HTML for a unit (already escaped). */
  readonly cell: (unit: UnitResult) => string;
  /** Class of the header and cells; default "extra". */
  readonly className?: string;
}

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
  const language = options.language ?? "vi";
  const en = language === "en";
  const fmt = valueFormatter(options.locale ?? defaultLocale(language));
  const columns = reportColumns(result, options);
  const withGroup = result.units.some((u) => u.group !== undefined);
  const withYear = result.units.some((u) => u.year !== undefined);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const extra = options.extraColumns ?? [];
  // Units assessed but not ranked: a last column says why their rank is blank.
  const unranked = hasUnranked(result);
  const th = (label: string, title?: string, cls = "num") =>
    `<th scope="col" class="${cls}"${title !== undefined && title !== label ? ` title="${escapeXml(title)}"` : ""}>${escapeXml(label)}</th>`;
  const name = (info: (typeof columns)[number]) => (en ? (info.name.en ?? info.name.vi) : info.name.vi);
  const head = [
    th(en ? "Rank" : "Hạng", undefined, "rank"),
    th(en ? "Unit" : "Đơn vị", undefined, "unit"),
    ...(withGroup ? [th(en ? "Group" : "Nhóm", undefined, "group"), th(en ? "Group rank" : "Hạng trong nhóm", undefined, "rank")] : []),
    ...(withYear ? [th(en ? "Year" : "Năm", undefined, "year")] : []),
    rootInfo === undefined ? th(result.root) : th(columnLabel(rootInfo, language), name(rootInfo)),
    ...extra.map((c) => th(c.header, undefined, c.className ?? "extra")),
    ...columns.map((c) => th(columnLabel(c, language), name(c))),
    ...(unranked ? [th(RANK_NOTE_HEADER[en ? "en" : "vi"], undefined, "note")] : []),
  ];
  const num = (v: string | null) => (v === null ? `<td class="num missing">${MISSING}</td>` : `<td class="num" data-value="${escapeXml(v)}">${escapeXml(fmt(v))}</td>`);
  const rank = (r: number | null) => `<td class="rank">${r === null ? MISSING : String(r)}</td>`;
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  const rows = units.map((u) =>
    [
      "<tr>",
      rank(u.rank),
      `<th scope="row" class="unit">${escapeXml(u.unit)}</th>`,
      ...(withGroup ? [`<td class="group">${escapeXml(u.group ?? "")}</td>`, rank(u.groupRank)] : []),
      ...(withYear ? [`<td class="year">${u.year === undefined ? "" : String(u.year)}</td>`] : []),
      num(u.value),
      ...extra.map((c) => `<td class="${escapeXml(c.className ?? "extra")}">${c.cell(u)}</td>`),
      ...columns.map((c) => num(u.nodes[c.id]?.value ?? null)),
      ...(unranked ? [`<td class="note">${escapeXml(rankNoteText(u, en ? "en" : "vi") ?? "")}</td>`] : []),
      "</tr>",
    ].join(""),
  );
  const caption = options.caption === undefined ? "" : `<caption>${escapeXml(options.caption)}</caption>\n`;
  return [
    `<table class="${escapeXml(options.className ?? "dti-ranking")}">`,
    `${caption}<thead><tr>${head.join("")}</tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
  ].join("\n") + "\n";
}
