import type { NormaliseRule } from "../../framework/types.ts";
import { dec, type Decimal } from "../../number/decimal.ts";
import { present, type Column, type NormalisedColumn } from "./column.ts";
import { midRange, toRange } from "./to-range.ts";

/** For each value: B = how many present values are worse, E = how many are equal (itself included). */
function counts(values: Column, lower: boolean): { worse: number; equal: number }[] {
  const xs = present(values);
  return values.map((v) => {
    if (v === null) return { worse: 0, equal: 0 };
    let worse = 0;
    let equal = 0;
    for (const y of xs) {
      const c = y.comparedTo(v);
      if (c === 0) equal++;
      else if (lower ? c > 0 : c < 0) worse++;
    }
    return { worse, equal };
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
