import type { Aggregation } from "../../framework/types.ts";
import type { Decimal } from "../../number/decimal.ts";
import { weightedArithmetic } from "./arithmetic.ts";
import { weightedGeometric } from "./geometric.ts";
import { weightedHarmonic } from "./harmonic.ts";
import { mazziottaPareto } from "./mazziotta-pareto.ts";

/** True when `method` needs values ≥ 0 (geometric, harmonic, Mazziotta-Pareto). */
export function needsNonNegative(method: Aggregation): boolean {
  return method !== "arithmetic";
}

/**
 * Combines values with weights by `method`, exactly. Returns `undefined` when a value is outside
 * the method's domain (a negative value under geometric, harmonic or Mazziotta-Pareto).
 *
 * @example
 * ```ts
 * aggregate("harmonic", [dec("0.25"), dec("1")], [dec(1), dec(1)])?.toString(); // => "0.4"
 * ```
 */
export function aggregate(method: Aggregation, values: readonly Decimal[], weights: readonly Decimal[]): Decimal | undefined {
  if (needsNonNegative(method) && values.some((x) => x.isNegative())) return undefined;
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
