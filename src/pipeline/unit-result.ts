/**
 * One unit's result from the node columns of a scoring run, and the order units are listed in: the
 * one assembly of `score()` (and the SQL engines) and of the streamed CLI, so that every writer
 * sees the same units in the same order whichever path scored them.
 *
 * @module
 */
import type { UnitInput } from "../input/read-units.ts";
import { compareTies, type TieKey } from "../rank/tie-order.ts";
import type { NumberedNames } from "../rank/numbered-names.ts";
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
  return rootNumbers(head as Omit<UnitResult, "nodes">, table, i, root);
}

/** The root's numbers of unit `i` (score, value, rank, group rank, coverage) set on `head`, which is returned. */
export function rootNumbers(head: Omit<UnitResult, "nodes">, table: UnitTable, i: number, root: number): Omit<UnitResult, "nodes"> {
  const h = head as Mutable<Omit<UnitResult, "nodes">>;
  h.score = table.score(i, root);
  h.value = table.value(i, root);
  h.rank = table.rank(i, root);
  h.groupRank = table.groupRank(i, root);
  h.coverage = table.coverage(i, root);
  return head;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The order units are listed in: by year, then rank (unranked last), then Vietnamese name order,
 * then code, then position. Ties of rank are collated only among themselves. Ranks are whole
 * numbers from 1 to `count` (as every ranking method gives them), or null. `numbered` (see
 * `numberedNames`), when given, orders names of one stem by their final numbers without collating
 * them: the same order, found faster among a million tied units.
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
  numbered?: NumberedNames,
): Int32Array {
  const years = new Float64Array(count);
  const ranks = new Float64Array(count);
  const rankSlot = new Int32Array(count);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    years[i] = year(i) ?? 0;
    ranks[i] = rank(i) ?? Infinity;
    rankSlot[i] = Math.min(ranks[i]!, count + 1);
    items[i] = i;
  }
  // Each unit's tie key made once, when it is first compared: the sort compares tied units
  // thousands of times, and units ordered by their numbers are never collated.
  const ties = new Array<TieKey | undefined>(count);
  const tie = (i: number): TieKey => (ties[i] ??= { unit: unit(i), code: code(i) });
  // With `numbered`, two names of the same stem ending in different whole numbers are in the order
  // of the numbers (see `numberedNames`); any other pair is collated.
  const stem = numbered?.stem;
  const num = numbered?.number;
  const byTie = (i: number, j: number) =>
    stem !== undefined && num !== undefined && stem[i]! >= 0 && stem[i] === stem[j] && num[i] !== num[j] ? num[i]! - num[j]! : compareTies(tie(i), tie(j)) || i - j;
  // By year, then rank, then position, in stable counting passes (by rank, then by year when there
  // are several; ranks are whole numbers 1 … count, none last; years at most a few hundred): a
  // comparator sort of a million units took longer than collating their ties.
  const yearSlot = new Int32Array(count);
  // (Mostly one year: then no set of a million numbers is made to find it out.)
  let oneYear = true;
  for (let i = 1; i < count && oneYear; i++) oneYear = years[i] === years[0];
  const distinct = oneYear ? years.subarray(0, Math.min(1, count)) : Float64Array.from(new Set(years)).sort();
  if (distinct.length > 1) for (let i = 0; i < count; i++) yearSlot[i] = distinct.indexOf(years[i]!);
  const byRank = countingSort(items, rankSlot, count + 2);
  const order = distinct.length > 1 ? countingSort(byRank.sorted, yearSlot, distinct.length).sorted : byRank.sorted;
  // Only units of the same year and rank are compared, and only by name and code.
  const sortTies = (start: number, end: number) => {
    if (end - start < 2) return;
    const group = order.subarray(start, end);
    if (!(stem !== undefined && num !== undefined && sortByNumber(group, stem, num))) group.sort(byTie);
  };
  if (distinct.length === 1) {
    // One year: the groups are the rank slots, where the counting sort put them.
    for (let slot = 0; slot < count + 2; slot++) sortTies(slot === 0 ? 0 : byRank.ends[slot - 1]!, byRank.ends[slot]!);
    return order;
  }
  for (let start = 0, end = 1; start < count; start = end++) {
    while (end < count && years[order[end]!] === years[order[start]!] && ranks[order[end]!] === ranks[order[start]!]) end++;
    sortTies(start, end);
  }
  return order;
}

/** Positions in a group that fit in the low bits of a packed key, and numbers in the high bits. */
const LOW = 2 ** 20;
const HIGH = 2 ** 32;

/**
 * Units tied in rank whose names are one stem and distinct whole numbers below 2^32 ("Phường 9",
 * "Phường 10"), put in the order of their numbers as `resultOrder`'s comparison puts them, but
 * sorted natively: each number and the unit's place packed in one double (exact below 2^52). A
 * million tied units took a third of the result order's time through a comparison function.
 * False, with `group` as it was, for any other group.
 */
function sortByNumber(group: Int32Array, stem: Int32Array, num: Float64Array): boolean {
  const m = group.length;
  const s = stem[group[0]!]!;
  if (s < 0 || m >= LOW) return false;
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = group[k]!;
    const x = num[i]!;
    if (stem[i] !== s || !(x >= 0 && x < HIGH) || Math.floor(x) !== x) return false;
    keys[k] = x * LOW + k;
  }
  keys.sort();
  for (let k = 1; k < m; k++) if (Math.floor(keys[k]! / LOW) === Math.floor(keys[k - 1]! / LOW)) return false;
  const units = group.slice();
  for (let k = 0; k < m; k++) group[k] = units[keys[k]! % LOW]!;
  return true;
}

/** `items` stably ordered by `slot[item]` (whole numbers 0 … slots − 1), and where each slot's items end in it. */
function countingSort(items: Int32Array, slot: Int32Array, slots: number): { sorted: Int32Array<ArrayBuffer>; ends: Int32Array } {
  const start = new Int32Array(slots + 1);
  for (const item of items) start[slot[item]! + 1]!++;
  for (let s = 1; s <= slots; s++) start[s]! += start[s - 1]!;
  const out = new Int32Array(items.length);
  // Each slot's start moves to its end as its items are placed.
  for (const item of items) out[start[slot[item]!]!++] = item;
  return { sorted: out, ends: start };
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
