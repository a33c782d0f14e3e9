import { geometricEnclosure, type Enclosure } from "../../number/enclosure.ts";
import type { Rational } from "../../number/rational.ts";

/**
 * Weighted geometric mean Π xᵢ^(wᵢ/Σw) = exp(Σ wᵢ ln xᵢ / Σ wᵢ), enclosed with directed rounding
 * (see `geometricEnclosure`: about 1e-45 wide, exact when every value is equal or one is 0). Any
 * zero value gives 0 (no compensation: a unit with nothing on one indicator scores 0).
 *
 * @example
 * ```ts
 * import { exactly, publishScaled } from "../../number/enclosure.ts";
 * import { RAT_ONE, ratFromDecimal } from "../../number/rational.ts";
 * const v = (t: string) => exactly(ratFromDecimal(t)!);
 * publishScaled(weightedGeometric([v("0.25"), v("1")], [RAT_ONE, RAT_ONE]), 4); // => 5000n
 * ```
 */
export function weightedGeometric(values: readonly Enclosure[], weights: readonly Rational[]): Enclosure {
  return geometricEnclosure(values, weights);
}
