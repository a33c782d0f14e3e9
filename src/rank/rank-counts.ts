/**
 * Competition and dense ranks without keeping a key per unit: per ranked node and partition (a
 * year, or a year and group), a count of units at each whole-number key (published values scaled
 * by 10^places: 0.8002 → 8002), turned into the rank of each key at the end. A unit's rank is then
 * read from its key: memory grows with the keys' span, not with the units, which is what the
 * streamed CLI needs to rank every node of a million units. The ranks are those of the rank store
 * ({@link createRankStore}), which counts the same way; ordinal ranks (which depend on the units'
 * names) are not counted.
 *
 * @module
 */

/** Keys spanning more values than this (per node and partition) are not counted (2^20). */
export const COUNT_SPAN = 1_048_576;

/** Counts of keys per (partition, node), then ranks by key. */
export interface RankCounts {
  /**
   * Counts a unit's keys (one per node, NaN unranked; `keys[from …]`) in `partition` (a whole
   * number ≥ 0 the caller gives each year, or each year and group). False when a key cannot be
   * counted (not a whole number, or too wide a span): the counts are then unusable.
   */
  add(partition: number, keys: ArrayLike<number>, from?: number): boolean;
  /** Turns the counts into ranks; call once, after the last `add`. */
  finish(method: "competition" | "dense"): void;
  /** The rank of `key` for `node` in `partition` (after `finish`); 0 for NaN. */
  rank(partition: number, node: number, key: number): number;
  /** Every node's rank of one unit in `partition` (after `finish`): `into[k]` for `keys[k]`, 0 for NaN. */
  ranks(partition: number, keys: ArrayLike<number>, into: Int32Array): void;
  /** The counts (or, after `finish`, the ranks) as plain data, for {@link createRankCounts} on another thread. */
  tables(): readonly (RankTable | undefined)[];
}

/** One node's and partition's counts (ranks after `finish`) of the whole-number keys from `lo` up. */
export interface RankTable {
  /** The key counted at `counts[0]`. */
  lo: number;
  counts: Int32Array;
}

/**
 * Creates {@link RankCounts} for `nodes` ranked nodes: empty, or holding `finished`, the tables
 * `tables()` gave after `finish` (passed to another thread), to read ranks from (not to count
 * more).
 *
 * @example
 * ```ts
 * const counts = createRankCounts(1);
 * for (const key of [8002, 9001, 8002, NaN]) counts.add(0, [key]);
 * counts.finish("competition");
 * [9001, 8002, NaN].map((key) => counts.rank(0, 0, key)); // => [1, 2, 0]
 * createRankCounts(1, structuredClone(counts.tables())).rank(0, 0, 8002); // => 2
 * ```
 */
export function createRankCounts(nodes: number, finished: readonly (RankTable | undefined)[] = []): RankCounts {
  const tables: (RankTable | undefined)[] = [...finished];
  let failed = false;
  // A key outside its table (or not a whole number, or NaN): the table made or grown, or false.
  const slow = (at: number, key: number): boolean => {
    if (!Number.isInteger(key)) return false;
    const t = tables[at];
    if (t === undefined) {
      tables[at] = { lo: key - 32, counts: new Int32Array(64) };
      tables[at]!.counts[32]!++;
      return true;
    }
    const grown = grow(t, key);
    if (!grown) return false;
    t.counts[key - t.lo]!++;
    return true;
  };
  return {
    add(partition, keys, from = 0) {
      if (failed) return false;
      const base = partition * nodes;
      for (let k = 0; k < nodes; k++) {
        const key = keys[from + k]!;
        if (key !== key) continue;
        // The common case in one comparison: a whole number inside the table counted so far.
        const t = tables[base + k];
        const d = t === undefined ? -1 : key - t.lo;
        if (d >= 0 && d < t!.counts.length && (d | 0) === d) t!.counts[d]!++;
        else if (!slow(base + k, key)) return !(failed = true);
      }
      return true;
    },
    finish(method) {
      for (const t of tables) if (t !== undefined) countsToRanks(t.counts, method);
    },
    rank(partition, node, key) {
      if (key !== key) return 0;
      const t = tables[partition * nodes + node];
      return t === undefined ? 0 : t.counts[key - t.lo]!;
    },
    ranks(partition, keys, into) {
      const base = partition * nodes;
      for (let k = 0; k < nodes; k++) {
        const key = keys[k]!;
        const t = tables[base + k];
        into[k] = key !== key || t === undefined ? 0 : t.counts[key - t.lo]!;
      }
    },
    tables: () => tables,
  };
}

/**
 * Room in `t` for `key`: the span from the lowest to the highest key counted (found from the
 * counts, a rare scan) decides, the array doubles with room on both sides. False past {@link COUNT_SPAN}.
 */
function grow(t: RankTable, key: number): boolean {
  let first = 0;
  while (t.counts[first] === 0) first++;
  let last = t.counts.length - 1;
  while (t.counts[last] === 0) last--;
  const min = Math.min(t.lo + first, key);
  const max = Math.max(t.lo + last, key);
  const need = max - min + 1;
  if (need > COUNT_SPAN) return false;
  const length = Math.min(COUNT_SPAN, Math.max(need, 2 * t.counts.length));
  const lo = min - Math.floor((length - need) / 2);
  const grown = new Int32Array(length);
  grown.set(t.counts.subarray(first, last + 1), t.lo + first - lo);
  t.lo = lo;
  t.counts = grown;
  return true;
}

/**
 * Turns counts of whole-number keys (`counts[d]`: units at the d-th key from the lowest) into the
 * rank of each key, in place: from the highest key down, a key's rank is one more than the units
 * (competition) or the distinct keys (dense) above it. Keys no unit has keep 0.
 *
 * @example
 * ```ts
 * const counts = Int32Array.from([2, 0, 1]); // keys 8000 (twice) and 8002
 * countsToRanks(counts, "competition");
 * Array.from(counts); // => [2, 0, 1]
 * ```
 */
export function countsToRanks(counts: Int32Array, method: "competition" | "dense"): void {
  const dense = method === "dense";
  let above = 0;
  for (let d = counts.length - 1; d >= 0; d--) {
    const c = counts[d]!;
    if (c === 0) continue;
    counts[d] = above + 1;
    above += dense ? 1 : c;
  }
}
