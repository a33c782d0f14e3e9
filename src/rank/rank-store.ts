/**
 * Ranking many units with little memory: per unit only its name, code, year, group number and the
 * published values of the ranked nodes (whole numbers, 0.8002 → 8002) in growable typed arrays.
 *
 * @module
 */
import { COUNT_SPAN, countsToRanks } from "./rank-counts.ts";
import { compareTies } from "./tie-order.ts";
import type { RankMethod } from "./rank.ts";
import { grow } from "../number/grow-array.ts";

/** Ranks of one node for every unit (in the order added): 0 = not ranked (missing value). */
export interface NodeRanks {
  readonly rank: Int32Array;
  /** Rank within the unit's group (and year); 0 without a group. */
  readonly groupRank: Int32Array;
}

/** A growable store of what ranking needs. */
export interface RankStore {
  /** Adds a unit; `keys[k]` is the published value (scaled) of ranked node k, NaN when missing. */
  add(unit: string, code: string | undefined, year: number | undefined, group: string | undefined, keys: ArrayLike<number>): void;
  /** Number of units added. */
  readonly size: number;
  /** Unit names in the order added. */
  readonly units: readonly string[];
  /** The name, code, year and group a unit was added with (a fresh object). */
  info(index: number): { unit: string; code?: string; year?: number; group?: string };
  /** Ranks every ranked node, per year and per (year, group), highest first. */
  rank(method: RankMethod): NodeRanks[];
  /** Bytes held by the typed arrays (names, codes and group names are extra). */
  typedBytes(): number;
}

/**
 * Units and their keys known at once (a scoring run's published values, node after node): the
 * store starts with them, reading each node's column where it lies instead of copying it.
 */
export interface RankStoreStart {
  /** Per ranked node, the keys of every unit (the first `units.length` are read). */
  readonly columns: readonly Float64Array[];
  readonly units: readonly { readonly unit: string; readonly code?: string | undefined; readonly year?: number | undefined; readonly group?: string | undefined }[];
}

/**
 * Creates a {@link RankStore} for `nodes` ranked nodes. Ties (equal published values) share a rank
 * ("competition", "dense") or are ordered by Vietnamese name order, then code, then order added
 * ("ordinal"), as `score` does.
 *
 * @example
 * ```ts
 * const store = createRankStore(1);
 * store.add("Huế", undefined, undefined, undefined, [8002]);
 * store.add("Hà Nội", undefined, undefined, undefined, [9001]);
 * Array.from(store.rank("competition")[0].rank); // => [2, 1]
 * ```
 */
export function createRankStore(nodes: number, start?: RankStoreStart): RankStore {
  let size = 0;
  // One column per ranked node: ranking reads a node's keys in sequence, three passes each, which
  // a row-major layout would turn into a cache miss per read.
  // Columns given at the start are views of the caller's arrays: the first add() copies them.
  const keys = start?.columns.slice(0, nodes).map((column) => column.subarray(0, start.units.length)) ?? Array.from({ length: nodes }, () => new Float64Array(16));
  const capacity = Math.max(16, start?.units.length ?? 0);
  let years = new Float64Array(capacity);
  let groups = new Int32Array(capacity);
  const units: string[] = [];
  const codes: (string | undefined)[] = [];
  const groupIds = new Map<string, number>();
  const groupNames: string[] = [];
  const addInfo = (unit: string, code: string | undefined, year: number | undefined, group: string | undefined) => {
    years[size] = year ?? NaN;
    let g = -1;
    if (group !== undefined) {
      g = groupIds.get(group) ?? groupIds.size;
      if (g === groupIds.size) {
        groupIds.set(group, g);
        groupNames.push(group);
      }
    }
    groups[size] = g;
    units.push(unit);
    codes.push(code);
    size++;
  };
  for (const u of start?.units ?? []) addInfo(u.unit, u.code, u.year, u.group);
  return {
    add(unit, code, year, group, values) {
      if (size === years.length || (nodes > 0 && size === keys[0]!.length)) {
        for (let k = 0; k < nodes; k++) keys[k] = grow(keys[k]!, size + 1, (n) => new Float64Array(n));
        years = grow(years, size + 1, (n) => new Float64Array(n));
        groups = grow(groups, size + 1, (n) => new Int32Array(n));
      }
      for (let k = 0; k < nodes; k++) keys[k]![size] = values[k]!;
      addInfo(unit, code, year, group);
    },
    get size() {
      return size;
    },
    units,
    info(i) {
      // Field by field: spreads of the optional fields cost more than the rest of writing a unit's row.
      const out: { unit: string; code?: string; year?: number; group?: string } = { unit: units[i]! };
      const code = codes[i];
      if (code !== undefined) out.code = code;
      const year = years[i]!;
      if (!Number.isNaN(year)) out.year = year;
      const g = groups[i]!;
      if (g >= 0) out.group = groupNames[g]!;
      return out;
    },
    typedBytes: () => keys.reduce((sum, column) => sum + column.byteLength, 0) + years.byteLength + groups.byteLength,
    rank: (method) => rankColumns(keys.slice(0, nodes), size, partitionsOf(size, years, groups), lazyTieOrder(size, units, codes, method), method),
  };
}

