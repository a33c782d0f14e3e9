import { describe, expect, it } from "vitest";
import { rankFloats } from "../../src/rank/rank-floats.ts";

/** The definition, quadratic: 1 + the number of units scoring more; NaN gets `missing`. */
function naive(scores: Float64Array, missing: number): number[] {
  return Array.from(scores, (s) => (s !== s ? missing : 1 + Array.from(scores).filter((t) => t > s).length));
}

describe("rankFloats", () => {
  it("gives competition ranks, missing scores the given rank", () => {
    const ranks = new Int32Array(4);
    rankFloats(new Float64Array([0.5, 0.9, 0.5, NaN]), 4, ranks, 4);
    expect(Array.from(ranks)).toEqual([2, 1, 2, 4]);
  });

  it("equals the definition on 500 random arrays with ties, NaN, -0 and infinities, reusing one scratch", () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const scratch = new Float64Array(64);
    for (let c = 0; c < 500; c++) {
      const n = 1 + Math.floor(rnd() * 60);
      const scores = Float64Array.from({ length: n }, () => {
        const r = rnd();
        return r < 0.1 ? NaN : r < 0.15 ? -0 : r < 0.18 ? Infinity : r < 0.2 ? -Infinity : Math.floor(rnd() * 8) / 7;
      });
      const ranks = new Int32Array(n);
      rankFloats(scores, n, ranks, n, scratch);
      expect(Array.from(ranks)).toEqual(naive(scores, n));
    }
  });
});
