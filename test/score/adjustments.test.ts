import { describe, expect, it } from "vitest";
import { score, validate } from "../../src/index.ts";
import { totalPoints } from "../../src/framework/total-points.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { ADJUSTED } from "../helpers/adjusted-framework.ts";

const DATA = [
  { unit: "X", a: 50, b: 30, t1: "có", t2: 4, tru: 1 },
  { unit: "Y", a: 60, b: 40, t1: "có", t2: "", tru: "" },
  { unit: "Z", a: 10, b: 10, t1: "", t2: "", tru: 2 },
  { unit: "W", a: 30.1234, b: 10.00005, t1: "không", t2: 0, tru: 0 },
];

describe("bonus and penalty points", () => {
  for (const arithmetic of ["exact", "float"] as const) {
    it(`are added after the weighted total, within their caps and [0, total] (${arithmetic})`, () => {
      const r = score(ADJUSTED, DATA, { arithmetic });
      const by = new Map(r.units.map((u) => [u.unit, u]));
      // X: 80 points + min(3 + 4, 5) − 1 = 84.
      expect(by.get("X")!.value).toBe("0.8400");
      expect(by.get("X")!.nodes["thuong"]!.value).toBe("1.0000");
      expect(by.get("X")!.nodes["tru"]!.value).toBe("0.5000");
      // Y: 100 + 3 is kept at the total.
      expect(by.get("Y")!.value).toBe("1.0000");
      // Z: 20 − 2; blank bonus cells add nothing and are no error.
      expect(by.get("Z")!.value).toBe("0.1800");
      expect(by.get("Z")!.nodes["thuong"]!.value).toBe("0.0000");
      // W: 40.12345 points, exactly half-way: published half-up.
      expect(by.get("W")!.value).toBe("0.4012");
      expect(r.units.map((u) => u.unit)).toEqual(["Y", "X", "W", "Z"]);
      // The coverage is the weighted criteria's.
      expect(by.get("Z")!.coverage).toBe(1);
    });
  }
});

