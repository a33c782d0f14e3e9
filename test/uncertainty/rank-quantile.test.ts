import { describe, expect, it } from "vitest";
import { rankQuantile } from "../../src/uncertainty/rank-quantile.ts";

describe("rankQuantile", () => {
  it("matches R's quantile(type = 7): ranks 1, 1, 2, 4", () => {
    const counts = new Int32Array([2, 1, 0, 1]);
    expect(rankQuantile(counts, 0, 4, 4, 0.5)).toBe(1.5); // quantile(c(1,1,2,4), .5)
    expect(rankQuantile(counts, 0, 4, 4, 0.05)).toBe(1);
    expect(rankQuantile(counts, 0, 4, 4, 0.95)).toBeCloseTo(3.7, 12); // quantile(c(1,1,2,4), .95) = 3.7
  });

  it("reads one unit's row of a units × ranks histogram", () => {
    const counts = new Int32Array([5, 0, 0, 0, 3, 2]); // unit 1: ranks 2 ×3 and 3 ×2
    expect(rankQuantile(counts, 3, 3, 5, 0.5)).toBe(2);
    expect(rankQuantile(counts, 3, 3, 5, 1)).toBe(3);
  });
});
