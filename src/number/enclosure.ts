/**
 * The exact evaluator's numbers: an enclosure [lo, hi] of rationals around the true value. Where
 * the mathematics is rational (every scoring rule, min-max, rank, percentile, target, arithmetic
 * and harmonic means, Mazziotta-Pareto of rational values) lo and hi are the same object: the
 * value itself. Square roots (z-scores, 1e-50) and logarithms and exponentials (geometric means,
 * 2^-200 relative) give a narrow enclosure, computed with directed rounding, so that a published value is the
 * correct rounding of the true value whenever the enclosure does not straddle a half-way point.
 *
 * @module
 */
import {
  RAT_ZERO,
  pow10,
  rat,
  ratAdd,
  ratCmp,
  ratDiv,
  ratFromDecimal,
  ratMul,
  ratNeg,
  ratScaledHalfUp,
  ratSub,
  type Rational,
} from "./rational.ts";

/** lo ≤ true value ≤ hi; `lo === hi` when the value is exact. */
export interface Enclosure {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** An exact value. */
export function exactly(r: Rational): Enclosure {
  return { lo: r, hi: r };
}

/** True when the enclosure is one exact value. */
export function isExact(e: Enclosure): boolean {
  return e.lo === e.hi || ratCmp(e.lo, e.hi) === 0;
}

/** Decimals carried by square roots. */
export const IRRATIONAL_DIGITS = 50;

/**
 * The published value, as a whole number scaled by 10^places, rounded half away from zero (half-up
 * for the non-negative scores). When the enclosure straddles a half-way point h, the value is
 * published as h is: this is exact when the true value is h (a geometric mean of 0.0001 and
 * 0.000225 is exactly 0.00015) and is the stated limit of the irrational methods otherwise
 * (a true value within the enclosure's width, below 1e-45, of h but not on it).
 *
 * @example
 * ```ts
 * import { ratFromDecimal } from "./rational.ts";
 * publishScaled(exactly(ratFromDecimal("0.05975")!), 4); // => 598n
 * ```
 */
export function publishScaled(e: Enclosure, places: number): bigint {
  const lo = ratScaledHalfUp(e.lo, places);
  if (e.lo === e.hi) return lo;
  const hi = ratScaledHalfUp(e.hi, places);
  if (lo === hi) return lo;
  // Straddling: lo and hi round to neighbours; h rounds away from zero.
  return e.hi.n > 0n ? hi : lo;
}

/** A representative value (the midpoint; the value itself when exact). */
export function midpoint(e: Enclosure): Rational {
  return e.lo === e.hi ? e.lo : ratDiv(ratAdd(e.lo, e.hi), rat(2n));
}

/** Compares two enclosures: −1/1 when they are apart, 0 when they overlap (equal, as far as known). */
export function enclosureCmp(a: Enclosure, b: Enclosure): -1 | 0 | 1 {
  if (ratCmp(a.hi, b.lo) < 0) return -1;
  if (ratCmp(a.lo, b.hi) > 0) return 1;
  return 0;
}

/** Applies a monotone increasing function to both ends. */
export function mapIncreasing(e: Enclosure, f: (r: Rational) => Rational): Enclosure {
  if (e.lo === e.hi) return exactly(f(e.lo));
  return { lo: f(e.lo), hi: f(e.hi) };
}

/** x + y and x − y, end by end. */
export function encAdd(a: Enclosure, b: Enclosure): Enclosure {
  if (a.lo === a.hi && b.lo === b.hi) return exactly(ratAdd(a.lo, b.lo));
  return { lo: ratAdd(a.lo, b.lo), hi: ratAdd(a.hi, b.hi) };
}

/** k · x for a rational k of any sign. */
export function encScale(e: Enclosure, k: Rational): Enclosure {
  if (e.lo === e.hi) return exactly(ratMul(e.lo, k));
  const a = ratMul(e.lo, k);
  const b = ratMul(e.hi, k);
  return k.n >= 0n ? { lo: a, hi: b } : { lo: b, hi: a };
}

/** −x. */
export function encNeg(e: Enclosure): Enclosure {
  if (e.lo === e.hi) return exactly(ratNeg(e.lo));
  return { lo: ratNeg(e.hi), hi: ratNeg(e.lo) };
}

/**
 * An enclosure of √r (r ≥ 0) with `digits` decimals: [floor, floor + 10^−digits], by the integer
 * square root of r · 10^(2·digits). Exact when r is a square at that scale.
 */
export function sqrtEnclosure(r: Rational, digits = IRRATIONAL_DIGITS): Enclosure {
  if (r.n < 0n) throw new RangeError("square root of a negative number");
  const scale = pow10(digits);
  // √(n/d) = √(n·d) / d; carry `digits` decimals.
  const radicand = r.n * r.d * scale * scale;
  const root = isqrt(radicand);
  const lo = rat(root, r.d * scale);
  if (root * root === radicand) return exactly(lo);
  return { lo, hi: rat(root + 1n, r.d * scale) };
}

/** ⌊√n⌋ for n ≥ 0 (Newton's method on BigInt, from a power of two above the root). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // 2^⌈bits/2⌉ ≥ √n: Newton's iteration from above decreases to ⌊√n⌋ and stops there.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * Fixed-point logarithms and exponentials on BigInt: a value X stands for X / 2^256 (about 77
 * decimal digits). Each series term and product truncates by at most one unit of 2^-256, and the
 * series stop when a term is below one unit, so a result carries at most a few hundred units of
 * error (below 1e-74); {@link geometricEnclosure} widens by 2^-200 relative, far more.
 */
const BITS = 256n;
const FP_ONE = 1n << BITS;

/** atanh(p/q) · 2^256 for |p/q| ≤ 1/3: Σ z^(2k+1) / (2k + 1). */
function atanhFixed(p: bigint, q: bigint): bigint {
  let power = (p << BITS) / q;
  const square = ((p * p) << BITS) / (q * q);
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    // Division truncates toward 0 (a shift would floor a negative power at −1 forever).
    power = (power * square) / FP_ONE;
  }
  return sum;
}

