import { describe, expect, it } from "vitest";
import { isContinuous, maxInputs, stepUp } from "../../src/analysis/improvement-step.ts";
import type { IndicatorNode } from "../../src/framework/types.ts";

const leaf = (rule: IndicatorNode["rule"], maxPoints?: number): IndicatorNode => ({ id: "x", name: { vi: "X" }, rule, ...(maxPoints !== undefined ? { maxPoints } : {}) });

describe("stepUp and maxInputs", () => {
  it("steps continuous rules by 1 % of their range, capped", () => {
    expect(stepUp(leaf({ type: "value" }), ["0,3590"])).toEqual(["0.369"]);
    expect(stepUp(leaf({ type: "value" }), ["0.995"])).toEqual(["1"]);
    expect(stepUp(leaf({ type: "value" }), [1])).toBeUndefined();
    // points out of 20: +0.2 points
    expect(stepUp(leaf({ type: "points" }, 20), ["12"])).toEqual(["12.2"]);
    // ratio 150/200: numerator +2, capped at b
    expect(stepUp(leaf({ type: "ratio" }), [150, 200])).toEqual(["152", 200]);
    expect(stepUp(leaf({ type: "ratio" }), [199, 200])).toEqual(["200", 200]);
    // goalposts 0-50 lower is better: −0.5
    expect(stepUp(leaf({ type: "goalposts", min: 0, max: 50, direction: "lower" }), [10])).toEqual(["9.5"]);
    expect(stepUp(leaf({ type: "target", target: 80, direction: "higher" }), [79.5])).toEqual(["80"]);
    expect(maxInputs(leaf({ type: "ratio" }), [150, 200])).toEqual([200, 200]);
    expect(maxInputs(leaf({ type: "points" }, 20), ["12"])).toEqual(["20"]);
  });

  it("moves discrete rules to the next better level", () => {
    const ladder = leaf({ type: "ladder", direction: "higher", steps: [{ threshold: 2, points: 10 }, { threshold: 4, points: 20 }] }, 20);
    expect(stepUp(ladder, [3])).toEqual(["4"]);
    expect(stepUp(ladder, [1])).toEqual(["2"]);
    expect(stepUp(ladder, [5])).toBeUndefined();
    const lower = leaf({ type: "ladder", direction: "lower", steps: [{ threshold: 10, points: 5 }, { threshold: 5, points: 10 }] }, 10);
    expect(stepUp(lower, [8])).toEqual(["5"]);
    const cat = leaf({ type: "categorical", categories: [{ label: "Chủ tịch", points: 30 }, { label: "Phó", points: 15 }, { label: "Chưa có", points: 0 }] }, 30);
    expect(stepUp(cat, ["chưa có"])).toEqual(["Phó"]);
    expect(stepUp(cat, ["Chủ tịch"])).toBeUndefined();
    expect(maxInputs(cat, ["Phó"])).toEqual(["Chủ tịch"]);
    expect(stepUp(leaf({ type: "boolean" }), ["không"])).toEqual([true]);
    expect(stepUp(leaf({ type: "boolean" }), ["có"])).toBeUndefined();
    expect(isContinuous(cat)).toBe(false);
    expect(isContinuous(leaf({ type: "ratio" }))).toBe(true);
  });
});
