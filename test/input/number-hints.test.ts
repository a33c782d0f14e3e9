import { ratToDecimalText } from "../../src/number/rational.ts";
import { describe, expect, it } from "vitest";
import type { IndicatorNode, ScoringRule } from "../../src/framework/types.ts";
import { notANumberMessage, percentAdvice, withNumberHint } from "../../src/input/number-hints.ts";
import { scoreLeaf } from "../../src/score/score-leaf.ts";

const leaf = (rule: ScoringRule, maxPoints?: number): IndicatorNode => ({ id: "x", name: { vi: "X" }, rule, ...(maxPoints !== undefined ? { maxPoints } : {}) }) as IndicatorNode;

describe("percentAdvice: what to write instead of a percentage, in the unit of the column's rule", () => {
  it.each([
    ["value", leaf({ type: "value" }), ["85%"], "write 0.85 (this column is a score from 0 to 1)"],
    ["value, decimal comma", leaf({ type: "value" }), ["44,49%"], "write 0,4449 (this column is a score from 0 to 1)"],
    ["points of 20", leaf({ type: "points" }, 20), ["85%"], "85% of 20 points is 17: write 17 (this column is points from 0 to 20)"],
    ["points with their own max", leaf({ type: "points", max: 8 }, 20), ["12,5 %"], "12,5% of 8 points is 1: write 1 (this column is points from 0 to 8)"],
    ["goalposts 0-100", leaf({ type: "goalposts", min: 0, max: 100, direction: "higher" }), ["85%"], "write 85, the number on the goalposts' scale (0 to 100)"],
    ["goalposts 0-1", leaf({ type: "goalposts", min: 0, max: 1, direction: "higher" }), ["85%"], "write 0.85, the number on the goalposts' scale (0 to 1)"],
    ["target", leaf({ type: "target", target: 90, direction: "higher" }), ["85%"], "write 85, in the unit of the target (90)"],
    ["ladder", leaf({ type: "ladder", direction: "higher", steps: [{ threshold: 80, points: 2 }, { threshold: 50, points: 1 }] }, 2), ["85%"], "write 85, in the unit of the ladder's thresholds (80, 50)"],
    ["normalise with bounds", leaf({ type: "normalise", method: "goalposts", bounds: { min: 0, max: 100 } }), ["85%"], "write 85, in the unit of the rule's bounds (0 to 100)"],
    ["normalise from the data", leaf({ type: "normalise", method: "minmax" }), ["85%"], "write 85 if the column's other cells are percentages written as numbers (0 to 100), 0.85 if they are shares (0 to 1)"],
    ["ratio numerator", leaf({ type: "ratio" }), ["85%", "200"], "85% of the denominator 200 is 170: write 170 (a ratio reads two counts)"],
    ["ratio numerator, no denominator", leaf({ type: "ratio" }), ["85%", "abc"], "write the numerator as a count, not a percentage (0.85 only over a denominator of 1)"],
  ] as const)("%s", (_, node, inputs, advice) => {
    expect(percentAdvice(node, inputs)).toBe(advice);
  });

  it("a ratio's denominator, a non-percentage and a non-numeric rule get no advice", () => {
    expect(percentAdvice(leaf({ type: "ratio" }), ["170", "85%"], 1)).toBe("write the denominator as a count (the total), not a percentage");
    expect(percentAdvice(leaf({ type: "value" }), ["abc"])).toBeUndefined();
    expect(percentAdvice(leaf({ type: "value" }), ["abc%"])).toBeUndefined();
    expect(percentAdvice(leaf({ type: "boolean" }), ["85%"])).toBeUndefined();
  });

  it("a share past exact reach gives points and ratios no advice (and no crash)", () => {
    expect(percentAdvice(leaf({ type: "points" }, 20), ["1e-100001%"])).toBeUndefined();
    expect(percentAdvice(leaf({ type: "ratio" }), ["1e-100001%", "5"])).toBeUndefined();
    expect(notANumberMessage(leaf({ type: "points" }, 20), ["1e-100001%"])).toBe('"1e-100001%" is not a number');
  });

  it("the full message keeps the old form", () => {
    expect(notANumberMessage(leaf({ type: "points" }, 20), ["85%"])).toBe(
      '"85%" is not a number (percentages are not read: 85% of 20 points is 17: write 17 (this column is points from 0 to 20); e.g. format the column as a number before exporting)',
    );
    expect(notANumberMessage(leaf({ type: "value" }), ["abc"])).toBe('"abc" is not a number');
  });

  it("following the advice scores what the percentage meant (85 % of the way, not 0.0085)", () => {
    const cases: [IndicatorNode, string[]][] = [
      [leaf({ type: "value" }), ["85%"]],
      [leaf({ type: "points" }, 20), ["85%"]],
      [leaf({ type: "goalposts", min: 0, max: 100, direction: "higher" }), ["85%"]],
      [leaf({ type: "target", target: 100, direction: "higher" }), ["85%"]],
      [leaf({ type: "ratio" }), ["85%", "200"]],
    ];
    for (const [node, inputs] of cases) {
      const advice = percentAdvice(node, inputs)!;
      const written = /write (\d+(?:[.,]\d+)?)/u.exec(advice)![1]!;
      const outcome = scoreLeaf(node, [written, ...inputs.slice(1)]);
      expect(outcome.ok && ratToDecimalText(outcome.score), `${node.rule.type}: ${advice}`).toBe("0.85");
    }
  });

  it("withNumberHint rewrites only DATA_NOT_A_NUMBER outcomes", () => {
    const node = leaf({ type: "goalposts", min: 0, max: 100, direction: "higher" });
    const failed = scoreLeaf(node, ["85%"]);
    expect(withNumberHint(node, ["85%"], failed)).toMatchObject({ ok: false, code: "DATA_NOT_A_NUMBER", message: expect.stringContaining("write 85,") });
    const ok = scoreLeaf(node, ["85"]);
    expect(withNumberHint(node, ["85"], ok)).toBe(ok);
    const ratio = leaf({ type: "ratio" });
    const above = scoreLeaf(ratio, ["300", "200"]);
    expect(withNumberHint(ratio, ["300", "200"], above)).toBe(above);
  });
});