let LN2: bigint | undefined;
/** ln 2 · 2^256 = 2 atanh(1/3). */
function ln2Fixed(): bigint {
  LN2 ??= 2n * atanhFixed(1n, 3n);
  return LN2;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** ln(r) · 2^256 for a rational r > 0: r = m · 2^e with m in (1/2, 2), ln m = 2 atanh((m − 1)/(m + 1)). */
function lnFixed(r: Rational): bigint {
  const e = bitLength(r.n) - bitLength(r.d);
  const mn = e >= 0 ? r.n : r.n << BigInt(-e);
  const md = e >= 0 ? r.d << BigInt(e) : r.d;
  return BigInt(e) * ln2Fixed() + 2n * atanhFixed(mn - md, mn + md);
}

/** exp(X / 2^256) as a rational: X = k ln 2 + R with |R| ≤ ln 2 / 2, exp R by its Taylor series, times 2^k. */
function expFixed(x: bigint): Rational {
  const ln2 = ln2Fixed();
  // k = round(x / ln 2), toward the nearest whole number.
  let k = x / ln2;
  let rest = x - k * ln2;
  if (2n * rest > ln2) {
    k += 1n;
    rest -= ln2;
  } else if (2n * rest < -ln2) {
    k -= 1n;
    rest += ln2;
  }
  let sum = FP_ONE;
  let term = FP_ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * rest) / FP_ONE / i;
    sum += term;
  }
  return k >= 0n ? rat(sum << k, FP_ONE) : rat(sum, FP_ONE << -k);
}

/** x · (1 ± 2^-200): the slack around a fixed-point result. */
function widen(x: Rational, up: boolean): Rational {
  const delta = ratMul(x.n < 0n ? ratNeg(x) : x, rat(1n, 1n << 200n));
  return up ? ratAdd(x, delta) : ratSub(x, delta);
}

/**
 * An enclosure of the weighted geometric mean exp(Σ wᵢ ln xᵢ / Σ wᵢ) of non-negative enclosures
 * (any value exactly 0 gives 0; the mean is increasing in each value, so the ends come from the
 * ends). Weights are positive.
 */
export function geometricEnclosure(values: readonly Enclosure[], weights: readonly Rational[]): Enclosure {
  if (values.some((v) => v.hi.n === 0n)) return exactly(RAT_ZERO);
  const end = (pick: (e: Enclosure) => Rational, up: boolean): Rational => {
    if (values.some((v) => pick(v).n === 0n)) return RAT_ZERO;
    // Σ wᵢ ln xᵢ / Σ wᵢ in fixed point, then its exponential.
    let sum = 0n;
    let den = RAT_ZERO;
    values.forEach((v, i) => {
      const w = weights[i]!;
      sum += (lnFixed(pick(v)) * w.n) / w.d;
      den = ratAdd(den, w);
    });
    return widen(expFixed((sum * den.d) / den.n), up);
  };
  const lo = end((e) => e.lo, false);
  const hi = end((e) => e.hi, true);
  // A mean lies between its smallest and largest value: tighten to those bounds.
  const top = values.reduce((a, v) => (ratCmp(v.hi, a) > 0 ? v.hi : a), values[0]!.hi);
  const bottom = values.reduce((a, v) => (ratCmp(v.lo, a) < 0 ? v.lo : a), values[0]!.lo);
  const clampedHi = ratCmp(hi, top) > 0 ? top : hi;
  const clampedLo = ratCmp(lo, bottom) < 0 ? bottom : lo;
  return ratCmp(clampedLo, clampedHi) === 0 ? exactly(clampedLo) : { lo: clampedLo, hi: clampedHi };
}
