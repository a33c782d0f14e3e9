import type { NormaliseRule } from "../../framework/types.ts";
import { dec } from "../../number/decimal.ts";
import { mapPresent, present, type Column, type NormalisedColumn } from "./column.ts";

/**
 * z-score (COINr `n_zscore`, EGDI, IMD's "STD method"): z = (x − μ) / σ with μ the mean and σ the
 * **sample** standard deviation (n − 1, as R's `sd()` that COINr and Compind use), negated when lower
 * is better, then mean + sd · z with the rule's output `mean` (default 0) and `sd` (default 1):
 * e.g. 100 and 10 for the Mazziotta-Pareto index. Fewer than two values, or all equal: every unit
 * gets the output mean.
 *
 * @example
 * ```ts
 * zScore([dec(2), dec(4), dec(6)], { method: "zscore" }).scores.map(String); // => ["-1", "0", "1"]
 * ```
 */
export function zScore(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const xs = present(values);
  const outMean = dec(rule.mean ?? 0);
  const outSd = dec(rule.sd ?? 1);
  if (xs.length < 2) return { scores: mapPresent(values, () => outMean), degenerate: xs.length === 1 };
  const mu = xs.reduce((a, b) => a.plus(b), dec(0)).dividedBy(xs.length);
  const ss = xs.reduce((a, x) => a.plus(x.minus(mu).times(x.minus(mu))), dec(0));
  const sigma = ss.dividedBy(xs.length - 1).sqrt();
  if (sigma.isZero()) return { scores: mapPresent(values, () => outMean), degenerate: true };
  const sign = rule.direction === "lower" ? -1 : 1;
  return { scores: mapPresent(values, (x) => x.minus(mu).dividedBy(sigma).times(sign).times(outSd).plus(outMean)), degenerate: false };
}
