import type { PointsRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { fail, notANumber, ok, readDecimal, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores points out of a max: score = points / max. Points above the max or below 0 are an error,
 * or capped when `outOfRange: "clamp"`.
 *
 * @example
 * ```ts
 * scorePoints({ type: "points" }, 100, "85"); // => { ok: true, score: 0.85 }
 * ```
 */
export function scorePoints(rule: PointsRule, max: number, raw: RawValue): RuleOutcome {
  const x = readDecimal(raw);
  if (x === undefined) return notANumber(raw);
  const m = dec(max);
  if (x.isNegative() || x.greaterThan(m)) {
    if (rule.outOfRange !== "clamp") return fail("DATA_OUT_OF_RANGE", `${x.toString()} points is outside [0, ${max}]`);
    return ok(x.isNegative() ? dec(0) : dec(1));
  }
  return ok(x.dividedBy(m));
}
