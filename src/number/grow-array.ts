/**
 * Typed arrays that grow as units come (a stream's years, rows, rank keys).
 *
 * @module
 */

/**
 * `a` when it holds `need` values, else a copy of it in an array of at least `need` (doubling,
 * so that adding units one batch at a time copies each value a few times at most).
 *
 * @example
 * ```ts
 * const a = Int32Array.of(1, 2);
 * Array.from(grow(a, 3, (n) => new Int32Array(n))); // => [1, 2, 0, 0]
 * grow(a, 2, (n) => new Int32Array(n)) === a; // => true
 * ```
 */
export function grow<T extends Float64Array | Int32Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
