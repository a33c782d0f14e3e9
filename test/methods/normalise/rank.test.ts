import { describe, expect, it } from "vitest";
import { normaliseColumn } from "../../../src/methods/normalise/normalise-column.ts";

const col = (...xs: (number | null)[]) => xs;
const rankScore = normaliseColumn;
const percentileRank = normaliseColumn;

describe("rankScore", () => {
  it("gives tied values their average rank, scaled from worst (bottom) to best (top)", () => {
    expect(rankScore(col(5, 7, 7, 9), { method: "rank" }).scores.map(String)).toEqual(["0", "0.5", "0.5", "1"]);
    // ranks 1, 2.5, 2.5, 4 → (r − 1) / 3 into [0, 100]
    expect(rankScore(col(9, 7, null, 5, 7), { method: "rank", range: [0, 100] }).scores.map(String)).toEqual(["100", "50", "null", "0", "50"]);
    expect(rankScore(col(1, 2, 3), { method: "rank", direction: "lower" }).scores.map(String)).toEqual(["1", "0.5", "0"]);
  });

  it("gives tied values the lowest rank with ties: min (COINr n_rank)", () => {
    // ranks 1, 2, 2, 4 → (r − 1) / 3
    expect(rankScore(col(5, 7, 7, 9), { method: "rank", ties: "min" }).scores).toEqual([0, 1 / 3, 1 / 3, 1]);
    expect(rankScore(col(5, 7, 7, 9), { method: "rank", ties: "min", direction: "lower" }).scores).toEqual([1, 1 / 3, 1 / 3, 0]);
  });
});

describe("percentileRank", () => {
  it("is (below + half the ties) / n, strictly inside (0, 1)", () => {
    expect(percentileRank(col(5, 7, 7, 9), { method: "percentile" }).scores.map(String)).toEqual(["0.125", "0.5", "0.5", "0.875"]);
    expect(percentileRank(col(1, 2, 3, 4, 5), { method: "percentile", range: [0, 100] }).scores.map(String)).toEqual(["10", "30", "50", "70", "90"]);
    expect(percentileRank(col(4), { method: "percentile" }).scores.map(String)).toEqual(["0.5"]);
  });
});
