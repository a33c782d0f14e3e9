import type { NormaliseRule } from "../../framework/types.ts";
import { dec, type Decimal } from "../../number/decimal.ts";
import { present, type Column, type NormalisedColumn } from "./column.ts";
import { midRange, toRange } from "./to-range.ts";

/** For each value: B = how many present values are worse, E = how many are equal (itself included). */
function counts(values: Column, lower: boolean): { worse: number; equal: number }[] {
  const xs = present(values).sort((a, b) => a.comparedTo(b));
  const n = xs.length;
  // First index whose value is ≥ v (strict = false) or > v (strict = true), by binary search.
  const bound = (v: Decimal, strict: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = xs[mid]!.comparedTo(v);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => {
    if (v === null) return { worse: 0, equal: 0 };
    const below = bound(v, false);
    const upTo = bound(v, true);
    return { worse: lower ? n - upTo : below, equal: upTo - below };
  });
}

/**
 * Rank normalisation (COINr `n_rank`, Compind `normalise_ci(method = 3)`), ties sharing the average
 * rank (R's default `ties.method = "average"`): r = B + (E + 1) / 2 counted from the worst (= 1),
 * then t = (r − 1) / (n − 1) mapped into `range`, so the worst unit gets the bottom of the range and
 * the best the top. B = units with a worse value, E = units with an equal value (itself included).
 * One unit alone gets the midpoint.
 *
 * @example
 * ```ts
 * rankScore([dec(5), dec(7), dec(7), dec(9)], { method: "rank" }).scores.map(String);
 * // => ["0", "0.5", "0.5", "1"]
 * ```
 */
export function rankScore(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const n = present(values).length;
  if (n < 2) return { scores: values.map((v) => (v === null ? null : midRange(rule))), degenerate: n === 1 };
  const c = counts(values, rule.direction === "lower");
  return {
    scores: values.map((v, i) => (v === null ? null : toRange(dec(2 * c[i]!.worse + c[i]!.equal - 1).dividedBy(2 * (n - 1)), rule))),
    degenerate: false,
  };
}

/**
 * Percentile rank, the mid-point definition: PR = (B + E / 2) / n, the share of units below plus
 * half the share tied with it (B, E as in {@link rankScore}), mapped into `range`. It lies strictly
 * inside (0, 1): the best of four distinct values scores 0.875, the worst 0.125; one unit alone 0.5.
 *
 * @example
 * ```ts
 * percentileRank([dec(5), dec(7), dec(7), dec(9)], { method: "percentile" }).scores.map(String);
 * // => ["0.125", "0.5", "0.5", "0.875"]
 * ```
 */
export function percentileRank(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const n = present(values).length;
  const c = counts(values, rule.direction === "lower");
  const scores = values.map((v, i): Decimal | null => (v === null ? null : toRange(dec(2 * c[i]!.worse + c[i]!.equal).dividedBy(2 * n), rule)));
  return { scores, degenerate: n === 1 };
}
