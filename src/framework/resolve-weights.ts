/**
 * How siblings (or a view's terms) are weighted.
 *
 * @module
 */

/** Where the weights came from: explicit `weight`, the nodes' `maxPoints`, or equal weights. */
export type WeightSource = "weight" | "points" | "equal";

/** Resolved weights, in input order, or the reason they cannot be resolved. */
export type ResolvedWeights =
  | { readonly ok: true; readonly source: WeightSource; readonly weights: readonly number[] }
  | { readonly ok: false; readonly reason: "mixed" | "zero"; readonly message: string };

/**
 * Resolves sibling weights: every item sets `weight` → those; none sets `weight` and every item
 * sets `maxPoints` → the points; neither is set anywhere → equal weights. Anything in between is
 * ambiguous and refused, as is a total of zero.
 *
 * @example
 * ```ts
 * resolveWeights([{ maxPoints: 100 }, { maxPoints: 200 }]);
 * // => { ok: true, source: "points", weights: [100, 200] }
 * ```
 */
export function resolveWeights(
  items: readonly { readonly weight?: number | undefined; readonly maxPoints?: number | undefined }[],
): ResolvedWeights {
  const withWeight = items.filter((i) => i.weight !== undefined).length;
  const withPoints = items.filter((i) => i.maxPoints !== undefined).length;
  let source: WeightSource;
  let weights: number[];
  if (withWeight === items.length && items.length > 0) {
    source = "weight";
    weights = items.map((i) => i.weight as number);
  } else if (withWeight > 0) {
    return {
      ok: false,
      reason: "mixed",
      message: `${withWeight} of ${items.length} set "weight": set it on all of them or on none`,
    };
  } else if (withPoints === items.length && items.length > 0) {
    source = "points";
    weights = items.map((i) => i.maxPoints as number);
  } else if (withPoints > 0) {
    return {
      ok: false,
      reason: "mixed",
      message: `${withPoints} of ${items.length} set "maxPoints" and none sets "weight": set "maxPoints" on all of them, or "weight" on all`,
    };
  } else {
    source = "equal";
    weights = items.map(() => 1);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { ok: false, reason: "zero", message: "the weights add up to zero" };
  return { ok: true, source, weights };
}
