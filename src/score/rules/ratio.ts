import type { RatioRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { clamp01, fail, notANumber, ok, readDecimal, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores a ratio a / b (the official "Tỷ lệ = a/b"). A negative input or a ratio above 1 is an
 * error unless `outOfRange: "clamp"`; b = 0 follows `zeroDenominator` (default: an error).
 *
 * @example
 * ```ts
 * scoreRatio({ type: "ratio" }, "45", "60"); // => { ok: true, score: 0.75 }
 * ```
 */
export function scoreRatio(rule: RatioRule, rawA: RawValue, rawB: RawValue): RuleOutcome {
  const a = readDecimal(rawA);
  if (a === undefined) return notANumber(rawA, 0);
  const b = readDecimal(rawB);
  if (b === undefined) return notANumber(rawB, 1);
  const clamp = rule.outOfRange === "clamp";
  if (a.isNegative() && !clamp) return fail("DATA_OUT_OF_RANGE", `numerator ${a.toString()} is negative`, 0);
  if (b.isNegative() && !clamp) return fail("DATA_OUT_OF_RANGE", `denominator ${b.toString()} is negative`, 1);
  if (b.isZero()) {
    if (rule.zeroDenominator === "zero") return ok(dec(0));
    if (rule.zeroDenominator === "one") return ok(dec(1));
    return fail("DATA_ZERO_DENOMINATOR", `denominator is 0 (set zeroDenominator to "zero" or "one" to score it)`, 1);
  }
  const ratio = a.dividedBy(b);
  if (ratio.greaterThan(1) && !clamp) return fail("DATA_OUT_OF_RANGE", `ratio ${a.toString()}/${b.toString()} is above 1`, 0);
  return ok(clamp01(ratio));
}
