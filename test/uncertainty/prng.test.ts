import { describe, expect, it } from "vitest";
import { createRandom, xoshiro128ss } from "../../src/uncertainty/prng.ts";

describe("createRandom (xoshiro128** seeded by splitmix32)", () => {
  it("repeats a stream for a seed and differs between seeds", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it("is uniform on [0, 1): mean ½, variance 1/12, no value outside", () => {
    const r = createRandom(1);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = r();
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it("xoshiro128** gives the reference implementation's outputs for the state 1, 2, 3, 4 (known answers)", () => {
    // Blackman & Vigna's xoshiro128starstar.c (version 1.1, the star-star on s[1]); the same
    // vector is the rand_xoshiro crate's reference test.
    const next = xoshiro128ss(1, 2, 3, 4);
    expect(Array.from({ length: 10 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it("createRandom(42) is the stream of the published seed: pinned known answers, and equal to a BigInt transcription", () => {
    // A published analysis (seed 42) must give the same ranks in every version and engine: these
    // are its first outputs times 2^32. A change here changes every seeded result.
    const r = createRandom(42);
    const first = Array.from({ length: 8 }, () => r() * 4294967296);
    expect(first).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290, 65323186, 1112262688]);
    for (const seed of [0, 1, 42, 0xffffffff, 2 ** 31, 123456789]) {
      const fast = createRandom(seed);
      const slow = bigReference(seed);
      for (let i = 0; i < 1000; i++) expect(fast() * 4294967296).toBe(slow());
    }
  });
});

/** The seeding and the generator again, in BigInt arithmetic masked to 32 bits (no Math.imul, no |0). */
function bigReference(seed: number): () => number {
  const M = (1n << 32n) - 1n;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  let x = BigInt(seed >>> 0);
  const words: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9n) & M;
    let z = x;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    words.push(z ^ (z >> 16n));
  }
  let [s0, s1, s2, s3] = words as [bigint, bigint, bigint, bigint];
  return () => {
    const result = (rotl((s1 * 5n) & M, 7n) * 9n) & M;
    const t = (s1 << 9n) & M;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11n);
    return Number(result);
  };
}