/** Units by year, and by (year, group) for units with a group: each a list of unit indices. */
interface Partitions {
  readonly byYear: readonly number[][];
  readonly byGroup: readonly number[][];
}

function partitionsOf(size: number, years: Float64Array, groups: Int32Array): Partitions {
  const byYear = new Map<number, number[]>();
  const byGroup = new Map<string, number[]>();
  // The last unit's year and list: units of one year mostly come together (a million of them, all
  // of one year, were as many lookups).
  let lastYear = NaN;
  let list: number[] | undefined;
  for (let i = 0; i < size; i++) {
    const y = years[i]!;
    if (list === undefined || !(y === lastYear || (y !== y && lastYear !== lastYear))) {
      lastYear = y;
      list = byYear.get(y);
      if (list === undefined) byYear.set(y, (list = []));
    }
    list.push(i);
    if (groups[i]! >= 0) {
      const key = `${y}\u0000${groups[i]}`;
      let g = byGroup.get(key);
      if (g === undefined) byGroup.set(key, (g = []));
      g.push(i);
    }
  }
  return { byYear: [...byYear.values()], byGroup: [...byGroup.values()] };
}

interface TieOrder {
  /** Units in tie order. */
  readonly byName: readonly number[];
  /** Each unit's place in it. */
  readonly position: Int32Array;
}

/**
 * The tie order (Vietnamese name order, then code, then order added) is a total order: sort once
 * and compare positions, instead of collating names in every ranking. Only ordinal ranks need it
 * (ties share a rank otherwise), and most rankings are counted, not sorted: it is made on first
 * use. Competition and dense ranks sorted (spans too wide to count) take order added as their tie
 * order: tied units share a rank whatever their order.
 */
function lazyTieOrder(size: number, units: readonly string[], codes: readonly (string | undefined)[], method: RankMethod): () => TieOrder {
  let tieOrder: TieOrder | undefined;
  return () => {
    if (tieOrder !== undefined) return tieOrder;
    const byName = Array.from({ length: size }, (_, i) => i);
    if (method === "ordinal") byName.sort((i, j) => compareTies({ unit: units[i]!, code: codes[i] }, { unit: units[j]!, code: codes[j] }) || i - j);
    const position = new Int32Array(size);
    byName.forEach((unit, pos) => (position[unit] = pos));
    return (tieOrder = { byName, position });
  };
}

/** Ranks of every node's keys in each partition: counted where they can be, else sorted. */
function rankColumns(keys: readonly Float64Array[], size: number, parts: Partitions, ties: () => TieOrder, method: RankMethod): NodeRanks[] {
  const sortable = size < TIE_SPAN;
  return keys.map((column) => {
    const rank = new Int32Array(size);
    const groupRank = new Int32Array(size);
    for (const [lists, target] of [
      [parts.byYear, rank],
      [parts.byGroup, groupRank],
    ] as const) {
      for (const members of lists) {
        if (method !== "ordinal" && countRanks(members, column, method, target)) continue;
        if (sortable && sortByKeys(members, (i) => column[i]!, ties().position, ties().byName, method, target)) continue;
        const { position } = ties();
        rankInto(members, (i) => column[i]!, (i, j) => position[i]! - position[j]!, method, target);
      }
    }
    return { rank, groupRank };
  });
}

