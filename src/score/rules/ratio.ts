import type { RatioRule } from "../../framework/types.ts";
import { RAT_ONE, RAT_ZERO, ratCmp, ratDiv } from "../../number/rational.ts";
import { clamp01, fail, notANumber, ok, readRational, showRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores a ratio a / b (the official "Tỷ lệ = a/b"). A negative input or a ratio above 1 is an
 * error unless `outOfRange: "clamp"`; b = 0 follows `zeroDenominator` (default: an error).
 *
 * @example
 * ```ts
 * scoreRatio({ type: "ratio" }, "45", "60"); // => { ok: true, score: { n: 3n, d: 4n } }
 * ```
 */
export function scoreRatio(rule: RatioRule, rawA: RawValue, rawB: RawValue): RuleOutcome {
  const a = readRational(rawA);
  if (a === undefined) return notANumber(rawA, 0);
  const b = readRational(rawB);
  if (b === undefined) return notANumber(rawB, 1);
  const clamp = rule.outOfRange === "clamp";
  if (a.n < 0n && !clamp) return fail("DATA_OUT_OF_RANGE", `numerator ${showRational(a)} is negative`, 0);
  if (b.n < 0n && !clamp) return fail("DATA_OUT_OF_RANGE", `denominator ${showRational(b)} is negative`, 1);
  // Clamped, a negative input scores 0 (a negative numerator over a negative denominator is not a
  // positive share).
  if (clamp && (a.n < 0n || b.n < 0n)) return ok(RAT_ZERO);
  if (b.n === 0n) {
    if (rule.zeroDenominator === "zero") return ok(RAT_ZERO);
    if (rule.zeroDenominator === "one") return ok(RAT_ONE);
    return fail("DATA_ZERO_DENOMINATOR", `denominator is 0 (set zeroDenominator to "zero" or "one" to score it)`, 1);
  }
  const ratio = ratDiv(a, b);
  if (ratCmp(ratio, RAT_ONE) > 0 && !clamp) return fail("DATA_OUT_OF_RANGE", `ratio ${showRational(a)}/${showRational(b)} is above 1`, 0);
  return ok(clamp01(ratio));
}
