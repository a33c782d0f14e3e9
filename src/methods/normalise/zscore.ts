import type { NormaliseRule } from "../../framework/types.ts";
import { encAdd, encScale, exactly, sqrtEnclosure, type Enclosure } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { RAT_ZERO, rat, ratAdd, ratDiv, ratFromNumber, ratMul, ratSub, type Rational } from "../../number/rational.ts";
import { fillExact } from "./minmax.ts";
import type { ColumnPart, PartResult } from "./part.ts";

/**
 * z-score (COINr `n_zscore`, EGDI, IMD's "STD method"): z = (x − μ) / σ with μ the mean and σ the
 * **sample** standard deviation (n − 1, as R's `sd()` that COINr and Compind use), negated when
 * lower is better, then mean + sd · z with the rule's output `mean` (default 0) and `sd` (default
 * 1): e.g. 100 and 10 for the Mazziotta-Pareto index. Fewer than two values, or all equal: every
 * unit gets the output mean.
 *
 * Exactly: μ and σ² are rational, σ is enclosed by an integer square root (1e-50), so z is an
 * enclosure. In floats: with E the largest read error and A the mean |x|, μ is within
 * e_μ = E + 2(n + 2)u·A; each deviation within δ = E + e_μ + u·D (D the largest |x − μ|); σ² within
 * e_v = (2Dδ + δ²)·n/(n − 1) + 2(n + 3)u·σ²; σ within e_v / σ + 2u·σ; z within
 * (δ + |z|·e_σ) / (σ − e_σ) + 3u|z|. A σ not clearly above its error goes to the exact evaluator.
 */
export function zScorePart(part: ColumnPart, rule: Omit<NormaliseRule, "type">): PartResult {
  const outMean = rule.mean ?? 0;
  const outSd = rule.sd ?? 1;
  const sign = rule.direction === "lower" ? -1 : 1;
  const present = part.members.filter((u) => !Number.isNaN(part.value[part.base + u]!));
  const meanExact = ratFromNumber(outMean);
  const allMean = (degenerate: boolean): PartResult => {
    fillExact(part, meanExact);
    return { degenerate, exact: (u) => (Number.isNaN(part.value[part.base + u]!) ? null : exactly(meanExact)) };
  };
  if (present.length < 2) return allMean(present.length === 1);
  // Exact statistics read the exact raw values (never the floats, which become the scores).
  let exactStats: ExactStats | undefined;
  const stats = () => (exactStats ??= exactZStats(present.map((u) => part.exactRaw(u)!)));
  const f = floatZStats(part, present);
  if (!f.certain && stats().zero) return allMean(true);
  for (const u of present) {
    const at = part.base + u;
    if (!f.certain) {
      part.error[at] = Infinity;
      continue;
    }
    const z = (part.value[at]! - f.mu) / f.sigma;
    const eZ = (f.delta + Math.abs(z) * f.eSigma) / (f.sigma - f.eSigma) + 3 * U * Math.abs(z);
    const v = sign * z * outSd + outMean;
    part.value[at] = v;
    part.error[at] = eZ * outSd * (1 + 4 * U) + 4 * U * (Math.abs(z * outSd) + Math.abs(v) + Math.abs(outMean));
  }
  return {
    degenerate: false,
    exact: (u) => {
      const x = part.exactRaw(u);
      if (x === null) return null;
      const { mu: m, sigma: s } = stats();
      const d = ratSub(x, m);
      // d / σ for σ in [lo, hi]: dividing by the larger σ gives the smaller |z|.
      const z: Enclosure = d.n >= 0n ? { lo: ratDiv(d, s.hi), hi: ratDiv(d, s.lo) } : { lo: ratDiv(d, s.lo), hi: ratDiv(d, s.hi) };
      const zz = s.lo === s.hi ? exactly(ratDiv(d, s.lo)) : z;
      return encAdd(encScale(zz, ratMul(rat(BigInt(sign)), ratFromNumber(outSd))), exactly(meanExact));
    },
  };
}

interface ExactStats {
  readonly mu: Rational;
  readonly sigma: Enclosure;
  /** True when every value is equal (σ = 0). */
  readonly zero: boolean;
}

/** The exact mean and (enclosed) sample standard deviation of at least two values. */
function exactZStats(xs: readonly Rational[]): ExactStats {
  const n = xs.length;
  let sum = RAT_ZERO;
  for (const x of xs) sum = ratAdd(sum, x);
  const mu = ratDiv(sum, rat(BigInt(n)));
  let ss = RAT_ZERO;
  for (const x of xs) {
    const d = ratSub(x, mu);
    ss = ratAdd(ss, ratMul(d, d));
  }
  const variance = ratDiv(ss, rat(BigInt(n - 1)));
  return { mu, sigma: sqrtEnclosure(variance), zero: variance.n === 0n };
}

/** The float mean and standard deviation of the present units, with their bounds (see {@link zScorePart}). */
function floatZStats(part: ColumnPart, present: readonly number[]): { mu: number; sigma: number; delta: number; eSigma: number; certain: boolean } {
  const n = present.length;
  let sum = 0;
  let abs = 0;
  let worst = 0;
  for (const u of present) {
    const x = part.value[part.base + u]!;
    sum += x;
    abs += Math.abs(x);
    worst = Math.max(worst, part.error[part.base + u]!);
  }
  const mu = sum / n;
  const eMu = worst + 2 * (n + 2) * U * (abs / n);
  let ss = 0;
  let spread = 0;
  for (const u of present) {
    const d = part.value[part.base + u]! - mu;
    ss += d * d;
    spread = Math.max(spread, Math.abs(d));
  }
  const variance = ss / (n - 1);
  const sigma = Math.sqrt(variance);
  const delta = worst + eMu + U * spread;
  const eVar = ((2 * spread * delta + delta * delta) * n) / (n - 1) + 2 * (n + 3) * U * variance;
  const eSigma = sigma > 0 ? eVar / sigma + 2 * U * sigma : Infinity;
  return { mu, sigma, delta, eSigma, certain: sigma > 4 * eSigma };
}
