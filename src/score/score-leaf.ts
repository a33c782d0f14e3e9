import { ruleMax } from "../framework/rule-max.ts";
import type { IndicatorNode } from "../framework/types.ts";
import { scoreBoolean } from "./rules/boolean.ts";
import { scoreCategorical } from "./rules/categorical.ts";
import { scoreGoalposts } from "./rules/goalposts.ts";
import { scoreLadder } from "./rules/ladder.ts";
import { readNormaliseInput } from "./rules/normalise.ts";
import type { RawValue, RuleOutcome } from "./rules/outcome.ts";
import { scorePoints } from "./rules/points.ts";
import { scoreRatio } from "./rules/ratio.ts";
import { scoreTarget } from "./rules/target.ts";
import { scoreValue } from "./rules/value.ts";

/**
 * Scores one leaf for one unit from its raw inputs (one per input key, see `inputKeys`), by the
 * leaf's rule. Inputs are present (missing values are handled before this). A `normalise` leaf
 * gives its raw number, normalised across units in a later stage.
 */
export function scoreLeaf(node: IndicatorNode, inputs: readonly RawValue[]): RuleOutcome {
  const rule = node.rule;
  const first = inputs[0] as RawValue;
  switch (rule.type) {
    case "value":
      return scoreValue(rule, first);
    case "points":
      return scorePoints(rule, ruleMax(node) as number, first);
    case "ratio":
      return scoreRatio(rule, first, inputs[1] as RawValue);
    case "ladder":
      return scoreLadder(rule, ruleMax(node) as number, first);
    case "categorical":
      return scoreCategorical(rule, ruleMax(node), first);
    case "boolean":
      return scoreBoolean(rule, first);
    case "goalposts":
      return scoreGoalposts(rule, first);
    case "target":
      return scoreTarget(rule, first);
    case "normalise":
      return readNormaliseInput(first);
  }
}
