import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "../../src/framework/builtin/index.ts";
import { parseRuleText, RuleTextError, ruleToText } from "../../src/framework/rule-text.ts";
import type { FrameworkNode, ScoringRule } from "../../src/framework/types.ts";

describe("parseRuleText", () => {
  it("reads the words of the simple rules in Vietnamese and English", () => {
    expect(parseRuleText("Giá trị")).toEqual({ type: "value" });
    expect(parseRuleText("điểm")).toEqual({ type: "points" });
    expect(parseRuleText("Điểm (tối đa 20)")).toEqual({ type: "points", max: 20 });
    expect(parseRuleText("points (max 7,5)")).toEqual({ type: "points", max: 7.5 });
    expect(parseRuleText("Tỉ lệ")).toEqual({ type: "ratio" });
    expect(parseRuleText("yes/no")).toEqual({ type: "boolean" });
  });

  it("reads ladders (percent, decimal comma, >= and <=) and categories", () => {
    expect(parseRuleText("≥90%: 10; ≥70%: 7")).toEqual({ type: "ladder", direction: "higher", steps: [{ threshold: 0.9, points: 10 }, { threshold: 0.7, points: 7 }] });
    expect(parseRuleText("<= 2: 5;<=5 : 2,5")).toEqual({ type: "ladder", direction: "lower", steps: [{ threshold: 2, points: 5 }, { threshold: 5, points: 2.5 }] });
    expect(parseRuleText("Bí thư: 10; Phó: 5; Không: 0")).toEqual({ type: "categorical", categories: [{ label: "Bí thư", points: 10 }, { label: "Phó", points: 5 }, { label: "Không", points: 0 }] });
    expect(parseRuleText('{"type":"goalposts","min":0,"max":100,"direction":"higher"}')).toEqual({ type: "goalposts", min: 0, max: 100, direction: "higher" });
  });

  it("says what to write for text that is no rule", () => {
    expect(() => parseRuleText("tính theo quy định")).toThrow(RuleTextError);
    expect(() => parseRuleText("tính theo quy định")).toThrow(/write "giá trị", "điểm", "tỷ lệ", "có\/không", a ladder/u);
    expect(() => parseRuleText("≥90%: 10; ≤50%: 2")).toThrow("a ladder's steps are all ≥ or all ≤");
    expect(() => parseRuleText("≥abc: 10")).toThrow("the threshold must be a number");
    expect(() => parseRuleText("Bí thư: mười")).toThrow('"Bí thư: mười": the points after ":" must be a number, 0 or more');
    expect(() => parseRuleText("{type:")).toThrow(/the rule's JSON cannot be read/u);
  });
});

describe("ruleToText", () => {
  const cases: ScoringRule[] = [
    { type: "value" },
    { type: "value", outOfRange: "clamp" },
    { type: "points", max: 20 },
    { type: "ratio", zeroDenominator: "one" },
    { type: "boolean", direction: "lower" },
    { type: "ladder", direction: "higher", steps: [{ threshold: 0.9, points: 10 }, { threshold: 0.7, points: 7 }] },
    { type: "ladder", direction: "higher", steps: [{ threshold: 4, points: 20 }], max: 20 },
    { type: "categorical", categories: [{ label: "Bí thư", points: 10 }, { label: "Phó", points: 5 }] },
    { type: "categorical", categories: [{ label: "a: b", points: 1 }] },
    { type: "categorical", categories: [{ label: "Có", score: 1 }] },
    { type: "normalise", method: "minmax", bounds: { min: 0, max: 100 } },
  ];
  it.each(cases.map((r) => [ruleToText(r), r] as const))("%s reads back as the same rule", (text, rule) => {
    expect(parseRuleText(text)).toEqual(rule);
  });
  it("writes words, ladders and categories where they say it all", () => {
    expect(cases.slice(0, 8).map(ruleToText)).toEqual(["giá trị", '{"type":"value","outOfRange":"clamp"}', "điểm (tối đa 20)", '{"type":"ratio","zeroDenominator":"one"}', '{"type":"boolean","direction":"lower"}', "≥0.9: 10; ≥0.7: 7", '{"type":"ladder","direction":"higher","steps":[{"threshold":4,"points":20}],"max":20}', "Bí thư: 10; Phó: 5"]);
  });
  it("reads back every rule of every built-in framework", () => {
    const rules: ScoringRule[] = [];
    const visit = (n: FrameworkNode) => (n.rule !== undefined ? rules.push(n.rule) : n.children.forEach(visit));
    for (const f of builtinFrameworks) visit(f.root);
    expect(rules.length).toBeGreaterThan(20);
    for (const r of rules) expect(parseRuleText(ruleToText(r))).toEqual(r);
  });
});
