/**
 * The compiled query's output columns, named as `toCSV` names them: `rank`, `group_rank`, `unit`,
 * `code`, `group`, `year`, `rank_note` (units not ranked), the root's value, `<id>` and `<id>_rank`
 * for every other node and view, `coverage`, `score`, `row`; then `<id>_score`, `<id>_group_rank`
 * and `<id>_coverage`.
 *
 * @module
 */
import { nodeInfos } from "../pipeline/score.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import type { Fraction } from "./fraction.ts";
import { identityColumnsOf } from "./identity-columns.ts";
import type { ToSqlOptions } from "./options.ts";

/** Node i's published value as a DECIMAL with `decimals` places, from its whole number k<i>. */
function valueColumn(dialect: Dialect, i: number, decimals: number, top: bigint): string {
  // k has at most decimals + digits(top) digits (DuckDB keeps such DECIMALs in 64 bits).
  const width = dialect.name === "duckdb" ? decimals + String(top).length : 38;
  if (decimals === 0) return `CAST(k${i} AS DECIMAL(${width},0))`;
  return `CAST(k${i} AS DECIMAL(${width},0)) * CAST(${sqlText(`0.${"0".repeat(decimals - 1)}1`)} AS DECIMAL(${dialect.name === "duckdb" ? decimals : 38},${decimals}))`;
}

/** The output columns: [name, expression over dti_ranked]. */
export function outputColumns(plan: CompiledFramework, fractions: readonly Fraction[], options: ToSqlOptions, dialect: Dialect, decimals: number, unranked = false): [string, string][] {
  const cols = options.columns ?? {};
  const value = (i: number) => valueColumn(dialect, i, decimals, fractions[i]!.top);
  const root = plan.root;
  const out: [string, string][] = [["rank", `r${root}`]];
  if (cols.group !== undefined) out.push(["group_rank", `g${root}`]);
  for (const [name, column] of identityColumnsOf(cols)) out.push([name, column]);
  if (unranked) out.push(["rank_note", "dti_rank_note"]);
  out.push([plan.nodes[root]!.id, value(root)]);
  const rest = nodeInfos(plan).filter((info) => info.id !== plan.nodes[root]!.id).map((info) => plan.index.get(info.id)!);
  for (const i of rest) out.push([plan.nodes[i]!.id, value(i)], [`${plan.nodes[i]!.id}_rank`, `r${i}`]);
  const withScores = options.scores !== false;
  out.push(["coverage", `v${root}`]);
  if (withScores) out.push(["score", `s${root}`]);
  if (options.rowNumbers === true) out.push(["row", "dti_row"]);
  for (const i of rest) {
    const id = plan.nodes[i]!.id;
    if (withScores) out.push([`${id}_score`, `s${i}`]);
    if (cols.group !== undefined) out.push([`${id}_group_rank`, `g${i}`]);
    if (withScores) out.push([`${id}_coverage`, `v${i}`]);
  }
  return out;
}
