/**
 * A small exact rational number for the test oracle: a BigInt numerator and denominator, always
 * in lowest terms with a positive denominator (so the sign sits on the numerator and equal values
 * have equal fields). Deliberately independent of `src/`: it is the yardstick the library is
 * measured against, so it must be simple enough to be obviously right.
 *
 * @module
 */

/** An exact rational number num / den, den > 0, gcd(|num|, den) = 1. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

const SAFE = 2n ** 53n;

/** Euclid's algorithm; on doubles while both numbers are exact in a double (much faster than BigInt steps). */
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n && x >= SAFE) [x, y] = [y, x % y];
  if (y === 0n) return x;
  let p = Number(x);
  let q = Number(y);
  while (q !== 0) [p, q] = [q, p % q];
  return BigInt(p);
}

/**
 * The rational num / den in lowest terms. Throws on a zero denominator (a division by zero in the
 * oracle is a bug in the oracle or the generator, never something to paper over).
 *
 * @example
 * ```ts
 * rational(6n, -4n); // => { num: -3n, den: 2n }
 * ```
 */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("rational: zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return { num: 0n, den: 1n };
  if (d === 1n) return { num: n, den: 1n };
  const g = gcd(n, d);
  return g <= 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/** 0 and 1, shared. */
export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num - b.num, a.den);
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × b. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a / b (throws when b is 0). */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("rational: division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

/** −a. */
export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** True when a = b (lowest terms make this a field comparison). */
export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** True when a is 0. */
export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** The smaller / larger of two rationals. */
export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}
export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** Σ of a list (0 for an empty list). */
export function sum(values: readonly Rational[]): Rational {
  let s = ZERO;
  for (const v of values) s = add(s, v);
  return s;
}

/**
 * Reads decimal text the way the library's number reader accepts it (docs/input.md, "Numbers";
 * `src/number/parse-number.ts` was read, not imported): white space and no-break spaces are
 * ignored; an optional sign (+, -, U+2212); then plain digits, one decimal separator ("0.25",
 * "0,25", ".5"), dot-grouped thousands with an optional decimal comma ("1.234.567,891"),
 * comma-grouped thousands with an optional decimal point ("1,234.5"), or digits with an exponent
 * ("1e-3", "2.5E+2"). A lone separator followed by three digits ("1,234") is a decimal separator.
 * Anything else, and anything a double cannot hold ("1e309"), is `undefined`. "-0" is 0.
 *
 * @example
 * ```ts
 * parseDecimal("0,25"); // => 1/4
 * parseDecimal("1.234,5"); // => 2469/2
 * parseDecimal("1e-3"); // => 1/1000
 * ```
 */
export function parseDecimal(text: string): Rational | undefined {
  let s = text.normalize("NFC").replace(/[\s\u00a0\u202f]+/gu, "");
  let negative = false;
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  let intPart: string;
  let fracPart = "";
  let exponent = 0;
  let m: RegExpExecArray | null;
  if (/^\d+$/u.test(s)) {
    intPart = s;
  } else if ((m = /^(\d*)[.,](\d+)$/u.exec(s)) !== null) {
    intPart = m[1]!;
    fracPart = m[2]!;
  } else if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/u.exec(s)) !== null) {
    intPart = m[1]!.replace(/\./gu, "");
    fracPart = m[2] ?? "";
  } else if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/u.exec(s)) !== null) {
    intPart = m[1]!.replace(/,/gu, "");
    fracPart = m[2] ?? "";
  } else if ((m = /^(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/u.exec(s)) !== null) {
    intPart = m[1]!;
    fracPart = m[2] ?? "";
    exponent = Number(m[3]);
  } else {
    return undefined;
  }
  // The library refuses what a double cannot hold (it checks Number(text) is finite).
  if (!Number.isFinite(Number(`${intPart || "0"}.${fracPart || "0"}e${exponent}`))) return undefined;
  const digits = BigInt(`${intPart}${fracPart}` || "0");
  const scale = exponent - fracPart.length;
  const value = scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale));
  return negative ? neg(value) : value;
}

