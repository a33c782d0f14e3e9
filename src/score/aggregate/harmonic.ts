import { dec, type Decimal } from "../../number/decimal.ts";

/**
 * Weighted harmonic mean Σ wᵢ / Σ (wᵢ / xᵢ), exact (COINr `a_hmean`). It compensates least of the
 * means (harmonic ≤ geometric ≤ arithmetic); any zero value gives 0 (the limit as xᵢ → 0). Values
 * must not be negative (the pipeline checks before calling).
 *
 * @example
 * ```ts
 * weightedHarmonic([dec("0.25"), dec("1")], [dec(1), dec(1)]).toString(); // => "0.4"
 * ```
 */
export function weightedHarmonic(values: readonly Decimal[], weights: readonly Decimal[]): Decimal {
  if (values.some((x) => x.isZero())) return dec(0);
  let num = dec(0);
  let den = dec(0);
  values.forEach((x, i) => {
    const w = weights[i] as Decimal;
    num = num.plus(w);
    den = den.plus(w.dividedBy(x));
  });
  // Σw / Σ(w/x) rounds twice at 40 digits: one value 0.45625 came back as 0.4562499…9, published
  // "0.4562" instead of "0.4563". Snap to 34 digits, as the geometric mean does, so a mean that is
  // exactly a decimal is that decimal.
  return num.dividedBy(den).toSignificantDigits(34);
}
