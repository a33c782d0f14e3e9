/**
 * Formula values: an exact rational, or, once an irrational function (sqrt of a non-square, log,
 * exp, a fractional power, pi, e) has been applied, an interval [lo, hi] of rationals known to
 * hold the true value. Arithmetic on intervals is exact rational arithmetic on the ends, so the
 * enclosure is rigorous; only the irrational functions approximate (see {@link approximate}).
 * A question an interval cannot answer (is it ≥ 2? is it 0?) throws {@link NeedDigits}, and the
 * caller retries with more digits or refuses: a formula is exact or refused, never silently off.
 *
 * @module
 */
import { Decimal as DecimalJs } from "decimal.js";
import { RAT_ONE, RAT_ZERO, ratAdd, ratCmp, ratDiv, ratMax, ratMin, ratMul, ratNeg } from "../number/rational.ts";
import * as Q from "./rational.ts";
import type { Rational } from "./rational.ts";

/** A formula value: the true value lies in [lo, hi]; lo === hi when it is exact. */
export interface Num {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** Thrown when the digits carried so far cannot decide a comparison, floor, sign or rounding. */
export class NeedDigits extends Error {
  constructor(readonly what: string) {
    super(`cannot decide ${what} with the digits carried`);
    this.name = "NeedDigits";
  }
}

/** Thrown for a value that does not exist or is out of range (caught and reported as FORMULA_NOT_FINITE). */
export class NotFinite extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = "NotFinite";
  }
}

/** Largest magnitude a value may have, as for a float. */
export const LIMIT = Q.parseDecimal("1e308")!;
/** Smallest non-zero magnitude a value may have, as for a float: below it a float underflows to 0; here it is refused. */
export const TINY = Q.parseDecimal("1e-308")!;
/** An exact value whose numerator or denominator passes this many bits is carried as a tight interval instead. */
export const MAX_EXACT_BITS = 4096;

export const exact = (r: Rational): Num => ({ lo: r, hi: r });
export const isExact = (x: Num): boolean => x.lo === x.hi || ratCmp(x.lo, x.hi) === 0;
const interval = (lo: Rational, hi: Rational): Num => ({ lo, hi });

/**
 * Checks a step's value and keeps it small: beyond ±1e308, or an exact non-zero value nearer 0
 * than 1e-308, is {@link NotFinite}; an inexact interval's ends are rounded outward to `digits`
 * significant digits (ends nearer 0 than 1e-308 move outward to 0 or ±1e-308), and an exact value
 * too big to carry becomes such an interval.
 */
export function settle(x: Num, digits: number, what: string): Num {
  if (ratCmp(x.hi, ratNeg(LIMIT)) < 0 || ratCmp(x.lo, LIMIT) > 0) throw new NotFinite(`${what} is beyond ±1e308`);
  if (isExact(x)) {
    // An interval whose ends met (0 · [lo, hi]) is exact: one end, in lowest terms.
    const r = x.lo === x.hi ? x.lo : Q.reduced(x.lo);
    if (r !== x.lo) x = exact(r);
    if (r.n !== 0n && ratCmp(Q.abs(r), TINY) < 0) throw new NotFinite(`${what} is nearer 0 than 1e-308 (too small to carry)`);
    if (Q.size(r) <= MAX_EXACT_BITS) return x;
  }
  if (ratCmp(x.lo, ratNeg(LIMIT)) < 0 || ratCmp(x.hi, LIMIT) > 0) throw new NotFinite(`${what} may be beyond ±1e308`);
  return interval(outward(x.lo, digits, "floor"), outward(x.hi, digits, "ceil"));
}

function outward(r: Rational, digits: number, mode: "floor" | "ceil"): Rational {
  if (r.n === 0n) return r;
  if (ratCmp(Q.abs(r), TINY) < 0) {
    // Round a tiny end outward onto 0 or ±1e-308, so no end ever needs a huge denominator.
    if (mode === "floor") return r.n > 0n ? RAT_ZERO : ratNeg(TINY);
    return r.n > 0n ? TINY : RAT_ZERO;
  }
  return Q.roundToSignificant(r, digits, mode);
}

export const add = (a: Num, b: Num): Num => (isExact(a) && isExact(b) ? exact(ratAdd(a.lo, b.lo)) : interval(Q.addRaw(a.lo, b.lo), Q.addRaw(a.hi, b.hi)));
export const neg = (a: Num): Num => interval(ratNeg(a.hi), ratNeg(a.lo));
export const sub = (a: Num, b: Num): Num => add(a, neg(b));

export function mul(a: Num, b: Num): Num {
  if (isExact(a) && isExact(b)) return exact(ratMul(a.lo, b.lo));
  const p = [Q.mulRaw(a.lo, b.lo), Q.mulRaw(a.lo, b.hi), Q.mulRaw(a.hi, b.lo), Q.mulRaw(a.hi, b.hi)];
  return interval(p.reduce(ratMin), p.reduce(ratMax));
}

/** Sign of x: -1, 0 or 1, or {@link NeedDigits} when the interval holds 0 but is not exactly 0. */
export function sign(x: Num, what: string): -1 | 0 | 1 {
  if (x.lo.n > 0n) return 1;
  if (x.hi.n < 0n) return -1;
  if (isExact(x)) return 0;
  throw new NeedDigits(what);
}

/** a / b; a divisor that is exactly 0 is {@link NotFinite} with `zero` as the reason. */
export function div(a: Num, b: Num, zero: string): Num {
  if (sign(b, "whether a divisor is 0") === 0) throw new NotFinite(zero);
  if (isExact(b)) {
    const r = b.lo;
    return mul(a, exact(ratDiv(RAT_ONE, r)));
  }
  return mul(a, interval(Q.reciprocalRaw(b.hi), Q.reciprocalRaw(b.lo)));
}

