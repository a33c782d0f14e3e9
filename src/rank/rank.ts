/**
 * Ranks values, highest first.
 *
 * @module
 */

/** How ties are ranked: competition "1224" (default), dense "1223", ordinal "1234". */
export type RankMethod = "competition" | "dense" | "ordinal";

/**
 * Ranks values highest first. `compare(a, b)` orders two values (positive when a ranks above b);
 * `tieBreak(i, j)` orders tied items (for ordinal ranks and stable output). `null` values are not
 * ranked (rank `null`).
 *
 * @example
 * ```ts
 * rankValues([0.8, 0.7, 0.8, 0.6], (a, b) => a - b);
 * // => [1, 3, 1, 4]
 * rankValues([0.8, 0.7, 0.8, 0.6], (a, b) => a - b, "dense");
 * // => [1, 2, 1, 3]
 * ```
 */
export function rankValues<T>(
  values: readonly (T | null)[],
  compare: (a: T, b: T) => number,
  method: RankMethod = "competition",
  tieBreak: (i: number, j: number) => number = (i, j) => i - j,
): (number | null)[] {
  const order = values.map((_, i) => i).filter((i) => values[i] !== null);
  order.sort((i, j) => compare(values[j] as T, values[i] as T) || tieBreak(i, j));
  const ranks: (number | null)[] = values.map(() => null);
  let dense = 0;
  order.forEach((i, pos) => {
    const prev = pos > 0 ? (order[pos - 1] as number) : -1;
    const tied = prev >= 0 && compare(values[i] as T, values[prev] as T) === 0;
    if (!tied) dense += 1;
    ranks[i] = method === "ordinal" ? pos + 1 : method === "dense" ? dense : tied ? (ranks[prev] as number) : pos + 1;
  });
  return ranks;
}
