import type { TargetRule } from "../../framework/types.ts";
import { RAT_ONE, ratDiv, ratFromNumber, ratSub } from "../../number/rational.ts";
import { clamp01, notANumber, ok, readRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores distance to a target. With `worst`: (x − worst) / (target − worst), clamped (works for
 * either direction). Without: higher → x / target, lower → target / x (x ≤ 0 scores 1), capped at 1.
 *
 * @example
 * ```ts
 * scoreTarget({ type: "target", target: 80, direction: "higher" }, 60); // => { ok: true, score: { n: 3n, d: 4n } }
 * ```
 */
export function scoreTarget(rule: TargetRule, raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  if (x === undefined) return notANumber(raw);
  const target = ratFromNumber(rule.target);
  if (rule.worst !== undefined) {
    const worst = ratFromNumber(rule.worst);
    return ok(clamp01(ratDiv(ratSub(x, worst), ratSub(target, worst))));
  }
  if (rule.direction === "higher") return ok(clamp01(ratDiv(x, target)));
  if (x.n <= 0n) return ok(RAT_ONE);
  return ok(clamp01(ratDiv(target, x)));
}
