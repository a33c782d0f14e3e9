import type { Aggregation } from "../../framework/types.ts";
import type { Enclosure } from "../../number/enclosure.ts";
import type { Rational } from "../../number/rational.ts";
import { weightedArithmetic } from "./arithmetic.ts";
import { weightedGeometric } from "./geometric.ts";
import { weightedHarmonic } from "./harmonic.ts";
import { mazziottaPareto } from "./mazziotta-pareto.ts";

/** True when `method` needs values ≥ 0 (geometric, harmonic, Mazziotta-Pareto). */
export function needsNonNegative(method: Aggregation): boolean {
  return method !== "arithmetic";
}

/**
 * Combines values with positive weights by `method`, exactly (an enclosure of width 0) wherever
 * the mean is rational. Returns `undefined` when a value is outside the method's domain (possibly
 * negative under geometric, harmonic or Mazziotta-Pareto).
 *
 * @example
 * ```ts
 * import { exactly } from "../../number/enclosure.ts";
 * import { RAT_ONE, ratFromDecimal } from "../../number/rational.ts";
 * const v = (t: string) => exactly(ratFromDecimal(t)!);
 * aggregate("harmonic", [v("0.25"), v("1")], [RAT_ONE, RAT_ONE])?.lo; // => { n: 2n, d: 5n }
 * ```
 */
export function aggregate(method: Aggregation, values: readonly Enclosure[], weights: readonly Rational[]): Enclosure | undefined {
  if (needsNonNegative(method) && values.some((x) => x.lo.n < 0n)) return undefined;
  switch (method) {
    case "arithmetic":
      return weightedArithmetic(values, weights);
    case "geometric":
      return weightedGeometric(values, weights);
    case "harmonic":
      return weightedHarmonic(values, weights);
    case "mazziotta-pareto":
      return mazziottaPareto(values, weights);
  }
}
