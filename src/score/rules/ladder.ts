import type { LadderRule } from "../../framework/types.ts";
import { RAT_ZERO, ratCmp, ratDiv, ratFromNumber } from "../../number/rational.ts";
import { notANumber, ok, readRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores a step ladder: the best step the input reaches earns its points; score = points / max.
 * "higher": a step is reached when input ≥ threshold; "lower": when input ≤ threshold.
 *
 * @example
 * ```ts
 * const meetings = { type: "ladder", direction: "higher", steps: [
 *   { threshold: 4, points: 20 }, { threshold: 3, points: 15 }, { threshold: 2, points: 10 }, { threshold: 1, points: 5 },
 * ] } as const;
 * scoreLadder(meetings, 20, "3"); // => { ok: true, score: { n: 3n, d: 4n } }
 * ```
 */
export function scoreLadder(rule: LadderRule, max: number, raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  if (x === undefined) return notANumber(raw);
  let best = -1;
  for (const step of rule.steps) {
    const c = ratCmp(x, ratFromNumber(step.threshold));
    const reached = rule.direction === "higher" ? c >= 0 : c <= 0;
    if (reached && step.points > best) best = step.points;
  }
  return ok(best < 0 ? RAT_ZERO : ratDiv(ratFromNumber(best), ratFromNumber(max)));
}
