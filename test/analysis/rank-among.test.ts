import { describe, expect, it } from "vitest";
import { rankAmong } from "../../src/analysis/rank-among.ts";
import { defineFramework, score, tableFromRecords } from "../../src/index.ts";
import { compareTies } from "../../src/rank/tie-order.ts";

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

describe("rankAmong and score() agree on ordinal ties", () => {
  it("orders tied units by the one tie order (Vietnamese names, then code)", () => {
    const framework = defineFramework({ id: "t", version: "1", title: { vi: "T" }, root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" }, rule: { type: "value" } }] } });
    // Every value equal: every rank is decided by the tie order.
    const names = ["Hà Nội", "Đà Nẵng", "An Giang", "Bà Rịa - Vũng Tàu", "Ấp Bắc", "Điện Biên", "Hải Phòng", "ha noi"];
    const result = score(framework, tableFromRecords(names.map((unit, i) => ({ unit, code: `C${i}`, x: 0.5 }))), { ranking: "ordinal" });
    for (const u of result.units) {
      const others = result.units.filter((o) => o !== u);
      expect(rankAmong(others, u, { ranking: "ordinal", ties: "published" }), u.unit).toBe(u.rank);
    }
    expect(result.units.map((u) => u.unit)).toEqual([...names].sort((a, b) => compareTies({ unit: a }, { unit: b })));
  }, 30_000);
});
