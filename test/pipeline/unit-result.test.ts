import { describe, expect, it } from "vitest";
import { resultOrder } from "../../src/pipeline/unit-result.ts";
import { numberedNames } from "../../src/rank/numbered-names.ts";
import { compareVi } from "../../src/text/collator.ts";

/** The order by its definition: one comparator over every pair. */
function byDefinition(names: string[], codes: (string | undefined)[], years: (number | undefined)[], ranks: (number | null)[]): number[] {
  return names
    .map((_, i) => i)
    .sort(
      (i, j) =>
        (years[i] ?? 0) - (years[j] ?? 0) ||
        (ranks[i] ?? Infinity) - (ranks[j] ?? Infinity) ||
        compareVi(names[i]!, names[j]!) ||
        (codes[i] ?? "").localeCompare(codes[j] ?? "") ||
        i - j,
    );
}

describe("resultOrder", () => {
  it("lists units by year, rank (unranked last), name, code and position, as one comparator would (300 random tables)", () => {
    let seed = 7;
    const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pool = ["Huế", "Hà Nội", "Đà Nẵng", "Quận 2", "Quận 10", "Xã 01", "Xã 1", "an", "An", "Ăn", "Phường 9", "Phường 10", "phường 10", "Phường 1.5", "Phường 1.10", "Phường", "Tổ 3", "Tổ 12", "Doanh nghiệp 354568", "Doanh nghiệp 54568", "Ấp 7"];
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(r() * 40);
      const names = Array.from({ length: n }, () => pool[Math.floor(r() * pool.length)]!);
      const codes = Array.from({ length: n }, () => (r() < 0.5 ? undefined : `${Math.floor(r() * 3)}`));
      const years = Array.from({ length: n }, () => (t % 3 === 0 ? undefined : 2023 + Math.floor(r() * 3)));
      // Whole ranks 1 … n with ties (few or many), and none.
      const ranks = Array.from({ length: n }, () => (r() < 0.15 ? null : 1 + Math.floor(r() * (t % 10 === 9 ? n : Math.min(n, 5)))));
      const order = resultOrder(n, (i) => names[i]!, (i) => codes[i], (i) => years[i], (i) => ranks[i]!);
      expect(Array.from(order)).toEqual(byDefinition(names, codes, years, ranks));
      // The same with the names' final numbers read once.
      const numbered = resultOrder(n, (i) => names[i]!, (i) => codes[i], (i) => years[i], (i) => ranks[i]!, numberedNames(n, (i) => names[i]!));
      expect(Array.from(numbered)).toEqual(Array.from(order));
    }
  });

  it("orders many tied units of one stem by their numbers as the comparator does (numbers large and small, other stems among them)", () => {
    let seed = 11;
    const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let t = 0; t < 60; t++) {
      const n = 2 + Math.floor(r() * 300);
      const used = new Set<number>();
      const names = Array.from({ length: n }, () => {
        if (t % 4 === 3 && r() < 0.05) return "Hợp tác xã 7";
        // Numbers up to 2^40 in some tables (past what a packed key holds), distinct within a table.
        let k: number;
        do k = Math.floor(r() * (t % 5 === 4 ? 2 ** 40 : 1e6));
        while (used.has(k));
        used.add(k);
        return `Doanh nghiệp ${k}`;
      });
      const codes = names.map(() => undefined);
      const years = names.map(() => undefined);
      // Few distinct ranks: large groups of tied units.
      const ranks = names.map(() => 1 + Math.floor(r() * 3));
      const order = resultOrder(n, (i) => names[i]!, (i) => codes[i], (i) => years[i], (i) => ranks[i]!, numberedNames(n, (i) => names[i]!));
      expect(Array.from(order)).toEqual(byDefinition(names, codes, years, ranks));
    }
  });
});
