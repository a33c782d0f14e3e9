/**
 * One unit's result from the node columns of a scoring run, and the order units are listed in: the
 * one assembly of `score()` (and the SQL engines) and of the streamed CLI, so that every writer
 * sees the same units in the same order whichever path scored them.
 *
 * @module
 */
import type { UnitInput } from "../input/read-units.ts";
import { compareTies, type TieKey } from "../rank/tie-order.ts";
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
  // Field by field, in the result's order (spreads of optional fields cost more per unit than the
  // rest of the result).
  const head: Partial<Mutable<Omit<UnitResult, "nodes">>> = { unit: input.unit };
  if (input.code !== undefined) head.code = input.code;
  if (input.group !== undefined) head.group = input.group;
  if (input.year !== undefined) head.year = input.year;
  if (members !== undefined) head.members = members;
  head.row = input.row;
  if (input.ranked === false) {
    head.ranked = false;
    if (input.rankNote !== undefined) head.rankNote = input.rankNote;
  }
  head.score = table.score(i, root);
  head.value = table.value(i, root);
  head.rank = table.rank(i, root);
  head.groupRank = table.groupRank(i, root);
  head.coverage = table.coverage(i, root);
  return head as Omit<UnitResult, "nodes">;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  // Each unit's tie key made once: the sort compares tied units thousands of times.
  const ties = new Array<TieKey>(count);
  for (let i = 0; i < count; i++) {
    years[i] = year(i) ?? 0;
    ranks[i] = rank(i) ?? Infinity;
    ties[i] = { unit: unit(i), code: code(i) };
  }
  const byTie = (i: number, j: number) => compareTies(ties[i]!, ties[j]!) || i - j;
  const order = byYearAndRank(years, ranks);
  if (order === undefined) {
    const all = Int32Array.from({ length: count }, (_, i) => i);
    return all.sort((i, j) => years[i]! - years[j]! || ranks[i]! - ranks[j]! || byTie(i, j));
  }
  // Only units of the same year and rank are compared, and only by name and code.
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && years[order[end]!] === years[order[start]!] && ranks[order[end]!] === ranks[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort(byTie);
    start = end;
  }
  return order;
}

/**
 * Positions 0 … n − 1 by year, then rank (Infinity last), then position, by two counting passes
 * (ranks are whole numbers 1 … n: sorting a million units with a comparator took longer than
 * collating their ties); undefined when a rank is not such a number.
 */
function byYearAndRank(years: Float64Array, ranks: Float64Array): Int32Array | undefined {
  const n = ranks.length;
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = ranks[i]!;
    if (r === Infinity) slot[i] = n + 1;
    else if (Number.isInteger(r) && r >= 1 && r <= n) slot[i] = r;
    else return undefined;
  }
  const byRank = countingSort(Int32Array.from({ length: n }, (_, i) => i), slot, n + 2);
  const distinct = [...new Set(years)].sort((a, b) => a - b);
  if (distinct.length === 1) return byRank;
  const yearSlot = new Map(distinct.map((y, k) => [y, k]));
  for (let i = 0; i < n; i++) slot[i] = yearSlot.get(years[i]!)!;
  return countingSort(byRank, slot, distinct.length);
}

/** `items` stably ordered by `slot[item]` (whole numbers 0 … slots − 1). */
function countingSort(items: Int32Array, slot: Int32Array, slots: number): Int32Array {
  const start = new Int32Array(slots + 1);
  for (const item of items) start[slot[item]! + 1]!++;
  for (let s = 1; s <= slots; s++) start[s]! += start[s - 1]!;
  const out = new Int32Array(items.length);
  for (const item of items) out[start[slot[item]!]!++] = item;
  return out;
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