/**
 * A JavaScript number as the library reads it: by its shortest round-trip text (`String(0.1)` is
 * "0.1", so 0.1 is exactly 1/10, not the binary double). Throws for NaN and infinities.
 *
 * @example
 * ```ts
 * fromNumber(0.1); // => 1/10
 * fromNumber(1e-7); // => 1/10000000
 * ```
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`fromNumber: ${x} is not finite`);
  const r = parseDecimal(String(x));
  if (r === undefined) throw new RangeError(`fromNumber: cannot read ${String(x)}`);
  return r;
}

/**
 * x × 10^places rounded half-up (half away from zero, as decimal.js ROUND_HALF_UP does), as a
 * whole number: the published value scaled, e.g. 0.05975 at 4 places → 598n.
 *
 * @example
 * ```ts
 * roundHalfUpScaled(rational(5975n, 100000n), 4); // => 598n
 * roundHalfUpScaled(rational(-5n, 100000n), 4); // => -1n
 * ```
 */
export function roundHalfUpScaled(x: Rational, places: number): bigint {
  const scaledNum = abs(x.num) * 10n ** BigInt(places);
  // floor(|x|·10^p + 1/2) = floor((2·|num|·10^p + den) / (2·den)).
  const magnitude = (2n * scaledNum + x.den) / (2n * x.den);
  return x.num < 0n ? -magnitude : magnitude;
}

/**
 * The fixed-point text of a whole number scaled by 10^places, as the library writes published
 * values: no exponent, exactly `places` decimals, a minus sign only when the value is not 0.
 *
 * @example
 * ```ts
 * scaledText(598n, 4); // => "0.0598"
 * scaledText(10000n, 4); // => "1.0000"
 * ```
 */
export function scaledText(scaled: bigint, places: number): string {
  const sign = scaled < 0n ? "-" : "";
  const digits = abs(scaled).toString();
  if (places === 0) return `${sign}${digits}`;
  const padded = digits.padStart(places + 1, "0");
  return `${sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/**
 * Rounds half-up to `places` decimals and writes the fixed-point text ("0.0598", "1.0000").
 *
 * @example
 * ```ts
 * toFixedHalfUp(rational(5975n, 100000n), 4); // => "0.0598"
 * ```
 */
export function toFixedHalfUp(x: Rational, places: number): string {
  return scaledText(roundHalfUpScaled(x, places), places);
}

/**
 * True when x lies exactly half-way between two neighbouring values at `places` decimals
 * (x × 10^places = k + ½): the cases where rounding an approximation can go either way.
 *
 * @example
 * ```ts
 * isHalfWay(rational(5975n, 100000n), 4); // => true
 * ```
 */
export function isHalfWay(x: Rational, places: number): boolean {
  // x·10^p = k + 1/2 ⇔ 2·x·10^p is an odd whole number.
  const twice = mul(x, rational(2n * 10n ** BigInt(places)));
  return twice.den === 1n && twice.num % 2n !== 0n;
}

/**
 * A float approximation (for comparing with the library's float `score` and `coverage`): the
 * quotient computed on scaled BigInts so huge numerators and denominators do not overflow.
 */
export function toNumber(x: Rational): number {
  if (x.num === 0n) return 0;
  // 60 significant bits of the quotient are plenty for a double (53).
  const shift = BigInt(Math.max(0, 64 - (bitLength(abs(x.num)) - bitLength(x.den))));
  const q = (x.num * (1n << shift)) / x.den;
  return Number(q) / 2 ** Number(shift);
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * Exact decimal text when x has a terminating expansion with at most `maxDecimals` decimals
 * ("0.75", "-12.5", "3"), else `undefined`: how the generators check an input can be written.
 *
 * @example
 * ```ts
 * decimalText(rational(3n, 4n), 3); // => "0.75"
 * decimalText(rational(1n, 3n), 3); // => undefined
 * ```
 */
export function decimalText(x: Rational, maxDecimals: number): string | undefined {
  // x terminates iff its denominator is 2^a·5^b, and then needs max(a, b) decimals.
  let d = x.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) [d, twos] = [d / 2n, twos + 1];
  while (d % 5n === 0n) [d, fives] = [d / 5n, fives + 1];
  const places = Math.max(twos, fives);
  if (d !== 1n || places > maxDecimals) return undefined;
  return scaledText((x.num * 10n ** BigInt(places)) / x.den, places);
}

/** Text of a rational for messages: "a/b", or "a" when whole. */
export function show(x: Rational): string {
  return x.den === 1n ? x.num.toString() : `${x.num}/${x.den}`;
}
