import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { totalPoints } from "../../src/framework/total-points.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { pointsText } from "../../src/report/points.ts";

describe("pointsText", () => {
  it("rescales the published value exactly, with the decimals the product needs", () => {
    expect(pointsText("0.8002", 1000)).toBe("800.2");
    expect(pointsText("0.7164", 100)).toBe("71.64");
    expect(pointsText("0.7164", 330)).toBe("236.412");
    expect(pointsText("1.0000", 100)).toBe("100.00");
    expect(pointsText("0.0001", 10000)).toBe("1");
    expect(pointsText("0.8002", 7.5)).toBe("6.0015");
    expect(pointsText(null, 100)).toBeNull();
  });
});

describe("totalPoints", () => {
  it("is the root's maxPoints, else the sum of its children's, else undefined", () => {
    expect(totalPoints(getFramework("vn-dti-2022-province"))).toBe(1000);
    const leaf = (id: string, extra: object) => ({ id, name: { vi: id }, rule: { type: "value" as const }, ...extra });
    const root = (children: object[]) => defineFramework({ id: "t", version: "1", title: { vi: "T" }, root: { id: "r", name: { vi: "R" }, children } as never });
    expect(totalPoints(root([leaf("a", { maxPoints: 60 }), leaf("b", { maxPoints: 40 })]))).toBe(100);
    expect(totalPoints(root([leaf("a", { weight: 1 }), leaf("b", { weight: 1 })]))).toBeUndefined();
  });
});
