import { csvCell } from "./escape.ts";
import { formatNumber, plainStyle } from "./format-number.ts";
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { nodeCells, type NodeCells, type UnitTable } from "../pipeline/unit-nodes.ts";
import { rankingColumns, type RankingCellKind, type RankingColumn, type RankingColumnOptions } from "./ranking-columns.ts";
import { rankingShape, type RankingShape, type RankingUnit } from "./ranking-shape.ts";

/** Options of {@link toCSV}. */
export interface CsvReportOptions extends RankingColumnOptions {
  /** Field delimiter; default ",". Use ";" with `decimalComma` for vi-VN Excel. */
  readonly delimiter?: "," | ";" | "\t";
  /** Write every number column (values and coverage) with a decimal comma ("0,8002"). Default false. */
  readonly decimalComma?: boolean;
  /** Start with a UTF-8 BOM so Excel reads Vietnamese text correctly. Default false. */
  readonly bom?: boolean;
}

/** The CSV of a ranking, a line at a time: the header line, then one line per unit in result order. */
export interface CsvRankingWriter {
  /** The BOM (when asked) and the header line, CRLF-terminated. */
  readonly header: string;
  /** One unit's line, CRLF-terminated; `nodes` are its node cells. */
  row(unit: RankingUnit, nodes: NodeCells): string;
  /**
   * The same lines with node cells read from a table by position (`index`: node id → position,
   * the index excluded): unit `i` of `table`, no lookup by id per cell (the streamed CLI).
   */
  tableRows(index: ReadonlyMap<string, number>): (unit: RankingUnit, table: UnitTable, i: number) => string;
}

/**
 * The one CSV writer of a ranking, for a result ({@link toCSV}) and for the streamed CLI, which
 * writes the same lines unit by unit from its own records.
 *
 * @example
 * ```ts
 * import { rankingShape } from "./ranking-shape.ts";
 * import { nodeCells } from "../pipeline/unit-nodes.ts";
 * const w = csvRankingWriter(rankingShape(result));
 * toCSV(result).startsWith(w.header + w.row(result.units[0], nodeCells(result.units[0]))); // => true
 * ```
 */
export function csvRankingWriter(shape: RankingShape, options: CsvReportOptions = {}): CsvRankingWriter {
  const d = options.delimiter ?? ",";
  const style = plainStyle(options.decimalComma === true, "");
  const cols = rankingColumns(shape, options);
  // A published value is written as it is in the point style (what formatNumber gives it), without the call.
  const asIs = options.decimalComma !== true;
  const write = (kind: RankingCellKind, v: string | number | null) =>
    kind === "value" && asIs && typeof v === "string" ? v : kind === "text" ? csvCell(v === null ? "" : String(v), d) : kind === "rank" ? (v === null ? "" : String(v)) : formatNumber(v, style);
  // The cells are joined once (a flat string), not concatenated one by one: a million-unit stream
  // writes hundreds of millions of cells.
  const parts: string[] = new Array<string>(cols.length).fill("");
  const line = (cell: (c: RankingColumn, k: number) => string | number | null) => {
    for (let k = 0; k < cols.length; k++) parts[k] = write(cols[k]!.kind, cell(cols[k]!, k));
    parts[cols.length - 1] += "\r\n";
    return parts.join(d);
  };
  return {
    header: `${options.bom ? "\uFEFF" : ""}${cols.map((c) => csvCell(c.header, d)).join(d)}\r\n`,
    row: (u, nodes) => line((c) => c.cell(u, nodes)),
    tableRows(index) {
      const cell = tableCells(cols, index);
      return (u, table, i) => line((c, k) => cell(u, table, i, c, k));
    },
  };
}

/**
 * A column's cell of unit `i` of a table: a node's value or rank read by its position (from
 * `index`; missing for a node not in it), any other cell as the column reads it.
 */
function tableCells(cols: readonly RankingColumn[], index: ReadonlyMap<string, number>) {
  const at = cols.map((c) => (c.node === undefined ? -1 : (index.get(c.node.id) ?? -2)));
  const none = nodeCells({ nodes: {} } as UnitResult);
  return (u: RankingUnit, table: UnitTable, i: number, c: RankingColumn, k: number): string | number | null => {
    const p = at[k]!;
    if (p === -1) return c.cell(u, none);
    return p < 0 ? null : c.node!.read === "rank" ? table.rank(i, p) : table.value(i, p);
  };
}

/**
 * The ranking as CSV, one row per unit in result order: rank, group_rank, unit, code, group, year,
 * members, the index value, then for every node and view its value and rank (`<id>`,
 * `<id>_rank`), and coverage. Headers are node ids by default, so the file reads back
 * unambiguously; `headers: "names"` writes Vietnamese (or English) names instead, and `points`
 * (the framework's total, see `totalPoints`) adds the index in points beside its 0-1 value (see
 * {@link rankingColumns}).
 *
 * @example
 * ```ts
 * toCSV(result).split("\n")[0]; // => "rank,unit,dti,…"
 * toCSV(result, { headers: "names", points: 1000 }).split("\n")[0]; // => "Hạng,Đơn vị,DTI,Điểm (trên 1000),Nhóm chỉ số nền tảng chung,…"
 * ```
 */
export function toCSV(result: ScoreResult, options: CsvReportOptions = {}): string {
  const writer = csvRankingWriter(rankingShape(result), options);
  let text = writer.header;
  for (const u of result.units) text += writer.row(u, nodeCells(u));
  return text;
}
