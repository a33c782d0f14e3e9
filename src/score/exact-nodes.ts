/**
 * The exact evaluator of the scoring plan, for one unit: rationals (enclosures where a method is
 * irrational) from the exact leaves up, only for the nodes asked for and their subtrees. It runs
 * where the float evaluator's bound cannot decide a published value, and for every node when
 * exact arithmetic is asked for.
 *
 * @module
 */
import type { Enclosure } from "../number/enclosure.ts";
import type { Rational } from "../number/rational.ts";
import { AGGREGATION_CODES, type CompiledFramework } from "./compile.ts";
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
  const { childStart, childCount, child, weight, exactWeight, isLeaf, code } = plan.layout;
  const at = (i: number): Enclosure | undefined => {
    if (memo.has(i)) return memo.get(i);
    let result: Enclosure | undefined;
    if (isLeaf[i] === 1) result = leaf(i) ?? undefined;
    else {
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
    }
    memo.set(i, result);
    return result;
  };
  return at;
}
