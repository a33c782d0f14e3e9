/**
 * Exact rational numbers on BigInt: numerator and denominator, never rounded. The scoring plan's
 * exact evaluator decides published values with these whenever a float bound cannot: every
 * scoring rule, the rational normalisations and the arithmetic and harmonic means stay exact
 * however many times a value is divided and multiplied back (45/3 points, groups of 7 children).
 *
 * @module
 */

/** An exact rational n / d, d > 0, in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };

/** Greatest common divisor of two whole numbers (≥ 0). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * The rational n / d in lowest terms (d ≠ 0).
 *
 * @example
 * ```ts
 * rat(6n, -4n); // => { n: -3n, d: 2n }
 * ```
 */
export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError("rational with a zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return n === 0n ? ZERO : { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** 0 and 1. */
export const RAT_ZERO = ZERO;
export const RAT_ONE = ONE;

const POW10: bigint[] = [1n];
/** 10^k for k ≥ 0 (the first 2,048 cached: scores and formulas use the same few powers again and again). */
export function pow10(k: number): bigint {
  if (k < 0) throw new RangeError("pow10 of a negative exponent");
  if (k < 2048) {
    for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1]! * 10n);
    return POW10[k]!;
  }
  return 10n ** BigInt(k);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u;

/**
 * A decimal text ("0.6789", "-12", ".5", "1e-7", "2.5E+3") as whole digits m and a power of ten e,
 * its value m · 10^e; `undefined` when it is not one, or its written exponent is beyond ±100,000
 * (refused, not expanded). The one reader of decimal text: {@link ratFromDecimal} reduces what it reads, the
 * formula evaluator keeps it as m / 10^k.
 *
 * @example
 * ```ts
 * decimalDigits("-1.50e-3"); // => { digits: -150n, exponent: -5 }
 * ```
 */
export function decimalDigits(text: string): { readonly digits: bigint; readonly exponent: number } | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return undefined;
  const written = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(written) || Math.abs(written) > 100_000) return undefined;
  const digits = BigInt(`${int}${frac}` || "0");
  return { digits: m[1] === "-" ? -digits : digits, exponent: written - frac.length };
}

/**
 * The exact value of a decimal text ("0.6789", "-12", ".5", "1e-7", "2.5E+3"); `undefined` when
 * it is not one. The separator is ".": read people's numbers with `parseNumber` first.
 *
 * @example
 * ```ts
 * ratFromDecimal("0.25"); // => { n: 1n, d: 4n }
 * ```
 */
export function ratFromDecimal(text: string): Rational | undefined {
  const read = decimalDigits(text);
  if (read === undefined) return undefined;
  return read.exponent >= 0 ? rat(read.digits * pow10(read.exponent)) : rat(read.digits, pow10(-read.exponent));
}

/**
 * The exact value of a finite number as the decimal it stands for: its shortest round-trip text
 * (0.1 is one tenth, as a person wrote it in JSON), not its binary expansion.
 *
 * @example
 * ```ts
 * ratFromNumber(0.1); // => { n: 1n, d: 10n }
 * ```
 */
export function ratFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return rat(BigInt(x));
  return ratFromDecimal(String(x))!;
}

/** a + b. */
export function ratAdd(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a − b. */
export function ratSub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a · b. */
export function ratMul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

/** a / b (b ≠ 0). */
export function ratDiv(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d, a.d * b.n);
}

/** −a. */
export function ratNeg(a: Rational): Rational {
  return a.n === 0n ? a : { n: -a.n, d: a.d };
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function ratCmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** −1, 0 or 1: the sign of a. */
export function ratSign(a: Rational): -1 | 0 | 1 {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}

/** The smaller and the larger of two rationals. */
export function ratMin(a: Rational, b: Rational): Rational {
  return ratCmp(a, b) <= 0 ? a : b;
}
export function ratMax(a: Rational, b: Rational): Rational {
  return ratCmp(a, b) >= 0 ? a : b;
}

/** Clamps into [0, 1]. */
export function ratClamp01(a: Rational): Rational {
  if (a.n < 0n) return ZERO;
  if (a.n > a.d) return ONE;
  return a;
}

/**
 * The nearest double to a (ties to even on the last step). Exact numerators and denominators
 * below 2^53 divide once, which IEEE 754 rounds correctly; larger ones are scaled to 64 bits
 * first (within one unit in the last place).
 */
export function ratToNumber(a: Rational): number {
  const LIMIT = 9007199254740992n;
  const absN = a.n < 0n ? -a.n : a.n;
  if (absN < LIMIT && a.d < LIMIT) return Number(a.n) / Number(a.d);
  if (absN === 0n) return 0;
  // Shift so the quotient carries about 64 significant bits, then scale back by a power of 2.
  const shift = 64 - (absN.toString(2).length - a.d.toString(2).length);
  const q = shift >= 0 ? (absN << BigInt(shift)) / a.d : absN / (a.d << BigInt(-shift));
  const x = Number(q) * 2 ** -shift;
  return a.n < 0n ? -x : x;
}

/**
 * a · 10^places rounded half away from zero (the published value as a whole number): exact.
 *
 * @example
 * ```ts
 * ratScaledHalfUp(ratFromDecimal("0.05975")!, 4); // => 598n
 * ```
 */
export function ratScaledHalfUp(a: Rational, places: number): bigint {
  const neg = a.n < 0n;
  const q = (neg ? -a.n : a.n) * pow10(places);
  let whole = q / a.d;
  if (2n * (q - whole * a.d) >= a.d) whole += 1n;
  return neg ? -whole : whole;
}

/**
 * The fixed-point text of a whole number scaled by 10^places: 598n, 4 → "0.0598"; a zero is
 * written without a sign.
 *
 * @example
 * ```ts
 * scaledText(-1n, 4); // => "-0.0001"
 * ```
 */
export function scaledText(k: bigint, places: number): string {
  const neg = k < 0n;
  const digits = (neg ? -k : k).toString();
  if (places === 0) return neg ? `-${digits}` : digits;
  const padded = digits.padStart(places + 1, "0");
  return `${neg ? "-" : ""}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** The decimal text of a rational with a finite expansion; else `digits` significant digits, rounded half-up. */
export function ratToDecimalText(a: Rational, digits = 40): string {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  const places = d === 1n ? Math.max(twos, fives) : Math.max(0, digits - integerDigits(a));
  const text = scaledText(ratScaledHalfUp(a, places), places);
  return places > 0 ? text.replace(/\.?0+$/u, "") : text;
}

function integerDigits(a: Rational): number {
  const whole = (a.n < 0n ? -a.n : a.n) / a.d;
  return whole === 0n ? 0 : whole.toString().length;
}
