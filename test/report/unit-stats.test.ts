import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, publish } from "../../src/number/decimal.ts";
import { score } from "../../src/pipeline/score.ts";
import type { UnitResult } from "../../src/pipeline/types.ts";
import { averageValue, findUnit, latestYear, leaderOf, peersOf, unitsNamed } from "../../src/report/unit-stats.ts";
import { tiny, tinyResult } from "./helpers.ts";

describe("unit stats", () => {
  it("finds units by name after normalisation, or throws REPORT_UNIT_UNKNOWN", () => {
    const r = tinyResult();
    expect(findUnit(r, "đà nẵng".normalize("NFD")).unit).toBe("Đà Nẵng");
    expect(() => findUnit(r, "Huế")).toThrow(/no unit "Huế"/u);
  });
  it("unitsNamed matches a name or a code, case- and form-insensitively, and nothing else", () => {
    const r = tinyResult();
    expect(unitsNamed(r, "  ĐÀ NẴNG ").map((u) => u.unit)).toEqual(["Đà Nẵng"]);
    expect(unitsNamed(r, "Đà")).toEqual([]);
  });
  it("averages published values exactly, skipping missing ones", () => {
    const r = tinyResult();
    // b: 0.7, 0.6, 0.7 (Cà Mau missing) → 2.0 / 3 = 0.66666… → 0.6667
    expect(averageValue(r, r.units, "b")).toBe("0.6667");
    // index: 0.8 + 0.6 + 0.6 + 0.2 = 2.2 / 4
    expect(averageValue(r, r.units, "dti")).toBe("0.5500");
  });
  it("compares a unit with the units of its own year, and picks that year's leader", () => {
    const r = score(tiny, [
      { unit: "A", year: 2023, a: 0.9, b: 0.9 },
      { unit: "B", year: 2023, a: 0.5, b: 0.5 },
      { unit: "A", year: 2024, a: 0.4, b: 0.4 },
      { unit: "B", year: 2024, a: 0.6, b: 0.6 },
    ], { columns: { year: "year" } });
    expect(latestYear(r)).toBe(2024);
    const a = findUnit(r, "A");
    expect(a.year).toBe(2024);
    expect(peersOf(r, a).map((u) => u.unit)).toEqual(["B", "A"]);
    expect(leaderOf(peersOf(r, a))?.unit).toBe("B");
    expect(leaderOf(peersOf(r, findUnit(r, "A", 2023)))?.unit).toBe("A");
  });
  it("averages the way decimal.js adds value by value, on any published values (the whole-number fast path)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(fc.oneof(fc.constant(null), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })), { maxLength: 30 }), (places, raw) => {
        const text = (n: bigint | null) => (n === null ? null : publish(dec(n.toString()).div(dec(10).pow(places)), places));
        const base = tinyResult();
        const units = raw.map((n, i) => ({ ...(base.units[0] as UnitResult), unit: `u${i}`, value: text(n) }));
        const result = { ...base, framework: { ...base.framework, decimals: places }, units };
        const present = units.map((u) => u.value).filter((v): v is string => v !== null);
        const want = present.length === 0 ? null : publish(present.reduce((s, v) => s.plus(dec(v)), dec(0)).div(present.length), places);
        expect(averageValue(result, units, result.root)).toBe(want);
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });
  it("finds a unit by a code that is another unit's name, in result order", () => {
    const r = score(tiny, [
      { unit: "02", code: "x", a: 0.9, b: 0.9 },
      { unit: "B", code: "02", a: 0.5, b: 0.5 },
    ], { columns: { code: "code" } });
    expect(unitsNamed(r, "02").map((u) => u.unit)).toEqual(["02", "B"]);
    expect(unitsNamed(r, "X").map((u) => u.unit)).toEqual(["02"]);
  });
});
