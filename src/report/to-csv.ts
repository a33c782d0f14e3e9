import { csvCell } from "./escape.ts";
import { formatNumber, plainStyle } from "./format-number.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { nodeCells, type NodeCells } from "../pipeline/unit-nodes.ts";

/** Options of {@link toCSV}. */
export interface CsvReportOptions {
  /** Field delimiter; default ",". Use ";" with `decimalComma` for vi-VN Excel. */
  readonly delimiter?: "," | ";" | "\t";
  /** Write every number column (values and coverage) with a decimal comma ("0,8002"). Default false. */
  readonly decimalComma?: boolean;
  /** Start with a UTF-8 BOM so Excel reads Vietnamese text correctly. Default false. */
  readonly bom?: boolean;
}

/**
 * The ranking as CSV, one row per unit in result order: rank, group_rank, unit, code, group, year,
 * members, the index value, then for every node and view its value and rank (`<id>`,
 * `<id>_rank`), and coverage. Headers are node ids, so the file reads back unambiguously.
 *
 * @example
 * ```ts
 * toCSV(result).split("\n")[0]; // => "rank,unit,dti,…"
 * ```
 */
export function toCSV(result: ScoreResult, options: CsvReportOptions = {}): string {
  const d = options.delimiter ?? ",";
  const style = plainStyle(options.decimalComma === true, "");
  const num = (v: string | number | null) => formatNumber(v, style);
  const has = (f: (u: ScoreResult["units"][number]) => unknown) => result.units.some((u) => f(u) !== undefined && f(u) !== null);
  const withGroup = has((u) => u.group);
  const cols: { header: string; cell: (u: ScoreResult["units"][number]) => string }[] = [
    { header: "rank", cell: (u) => (u.rank === null ? "" : String(u.rank)) },
    ...(withGroup ? [{ header: "group_rank", cell: (u: ScoreResult["units"][number]) => (u.groupRank === null ? "" : String(u.groupRank)) }] : []),
    { header: "unit", cell: (u) => csvCell(u.unit, d) },
    ...(has((u) => u.code) ? [{ header: "code", cell: (u: ScoreResult["units"][number]) => csvCell(u.code ?? "", d) }] : []),
    ...(withGroup ? [{ header: "group", cell: (u: ScoreResult["units"][number]) => csvCell(u.group ?? "", d) }] : []),
    ...(has((u) => u.year) ? [{ header: "year", cell: (u: ScoreResult["units"][number]) => (u.year === undefined ? "" : String(u.year)) }] : []),
    ...(has((u) => u.members) ? [{ header: "members", cell: (u: ScoreResult["units"][number]) => csvCell((u.members ?? []).join(" + "), d) }] : []),
    { header: result.root, cell: (u) => num(u.value) },
  ];
  // Node cells are read from the result's columns (no node objects made for a large ranking).
  const nodeCols: { header: string; cell: (cells: NodeCells) => string }[] = [];
  for (const info of result.nodes) {
    if (info.id === result.root) continue;
    nodeCols.push({ header: info.id, cell: (c) => num(c.value(info.id)) });
    nodeCols.push({ header: `${info.id}_rank`, cell: (c) => String(c.rank(info.id) ?? "") });
  }
  const coverage = { header: "coverage", cell: (u: ScoreResult["units"][number]) => num(u.coverage) };
  const headers = [...cols.map((c) => c.header), ...nodeCols.map((c) => c.header), coverage.header];
  let text = `${options.bom ? "\uFEFF" : ""}${headers.map((h) => csvCell(h, d)).join(d)}\r\n`;
  for (const u of result.units) {
    let line = "";
    for (const c of cols) line += `${c.cell(u)}${d}`;
    const cells = nodeCells(u);
    for (const c of nodeCols) line += `${c.cell(cells)}${d}`;
    text += `${line}${coverage.cell(u)}\r\n`;
  }
  return text;
}
