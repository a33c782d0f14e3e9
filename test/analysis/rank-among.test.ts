import { describe, expect, it } from "vitest";
import { rankAmong } from "../../src/analysis/rank-among.ts";

const others = [
  { unit: "A", score: 0.800175, value: "0.8002" },
  { unit: "C", score: 0.80015, value: "0.8002" },
  { unit: "D", score: 0.7, value: "0.7000" },
];

describe("rankAmong", () => {
  it("ranks like score(): competition, dense, ordinal; published or exact ties", () => {
    const mine = { unit: "B", score: 0.80016, value: "0.8002" };
    expect(rankAmong(others, mine, { ranking: "competition", ties: "published" })).toBe(1);
    expect(rankAmong(others, mine, { ranking: "competition", ties: "exact" })).toBe(2);
    expect(rankAmong(others, mine, { ranking: "ordinal", ties: "published" })).toBe(2); // after "A" by name
    expect(rankAmong(others, { unit: "E", score: 0.6, value: "0.6000" }, { ranking: "dense", ties: "published" })).toBe(3);
    expect(rankAmong(others, { unit: "E", score: 0.6, value: "0.6000" }, { ranking: "competition", ties: "published" })).toBe(4);
    expect(rankAmong(others, { unit: "E", score: null, value: null }, { ranking: "competition", ties: "published" })).toBeNull();
  });
});
