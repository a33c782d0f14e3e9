// Tests src/score/score-leaf.ts (kept here, next to the rule tests, by file ownership).
import { describe, expect, it } from "vitest";
import type { IndicatorNode } from "../../../src/framework/types.ts";
import { scoreLeaf } from "../../../src/score/score-leaf.ts";
import { failure, scoreOf } from "./helpers.ts";

const leaf = (rule: IndicatorNode["rule"], extra: Partial<IndicatorNode> = {}): IndicatorNode => ({ id: "x", name: { vi: "X" }, rule, ...extra });

describe("scoreLeaf", () => {
  it("value", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "value" }), ["0,8002"]))).toBe("0.8002");
    failure(scoreLeaf(leaf({ type: "value" }), ["1.2"]), "DATA_OUT_OF_RANGE");
  });

  it("points: the rule's max, else the node's maxPoints", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "points" }, { maxPoints: 40 }), ["30"]))).toBe("0.75");
    expect(scoreOf(scoreLeaf(leaf({ type: "points", max: 60 }, { maxPoints: 40 }), ["30"]))).toBe("0.5");
    failure(scoreLeaf(leaf({ type: "points" }, { maxPoints: 40 }), ["41"]), "DATA_OUT_OF_RANGE");
  });

  it("ratio: reads both inputs", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "ratio" }), ["45", "60"]))).toBe("0.75");
    failure(scoreLeaf(leaf({ type: "ratio" }), ["45", "0"]), "DATA_ZERO_DENOMINATOR", 1);
  });

  it("ladder: max from the rule, the node, else the best step", () => {
    const steps = [
      { threshold: 2, points: 10 },
      { threshold: 1, points: 5 },
    ];
    expect(scoreOf(scoreLeaf(leaf({ type: "ladder", direction: "higher", steps }), ["1"]))).toBe("0.5");
    expect(scoreOf(scoreLeaf(leaf({ type: "ladder", direction: "higher", steps }, { maxPoints: 20 }), ["1"]))).toBe("0.25");
    expect(scoreOf(scoreLeaf(leaf({ type: "ladder", direction: "higher", steps, max: 40 }, { maxPoints: 20 }), ["2"]))).toBe("0.25");
  });

  it("categorical: max from the node, else the largest category", () => {
    const categories = [
      { label: "đủ", points: 4 },
      { label: "thiếu", points: 2 },
    ];
    expect(scoreOf(scoreLeaf(leaf({ type: "categorical", categories }), ["thiếu"]))).toBe("0.5");
    expect(scoreOf(scoreLeaf(leaf({ type: "categorical", categories }, { maxPoints: 8 }), ["thiếu"]))).toBe("0.25");
    expect(scoreOf(scoreLeaf(leaf({ type: "categorical", categories: [{ label: "a", score: 0.4 }] }), ["A"]))).toBe("0.4");
    failure(scoreLeaf(leaf({ type: "categorical", categories }), ["?"]), "DATA_UNKNOWN_CATEGORY");
  });

  it("boolean", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "boolean" }), ["có"]))).toBe("1");
    expect(scoreOf(scoreLeaf(leaf({ type: "boolean", direction: "lower" }), ["có"]))).toBe("0");
  });

  it("goalposts", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "goalposts", min: 0, max: 10, direction: "lower" }), [2]))).toBe("0.8");
  });

  it("target", () => {
    expect(scoreOf(scoreLeaf(leaf({ type: "target", target: 4, direction: "higher" }), ["3"]))).toBe("0.75");
    expect(scoreOf(scoreLeaf(leaf({ type: "target", target: 4, worst: 0, direction: "higher" }), ["1"]))).toBe("0.25");
  });

  it("passes not-a-number failures through", () => {
    expect(failure(scoreLeaf(leaf({ type: "value" }), ["abc"]), "DATA_NOT_A_NUMBER")).toBe('"abc" is not a number');
  });
});
