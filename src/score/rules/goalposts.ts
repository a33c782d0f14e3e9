import type { GoalpostsRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { clamp01, notANumber, ok, readDecimal, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores against fixed goalposts: higher → (x − min) / (max − min), lower → (max − x) / (max −
 * min), clamped to [0, 1].
 *
 * @example
 * ```ts
 * scoreGoalposts({ type: "goalposts", min: 20, max: 100, direction: "higher" }, 60); // => { ok: true, score: 0.5 }
 * ```
 */
export function scoreGoalposts(rule: GoalpostsRule, raw: RawValue): RuleOutcome {
  const x = readDecimal(raw);
  if (x === undefined) return notANumber(raw);
  const span = dec(rule.max).minus(rule.min);
  const t = rule.direction === "higher" ? x.minus(rule.min) : dec(rule.max).minus(x);
  return ok(clamp01(t.dividedBy(span)));
}
