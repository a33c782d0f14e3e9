import { describe, expect, it } from "vitest";
import { createRankStore } from "../../src/rank/rank-store.ts";
import { rankValues } from "../../src/rank/rank.ts";
import { compareVi } from "../../src/text/collator.ts";

describe("createRankStore", () => {
  // Keys of a narrow span are ranked by counting, a wide span by a packed sort, fractions by a
  // comparison sort: all three must agree with rankValues.
  it.each([
    ["a narrow span of whole numbers", (r: number) => Math.floor(r * 30)],
    ["negative whole numbers", (r: number) => Math.floor(r * 30) - 15],
    ["a span wider than counting takes", (r: number) => Math.floor(r * 30) * 100_003],
    ["a span countable but much wider than the units (sorted)", (r: number) => Math.floor(r * 30) * 50],
    ["fractions", (r: number) => Math.floor(r * 30) / 7],
  ])("ranks like rankValues with the Vietnamese-name tie order, per year and per group: %s", (_, keyOf) => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const names = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "An Giang", "Huế", "Bắc Ninh", "Ê Đê", "Yên Bái"];
    const units = Array.from({ length: 400 }, (_, i) => ({
      unit: `${names[i % names.length]} ${Math.floor(i / names.length)}`,
      year: i % 3 === 0 ? 2023 : 2024,
      group: i % 4 === 0 ? undefined : `g${i % 5}`,
      key: i % 17 === 0 ? NaN : keyOf(rnd()),
    }));
    for (const method of ["competition", "dense", "ordinal"] as const) {
      const store = createRankStore(1);
      for (const u of units) store.add(u.unit, undefined, u.year, u.group, [u.key]);
      const [ranks] = store.rank(method);
      for (const year of [2023, 2024]) {
        const idx = units.map((_, i) => i).filter((i) => units[i]!.year === year);
        const want = rankValues(idx.map((i) => (Number.isNaN(units[i]!.key) ? null : units[i]!.key)), (a, b) => a - b, method, (x, y) => compareVi(units[idx[x]!]!.unit, units[idx[y]!]!.unit) || idx[x]! - idx[y]!);
        expect(idx.map((i) => ranks!.rank[i] || null)).toEqual(want);
        for (const g of ["g1", "g2"]) {
          const gi = idx.filter((i) => units[i]!.group === g);
          const gw = rankValues(gi.map((i) => (Number.isNaN(units[i]!.key) ? null : units[i]!.key)), (a, b) => a - b, method, (x, y) => compareVi(units[gi[x]!]!.unit, units[gi[y]!]!.unit) || gi[x]! - gi[y]!);
          expect(gi.map((i) => ranks!.groupRank[i] || null)).toEqual(gw);
        }
      }
      expect(store.info(1)).toEqual({ unit: units[1]!.unit, year: 2024, group: "g1" });
      expect(store.info(0)).toEqual({ unit: units[0]!.unit, year: 2023 });
    }
  });

  it("holds typed arrays that grow by doubling", () => {
    const store = createRankStore(2);
    for (let i = 0; i < 100; i++) store.add(`u${i}`, String(i), undefined, undefined, [i, -i]);
    expect(store.size).toBe(100);
    expect(store.typedBytes()).toBe(128 * 2 * 8 + 128 * 8 + 128 * 4);
    expect(store.rank("competition")[1]!.rank[0]).toBe(1);
  });
});

describe("createRankStore with units known at the start", () => {
  it("ranks the given columns as added units, and copies them before adding more (the caller's arrays stay as they were)", () => {
    const scaled = new Float64Array([8002, 9001, 8002, 7000, 1, 2, 3]);
    const units = [{ unit: "Huế" }, { unit: "Hà Nội" }, { unit: "Đà Nẵng", group: "Trung" }, { unit: "Cần Thơ", year: 2025 }];
    const start = createRankStore(1, { columns: [scaled.subarray(0, 4)], units });
    expect(Array.from(start.rank("competition")[0]!.rank)).toEqual([2, 1, 2, 1]);
    for (let i = 0; i < 20; i++) start.add(`Tỉnh ${i}`, undefined, undefined, undefined, [9999]);
    expect(Array.from(scaled)).toEqual([8002, 9001, 8002, 7000, 1, 2, 3]);
    expect(start.size).toBe(24);
    expect(Array.from(start.rank("competition")[0]!.rank.subarray(0, 3))).toEqual([22, 21, 22]);
    expect(start.info(2)).toEqual({ unit: "Đà Nẵng", group: "Trung" });
  });
});
