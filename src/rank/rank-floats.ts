/**
 * Competition ranks of float scores, for the many runs of an analysis: rank = 1 + the number of
 * units scoring more, in O(n log n) (one native sort and a binary search per unit).
 *
 * @module
 */

/**
 * Writes competition ranks ("1224"), highest score first, of `scores[0..units)` into `ranks`. A
 * unit without a score (NaN) gets `missingRank`. `sorted` is scratch of at least `units` (passed
 * in so that a thousand runs allocate nothing).
 *
 * @example
 * ```ts
 * const ranks = new Int32Array(4);
 * rankFloats(new Float64Array([0.5, 0.9, 0.5, NaN]), 4, ranks, 4);
 * Array.from(ranks); // => [2, 1, 2, 4]
 * ```
 */
export function rankFloats(scores: Float64Array, units: number, ranks: Int32Array, missingRank: number, sorted: Float64Array = new Float64Array(units)): void {
  let present = 0;
  for (let u = 0; u < units; u++) {
    const s = scores[u]!;
    if (s === s) sorted[present++] = s;
  }
  const view = sorted.subarray(0, present).sort();
  for (let u = 0; u < units; u++) {
    const s = scores[u]!;
    if (s !== s) {
      ranks[u] = missingRank;
      continue;
    }
    // The first position holding a value above s: everything from there on scores more.
    let lo = 0;
    let hi = present;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view[mid]! > s) hi = mid;
      else lo = mid + 1;
    }
    ranks[u] = 1 + present - lo;
  }
}
