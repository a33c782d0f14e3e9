import { describe, expect, it } from "vitest";
import type { Aggregation, FrameworkDefinition, Weighting } from "../../src/framework/types.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";
import { percents } from "../../src/score/node-flag-issues.ts";

function fw(opts: { aggregation?: Aggregation; weighting?: Weighting; minCoverage?: number }): FrameworkDefinition {
  return {
    id: "node-methods",
    version: "1",
    title: { vi: "Thử" },
    root: {
      id: "index",
      name: { vi: "Chỉ số" },
      children: [
        {
          id: "pillar",
          name: { vi: "Trụ cột" },
          maxPoints: 50,
          ...opts,
          children: [
            { id: "a", name: { vi: "A" }, maxPoints: 30, rule: { type: "value" } },
            { id: "b", name: { vi: "B" }, maxPoints: 10, rule: { type: "value" } },
            { id: "c", name: { vi: "C" }, maxPoints: 10, rule: { type: "value" } },
          ],
        },
        { id: "d", name: { vi: "D" }, rule: { type: "value" }, maxPoints: 50 },
      ],
    },
  };
}
const row = { unit: "X", a: 0.2, b: 0.5, c: 0.8, d: 1 };
const pillar = (def: FrameworkDefinition, r: object = row, options = {}) => score(def, [r], options).units[0]!.nodes["pillar"]!;

describe("aggregation and weighting per node", () => {
  it("chooses the mean per group: arithmetic, geometric, harmonic, Mazziotta-Pareto (weights from max points)", () => {
    // weights 3, 1, 1 (points 30, 10, 10)
    expect(pillar(fw({})).value).toBe("0.3800"); // (3·0.2 + 0.5 + 0.8) / 5
    expect(pillar(fw({ aggregation: "harmonic" })).score).toBeCloseTo(5 / (3 / 0.2 + 1 / 0.5 + 1 / 0.8), 12);
    expect(pillar(fw({ aggregation: "geometric" })).score).toBeCloseTo(Math.exp((3 * Math.log(0.2) + Math.log(0.5) + Math.log(0.8)) / 5), 12);
    const m = 0.38;
    const s2 = (3 * (0.2 - m) ** 2 + (0.5 - m) ** 2 + (0.8 - m) ** 2) / 5;
    expect(pillar(fw({ aggregation: "mazziotta-pareto" })).score).toBeCloseTo(m - s2 / m, 12);
  });

  it("weights equally on request, whatever the children's max points", () => {
    expect(pillar(fw({ weighting: "equal" })).value).toBe("0.5000");
    expect(validateFramework(fw({ weighting: "manual" })).issues.map((i) => i.code)).toEqual(["FRAMEWORK_WEIGHTS_MIXED"]);
  });

  it("leaves a group missing below its coverage threshold, with a warning", () => {
    const blank = { ...row, b: "", c: "" };
    // a alone carries 30 of 50 points: coverage 0.6
    const ok = pillar(fw({ minCoverage: 0.6 }), blank, { missing: "reweight" });
    expect([ok.value, ok.coverage]).toEqual(["0.2000", 0.6]);
    const r = score(fw({ minCoverage: 0.65 }), [blank], { missing: "reweight" });
    expect(r.units[0]!.nodes["pillar"]!.value).toBeNull();
    expect(r.units[0]!.value).toBe("1.0000");
    expect(r.warnings.filter((w) => w.code === "DATA_LOW_COVERAGE").map((w) => [w.unit, w.node])).toEqual([["X", "pillar"]]);
    // a global threshold applies to every group without its own
    const global = score(fw({}), [blank], { missing: "reweight", minCoverage: 0.65 });
    expect(global.units[0]!.nodes["pillar"]!.value).toBeNull();
    expect(r.warnings.find((w) => w.code === "DATA_LOW_COVERAGE")!.message).toContain("data for 60% of its weight, below its threshold of 65%");
  });

  it("tells a coverage just under its threshold apart from it in the warning", () => {
    // 30 of 50 points with data is 60 %; a threshold of 60.0004 % reads as 60 % to one decimal
    const r = score(fw({ minCoverage: 0.600004 }), [{ ...row, b: "", c: "" }], { missing: "reweight" });
    expect(r.warnings.find((w) => w.code === "DATA_LOW_COVERAGE")!.message).toContain("data for 60% of its weight, below its threshold of 60.0004%");
    expect(percents(0.6499, 0.65)).toEqual(["64.99%", "65%"]);
    expect(percents(0.123, 0.5)).toEqual(["12.3%", "50%"]);
  });
});
