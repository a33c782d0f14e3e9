/**
 * The best score each node can reach: 1 for every rule that scores in [0, 1]; the top of its
 * output range for a leaf normalised across units (e.g. 100 for `range: [0, 100]`); none for a
 * z-score; for a group, the weighted mean of its children's maxima (all children at their maximum
 * are equal, so every aggregation gives that mean).
 *
 * @module
 */
import type { Decimal } from "../number/decimal.ts";
import { dec } from "../number/decimal.ts";
import type { CompiledFramework } from "../score/compile.ts";

/**
 * Maximum score by compiled node index (tree nodes and views), `null` where unbounded.
 *
 * @example
 * ```ts
 * import { compileFramework } from "../score/compile.ts";
 * const c = compileFramework(getFramework("vn-dti-2022-province"));
 * nodeMaxScores(c)[c.root]?.toString(); // => "1"
 * ```
 */
export function nodeMaxScores(compiled: CompiledFramework): (Decimal | null)[] {
  const max: (Decimal | null)[] = compiled.nodes.map(() => null);
  compiled.nodes.forEach((node, i) => {
    if (node.kind === "leaf") {
      const rule = node.leaf?.rule;
      if (rule?.type !== "normalise") max[i] = dec(1);
      else if (rule.method !== "zscore") max[i] = dec(rule.range?.[1] ?? 1);
      return;
    }
    let total = dec(0);
    let sum: Decimal | null = dec(0);
    node.children.forEach((c, k) => {
      const w = dec(node.weightFloats[k]!);
      if (w.isZero() || sum === null) return;
      const m = max[c];
      if (m === null || m === undefined) sum = null;
      else {
        sum = sum.plus(m.times(w));
        total = total.plus(w);
      }
    });
    max[i] = sum === null || total.isZero() ? null : (sum as Decimal).dividedBy(total);
  });
  return max;
}
