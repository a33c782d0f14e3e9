/**
 * Exact rational numbers on BigInt: what formulas compute with, so that `x + 1 - x` is 1 for any
 * x and `mod(1e50, 3)` is 1. A rational is kept reduced with a positive denominator; every
 * function is pure and never loses a digit. Rounding happens only where asked (to significant
 * digits or decimal places, in a stated direction).
 *
 * @module
 */

/**
 * n / d with d > 0. Built by {@link rational} it is in lowest terms; built from decimal digits
 * ({@link decimal}: parsing, rounding) it is m / 10^k with m not a multiple of 10, which may not
 * be (2.35 is 235/100): cheap to make, and still d = 1 exactly for an integer. The raw operations
 * ({@link addRaw}, {@link mulRaw}) do not reduce at all: interval ends, which are rounded to a
 * power-of-ten denominator right after, need no gcd.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const POW10: bigint[] = [1n];

/** 10^k for k ≥ 0 (cached: formulas use the same few powers again and again). */
export function pow10(k: number): bigint {
  if (k < 0) throw new RangeError("pow10 of a negative exponent");
  if (k < 2048) {
    for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1]! * 10n);
    return POW10[k]!;
  }
  return 10n ** BigInt(k);
}

/** n / d reduced; d must not be 0. */
export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError("a rational with denominator 0");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n || n === 0n) return { n, d: n === 0n ? 1n : d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/**
 * m / 10^k without a gcd: trailing zeros of m cancel against the power of ten, so an integer gets
 * d = 1 (for k < 0, m · 10^-k).
 */
export function decimal(m: bigint, k: number): Rational {
  if (k <= 0) return { n: m * pow10(-k), d: 1n };
  if (m === 0n) return ZERO;
  let zeros = 0;
  while (zeros < k && m % 10n === 0n) {
    m /= 10n;
    zeros++;
  }
  return { n: m, d: pow10(k - zeros) };
}

/** Lowest terms (for the few checks that need them: an exact square root, a half exponent). */
export const reduced = (a: Rational): Rational => rational(a.n, a.d);

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/**
 * Reads plain decimal text ("-12.5", "0.001", "1.5e-300", "2E+10") exactly; `undefined` for
 * anything else. The text is what `parseNumber` or `String(number)` writes.
 *
 * @example
 * ```ts
 * parseDecimal("1.5e-3"); // => { n: 15n, d: 10000n }
 * ```
 */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u.exec(text);
  if (m === null || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const frac = m[3] ?? "";
  const exponent = Number(m[4] ?? "0") - frac.length;
  // A formula value is bounded to ±1e308 anyway; an exponent far beyond is refused, not expanded.
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100_000) return undefined;
  let digits = BigInt(`${m[2] || "0"}${frac}`);
  if (m[1] === "-") digits = -digits;
  return decimal(digits, -exponent);
}

export const add = (a: Rational, b: Rational): Rational => (a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rational, b: Rational): Rational => add(a, neg(b));
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
/** a / b; b must not be 0 (callers report a division by zero first). */
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
/** a + b, a · b and 1 / a without reducing (for interval ends; a must not be 0 for the reciprocal). */
const raw = (n: bigint, d: bigint): Rational => (n === 0n ? ZERO : { n, d });
export const addRaw = (a: Rational, b: Rational): Rational => (a.d === b.d ? raw(a.n + b.n, a.d) : raw(a.n * b.d + b.n * a.d, a.d * b.d));
export const mulRaw = (a: Rational, b: Rational): Rational => raw(a.n * b.n, a.d * b.d);
export const reciprocalRaw = (a: Rational): Rational => (a.n < 0n ? { n: -a.d, d: -a.n } : { n: a.d, d: a.n });
export const abs = (a: Rational): Rational => (a.n < 0n ? neg(a) : a);
export const sign = (a: Rational): -1 | 0 | 1 => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const isInteger = (a: Rational): boolean => a.d === 1n;

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const min = (a: Rational, b: Rational): Rational => (cmp(b, a) < 0 ? b : a);
export const max = (a: Rational, b: Rational): Rational => (cmp(b, a) > 0 ? b : a);

/** The largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward 0
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** The smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  return -floor(neg(a));
}

/** The integer nearest to a, halves away from zero (decimal.js's ROUND_HALF_UP, the library's rounding). */
export function roundHalfUp(a: Rational): bigint {
  const m = (2n * absBig(a.n) + a.d) / (2n * a.d);
  return a.n < 0n ? -m : m;
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
  return mode === "floor" ? floor(a) : mode === "ceil" ? ceil(a) : roundHalfUp(a);
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
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d !== 1n) throw new RangeError("the rational has no finite decimal expansion");
  const k = Math.max(twos, fives);
  const scaled = (absBig(a.n) * pow10(k)) / a.d;
  let digits = scaled.toString();
  if (k > 0) {
    digits = digits.padStart(k + 1, "0");
    digits = `${digits.slice(0, -k)}.${digits.slice(-k)}`.replace(/\.?0+$/u, "");
  }
  return a.n < 0n ? `-${digits}` : digits;
}

/** The integer square root ⌊√n⌋ of n ≥ 0 (Newton's method on BigInt). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
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
  if (a.n === 0n) return ZERO;
  // √a ≈ 10^(e/2): scale by 10^(2s) so that the root has about `digits` digits before the point.
  const s = digits - Math.floor(floorLog10(a) / 2);
  const scaled = s >= 0 ? { n: a.n * pow10(2 * s), d: a.d } : { n: a.n, d: a.d * pow10(-2 * s) };
  const whole = floor(scaled);
  let root = isqrt(whole);
  // ⌊√⌊x⌋⌋ = ⌊√x⌋; round up unless √x is that integer exactly.
  if (mode === "ceil" && !(root * root === whole && whole * scaled.d === scaled.n)) root += 1n;
  return decimal(root, s);
}
