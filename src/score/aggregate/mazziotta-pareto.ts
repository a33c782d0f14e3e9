import { dec, type Decimal } from "../../number/decimal.ts";

/**
 * The Mazziotta-Pareto index (MPI, "positive" polarity: higher is better), weighted:
 * M = Σ wᵢxᵢ / Σ wᵢ, S² = Σ wᵢ(xᵢ − M)² / Σ wᵢ (population variance), cv = S / M, and
 * MPI = M · (1 − cv²) = M − S · cv = M − S² / M, exact (no square root is needed).
 * With equal weights this is Compind's `ci_mpi(penalty = "POS")` and Mazziotta & Pareto (2016).
 *
 * The penalty S·cv punishes unbalanced profiles: two units with the same mean rank lower the more
 * their children differ. The classic input scale is z-scores rescaled to mean 100 and sd 10
 * (a `normalise` rule with `method: "zscore", mean: 100, sd: 10`); the adjusted MPI (AMPI) uses
 * goalposts into [70, 130]. On [0, 1] scores the result can fall below 0 (e.g. 0, 0, 1 gives −1/3).
 * A mean of 0 gives 0.
 *
 * @example
 * ```ts
 * mazziottaPareto([dec(100), dec(110), dec(90)], [dec(1), dec(1), dec(1)]).toString(); // => "99.33333333333333333333333333333333333333"
 * ```
 */
export function mazziottaPareto(values: readonly Decimal[], weights: readonly Decimal[]): Decimal {
  let sumW = dec(0);
  let sumWX = dec(0);
  values.forEach((x, i) => {
    const w = weights[i] as Decimal;
    sumW = sumW.plus(w);
    sumWX = sumWX.plus(w.times(x));
  });
  const m = sumWX.dividedBy(sumW);
  if (m.isZero()) return dec(0);
  let ss = dec(0);
  values.forEach((x, i) => {
    const d = x.minus(m);
    ss = ss.plus((weights[i] as Decimal).times(d).times(d));
  });
  return m.minus(ss.dividedBy(sumW).dividedBy(m));
}
