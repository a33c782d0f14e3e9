import type { ValueRule } from "../../framework/types.ts";
import { clamp01, fail, notANumber, ok, readDecimal, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores an input that already is a score in [0, 1] (e.g. a published main-indicator value).
 *
 * @example
 * ```ts
 * scoreValue({ type: "value" }, "0,8002"); // => { ok: true, score: 0.8002 }
 * ```
 */
export function scoreValue(rule: ValueRule, raw: RawValue): RuleOutcome {
  const x = readDecimal(raw);
  if (x === undefined) return notANumber(raw);
  if (x.isNegative() || x.greaterThan(1)) {
    if (rule.outOfRange === "clamp") return ok(clamp01(x));
    return fail("DATA_OUT_OF_RANGE", `${x.toString()} is outside [0, 1]`);
  }
  return ok(x);
}
