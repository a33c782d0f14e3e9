import { describe, expect, it } from "vitest";
import { rankNeighbours } from "../../src/report/rank-neighbours.ts";
import { findUnit } from "../../src/report/unit-stats.ts";
import { sampleResult, tinyResult } from "./helpers.ts";

describe("rankNeighbours", () => {
  const result = sampleResult();

  it("gives the next rank up and down with exact distances in published values", () => {
    const kg = findUnit(result, "Kiên Giang");
    expect(kg.rank).toBe(33);
    const { above, below } = rankNeighbours(result, kg);
    expect([above?.unit.unit, above?.unit.value, above?.distance]).toEqual(["Phú Thọ", "0.6715", "0.0051"]);
    expect([below?.unit.unit, below?.unit.value, below?.distance]).toEqual(["Bắc Ninh", "0.6628", "0.0036"]);
  });

  it("the leader has none above, the last none below", () => {
    const first = rankNeighbours(result, findUnit(result, "TP. Đà Nẵng"));
    expect(first.above).toBeUndefined();
    expect(first.below?.unit.unit).toBe("Gia Lai");
    expect(first.below?.distance).toBe("0.0134");
    expect(rankNeighbours(result, findUnit(result, "Lâm Đồng")).below).toBeUndefined();
  });

  it("skips tied units: a tie is neither above nor below", () => {
    const tiny = tinyResult();
    const hn = findUnit(tiny, "Hà Nội");
    const dn = findUnit(tiny, "Đà Nẵng");
    expect([hn.rank, dn.rank]).toEqual([2, 2]);
    for (const u of [hn, dn]) {
      const g = rankNeighbours(tiny, u);
      expect(g.above?.unit.rank).toBe(1);
      expect(g.below?.unit.unit).toBe("Cà Mau");
    }
    // Both tied units are the next rank up of Cà Mau; the first in result order is named.
    expect(rankNeighbours(tiny, findUnit(tiny, "Cà Mau")).above?.unit.rank).toBe(2);
  });
});
