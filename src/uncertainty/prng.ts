/**
 * A small seeded pseudo-random generator: xoshiro128** (Blackman & Vigna) seeded by splitmix32,
 * 32-bit integer arithmetic only, so the same seed gives the same stream in every JavaScript
 * engine. Not for cryptography.
 *
 * @module
 */

/** Returns uniform floats in [0, 1) (multiples of 2⁻³²). */
export type Random = () => number;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A seeded generator: `createRandom(42)` always yields the same sequence.
 *
 * @example
 * ```ts
 * const random = createRandom(42);
 * const a = random(); // a float in [0, 1)
 * createRandom(42)() === a; // => true
 * ```
 */
export function createRandom(seed: number): Random {
  let x = seed >>> 0;
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  const next = xoshiro128ss(splitmix32(), splitmix32(), splitmix32(), splitmix32());
  return () => next() / 4294967296;
}

/**
 * The xoshiro128** generator from a given state (four 32-bit words, not all 0): each call
 * returns the next unsigned 32-bit output, as the reference C implementation does
 * (prng.di.unimi.it/xoshiro128starstar.c, version 1.1).
 *
 * @example
 * ```ts
 * const next = xoshiro128ss(1, 2, 3, 4);
 * [next(), next(), next(), next()]; // => [11520, 0, 5927040, 70819200]
 * ```
 */
export function xoshiro128ss(a: number, b: number, c: number, d: number): () => number {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}
