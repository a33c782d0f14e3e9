import type { NormaliseRule } from "../../framework/types.ts";
import { exactly, mapIncreasing, type Enclosure } from "../../number/enclosure.ts";
import { RAT_ONE, RAT_ZERO, rat, ratAdd, ratDiv, ratFromNumber, ratMul, ratSub, type Rational } from "../../number/rational.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";

/** The output range of a rule: its `range`, default [0, 1]. */
export function outputRange(rule: Pick<NormaliseRule, "range">): readonly [number, number] {
  return rule.range ?? [0, 1];
}

/**
 * Maps a position t (0 = worst, 1 = best) into the rule's output range [l, u]: l + t·(u − l),
 * clamping t into [0, 1] first unless `clamp` is false. Exact.
 *
 * @example
 * ```ts
 * import { ratFromDecimal } from "../../number/rational.ts";
 * toRange(ratFromDecimal("0.25")!, { range: [0, 100] }); // => { n: 25n, d: 1n }
 * ```
 */
export function toRange(t: Rational, rule: Pick<NormaliseRule, "range" | "clamp">): Rational {
  const [low, high] = outputRange(rule);
  let p = t;
  if (rule.clamp !== false) {
    if (p.n < 0n) p = RAT_ZERO;
    else if (p.n > p.d) p = RAT_ONE;
  }
  const l = ratFromNumber(low);
  return ratAdd(ratMul(p, ratSub(ratFromNumber(high), l)), l);
}

/** {@link toRange} of an enclosure (increasing in t when high ≥ low). */
export function toRangeEnclosure(t: Enclosure, rule: Pick<NormaliseRule, "range" | "clamp">): Enclosure {
  const [low, high] = outputRange(rule);
  const mapped = mapIncreasing(t, (x) => toRange(x, rule));
  return high >= low || mapped.lo === mapped.hi ? mapped : { lo: mapped.hi, hi: mapped.lo };
}

/** The midpoint of the output range: the score when the data cannot tell units apart. */
export function midRange(rule: Pick<NormaliseRule, "range">): Rational {
  const [low, high] = outputRange(rule);
  return ratDiv(ratAdd(ratFromNumber(low), ratFromNumber(high)), rat(2n));
}

/** {@link midRange} as an exact enclosure. */
export function midRangeExact(rule: Pick<NormaliseRule, "range">): Enclosure {
  return exactly(midRange(rule));
}

/**
 * {@link toRange} in floats: writes the value and a bound on its distance from the exact result
 * into `out` (t within `e` of the exact position). Clamping is 1-Lipschitz, so it adds no error;
 * the affine map adds at most e·|u − l| and two roundings.
 */
export function toRangeFloat(t: number, e: number, rule: Pick<NormaliseRule, "range" | "clamp">, out: Float64Array, at: number, errors: Float64Array): void {
  const [low, high] = outputRange(rule);
  let p = t;
  if (rule.clamp !== false) p = p < 0 ? 0 : p > 1 ? 1 : p;
  const span = high - low;
  const v = p * span + low;
  out[at] = v;
  errors[at] = e * Math.abs(span) * (1 + 4 * U) + 4 * U * (Math.abs(p * span) + Math.abs(v) + Math.abs(low) + Math.abs(span));
}
