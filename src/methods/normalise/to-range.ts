import type { NormaliseRule } from "../../framework/types.ts";
import { dec, type Decimal } from "../../number/decimal.ts";

/** The output range of a rule: its `range`, default [0, 1]. */
export function outputRange(rule: Pick<NormaliseRule, "range">): readonly [number, number] {
  return rule.range ?? [0, 1];
}

/**
 * Maps a position t (0 = worst, 1 = best) into the rule's output range [l, u]: l + t·(u − l),
 * clamping t into [0, 1] first unless `clamp` is false.
 *
 * @example
 * ```ts
 * toRange(dec("0.25"), { range: [0, 100] }).toString(); // => "25"
 * ```
 */
export function toRange(t: Decimal, rule: Pick<NormaliseRule, "range" | "clamp">): Decimal {
  const [low, high] = outputRange(rule);
  let p = t;
  if (rule.clamp !== false) {
    if (p.isNegative()) p = dec(0);
    else if (p.greaterThan(1)) p = dec(1);
  }
  return p.times(dec(high).minus(low)).plus(low);
}

/** The midpoint of the output range: the score when the data cannot tell units apart. */
export function midRange(rule: Pick<NormaliseRule, "range">): Decimal {
  const [low, high] = outputRange(rule);
  return dec(low).plus(high).dividedBy(2);
}
