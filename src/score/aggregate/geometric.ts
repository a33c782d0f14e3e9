import { dec, type Decimal } from "../../number/decimal.ts";

/**
 * Weighted geometric mean Π xᵢ^(wᵢ/Σw), computed as exp(Σ wᵢ ln xᵢ / Σ wᵢ) at 40 digits. Any
 * zero value gives 0 (no compensation: a unit with nothing on one indicator scores 0).
 *
 * @example
 * ```ts
 * weightedGeometric([dec("0.25"), dec("1")], [dec(1), dec(1)]).toString(); // => "0.5"
 * ```
 */
export function weightedGeometric(values: readonly Decimal[], weights: readonly Decimal[]): Decimal {
  if (values.some((x) => x.isZero())) return dec(0);
  let sum = dec(0);
  let den = dec(0);
  values.forEach((x, i) => {
    const w = weights[i] as Decimal;
    sum = sum.plus(x.ln().times(w));
    den = den.plus(w);
  });
  const result = sum.dividedBy(den).exp();
  // exp(ln(x)) can land a unit in the last digit above the largest value (e.g. 1) or below an
  // exact value; a mean never exceeds its largest value, so snap to it.
  const top = values.reduce((a, b) => (b.greaterThan(a) ? b : a));
  return result.greaterThan(top) ? top : result.toSignificantDigits(34);
}
