import { describe, expect, it } from "vitest";
import { score } from "../../src/pipeline/score.ts";
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
});
