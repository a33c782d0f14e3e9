import { exactly, type Enclosure } from "../../number/enclosure.ts";
import { RAT_ZERO, ratAdd, ratDiv, ratMul, type Rational } from "../../number/rational.ts";

/**
 * Weighted arithmetic mean Σ wᵢxᵢ / Σ wᵢ, exact. With weights equal to max points this is
 * "total points / total max points", the DTI rule. The mean increases with every value, so an
 * enclosure's ends are the means of the ends.
 *
 * @example
 * ```ts
 * import { exactly } from "../../number/enclosure.ts";
 * import { rat, ratFromDecimal } from "../../number/rational.ts";
 * const v = (t: string) => exactly(ratFromDecimal(t)!);
 * weightedArithmetic([v("1"), v("0.5")], [rat(100n), rat(300n)]).lo; // => { n: 5n, d: 8n }
 * ```
 */
export function weightedArithmetic(values: readonly Enclosure[], weights: readonly Rational[]): Enclosure {
  const exact = values.every((v) => v.lo === v.hi);
  const mean = (pick: (e: Enclosure) => Rational): Rational => {
    let num = RAT_ZERO;
    let den = RAT_ZERO;
    values.forEach((x, i) => {
      const w = weights[i]!;
      num = ratAdd(num, ratMul(pick(x), w));
      den = ratAdd(den, w);
    });
    return ratDiv(num, den);
  };
  if (exact) return exactly(mean((e) => e.lo));
  return { lo: mean((e) => e.lo), hi: mean((e) => e.hi) };
}
