/**
 * How siblings (or a view's terms) are weighted.
 *
 * @module
 */
import type { Weighting } from "./types.ts";

/** Where the weights came from: explicit `weight`, the nodes' `maxPoints`, or equal weights. */
export type WeightSource = "weight" | "points" | "equal";

/** Resolved weights, in input order, or the reason they cannot be resolved. */
export type ResolvedWeights =
  | { readonly ok: true; readonly source: WeightSource; readonly weights: readonly number[] }
  | { readonly ok: false; readonly reason: "mixed" | "zero"; readonly message: string };

/**
 * Resolves sibling weights. With `weighting` "auto" (default): every item sets `weight` → those;
 * none sets `weight` and every item sets `maxPoints` → the points; neither is set anywhere → equal
 * weights; anything in between is ambiguous and refused. "manual" requires every `weight`,
 * "points" every `maxPoints`, "equal" ignores both. A total of zero is refused.
 *
 * @example
 * ```ts
 * resolveWeights([{ maxPoints: 100 }, { maxPoints: 200 }]);
 * // => { ok: true, source: "points", weights: [100, 200] }
 * ```
 */
export function resolveWeights(
  items: readonly { readonly weight?: number | undefined; readonly maxPoints?: number | undefined }[],
  weighting: Weighting = "auto",
): ResolvedWeights {
  if (weighting !== "auto") return resolveChosen(items, weighting);
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
  return checkTotal(source, weights);
}

function checkTotal(source: WeightSource, weights: number[]): ResolvedWeights {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { ok: false, reason: "zero", message: "the weights add up to zero" };
  return { ok: true, source, weights };
}

/** Weights from an explicit choice: "manual" (every `weight`), "points" (every `maxPoints`), "equal". */
function resolveChosen(
  items: readonly { readonly weight?: number | undefined; readonly maxPoints?: number | undefined }[],
  weighting: Exclude<Weighting, "auto">,
): ResolvedWeights {
  if (weighting === "equal") return checkTotal("equal", items.map(() => 1));
  const field = weighting === "manual" ? "weight" : "maxPoints";
  const missing = items.filter((i) => i[field] === undefined).length;
  if (missing > 0) {
    return { ok: false, reason: "mixed", message: `weighting "${weighting}" needs "${field}" on every item (${missing} of ${items.length} lack it)` };
  }
  return checkTotal(weighting === "manual" ? "weight" : "points", items.map((i) => i[field] as number));
}
