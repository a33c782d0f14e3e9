import { exactly, type Enclosure } from "../../number/enclosure.ts";
import { RAT_ZERO, ratAdd, ratDiv, type Rational } from "../../number/rational.ts";

/**
 * Weighted harmonic mean Σ wᵢ / Σ (wᵢ / xᵢ), exact (COINr `a_hmean`). It compensates least of the
 * means (harmonic ≤ geometric ≤ arithmetic); any zero value gives 0 (the limit as xᵢ → 0). Values
 * must not be negative (the caller checks). It increases with every value: the ends of an
 * enclosure are the means of the ends.
 *
 * @example
 * ```ts
 * import { exactly } from "../../number/enclosure.ts";
 * import { RAT_ONE, ratFromDecimal } from "../../number/rational.ts";
 * const v = (t: string) => exactly(ratFromDecimal(t)!);
 * weightedHarmonic([v("0.25"), v("1")], [RAT_ONE, RAT_ONE]).lo; // => { n: 2n, d: 5n }
 * ```
 */
export function weightedHarmonic(values: readonly Enclosure[], weights: readonly Rational[]): Enclosure {
  const mean = (pick: (e: Enclosure) => Rational): Rational => {
    if (values.some((x) => pick(x).n === 0n)) return RAT_ZERO;
    let num = RAT_ZERO;
    let den = RAT_ZERO;
    values.forEach((x, i) => {
      const w = weights[i]!;
      num = ratAdd(num, w);
      den = ratAdd(den, ratDiv(w, pick(x)));
    });
    return ratDiv(num, den);
  };
  if (values.every((v) => v.lo === v.hi)) return exactly(mean((e) => e.lo));
  return { lo: mean((e) => e.lo), hi: mean((e) => e.hi) };
}
