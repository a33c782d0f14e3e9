import { dec, type Decimal } from "../../number/decimal.ts";

/**
 * Weighted arithmetic mean Σ wᵢxᵢ / Σ wᵢ, exact. With weights equal to max points this is
 * "total points / total max points", the DTI rule.
 *
 * @example
 * ```ts
 * weightedArithmetic([dec("1"), dec("0.5")], [dec(100), dec(300)]).toString(); // => "0.625"
 * ```
 */
export function weightedArithmetic(values: readonly Decimal[], weights: readonly Decimal[]): Decimal {
  let num = dec(0);
  let den = dec(0);
  values.forEach((x, i) => {
    const w = weights[i] as Decimal;
    num = num.plus(x.times(w));
    den = den.plus(w);
  });
  return num.dividedBy(den);
}
