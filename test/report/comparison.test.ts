import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, publish } from "../../src/number/decimal.ts";
import { score } from "../../src/pipeline/score.ts";
import { comparisonRows, exactChange } from "../../src/report/comparison.ts";
import { tiny } from "./helpers.ts";

describe("comparisonRows", () => {
  it("compares the last two years by default, with exact changes and both ranks", () => {
    const r = score(tiny, [
      { unit: "A", year: 2022, a: 0.1, b: 0.1 },
      { unit: "A", year: 2023, a: 0.5, b: 0.5 },
      { unit: "B", year: 2023, a: 0.7, b: 0.7 },
      { unit: "A", year: 2024, a: 0.6, b: 0.6 },
      { unit: "B", year: 2024, a: 0.65, b: 0.65 },
      { unit: "C", year: 2024, a: 0.1, b: 0.1 },
    ], { columns: { year: "year" } });
    const c = comparisonRows(r);
    expect([c.fromYear, c.toYear]).toEqual([2023, 2024]);
    expect(c.rows).toEqual([
      { unit: "B", before: "0.7000", after: "0.6500", beforeRank: 1, afterRank: 1, change: "-0.0500" },
      { unit: "A", before: "0.5000", after: "0.6000", beforeRank: 2, afterRank: 2, change: "0.1000" },
      { unit: "C", before: null, after: "0.1000", beforeRank: null, afterRank: 3, change: null },
    ]);
    expect(comparisonRows(r, { from: 2022, node: "a" }).rows[1]).toMatchObject({ unit: "A", before: "0.1000", after: "0.6000", change: "0.5000" });
  });

  it("compares two results, a merged unit with its members' mean", () => {
    const before = score(tiny, [
      { unit: "Đà Nẵng", a: 0.8335, b: 0.8335 },
      { unit: "Quảng Nam", a: 0.5803, b: 0.5803 },
      { unit: "Huế", a: 0.6, b: 0.6 },
    ]);
    const after = score(tiny, [
      { unit: "Đà Nẵng", a: 0.8335, b: 0.8335 },
      { unit: "Quảng Nam", a: 0.5803, b: 0.5803 },
      { unit: "Huế", a: 0.62, b: 0.62 },
    ], { merge: [{ unit: "Đà Nẵng", into: "Đà Nẵng mới" }, { unit: "Quảng Nam", into: "Đà Nẵng mới" }] });
    const rows = comparisonRows(after, { before }).rows;
    const merged = rows.find((x) => x.unit === "Đà Nẵng mới");
    // (0.8335 + 0.5803) / 2 = 0.7069, the published 2025 rule.
    expect(merged).toMatchObject({ before: "0.7069", after: "0.7069", change: "0.0000", members: ["Đà Nẵng", "Quảng Nam"] });
    expect(rows.find((x) => x.unit === "Huế")).toMatchObject({ before: "0.6000", after: "0.6200", change: "0.0200" });
  });

  it("throws REPORT_NO_DATA with one year only", () => {
    const r = score(tiny, [{ unit: "A", a: 0.5, b: 0.5 }]);
    expect(() => comparisonRows(r)).toThrow(/two years/u);
  });
});

describe("sortComparison", () => {
  const rows = [
    { unit: "A", before: "0.5000", after: "0.5040", beforeRank: 1, afterRank: 1, change: "0.0040" },
    { unit: "B", before: null, after: "0.4000", beforeRank: null, afterRank: 2, change: null },
    { unit: "C", before: "0.6000", after: "0.3035", beforeRank: 1, afterRank: 3, change: "-0.2965" },
    { unit: "D", before: "0.1000", after: "0.3133", beforeRank: 2, afterRank: 4, change: "0.2133" },
  ];
  it("orders by the later ranking, by rise, or by size of change", async () => {
    const { sortComparison } = await import("../../src/report/comparison.ts");
    expect(sortComparison(rows).map((r) => r.unit)).toEqual(["A", "B", "C", "D"]);
    expect(sortComparison(rows, "change").map((r) => r.unit)).toEqual(["D", "A", "C", "B"]);
    expect(sortComparison(rows, "magnitude").map((r) => r.unit)).toEqual(["C", "D", "A", "B"]);
  });
});

describe("exactChange", () => {
  it("gives decimal.js's published difference on any published values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (places, a, b) => {
        const text = (n: bigint) => publish(dec(n.toString()).div(dec(10).pow(places)), places);
        expect(exactChange(text(a), text(b), places)).toBe(publish(dec(text(a)).minus(dec(text(b))), places));
      }),
      { numRuns: 1000, seed: 20261203 },
    );
    expect(exactChange("-0.0000", "0.0000", 4)).toBe("0.0000");
    expect(exactChange("0.5", "0.25", 4)).toBe("0.2500");
  });
});
