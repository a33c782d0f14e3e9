/**
 * The ranking as a document: the one table behind `toMarkdown`, `toHTML`, the notebook display
 * and the streamed CLI's Markdown. Rank, unit (group and group rank, year when present), the index
 * value, extra columns, one column per node and view, and a note column when some unit is
 * assessed but not ranked.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { nodeCells, type NodeCells } from "../pipeline/unit-nodes.ts";
import { localName } from "../text/local-name.ts";
import { rankingLabels } from "../text/labels/index.ts";
import { columnLabel, reportColumns, type ColumnOptions } from "./columns.ts";
import { cell, cellOf, document, num, rank, text, type Block, type Cell, type Column, type Content, type Document } from "./document/model.ts";
import type { NumberStyle } from "./format-number.ts";
import { RANK_NOTE_HEADER, rankNoteText } from "./rank-note.ts";
import { rankingShape, type RankingShape, type RankingUnit } from "./ranking-shape.ts";

/** An extra column of the ranking (after the index value), such as the report's maturity band. */
export interface RankingExtraColumn<U = UnitResult> {
  readonly header: string;
  /** The unit's cell: text (escaped by each writer) or inline content, e.g. a `span` badge. */
  readonly cell: (unit: U) => Content | readonly Content[];
  /** Class of the header and cells in HTML; default "extra". */
  readonly className?: string;
}

/** Options of {@link rankingTable}. */
export interface RankingTableOptions<U = UnitResult> extends ColumnOptions {
  readonly extraColumns?: readonly RankingExtraColumn<U>[];
}

/** Options of {@link rankingDocument}. */
export interface RankingDocumentOptions extends RankingTableOptions {
  /** Show at most this many units. */
  readonly limit?: number;
  /** A caption (HTML). */
  readonly caption?: string;
  /** The HTML table's class; default "dti-ranking". */
  readonly className?: string;
}

/** The ranking table's columns and the cells of one unit's row (`nodes`: its node cells). */
export interface RankingTable<U extends RankingUnit> {
  readonly columns: readonly Column[];
  row(unit: U, nodes: NodeCells): Cell[];
}

/** A column of the ranking: a text header, the class of its HTML cells, its alignment, a longer title. */
const col = (header: string, className: string, align: Column["align"] = "right", title?: string): Column => ({ header: [text(header)], className, align, ...(title === undefined ? {} : { title }) });

const extraCell = (content: Content | readonly Content[]): Cell => (Array.isArray(content) ? cellOf(content as readonly Content[]) : cell(content as Content));

/**
 * The ranking's columns for a {@link RankingShape} (what a result or the streamed CLI's first pass
 * knows) and the cells of each unit's row: published values keep their digits (never rounded
 * again), missing values and ranks show "–".
 *
 * @example
 * ```ts
 * import { rankingShape } from "./ranking-shape.ts";
 * rankingTable(rankingShape(result)).columns.map((c) => c.className).slice(0, 3); // => ["rank", "unit", "num"]
 * ```
 */
export function rankingTable<U extends RankingUnit = UnitResult>(shape: RankingShape, options: RankingTableOptions<U> = {}): RankingTable<U> {
  const language = options.language ?? "vi";
  const L = rankingLabels(language);
  const columns = reportColumns(shape, options);
  const { group: withGroup, year: withYear, unranked } = shape.has;
  const rootInfo = shape.nodes.find((n) => n.id === shape.root);
  const extra = options.extraColumns ?? [];
  // A node's column: its short label (or name), with the full name as the title when they differ.
  const node = (info: (typeof columns)[number]): Column => {
    const label = columnLabel(info, language);
    const name = localName(info.name, language);
    return col(label, "num", "right", name === label ? undefined : name);
  };
  const head: Column[] = [
    col(L.rank, "rank"),
    { ...col(L.unit, "unit", "left"), rowHeader: true },
    ...(withGroup ? [col(L.group, "group", "left"), col(L.groupRank, "rank")] : []),
    ...(withYear ? [col(L.year, "year")] : []),
    rootInfo === undefined ? col(shape.root, "num") : node(rootInfo),
    ...extra.map((c) => col(c.header, c.className ?? "extra")),
    ...columns.map(node),
    ...(unranked ? [col(RANK_NOTE_HEADER[language], "note", "left")] : []),
  ];
  return {
    columns: head,
    row: (u, nodes) => [
      rank(u.rank),
      cell(u.unit),
      ...(withGroup ? [cell(u.group ?? ""), rank(u.groupRank)] : []),
      ...(withYear ? [cell(u.year === undefined ? "" : String(u.year))] : []),
      num(u.value),
      ...extra.map((c) => extraCell(c.cell(u))),
      ...columns.map((c) => num(nodes.value(c.id))),
      ...(unranked ? [cell(rankNoteText(u, language) ?? "")] : []),
    ],
  };
}

/** A table block of the document model. */
export type TableBlock = Extract<Block, { kind: "table" }>;

/**
 * The ranking of a result as a table block ({@link rankingTable}): what {@link rankingDocument}
 * holds, for writers that write the table alone.
 *
 * @example
 * ```ts
 * rankingBlock(result, { limit: 2 }).rows.length; // => 2
 * ```
 */
export function rankingBlock(result: ScoreResult, options: RankingDocumentOptions = {}): TableBlock {
  const { columns, row } = rankingTable(rankingShape(result), options);
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  return {
    kind: "table",
    columns,
    rows: units.map((u) => row(u, nodeCells(u))),
    ...(options.caption !== undefined ? { caption: options.caption } : {}),
    className: options.className ?? "dti-ranking",
  };
}

/**
 * The ranking of a result as a document of one table ({@link rankingBlock}), its numbers written
 * in `numbers`.
 *
 * @example
 * ```ts
 * documentToMarkdown(rankingDocument(result, plainStyle(), { limit: 1, columns: [] })); // "| Hạng | Đơn vị | DTI |\n| ---: | :--- | ---: |\n| 1 | TP. Đà Nẵng | 0.8002 |\n"
 * ```
 */
export function rankingDocument(result: ScoreResult, numbers: NumberStyle, options: RankingDocumentOptions = {}): Document {
  return document([rankingBlock(result, options)], numbers);
}
