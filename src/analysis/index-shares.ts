/**
 * Each node's effective share of the index: the product of its normalised weights on the path
 * from the root. DTI 2022: awareness is 100/500 of the foundation group, itself 500/1000 of the
 * index, so its share is 0.1 (100 of 1000 points). Bonus and penalty points are added after the
 * weighted total: a bonus node's share is its cap over the total points (a penalty's the negative),
 * a bonus criterion's its max points over the total.
 *
 * @module
 */
import { dec, type Decimal } from "../number/decimal.ts";
import type { CompiledFramework } from "../score/compile.ts";

/** Effective shares of the tree nodes (views are not part of the index). */
export interface IndexShares {
  /** By compiled node index; tree nodes only. 0 for a node that carries no weight. */
  readonly shares: ReadonlyMap<number, Decimal>;
  /**
   * True when the index is a weighted arithmetic mean of its leaves all the way down (no
   * geometric, harmonic or Mazziotta-Pareto group carries weight): then contribution = share × score adds up to the index
   * exactly and a gain of Δ on a leaf moves the index by share × Δ.
   */
  readonly additive: boolean;
}

/**
 * Computes effective shares. With `present` (a leaf or group is present when it has a score),
 * children without a score are left out of their parent's weights, as the "reweight" missing
 * policy does when scoring; by default every child counts.
 *
 * @example
 * ```ts
 * import { compileFramework } from "../score/compile.ts";
 * const compiled = compileFramework(getFramework("vn-dti-2022-province"));
 * indexShares(compiled).shares.get(compiled.index.get("digital-society")!)!.toString(); // => "0.15"
 * ```
 */
export function indexShares(compiled: CompiledFramework, present?: (node: number) => boolean): IndexShares {
  const shares = new Map<number, Decimal>();
  let additive = true;
  const adjust = compiled.layout.adjust;
  const visit = (i: number, share: Decimal) => {
    shares.set(i, share);
    const node = compiled.nodes[i]!;
    if (node.kind !== "group") return;
    if (node.aggregation !== "arithmetic" && !share.isZero()) additive = false;
    if (adjust !== undefined && i === adjust.target) {
      adjust.terms.forEach((t, k) => visit(t, share.times(dec(adjust.points[k]!)).dividedBy(dec(adjust.total))));
    }
    // A bonus or penalty group adds its criteria's points up over its cap (no reweighting).
    const capped = adjust !== undefined && adjust.cap[i]! > 0;
    let total = capped ? dec(adjust.cap[i]!) : dec(0);
    if (!capped) {
      node.children.forEach((c, k) => {
        if (present === undefined || present(c)) total = total.plus(dec(node.weightFloats[k]!));
      });
    }
    node.children.forEach((c, k) => {
      if (node.weightFloats[k] === 0 && compiled.nodes[c]!.adjust !== undefined) return;
      const counts = capped || present === undefined || present(c);
      visit(c, counts && !total.isZero() ? share.times(dec(node.weightFloats[k]!)).dividedBy(total) : dec(0));
    });
  };
  visit(compiled.root, dec(1));
  return { shares, additive };
}
