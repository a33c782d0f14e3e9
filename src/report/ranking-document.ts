/**
 * The ranking as a document: the one table behind `toMarkdown`, `toHTML` and the notebook
 * display. Rank, unit (group and group rank, year when present), the index value, extra columns,
 * then one column per node and view.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { localName } from "../text/local-name.ts";
import { rankingLabels } from "../text/labels/index.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { cell, document, num, rank, table, type Cell, type ColumnSpec, type Content, type Document } from "./document/model.ts";
import type { NumberStyle } from "./format-number.ts";

/** An extra column of the ranking (after the index value), such as the report's maturity band. */
export interface RankingExtraColumn {
  readonly header: string;
  /** The unit's cell: text (escaped by each writer) or inline content, e.g. a `span` badge. */
  readonly cell: (unit: UnitResult) => Content | readonly Content[];
  /** Class of the header and cells in HTML; default "extra". */
  readonly className?: string;
}

/** Options of {@link rankingDocument}. */
export interface RankingDocumentOptions extends ColumnOptions {
  /** Show at most this many units. */
  readonly limit?: number;
  /** A caption (HTML). */
  readonly caption?: string;
  /** The HTML table's class; default "dti-ranking". */
  readonly className?: string;
  readonly extraColumns?: readonly RankingExtraColumn[];
}

/**
 * The ranking of a result as a document of one table, its numbers written in `numbers`: published
 * values keep their digits (never rounded again), missing values and ranks show "–".
 *
 * @example
 * ```ts
 * documentToMarkdown(rankingDocument(result, plainStyle(), { limit: 1, columns: [] })); // "| Hạng | Đơn vị | DTI |\n| ---: | :--- | ---: |\n| 1 | TP. Đà Nẵng | 0.8002 |\n"
 * ```
 */
export function rankingDocument(result: ScoreResult, numbers: NumberStyle, options: RankingDocumentOptions = {}): Document {
  const language = options.language ?? "vi";
  const L = rankingLabels(language);
  const columns = reportColumns(result, options);
  const withGroup = result.units.some((u) => u.group !== undefined);
  const withYear = result.units.some((u) => u.year !== undefined);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const extra = options.extraColumns ?? [];
  const node = (info: (typeof columns)[number]): ColumnSpec => ({ header: columnLabel(info, language), title: localName(info.name, language), className: "num" });
  const head: ColumnSpec[] = [
    { header: L.rank, className: "rank", align: "right" },
    { header: L.unit, className: "unit", align: "left", rowHeader: true },
    ...(withGroup ? [{ header: L.group, className: "group", align: "left" as const }, { header: L.groupRank, className: "rank" }] : []),
    ...(withYear ? [{ header: L.year, className: "year" }] : []),
    rootInfo === undefined ? { header: result.root, className: "num" } : node(rootInfo),
    ...extra.map((c) => ({ header: c.header, className: c.className ?? "extra" })),
    ...columns.map(node),
  ];
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  const extraCell = (content: Content | readonly Content[]): Cell => (Array.isArray(content) ? cell(...(content as readonly Content[])) : cell(content as Content));
  const rows = units.map((u) => [
    rank(u.rank),
    u.unit,
    ...(withGroup ? [u.group ?? "", rank(u.groupRank)] : []),
    ...(withYear ? [u.year === undefined ? "" : String(u.year)] : []),
    num(u.value),
    ...extra.map((c) => extraCell(c.cell(u))),
    ...columns.map((c) => num(u.nodes[c.id]?.value ?? null)),
  ]);
  return document([table(head, rows, { ...(options.caption !== undefined ? { caption: options.caption } : {}), className: options.className ?? "dti-ranking" })], numbers);
}
