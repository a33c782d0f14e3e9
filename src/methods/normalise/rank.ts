import type { NormaliseRule } from "../../framework/types.ts";
import { exactly } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { rat, type Rational } from "../../number/rational.ts";
import { exactGroups, type ColumnPart, type PartResult } from "./part.ts";
import { midRange, toRange, toRangeFloat } from "./to-range.ts";
import { fillExact } from "./minmax.ts";

/**
 * Rank normalisation (COINr `n_rank`, Compind `normalise_ci(method = 3)`): r counted from the worst
 * (= 1), t = (r − 1) / (n − 1) mapped into `range`, so the worst unit gets the bottom of the range
 * and the best the top. Ties share the **average** rank r = B + (E + 1) / 2 (R's default
 * `ties.method = "average"`), or with `ties: "min"` the lowest, r = B + 1 (COINr's `n_rank`, which
 * passes "min" to R's `rank`). B = units with a worse value, E = units with an equal value (itself
 * included). One unit alone gets the midpoint.
 *
 * Percentile rank (`percentile: true`), the mid-point definition: PR = (B + E / 2) / n, strictly
 * inside (0, 1): the best of four distinct values scores 0.875, the worst 0.125; one unit alone 0.5.
 *
 * Counts are exact (ties decided on exact values, see `exactGroups`); t is a ratio of whole
 * numbers, so its float is correctly rounded.
 */
export function rankPart(part: ColumnPart, rule: Omit<NormaliseRule, "type">, percentile: boolean): PartResult {
  const groups = exactGroups(part);
  const n = groups.reduce((a, g) => a + g.length, 0);
  if (!percentile && n < 2) {
    const mid = midRange(rule);
    fillExact(part, mid);
    return { degenerate: n === 1, exact: (u) => (Number.isNaN(part.value[part.base + u]!) ? null : exactly(mid)) };
  }
  const lower = rule.direction === "lower";
  const position = new Map<number, Rational>();
  let below = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[lower ? groups.length - 1 - g : g]!;
    const equal = group.length;
    // t as numerator / denominator of whole numbers.
    const [num, den] = percentile
      ? [2 * below + equal, 2 * n]
      : rule.ties === "min"
        ? [below, n - 1]
        : [2 * below + equal - 1, 2 * (n - 1)];
    const t = rat(BigInt(num), BigInt(den));
    for (const u of group) {
      position.set(u, t);
      toRangeFloat(num / den, U * (num / den), rule, part.value, part.base + u, part.error);
    }
    below += equal;
  }
  return {
    degenerate: percentile && n === 1,
    exact: (u) => {
      const t = position.get(u);
      return t === undefined ? null : exactly(toRange(t, rule));
    },
  };
}
