import { describe, expect, it } from "vitest";
import { createRankCounts } from "../../src/rank/rank-counts.ts";
import { createRankStore } from "../../src/rank/rank-store.ts";
import { prng } from "../helpers/prng.ts";

describe("createRankCounts", () => {
  it.each(["competition", "dense"] as const)("gives the rank store's %s ranks, per year and per group, from counts", (method) => {
    const next = prng(7);
    const nodes = 3;
    const units = 2000;
    const store = createRankStore(nodes);
    const byYear = createRankCounts(nodes);
    const byGroup = createRankCounts(nodes);
    const rows: { year: number; group: number; keys: number[] }[] = [];
    for (let i = 0; i < units; i++) {
      const year = 2020 + Math.floor(next() * 3);
      const group = Math.floor(next() * 4);
      // Node 0: 0-1 values at 4 decimals; node 1: few distinct values (ties); node 2: negative and large keys.
      const keys = [Math.round(next() * 10_000), Math.floor(next() * 5), next() < 0.1 ? NaN : Math.round((next() - 0.5) * 600_000)];
      store.add(`U${i}`, undefined, year, `G${group}`, keys);
      expect(byYear.add(year - 2020, keys)).toBe(true);
      // (The keys read in place, after others, as the stream's records hold them.)
      expect(byGroup.add((year - 2020) * 4 + group, [NaN, 99, ...keys], 2)).toBe(true);
      rows.push({ year, group, keys });
    }
    byYear.finish(method);
    byGroup.finish(method);
    const ranks = store.rank(method);
    const all = new Int32Array(nodes);
    rows.forEach((row, i) => {
      byYear.ranks(row.year - 2020, row.keys, all);
      expect(Array.from(all)).toEqual(ranks.map((r) => r.rank[i]));
      byGroup.ranks((row.year - 2020) * 4 + row.group, row.keys, all);
      expect(Array.from(all)).toEqual(ranks.map((r) => r.groupRank[i]));
      for (let k = 0; k < nodes; k++) {
        expect(byYear.rank(row.year - 2020, k, row.keys[k]!)).toBe(ranks[k]!.rank[i]);
        expect(byGroup.rank((row.year - 2020) * 4 + row.group, k, row.keys[k]!)).toBe(ranks[k]!.groupRank[i]);
      }
    });
  });

  it("refuses keys it cannot count: fractions, a span over 2^20", () => {
    expect(createRankCounts(1).add(0, [0.5])).toBe(false);
    const wide = createRankCounts(1);
    expect(wide.add(0, [0])).toBe(true);
    expect(wide.add(0, [2 ** 21])).toBe(false);
    expect(wide.add(0, [1])).toBe(false);
  });

  it("grows a node's table to either side, keeping what it counted", () => {
    const counts = createRankCounts(2);
    const keys = [5, 100_000, -70_000, 40, 5, 900_000, -70_000];
    for (const key of keys) expect(counts.add(0, [key, -key])).toBe(true);
    counts.finish("competition");
    expect(keys.map((key) => counts.rank(0, 0, key))).toEqual([4, 2, 6, 3, 4, 1, 6]);
    expect(keys.map((key) => counts.rank(0, 1, -key))).toEqual([3, 6, 1, 5, 3, 7, 1]);
    expect(counts.rank(1, 0, 5)).toBe(0);
  });
});
