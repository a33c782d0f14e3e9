import type { IndicatorNode } from "./types.ts";

/**
 * The points a leaf's score is relative to (score = points / max), or `undefined` for rules that
 * produce a score directly. Resolution: the rule's own `max`, else the node's `maxPoints`, else
 * (ladder, categorical) the largest points a step or category can earn.
 */
export function ruleMax(node: IndicatorNode): number | undefined {
  const rule = node.rule;
  switch (rule.type) {
    case "points":
      return rule.max ?? node.maxPoints;
    case "ladder":
      return rule.max ?? node.maxPoints ?? rule.steps.reduce((m, s) => Math.max(m, s.points), -Infinity);
    case "categorical": {
      const points = rule.categories.flatMap((c) => (c.points === undefined ? [] : [c.points]));
      return rule.max ?? node.maxPoints ?? (points.length > 0 ? points.reduce((m, p) => Math.max(m, p), -Infinity) : undefined);
    }
    default:
      return undefined;
  }
}
