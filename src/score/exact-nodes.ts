/**
 * The exact evaluator of the scoring plan, for one unit: rationals (enclosures where a method is
 * irrational) from the exact leaves up, only for the nodes asked for and their subtrees. It runs
 * where the float evaluator's bound cannot decide a published value, and for every node when
 * exact arithmetic is asked for.
 *
 * @module
 */
import { encAdd, encScale, exactly, mapIncreasing, type Enclosure } from "../number/enclosure.ts";
import { RAT_ONE, RAT_ZERO, ratClamp01, ratDiv, ratMax, type Rational } from "../number/rational.ts";
import { AGGREGATION_CODES, type AdjustLayout, type CompiledFramework } from "./compile.ts";
import { aggregate } from "./aggregate/aggregate.ts";

/** The exact leaf of a unit: an enclosure (exact for every rule), or null when missing. */
export type ExactLeaf = (leaf: number) => Enclosure | null;

/**
 * An exact evaluator for one unit. `coverage(node)` is the node's coverage (the float evaluator's,
 * which decides thresholds the same way for both); `threshold(node)` the least coverage it needs.
 * Results are memoised per node. `undefined` = missing (no data, below its threshold, or out of
 * the mean's domain).
 */
export function exactUnit(
  plan: CompiledFramework,
  leaf: ExactLeaf,
  coverage: (node: number) => number,
  threshold: (node: number) => number,
): (node: number) => Enclosure | undefined {
  const memo = new Map<number, Enclosure | undefined>();
  const { childStart, childCount, child, weight, exactWeight, isLeaf, code, adjust } = plan.layout;
  const at = (i: number): Enclosure | undefined => {
    if (memo.has(i)) return memo.get(i);
    let result: Enclosure | undefined;
    if (isLeaf[i] === 1) result = leaf(i) ?? undefined;
    else if (adjust !== undefined && adjust.cap[i]! > 0) {
      // A bonus or penalty group: its criteria's points added up, over its cap, within [0, 1].
      let sum = exactly(RAT_ZERO);
      const end = childStart[i]! + childCount[i]!;
      for (let p = childStart[i]!; p < end; p++) {
        const v = at(child[p]!);
        if (v !== undefined) sum = encAdd(sum, encScale(v, exactWeight[p]!));
      }
      result = mapIncreasing(encScale(sum, ratDiv(RAT_ONE, adjust.exactCap[i]!)), ratClamp01);
    } else {
      const values: Enclosure[] = [];
      const weights: Rational[] = [];
      const end = childStart[i]! + childCount[i]!;
      for (let p = childStart[i]!; p < end; p++) {
        if (weight[p] === 0) continue;
        const v = at(child[p]!);
        if (v === undefined) continue;
        values.push(v);
        weights.push(exactWeight[p]!);
      }
      const t = threshold(i);
      if (values.length > 0 && !(t > 0 && coverage(i) < t - 1e-12)) result = aggregate(AGGREGATION_CODES[code[i]!]!, values, weights);
      if (result !== undefined && adjust !== undefined && i === adjust.target) result = adjusted(adjust, result, at);
    }
    memo.set(i, result);
    return result;
  };
  return at;
}

/** The weighted mean plus Σ ± capₖ · scoreₖ / total points (a blank term adds nothing), kept in the adjusted range. */
function adjusted(adjust: AdjustLayout, mean: Enclosure, at: (node: number) => Enclosure | undefined): Enclosure {
  let sum = mean;
  adjust.terms.forEach((t, k) => {
    const v = at(t);
    if (v !== undefined) sum = encAdd(sum, encScale(v, ratDiv(adjust.exactPoints[k]!, adjust.exactTotal)));
  });
  if (adjust.range === "total") return mapIncreasing(sum, ratClamp01);
  if (adjust.range === "non-negative") return mapIncreasing(sum, (x) => ratMax(x, RAT_ZERO));
  return sum;
}