describe("validation of bonus and penalty points", () => {
  const codes = (def: unknown) => {
    const r = validateFramework(def);
    return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.node ?? ""}`);
  };
  const withRoot = (root: object) => ({ ...ADJUSTED, root: { ...ADJUSTED.root, ...root } });
  it("accepts the framework and leaves the points out of the total", () => {
    expect(codes(ADJUSTED)).toEqual([]);
    expect(totalPoints(ADJUSTED)).toBe(100);
  });
  it("refuses bonus points below the root", () => {
    const def = withRoot({ children: [{ id: "g", name: { vi: "G" }, maxPoints: 100, children: [{ id: "x", name: { vi: "X" }, maxPoints: 100, rule: { type: "points" } }, { id: "t", name: { vi: "T" }, maxPoints: 5, adjust: "bonus", rule: { type: "points" } }] }] });
    expect(codes(def)).toContain("FRAMEWORK_ADJUSTMENT t");
  });
  it("needs a cap, leaves as criteria, no weight, total points", () => {
    const children = ADJUSTED.root.children;
    expect(codes(withRoot({ children: [...children.slice(0, 2), { id: "t", name: { vi: "T" }, adjust: "bonus", rule: { type: "boolean" } }] }))).toContain("FRAMEWORK_ADJUSTMENT t");
    expect(codes(withRoot({ children: [...children.slice(0, 2), { id: "t", name: { vi: "T" }, adjust: "bonus", maxPoints: 2, weight: 1, rule: { type: "boolean" } }] }))).toContain("FRAMEWORK_ADJUSTMENT t");
    expect(codes(withRoot({ children: [...children.slice(0, 2), { id: "t", name: { vi: "T" }, adjust: "penalty", children: [{ id: "u", name: { vi: "U" }, rule: { type: "boolean" } }] }] }))).toContain("FRAMEWORK_ADJUSTMENT t");
    const weights = { ...ADJUSTED.root, maxPoints: undefined, children: [{ id: "a", name: { vi: "A" }, weight: 1, rule: { type: "value" } }, children[3]] };
    expect(codes({ ...ADJUSTED, root: weights })).toContain("FRAMEWORK_ADJUSTMENT dti");
    expect(codes(withRoot({ children: [children[2], children[3]] }))).toContain("FRAMEWORK_ADJUSTMENT dti");
  });
  it("takes adjustedRange on the root only, with bonus or penalty points", () => {
    expect(codes(withRoot({ adjustedRange: "none" }))).toEqual([]);
    expect(codes(withRoot({ adjustedRange: "none", children: ADJUSTED.root.children.slice(0, 2) }))).toContain("FRAMEWORK_ADJUSTMENT dti");
    expect(codes(withRoot({ adjustedRange: "sometimes" }))[0]).toMatch(/^FRAMEWORK_SCHEMA/u);
  });
  it("adjustedRange: non-negative lets the bonus carry the index above the total; none lets a penalty take it below 0", () => {
    const nonNegative = score(withRoot({ adjustedRange: "non-negative" }) as FrameworkDefinition, DATA.slice(1, 2));
    expect(nonNegative.units[0]!.value).toBe("1.0300");
    const none = score(withRoot({ adjustedRange: "none" }) as FrameworkDefinition, [{ unit: "Q", a: 1, b: 0, t1: "không", t2: 0, tru: 2 }]);
    expect(none.units[0]!.value).toBe("-0.0100");
    const total = score(ADJUSTED, [{ unit: "Q", a: 1, b: 0, t1: "không", t2: 0, tru: 2 }]);
    expect(total.units[0]!.value).toBe("0.0000");
  });
  it("a missing bonus column is no bonus, even under missing: error", () => {
    const r = score(ADJUSTED, [{ unit: "X", a: 50, b: 30 }]);
    expect(r.units[0]!.value).toBe("0.8000");
    expect(r.warnings).toEqual([]);
  });
});

describe("units assessed but not ranked", () => {
  it("the ranked column: scored, no rank, no place in the others' ranks", () => {
    const data = DATA.map((d) => ({ ...d, "Được xếp hạng": d.unit === "Y" ? "Không" : "Có", "Lý do không xếp hạng": d.unit === "Y" ? "không có dịch vụ công" : "" }));
    for (const ties of ["published", "exact"] as const) {
      const r = score(ADJUSTED, data, { ties });
      const y = r.units.find((u) => u.unit === "Y")!;
      expect(y.value).toBe("1.0000");
      expect(y.rank).toBeNull();
      expect(y.nodes["a"]!.rank).toBeNull();
      expect(y.ranked).toBe(false);
      expect(y.rankNote).toBe("không có dịch vụ công");
      expect(r.units.map((u) => [u.unit, u.rank])).toEqual([["X", 1], ["W", 2], ["Z", 3], ["Y", null]]);
      expect(r.units.find((u) => u.unit === "X")!.ranked).toBeUndefined();
      expect(r.warnings.map((w) => w.code)).toEqual(["DATA_NOT_RANKED"]);
    }
  });
  it("the unranked option, by name or code, with a reason", () => {
    const r = score(ADJUSTED, DATA, { unranked: { x: "mới thành lập" } });
    expect(r.units.find((u) => u.unit === "X")).toMatchObject({ rank: null, ranked: false, rankNote: "mới thành lập" });
    expect(score(ADJUSTED, DATA, { unranked: ["Z"] }).units.find((u) => u.unit === "Z")!.rank).toBeNull();
    expect(() => score(ADJUSTED, DATA, { unranked: ["Không có"] })).toThrow(/DATA_NOT_RANKED|which the data has no unit/u);
    expect(() => score(ADJUSTED, DATA, { unranked: 3 as never })).toThrow(/option unranked/u);
  });
  it("a ranked cell that is not yes/no is an error naming the row", () => {
    const report = validate(ADJUSTED, [{ ...DATA[0], "được xếp hạng": "có lẽ" }]);
    expect(report.errors[0]).toMatchObject({ code: "DATA_NOT_A_BOOLEAN", row: 1, column: "được xếp hạng" });
  });
});
