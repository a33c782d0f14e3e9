import { csvCell } from "./escape.ts";
import { formatNumber, plainStyle } from "./format-number.ts";
import type { ScoreResult } from "../pipeline/types.ts";

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
  for (const info of result.nodes) {
    if (info.id === result.root) continue;
    cols.push({ header: info.id, cell: (u) => num(u.nodes[info.id]?.value ?? null) });
    cols.push({ header: `${info.id}_rank`, cell: (u) => String(u.nodes[info.id]?.rank ?? "") });
  }
  cols.push({ header: "coverage", cell: (u) => num(u.coverage) });
  const lines = [cols.map((c) => csvCell(c.header, d)).join(d), ...result.units.map((u) => cols.map((c) => c.cell(u)).join(d))];
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
