import type { TargetRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { clamp01, notANumber, ok, readDecimal, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores distance to a target. With `worst`: (x − worst) / (target − worst), clamped (works for
 * either direction). Without: higher → x / target, lower → target / x (x ≤ 0 scores 1), capped at 1.
 *
 * @example
 * ```ts
 * scoreTarget({ type: "target", target: 80, direction: "higher" }, 60); // => { ok: true, score: 0.75 }
 * ```
 */
export function scoreTarget(rule: TargetRule, raw: RawValue): RuleOutcome {
  const x = readDecimal(raw);
  if (x === undefined) return notANumber(raw);
  if (rule.worst !== undefined) {
    return ok(clamp01(x.minus(rule.worst).dividedBy(dec(rule.target).minus(rule.worst))));
  }
  if (rule.direction === "higher") return ok(clamp01(x.dividedBy(rule.target)));
  if (!x.isPositive() || x.isZero()) return ok(dec(1));
  return ok(clamp01(dec(rule.target).dividedBy(x)));
}
