import type { NormaliseRule } from "../../framework/types.ts";
import { dec, type Decimal } from "../../number/decimal.ts";
import { mapPresent, present, type Column, type NormalisedColumn } from "./column.ts";
import { midRange, toRange } from "./to-range.ts";

/**
 * Min-max normalisation (COINr `n_minmax`, NRI, DESI): t = (x − min) / (max − min), or
 * (max − x) / (max − min) when lower is better, mapped into `range`. min and max come from the
 * data, or from `bounds` (fixed across years, as DESI fixes them); `goalposts` is the same formula
 * with required bounds. With data bounds and all values equal, every unit gets the midpoint.
 *
 * @example
 * ```ts
 * minMax([dec(10), dec(20), dec(30), null], { method: "minmax", range: [0, 100] }).scores.map(String);
 * // => ["0", "50", "100", "null"]
 * ```
 */
export function minMax(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const xs = present(values);
  if (xs.length === 0) return { scores: values.map(() => null), degenerate: false };
  const min = rule.bounds !== undefined ? dec(rule.bounds.min) : xs.reduce((a, b) => (b.lessThan(a) ? b : a));
  const max = rule.bounds !== undefined ? dec(rule.bounds.max) : xs.reduce((a, b) => (b.greaterThan(a) ? b : a));
  const span = max.minus(min);
  if (span.isZero()) return { scores: mapPresent(values, () => midRange(rule)), degenerate: true };
  const lower = rule.direction === "lower";
  return { scores: mapPresent(values, (x) => toRange((lower ? max.minus(x) : x.minus(min)).dividedBy(span), rule)), degenerate: false };
}
