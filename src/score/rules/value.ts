import type { ValueRule } from "../../framework/types.ts";
import { RAT_ONE, ratCmp } from "../../number/rational.ts";
import { clamp01, fail, notANumber, ok, readRational, showRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores an input that already is a score in [0, 1] (e.g. a published main-indicator value).
 *
 * @example
 * ```ts
 * scoreValue({ type: "value" }, "0,8002"); // => { ok: true, score: { n: 4001n, d: 5000n } }
 * ```
 */
export function scoreValue(rule: ValueRule, raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  if (x === undefined) return notANumber(raw);
  if (x.n < 0n || ratCmp(x, RAT_ONE) > 0) {
    if (rule.outOfRange === "clamp") return ok(clamp01(x));
    return fail("DATA_OUT_OF_RANGE", `${showRational(x)} is outside [0, 1]`);
  }
  return ok(x);
}
