/**
 * Exact rationals for formulas, so that `x + 1 - x` is 1 for any x and `mod(1e50, 3)` is 1: the
 * library's rationals (src/number/rational.ts: the type, reduction, arithmetic, comparison) and
 * what formulas add to them: numbers kept as m / 10^k, interval ends that are not reduced,
 * rounding in a stated direction, square roots. Every function is pure and never loses a digit.
 *
 * A formula rational is n / d with d > 0. Built by `rat` it is in lowest terms; built from decimal
 * digits ({@link decimal}: parsing, rounding) it is m / 10^k with m not a multiple of 10, which may
 * not be (2.35 is 235/100): cheap to make, and still d = 1 exactly for an integer. The raw
 * operations ({@link addRaw}, {@link mulRaw}) do not reduce at all: interval ends, which are
 * rounded to a power-of-ten denominator right after, need no gcd.
 *
 * @module
 */
import { isqrt } from "../number/enclosure.ts";
import { decimalDigits, pow10, rat, RAT_ZERO, ratNeg, ratScaledHalfUp, ratToDecimalText, type Rational } from "../number/rational.ts";

export type { Rational } from "../number/rational.ts";

const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * m / 10^k without a gcd: trailing zeros of m cancel against the power of ten, so an integer gets
 * d = 1 (for k < 0, m · 10^-k).
 */
export function decimal(m: bigint, k: number): Rational {
  if (k <= 0) return { n: m * pow10(-k), d: 1n };
  if (m === 0n) return RAT_ZERO;
  let zeros = 0;
  while (zeros < k && m % 10n === 0n) {
    m /= 10n;
    zeros++;
  }
  return { n: m, d: pow10(k - zeros) };
}

/** Lowest terms (for the few checks that need them: an exact square root, a half exponent). */
export const reduced = (a: Rational): Rational => rat(a.n, a.d);

/**
 * Reads plain decimal text ("-12.5", "0.001", "1.5e-300", "2E+10") exactly, as m / 10^k;
 * `undefined` for anything else. The text is what `parseNumber` or `String(number)` writes.
 *
 * @example
 * ```ts
 * parseDecimal("1.5e-3"); // => { n: 15n, d: 10000n }
 * ```
 */
export function parseDecimal(text: string): Rational | undefined {
  const read = decimalDigits(text);
  // A formula value is bounded to ±1e308 anyway; an exponent far beyond is refused, not expanded.
  if (read === undefined || Math.abs(read.exponent) > 100_000) return undefined;
  return decimal(read.digits, -read.exponent);
}

/** a + b, a · b and 1 / a without reducing (for interval ends; a must not be 0 for the reciprocal). */
const raw = (n: bigint, d: bigint): Rational => (n === 0n ? RAT_ZERO : { n, d });
export const addRaw = (a: Rational, b: Rational): Rational => (a.d === b.d ? raw(a.n + b.n, a.d) : raw(a.n * b.d + b.n * a.d, a.d * b.d));
export const mulRaw = (a: Rational, b: Rational): Rational => raw(a.n * b.n, a.d * b.d);
export const reciprocalRaw = (a: Rational): Rational => (a.n < 0n ? { n: -a.d, d: -a.n } : { n: a.d, d: a.n });
export const abs = (a: Rational): Rational => (a.n < 0n ? ratNeg(a) : a);
export const isInteger = (a: Rational): boolean => a.d === 1n;

/** The largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward 0
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** The smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  return -floor(ratNeg(a));
}

/** Bits of the larger of numerator and denominator: how big the number is to work with. */
export function size(a: Rational): number {
  return Math.max(absBig(a.n).toString(16).length, a.d.toString(16).length) * 4;
}

/** e such that 10^e ≤ |a| < 10^(e+1); a must not be 0. */
export function floorLog10(a: Rational): number {
  const n = absBig(a.n);
  let e = n.toString().length - a.d.toString().length;
  const atLeast = e >= 0 ? n >= a.d * pow10(e) : n * pow10(-e) >= a.d;
  if (!atLeast) e--;
  return e;
}

/** How to round: toward −∞, toward +∞, or to nearest with halves away from zero. */
export type Rounding = "floor" | "ceil" | "half-up";

function roundInteger(a: Rational, mode: Rounding): bigint {
  return mode === "floor" ? floor(a) : mode === "ceil" ? ceil(a) : ratScaledHalfUp(a, 0);
}

/** a rounded to `places` decimals (places may be negative: to tens, hundreds …). */
export function roundToPlaces(a: Rational, places: number, mode: Rounding): Rational {
  if (places >= 0) return decimal(roundInteger({ n: a.n * pow10(places), d: a.d }, mode), places);
  return decimal(roundInteger({ n: a.n, d: a.d * pow10(-places) }, mode), places);
}

/** a rounded to `digits` significant digits. */
export function roundToSignificant(a: Rational, digits: number, mode: Rounding): Rational {
  if (a.n === 0n) return a;
  return roundToPlaces(a, digits - 1 - floorLog10(a), mode);
}

/** True when a has a finite decimal expansion (its denominator is 2^i · 5^j). */
export function terminates(a: Rational): boolean {
  let d = a.d;
  while (d % 10n === 0n) d /= 10n;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/**
 * The exact decimal text of a terminating rational, in plain notation without trailing zeros
 * ("-0.0009765625", "1250", "1"). Throws for a rational that does not terminate.
 */
export function toDecimalText(a: Rational): string {
  if (!terminates(a)) throw new RangeError("the rational has no finite decimal expansion");
  return ratToDecimalText(a);
}

/** √a exactly when a ≥ 0 is the square of a rational, else `undefined`. */
export function exactSqrt(a: Rational): Rational | undefined {
  if (a.n < 0n) return undefined;
  a = reduced(a);
  const n = isqrt(a.n);
  const d = isqrt(a.d);
  return n * n === a.n && d * d === a.d ? { n, d } : undefined;
}

/**
 * √a (a ≥ 0) rounded to `digits` significant digits toward −∞ or +∞, exactly: from the integer
 * square root of a scaled by an even power of ten.
 */
export function sqrtBound(a: Rational, digits: number, mode: "floor" | "ceil"): Rational {
  if (a.n === 0n) return RAT_ZERO;
  // √a ≈ 10^(e/2): scale by 10^(2s) so that the root has about `digits` digits before the point.
  const s = digits - Math.floor(floorLog10(a) / 2);
  const scaled = s >= 0 ? { n: a.n * pow10(2 * s), d: a.d } : { n: a.n, d: a.d * pow10(-2 * s) };
  const whole = floor(scaled);
  let root = isqrt(whole);
  // ⌊√⌊x⌋⌋ = ⌊√x⌋; round up unless √x is that integer exactly.
  if (mode === "ceil" && !(root * root === whole && whole * scaled.d === scaled.n)) root += 1n;
  return decimal(root, s);
}
