/**
 * Quantiles of integer ranks from a histogram (counts of rank 1..U), as R's default `quantile`
 * (type 7: h = (n − 1)·p, linear between the order statistics ⌊h⌋ and ⌈h⌉).
 *
 * @example
 * ```ts
 * // ranks 1, 1, 2, 4 → counts [2, 1, 0, 1] for ranks 1..4
 * rankQuantile(new Int32Array([2, 1, 0, 1]), 0, 4, 4, 0.5); // => 1.5
 * ```
 */
export function rankQuantile(counts: Int32Array, offset: number, ranks: number, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = orderStatistic(counts, offset, ranks, lo);
  if (h === lo) return a;
  return a + (h - lo) * (orderStatistic(counts, offset, ranks, lo + 1) - a);
}

/** The k-th smallest rank (0-based) of the histogram counts[offset .. offset + ranks). */
function orderStatistic(counts: Int32Array, offset: number, ranks: number, k: number): number {
  let seen = 0;
  for (let r = 0; r < ranks; r++) {
    seen += counts[offset + r]!;
    if (seen > k) return r + 1;
  }
  return ranks;
}
