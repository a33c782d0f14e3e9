import { exactly, midpoint, type Enclosure } from "../../number/enclosure.ts";
import { RAT_ZERO, rat, ratAdd, ratDiv, ratMul, ratSub, type Rational } from "../../number/rational.ts";

/**
 * The Mazziotta-Pareto index (MPI, "positive" polarity: higher is better), weighted:
 * M = Σ wᵢxᵢ / Σ wᵢ, S² = Σ wᵢ(xᵢ − M)² / Σ wᵢ (population variance), cv = S / M, and
 * MPI = M · (1 − cv²) = M − S · cv = M − S² / M: rational, so exact for exact values.
 * With equal weights this is Compind's `ci_mpi(penalty = "POS")` and Mazziotta & Pareto (2016).
 *
 * The penalty S·cv punishes unbalanced profiles: two units with the same mean rank lower the more
 * their children differ. The classic input scale is z-scores rescaled to mean 100 and sd 10
 * (a `normalise` rule with `method: "zscore", mean: 100, sd: 10`); the adjusted MPI (AMPI) uses
 * goalposts into [70, 130]. On [0, 1] scores the result can fall below 0 (e.g. 0, 0, 1 gives −1/3).
 * A mean of 0 gives 0.
 *
 * The index is not monotone in each value, so for enclosed values (z-scores) it is taken at the
 * midpoints and widened by a bound on its slope: |∂MPI/∂xᵢ| ≤ (wᵢ/Σw)·(1 + D/M)² with D the
 * largest |xᵢ − M|, doubled for the second-order terms of enclosures far narrower than M.
 *
 * @example
 * ```ts
 * import { exactly } from "../../number/enclosure.ts";
 * import { RAT_ONE, ratFromDecimal } from "../../number/rational.ts";
 * const v = (t: string) => exactly(ratFromDecimal(t)!);
 * mazziottaPareto([v("100"), v("110"), v("90")], [RAT_ONE, RAT_ONE, RAT_ONE]).lo; // => { n: 298n, d: 3n }
 * ```
 */
export function mazziottaPareto(values: readonly Enclosure[], weights: readonly Rational[]): Enclosure {
  const mids = values.map(midpoint);
  const mpi = mpiOf(mids, weights);
  if (values.every((v) => v.lo === v.hi)) return exactly(mpi.value);
  if (mpi.mean.n === 0n) return exactly(RAT_ZERO);
  let radius = RAT_ZERO;
  for (const v of values) {
    const r = ratDiv(ratSub(v.hi, v.lo), rat(2n));
    if (r.n * radius.d > radius.n * r.d) radius = r;
  }
  const m = mpi.mean.n < 0n ? ratSub(RAT_ZERO, mpi.mean) : mpi.mean;
  const slope = ratAdd(rat(1n), ratDiv(ratAdd(mpi.spread, radius), m));
  const bound = ratMul(ratMul(rat(2n), radius), ratMul(slope, slope));
  return { lo: ratSub(mpi.value, bound), hi: ratAdd(mpi.value, bound) };
}

function mpiOf(values: readonly Rational[], weights: readonly Rational[]): { value: Rational; mean: Rational; spread: Rational } {
  let sumW = RAT_ZERO;
  let sumWX = RAT_ZERO;
  values.forEach((x, i) => {
    sumW = ratAdd(sumW, weights[i]!);
    sumWX = ratAdd(sumWX, ratMul(weights[i]!, x));
  });
  const m = ratDiv(sumWX, sumW);
  let spread = RAT_ZERO;
  if (m.n === 0n) return { value: RAT_ZERO, mean: m, spread };
  let ss = RAT_ZERO;
  values.forEach((x, i) => {
    const d = ratSub(x, m);
    const abs = d.n < 0n ? ratSub(RAT_ZERO, d) : d;
    if (abs.n * spread.d > spread.n * abs.d) spread = abs;
    ss = ratAdd(ss, ratMul(weights[i]!, ratMul(d, d)));
  });
  return { value: ratSub(m, ratDiv(ratDiv(ss, sumW), m)), mean: m, spread };
}