export function abs(x: Num): Num {
  if (x.lo.n >= 0n) return x;
  if (x.hi.n <= 0n) return neg(x);
  return interval(RAT_ZERO, ratMax(ratNeg(x.lo), x.hi));
}

export const min = (a: Num, b: Num): Num => interval(ratMin(a.lo, b.lo), ratMin(a.hi, b.hi));
export const max = (a: Num, b: Num): Num => interval(ratMax(a.lo, b.lo), ratMax(a.hi, b.hi));

/** -1, 0 or 1 as a < b, a = b, a > b, or {@link NeedDigits}. */
export function compare(a: Num, b: Num): -1 | 0 | 1 {
  if (ratCmp(a.hi, b.lo) < 0) return -1;
  if (ratCmp(a.lo, b.hi) > 0) return 1;
  if (isExact(a) && isExact(b)) return 0;
  throw new NeedDigits("a comparison");
}

/** a = b, or {@link NeedDigits} when the intervals overlap and are not both exact. */
export function equal(a: Num, b: Num): boolean {
  if (ratCmp(a.hi, b.lo) < 0 || ratCmp(a.lo, b.hi) > 0) return false;
  if (isExact(a) && isExact(b)) return true;
  throw new NeedDigits("an equality");
}

/** An integer function (floor, ceil, rounding) of x, exact when both ends agree. */
export function integerPart(x: Num, f: (r: Rational) => Rational, what: string): Num {
  const lo = f(x.lo);
  if (isExact(x)) return exact(lo);
  const hi = f(x.hi);
  if (ratCmp(lo, hi) !== 0) throw new NeedDigits(what);
  return exact(lo);
}

/** x^k for a whole k ≥ 0, by repeated squaring (each step settled, so the numbers stay small). */
export function powWhole(x: Num, k: bigint, digits: number): Num {
  let result = exact(RAT_ONE);
  let base = x;
  let e = k;
  while (e > 0n) {
    if (e & 1n) result = settle(mul(result, base), digits, "a power");
    e >>= 1n;
    if (e > 0n) base = settle(mul(base, base), digits, "a power");
  }
  return result;
}

const CTORS = new Map<number, typeof DecimalJs>();

function decimalAt(precision: number): typeof DecimalJs {
  let D = CTORS.get(precision);
  if (D === undefined) {
    D = DecimalJs.clone({ precision, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
    CTORS.set(precision, D);
  }
  return D;
}

/** How many units in the last place each approximated value is widened by (decimal.js promises at most 1). */
export const ULP_MARGIN = 10n;

/**
 * An increasing function computed by decimal.js (`ln`, `exp`, `log10`) on an interval: f(lo) and
 * f(hi) at `digits` + 5 significant digits, each widened by {@link ULP_MARGIN} units in its last
 * place. decimal.js documents its results as correctly rounded or at most 1 ulp off; the margin
 * makes the enclosure hold with room to spare. The interval's ends are first rounded outward, so
 * f (increasing) keeps the enclosure.
 */
export function approximate(x: Num, f: (d: DecimalJs) => DecimalJs, digits: number): Num {
  const precision = digits + 5;
  const D = decimalAt(precision);
  const loEnd = Q.roundToSignificant(x.lo, precision + 5, "floor");
  const hiEnd = Q.roundToSignificant(x.hi, precision + 5, "ceil");
  const lo = f(new D(Q.toDecimalText(loEnd)));
  const hi = ratCmp(loEnd, hiEnd) === 0 ? lo : f(new D(Q.toDecimalText(hiEnd)));
  return interval(widen(lo, precision, -1n), widen(hi, precision, 1n));
}

const CONSTANTS = new Map<string, Num>();

/** A decimal.js constant (pi, e) at `digits` + 5 digits, widened both ways (made once per name and digits). */
export function constant(name: string, f: (D: typeof DecimalJs) => DecimalJs, digits: number): Num {
  const key = `${name}:${digits}`;
  let c = CONSTANTS.get(key);
  if (c === undefined) {
    const precision = digits + 5;
    const v = f(decimalAt(precision));
    c = interval(widen(v, precision, -1n), widen(v, precision, 1n));
    CONSTANTS.set(key, c);
  }
  return c;
}

function widen(v: DecimalJs, precision: number, direction: -1n | 1n): Rational {
  if (!v.isFinite()) throw new NotFinite("a value that is not a finite number");
  const r = Q.parseDecimal(v.toString());
  if (r === undefined) throw new NotFinite("a value beyond any range");
  if (r.n === 0n) return r;
  // One unit in the last of `precision` significant digits: 10^(e − precision + 1).
  const e = Q.floorLog10(r) - precision + 1;
  return Q.addRaw(r, Q.decimal(direction * ULP_MARGIN, -e));
}

/** √x: exact for the square of a rational, else bounds from the integer square root. */
export function sqrt(x: Num, digits: number): Num {
  if (isExact(x)) {
    if (x.lo.n < 0n) throw new NotFinite("the square root of a negative number");
    const root = Q.exactSqrt(x.lo);
    if (root !== undefined) return exact(root);
  } else if (x.hi.n < 0n) throw new NotFinite("the square root of a negative number");
  else if (x.lo.n < 0n) throw new NeedDigits("whether a square root's argument is negative");
  return interval(Q.sqrtBound(x.lo, digits + 5, "floor"), Q.sqrtBound(x.hi, digits + 5, "ceil"));
}

/** The ends of x as text, for messages. */
export function describe(x: Num): string {
  const text = (r: Rational) => (Q.terminates(r) ? Q.toDecimalText(r) : `${r.n}/${r.d}`);
  return isExact(x) ? text(x.lo) : `[${text(x.lo)}, ${text(x.hi)}]`;
}
