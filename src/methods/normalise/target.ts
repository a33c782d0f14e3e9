import type { NormaliseRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { mapPresent, present, type Column, type NormalisedColumn } from "./column.ts";
import { toRange } from "./to-range.ts";

/**
 * Distance to target (COINr `n_dist2targ`): t = (x − ref) / (target − ref), where ref is `worst`
 * when given, else the data's worst value (its minimum when higher is better, its maximum when
 * lower is better); t is capped to [0, 1] (unless `clamp` is false) and mapped into `range`. Reaching
 * the target scores the top of the range. If the worst value already reaches the target, every unit
 * does and scores the top.
 *
 * @example
 * ```ts
 * distanceToTarget([dec(20), dec(60), dec(120)], { method: "target", target: 100 }).scores.map(String);
 * // => ["0", "0.5", "1"]
 * ```
 */
export function distanceToTarget(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const xs = present(values);
  const target = dec(rule.target ?? 0);
  const lower = rule.direction === "lower";
  if (xs.length === 0) return { scores: values.map(() => null), degenerate: false };
  const ref =
    rule.worst !== undefined
      ? dec(rule.worst)
      : xs.reduce((a, b) => ((lower ? b.greaterThan(a) : b.lessThan(a)) ? b : a));
  const reached = lower ? ref.lessThanOrEqualTo(target) : ref.greaterThanOrEqualTo(target);
  if (reached) return { scores: mapPresent(values, () => toRange(dec(1), rule)), degenerate: false };
  const span = target.minus(ref);
  return { scores: mapPresent(values, (x) => toRange(x.minus(ref).dividedBy(span), rule)), degenerate: false };
}
