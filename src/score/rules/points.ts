import type { PointsRule } from "../../framework/types.ts";
import { RAT_ONE, RAT_ZERO, ratCmp, ratDiv, ratFromNumber } from "../../number/rational.ts";
import { fail, notANumber, ok, readRational, showRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores points out of a max: score = points / max. Points above the max or below 0 are an error,
 * or capped when `outOfRange: "clamp"`.
 *
 * @example
 * ```ts
 * scorePoints({ type: "points" }, 100, "85"); // => { ok: true, score: { n: 17n, d: 20n } }
 * ```
 */
export function scorePoints(rule: PointsRule, max: number, raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  if (x === undefined) return notANumber(raw);
  const m = ratFromNumber(max);
  if (x.n < 0n || ratCmp(x, m) > 0) {
    if (rule.outOfRange !== "clamp") return fail("DATA_OUT_OF_RANGE", `${showRational(x)} points is outside [0, ${max}]`);
    return ok(x.n < 0n ? RAT_ZERO : RAT_ONE);
  }
  return ok(ratDiv(x, m));
}
