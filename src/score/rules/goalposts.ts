import type { GoalpostsRule } from "../../framework/types.ts";
import { ratDiv, ratFromNumber, ratSub } from "../../number/rational.ts";
import { clamp01, notANumber, ok, readRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores against fixed goalposts: higher → (x − min) / (max − min), lower → (max − x) / (max −
 * min), clamped to [0, 1].
 *
 * @example
 * ```ts
 * scoreGoalposts({ type: "goalposts", min: 20, max: 100, direction: "higher" }, 60); // => { ok: true, score: { n: 1n, d: 2n } }
 * ```
 */
export function scoreGoalposts(rule: GoalpostsRule, raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  if (x === undefined) return notANumber(raw);
  const min = ratFromNumber(rule.min);
  const max = ratFromNumber(rule.max);
  const t = rule.direction === "higher" ? ratSub(x, min) : ratSub(max, x);
  return ok(clamp01(ratDiv(t, ratSub(max, min))));
}
