/**
 * The columns of a ranking table (CSV, and any sheet writer): what each column holds, its header
 * as a node id or as a name, and each unit's cell as typed data (a rank, a published value's text,
 * a name). Renderers format the cells; this module decides only which columns there are.
 *
 * @module
 */
import type { NodeInfo, ScoreResult } from "../pipeline/types.ts";
import type { NodeCells } from "../pipeline/unit-nodes.ts";
import { columnLabel, type Language } from "./columns.ts";
import { pointsText } from "./points.ts";
import { rankingShape, type RankingShape, type RankingUnit } from "./ranking-shape.ts";
import { RANK_NOTE_HEADER, rankNoteText } from "./rank-note.ts";

/** Options of {@link rankingColumns}. */
export interface RankingColumnOptions {
  /** Headers as node ids and fixed English words (default: the file reads back unambiguously), or as names in `language`. */
  readonly headers?: "ids" | "names";
  /** Language of names: "vi" (default) or "en". */
  readonly language?: Language;
  /** The framework's total points (see `totalPoints`): adds a column of the index in points after its 0-1 value. */
  readonly points?: number;
}

/** What a ranking column holds: a rank, text, a published value (decimal text), or a share in [0, 1]. */
export type RankingCellKind = "rank" | "text" | "value" | "share";

/** One column of a ranking table. */
export interface RankingColumn {
  /** The column's id-style header, whatever `headers` says ("rank", "dti", "dti_points", "<node>_rank" …). */
  readonly id: string;
  /** The header to write. */
  readonly header: string;
  readonly kind: RankingCellKind;
  /**
   * The unit's cell: a rank or share as a number, a value as its published text, or text; `null`
   * when missing. `nodes` is `nodeCells(unit)`, made once per row by the writer (node cells are
   * read from the result's columns, so a large ranking makes no node objects).
   */
  readonly cell: (unit: RankingUnit, nodes: NodeCells) => string | number | null;
  /**
   * For a node's value or rank column (not the index's): the node and which of its cells, so that
   * a writer reading a table of nodes by position (the streamed CLI) finds it without a lookup by id.
   */
  readonly node?: { readonly id: string; readonly read: "value" | "rank" };
}

const WORDS = {
  rank: { vi: "Hạng", en: "Rank" },
  group_rank: { vi: "Hạng trong nhóm", en: "Group rank" },
  unit: { vi: "Đơn vị", en: "Unit" },
  code: { vi: "Mã", en: "Code" },
  group: { vi: "Nhóm", en: "Group" },
  year: { vi: "Năm", en: "Year" },
  members: { vi: "Đơn vị hợp nhất", en: "Members" },
  coverage: { vi: "Tỷ lệ có dữ liệu", en: "Coverage" },
} as const;

/**
 * The ranking columns of a result, in the order `toCSV` writes them: rank, group rank, unit, code,
 * group, year, members (each only when some unit has one), the index value (and its points, with
 * `points`), then every other node and view with its rank, and coverage. With `headers: "names"`
 * the headers are Vietnamese (or English) words and node labels, a rank column "<label> - hạng";
 * a label two nodes share is followed by the node id in brackets. Takes a result, or the
 * {@link RankingShape} of one (what the streamed CLI knows after its first pass).
 *
 * @example
 * ```ts
 * rankingColumns(result, { headers: "names", points: 1000 }).map((c) => c.header).slice(0, 4);
 * // => ["Hạng", "Đơn vị", "DTI", "Điểm (trên 1000)"]
 * ```
 */
export function rankingColumns(source: ScoreResult | RankingShape, options: RankingColumnOptions = {}): RankingColumn[] {
  const result = "units" in source ? rankingShape(source) : source;
  const lang: Language = options.language === "en" ? "en" : "vi";
  const names = options.headers === "names";
  const word = (id: keyof typeof WORDS) => (names ? WORDS[id][lang] : id);
  const withGroup = result.has.group;
  const cols: RankingColumn[] = [{ id: "rank", header: word("rank"), kind: "rank", cell: (u) => u.rank }];
  if (withGroup) cols.push({ id: "group_rank", header: word("group_rank"), kind: "rank", cell: (u) => u.groupRank });
  cols.push({ id: "unit", header: word("unit"), kind: "text", cell: (u) => u.unit });
  if (result.has.code) cols.push({ id: "code", header: word("code"), kind: "text", cell: (u) => u.code ?? null });
  if (withGroup) cols.push({ id: "group", header: word("group"), kind: "text", cell: (u) => u.group ?? null });
  if (result.has.year) cols.push({ id: "year", header: word("year"), kind: "rank", cell: (u) => u.year ?? null });
  if (result.has.members) cols.push({ id: "members", header: word("members"), kind: "text", cell: (u) => (u.members ?? []).join(" + ") });
  // Units assessed but not ranked: their rank cells are blank, this says why.
  if (result.has.unranked) cols.push({ id: "rank_note", header: names ? RANK_NOTE_HEADER[lang] : "rank_note", kind: "text", cell: (u) => rankNoteText(u, lang) ?? null });
  const label = nodeLabels(result.nodes, lang);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  cols.push({ id: result.root, header: names && rootInfo !== undefined ? (label.get(rootInfo.id) as string) : result.root, kind: "value", cell: (u) => u.value });
  const total = options.points;
  if (total !== undefined) {
    const header = names ? (lang === "en" ? `Points (of ${total})` : `Điểm (trên ${total})`) : `${result.root}_points`;
    cols.push({ id: `${result.root}_points`, header, kind: "value", cell: (u) => pointsText(u.value, total) });
  }
  for (const info of result.nodes) {
    if (info.id === result.root) continue;
    const name = label.get(info.id) as string;
    cols.push({ id: info.id, header: names ? name : info.id, kind: "value", cell: (_, nodes) => nodes.value(info.id), node: { id: info.id, read: "value" } });
    cols.push({ id: `${info.id}_rank`, header: names ? `${name} - ${lang === "en" ? "rank" : "hạng"}` : `${info.id}_rank`, kind: "rank", cell: (_, nodes) => nodes.rank(info.id), node: { id: info.id, read: "rank" } });
  }
  cols.push({ id: "coverage", header: word("coverage"), kind: "share", cell: (u) => u.coverage });
  return cols;
}

/** Each node's label; a label shared by two nodes gets the node id after it. */
function nodeLabels(nodes: readonly NodeInfo[], lang: Language): Map<string, string> {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(columnLabel(n, lang), (count.get(columnLabel(n, lang)) ?? 0) + 1);
  return new Map(nodes.map((n) => {
    const l = columnLabel(n, lang);
    return [n.id, (count.get(l) ?? 0) > 1 ? `${l} (${n.id})` : l];
  }));
}
