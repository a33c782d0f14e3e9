/**
 * The exact form every node takes in the generated SQL: a fraction n / (c · p) of whole numbers,
 * with c a constant known when compiling and p a factor that depends on the row (null = 1). Most
 * frameworks keep p null everywhere, so their values are whole numbers over a fixed denominator
 * and the SQL is sums of products; a ratio's denominator, or a parent whose children may be
 * missing ("reweight"), brings a p.
 *
 * @module
 */
import { gcd, type Rational } from "../number/rational.ts";

/** A node's value in SQL: `n / (c · p)`; n NULL when missing. */
export interface Fraction {
  /** SQL expression of the numerator (a whole number of the dialect's integer type). */
  readonly n: string;
  /** The constant part of the denominator (> 0). */
  readonly c: bigint;
  /** SQL expression of the row-dependent part of the denominator (> 0), or null for 1. */
  readonly p: string | null;
  /** Whether n can be NULL (a missing value). */
  readonly nullable: boolean;
  /** A bound on n (0 ≤ n ≤ bound) known when compiling: below {@link SMALL_LIMIT}, n is of the small type. */
  readonly bound: bigint;
  /** A bound on p (1 when p is null). */
  readonly pBound: bigint;
  /**
   * A whole number the value never exceeds (1 for every rule; a normalisation's output range may
   * reach higher): n ≤ top · c · p.
   */
  readonly top: bigint;
  /** Whether n may be below 0 (an index with penalty points and no adjusted range): `bound` bounds |n|. */
  readonly signed?: boolean;
}

/**
 * Below this, whole numbers are computed in the dialect's small type (DuckDB's BIGINT, 64 bits):
 * 2^62 leaves room for a sum of two such numbers.
 */
export const SMALL_LIMIT = 2n ** 62n;

/**
 * Inputs are read as DECIMAL(18, inputDecimals): as whole numbers of 10^-inputDecimals, they are
 * below 10^18 in size.
 */
export const INPUT_BOUND = 10n ** 18n;

/** Least common multiple of two positive whole numbers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Rationals over one common denominator: whole numerators and that denominator. */
export function commonDenominator(values: readonly Rational[]): { nums: bigint[]; den: bigint } {
  const den = values.reduce((d, v) => lcm(d, v.d), 1n);
  return { nums: values.map((v) => v.n * (den / v.d)), den };
}

/** Whether a fraction's whole numbers need the exact (wide) type: they may reach 2^62. */
export function isWide(f: Pick<Fraction, "bound" | "pBound" | "c">): boolean {
  return f.bound >= SMALL_LIMIT || f.pBound >= SMALL_LIMIT || f.c * f.pBound >= SMALL_LIMIT;
}

/** The smaller of two whole numbers. */
export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
