/**
 * One unit's result from the node columns of a scoring run, and the order units are listed in: the
 * one assembly of `score()` (and the SQL engines) and of the streamed CLI, so that every writer
 * sees the same units in the same order whichever path scored them.
 *
 * @module
 */
import type { UnitInput } from "../input/read-units.ts";
import { compareTies } from "../rank/tie-order.ts";
import type { ScoreResult, UnitResult } from "./types.ts";
import { withUnitNodes, type UnitTable } from "./unit-nodes.ts";

/** Who a unit is: name, code, group, year, input row (and the members of a merged unit). */
export type UnitIdentity = Pick<UnitInput, "unit" | "code" | "group" | "year" | "row" | "ranked" | "rankNote">;

/**
 * Unit `i` of `table` as a {@link UnitResult}: identity, the root's numbers at top level, and
 * every other node (`nodes`, node id → plan index) read from the table on first use.
 */
export function unitResult(input: UnitIdentity, members: readonly string[] | undefined, table: UnitTable, i: number, root: number, nodes: ReadonlyMap<string, number>): UnitResult {
  return withUnitNodes(unitHead(input, members, table, i, root), table, i, nodes);
}

/**
 * Unit `i` of `table` without its `nodes`: identity and the root's numbers, what a ranking row
 * reads besides the node cells (which a writer then reads from the table by position).
 */
export function unitHead(input: UnitIdentity, members: readonly string[] | undefined, table: UnitTable, i: number, root: number): Omit<UnitResult, "nodes"> {
  return {
    unit: input.unit,
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.group !== undefined ? { group: input.group } : {}),
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(members !== undefined ? { members } : {}),
    row: input.row,
    ...(input.ranked === false ? { ranked: false as const } : {}),
    ...(input.ranked === false && input.rankNote !== undefined ? { rankNote: input.rankNote } : {}),
    score: table.score(i, root),
    value: table.value(i, root),
    rank: table.rank(i, root),
    groupRank: table.groupRank(i, root),
    coverage: table.coverage(i, root),
  };
}

/**
 * The order units are listed in: by year, then rank (unranked last), then Vietnamese name order,
 * then code, then position. Ties of rank are collated only among themselves.
 *
 * @example
 * ```ts
 * Array.from(resultOrder(3, (i) => ["Huế", "Hà Nội", "Đà Nẵng"][i], () => undefined, () => undefined, (i) => [2, 1, 2][i])); // => [1, 2, 0]
 * ```
 */
export function resultOrder(
  count: number,
  unit: (i: number) => string,
  code: (i: number) => string | undefined,
  year: (i: number) => number | undefined,
  rank: (i: number) => number | null,
): Int32Array {
  const years = new Float64Array(count);
  const ranks = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    years[i] = year(i) ?? 0;
    ranks[i] = rank(i) ?? Infinity;
  }
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((i, j) => years[i]! - years[j]! || ranks[i]! - ranks[j]! || compareTies({ unit: unit(i), code: code(i) }, { unit: unit(j), code: code(j) }) || i - j);
}

/**
 * A result's `coverage`: how many units, how many complete (every scored input present), and the
 * mean of their coverage, summed in result order.
 *
 * @example
 * ```ts
 * coverageSummary([1, 0.5]); // => { units: 2, complete: 1, mean: 0.75 }
 * ```
 */
export function coverageSummary(coverage: ArrayLike<number>): ScoreResult["coverage"] {
  let complete = 0;
  let sum = 0;
  for (let k = 0; k < coverage.length; k++) {
    if (coverage[k]! >= 1 - 1e-12) complete++;
    sum += coverage[k]!;
  }
  return { units: coverage.length, complete, mean: coverage.length === 0 ? 0 : sum / coverage.length };
}
