import { csvCell } from "./escape.ts";
import { checkArgument, isResultLike } from "../errors.ts";
import { formatNumber, plainStyle } from "./format-number.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { nodeCells, type NodeCells } from "../pipeline/unit-nodes.ts";
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
}

/**
 * The text of a ranking cell in a CSV file: a rank as digits, text escaped ({@link csvCell}), a
 * published value as it is (or with a decimal comma), a share by `formatNumber`; blank when
 * missing. The one cell rule of {@link csvRankingWriter} and of the streamed CLI's byte rows.
 *
 * @example
 * ```ts
 * const cell = csvCellText({ decimalComma: true, delimiter: ";" });
 * [cell("rank", 3), cell("value", "0.8002"), cell("text", "Huế; Đà Nẵng"), cell("rank", null)]; // => ["3", "0,8002", "\"Huế; Đà Nẵng\"", ""]
 * ```
 */
export function csvCellText(options: CsvReportOptions = {}): (kind: RankingCellKind, v: string | number | null) => string {
  const d = options.delimiter ?? ",";
  const style = plainStyle(options.decimalComma === true, "");
  // A published value is written as it is in the point style (what formatNumber gives it), without the call.
  const asIs = options.decimalComma !== true;
  return (kind, v) =>
    kind === "value" && asIs && typeof v === "string" ? v : kind === "text" ? csvCell(v === null ? "" : String(v), d) : kind === "rank" ? (v === null ? "" : String(v)) : formatNumber(v, style);
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
  const cols = rankingColumns(shape, options);
  const write = csvCellText(options);
  // The cells are joined once (a flat string), not concatenated one by one.
  const parts: string[] = new Array<string>(cols.length).fill("");
  return {
    header: csvHeader(cols, options),
    row: (u, nodes) => {
      for (let k = 0; k < cols.length; k++) parts[k] = write(cols[k]!.kind, cols[k]!.cell(u, nodes));
      parts[cols.length - 1] += "\r\n";
      return parts.join(d);
    },
  };
}

/** The BOM (when asked) and the header line of `cols`, CRLF-terminated. */
export function csvHeader(cols: readonly RankingColumn[], options: CsvReportOptions): string {
  const d = options.delimiter ?? ",";
  return `${options.bom ? "\uFEFF" : ""}${cols.map((c) => csvCell(c.header, d)).join(d)}\r\n`;
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
  checkArgument(isResultLike(result), "toCSV", "the result of score()", result);
  const writer = csvRankingWriter(rankingShape(result), options);
  let text = writer.header;
  for (const u of result.units) text += writer.row(u, nodeCells(u));
  return text;
}
