/**
 * How siblings (or a view's terms) are weighted.
 *
 * @module
 */
import { weightedChildren } from "./adjustments.ts";
import type { GroupNode, Weighting } from "./types.ts";

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

/**
 * The weights of a group's children, by position: {@link resolveWeights} over the children
 * weighted into its mean, 0 for bonus and penalty nodes (added after the mean, see
 * `adjustments.ts`); for a bonus or penalty group itself, its criteria's max points (their points
 * add up).
 *
 * @example
 * ```ts
 * childWeights({ id: "dti", name: { vi: "DTI" }, children: [
 *   { id: "a", name: { vi: "A" }, maxPoints: 60, rule: { type: "points" } },
 *   { id: "b", name: { vi: "B" }, maxPoints: 40, rule: { type: "points" } },
 *   { id: "bonus", name: { vi: "Điểm thưởng" }, maxPoints: 5, adjust: "bonus", rule: { type: "points" } },
 * ] });
 * // => { ok: true, source: "points", weights: [60, 40, 0] }
 * ```
 */
export function childWeights(node: GroupNode): ResolvedWeights {
  if (node.adjust !== undefined) return checkTotal("points", node.children.map((c) => c.maxPoints ?? 0));
  const weighted = weightedChildren(node);
  if (weighted === node.children) return resolveWeights(node.children, node.weighting);
  const resolved = resolveWeights(weighted, node.weighting);
  if (!resolved.ok) return resolved;
  let k = 0;
  return { ...resolved, weights: node.children.map((c) => (c.adjust === undefined ? resolved.weights[k++]! : 0)) };
}
