import { describe, expect, it } from "vitest";
import { normaliseColumn } from "../../../src/methods/normalise/normalise-column.ts";

const col = (...xs: (number | null)[]) => xs;
const zScore = normaliseColumn;

describe("zScore", () => {
  it("uses the sample standard deviation (n − 1), as R's sd() in COINr and Compind", () => {
    // mean 4, sd = sqrt((4 + 0 + 4) / 2) = 2
    expect(zScore(col(2, 4, 6, null), { method: "zscore" }).scores.map(String)).toEqual(["-1", "0", "1", "null"]);
    // mean 2.5, sd = sqrt(5 / 3) = 1.2909944…; z(1) = −1.5 / 1.2909944 = −1.1618950
    const z = zScore(col(1, 2, 3, 4), { method: "zscore" }).scores.map((s) => Math.round(s! * 1e7) / 1e7);
    expect(z).toEqual([-1.161895, -0.3872983, 0.3872983, 1.161895]);
  });

  it("rescales to an output mean and sd (100 and 10 for Mazziotta-Pareto) and flips for lower-is-better", () => {
    expect(zScore(col(2, 4, 6), { method: "zscore", mean: 100, sd: 10 }).scores.map(String)).toEqual(["90", "100", "110"]);
    expect(zScore(col(2, 4, 6), { method: "zscore", direction: "lower" }).scores.map(String)).toEqual(["1", "0", "-1"]);
  });

  it("gives the output mean when all values are equal", () => {
    const r = zScore(col(3, 3, 3), { method: "zscore", mean: 100, sd: 10 });
    expect(r.scores.map(String)).toEqual(["100", "100", "100"]);
    expect(r.degenerate).toBe(true);
  });
});