/**
 * Competition or dense ranks of `members` by counting, for whole-number keys spanning at most
 * {@link COUNT_SPAN} values (published values scaled by 10^places: 0.0000-1.0000 spans 10,001): a
 * unit's competition rank is one more than the number of units above it, its dense rank one more
 * than the number of distinct values above it. Linear in units plus the span; false (nothing
 * written) when the keys do not fit. Counts become ranks as in the stream's counting
 * (`countsToRanks`, one partition and one node).
 */
function countRanks(members: readonly number[], column: Float64Array, method: "competition" | "dense", target: Int32Array): boolean {
  // Loops followed by more code are functions of their own: Node 20 kept entering a loop of this
  // function compiled mid-run on its first call, which gave up at the code after it on every call.
  const range = keyRange(members, column);
  if (range === undefined) return false;
  const [lo, hi] = range;
  if (lo === Infinity) return true;
  const span = hi - lo + 1;
  // Counting walks the whole span: worth it only where the span is not much wider than the
  // units (10,000 units over 0.0000-1.0000), not for 63 provinces spread over thousands of values.
  if (span > COUNT_SPAN || span > 4 * members.length + 256) return false;
  const counts = new Int32Array(span);
  countKeys(members, column, lo, counts);
  countsToRanks(counts, method);
  for (const i of members) {
    const k = column[i]!;
    if (k === k) target[i] = counts[k - lo]!;
  }
  return true;
}

/** The lowest and highest keys of `members` (Infinity, −Infinity: none); undefined when one is not whole. */
function keyRange(members: readonly number[], column: Float64Array): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of members) {
    const k = column[i]!;
    if (k !== k) continue;
    if (!Number.isInteger(k)) return undefined;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  return [lo, hi];
}

/** Counts each present key of `members` at `counts[key − lo]`. */
function countKeys(members: readonly number[], column: Float64Array, lo: number, counts: Int32Array): void {
  for (const i of members) {
    const k = column[i]!;
    if (k === k) counts[k - lo]!++;
  }
}

/** Units up to this many get the packed sort below (2^22). */
const TIE_SPAN = 4_194_304;

/**
 * {@link rankInto} for whole-number keys below 2^31 in magnitude (published values scaled by
 * 10^places): each member packs into one double, −key · 2^22 + its tie position, so a native
 * numeric sort of a Float64Array orders by key (highest first), then by the tie order. False when
 * a key does not fit (the comparator sort then runs).
 */
function sortByKeys(members: readonly number[], key: (i: number) => number, position: Int32Array, byName: readonly number[], method: RankMethod, target: Int32Array): boolean {
  const packed = new Float64Array(members.length);
  let count = 0;
  for (const i of members) {
    const k = key(i);
    if (k !== k) continue;
    if (!Number.isInteger(k) || k >= 2 ** 31 || k <= -(2 ** 31)) return false;
    packed[count++] = -k * TIE_SPAN + position[i]!;
  }
  const order = packed.subarray(0, count).sort();
  let dense = 0;
  let prevKey = NaN;
  let prevUnit = -1;
  for (let pos = 0; pos < count; pos++) {
    const c = order[pos]!;
    const tie = ((c % TIE_SPAN) + TIE_SPAN) % TIE_SPAN;
    const i = byName[tie]!;
    const k = key(i);
    const tied = pos > 0 && k === prevKey;
    if (!tied) dense++;
    target[i] = method === "ordinal" ? pos + 1 : method === "dense" ? dense : tied ? target[prevUnit]! : pos + 1;
    prevKey = k;
    prevUnit = i;
  }
  return true;
}

/** Writes ranks of `members` (highest key first; NaN unranked) into `target`. */
function rankInto(members: readonly number[], key: (i: number) => number, tieBreak: (i: number, j: number) => number, method: RankMethod, target: Int32Array): void {
  const order = members.filter((i) => !Number.isNaN(key(i)));
  order.sort((i, j) => key(j) - key(i) || tieBreak(i, j));
  let dense = 0;
  for (let pos = 0; pos < order.length; pos++) {
    const i = order[pos]!;
    const prev = pos > 0 ? order[pos - 1]! : -1;
    const tied = prev >= 0 && key(prev) === key(i);
    if (!tied) dense++;
    target[i] = method === "ordinal" ? pos + 1 : method === "dense" ? dense : tied ? target[prev]! : pos + 1;
  }
}
