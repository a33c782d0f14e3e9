/**
 * Bonus and penalty points as exact fractions (see `fraction.ts`), as the plan computes them
 * (`AdjustLayout`): a bonus or penalty group is its criteria's points added up over its cap,
 * within [0, 1] (a blank criterion adds nothing; never missing); the root is its weighted mean
 * plus Σ ± capₖ · scoreₖ / total points (a blank term adds nothing), kept in the adjusted range.
 *
 * @module
 */
import { gcd, ratDiv, type Rational } from "../number/rational.ts";
import type { AdjustLayout } from "../score/compile.ts";
import type { Dialect } from "./dialect.ts";
import { isWide, lcm, SMALL_LIMIT, type Fraction } from "./fraction.ts";
import type { GroupValue } from "./group-sql.ts";

/** A term of a sum: a fraction times an exact rational (either sign). */
export interface Term {
  readonly f: Fraction;
  readonly r: Rational;
}

const absBig = (n: bigint) => (n < 0n ? -n : n);
/** The least whole number ≥ |r|. */
const ceilAbs = (r: Rational) => (absBig(r.n) + r.d - 1n) / r.d;

/**
 * Σ r_k·x_k, x_k = n_k / (c_k·p_k), over one denominator: Σ (r_k.n·L / (r_k.d·c_k))·n_k·Π_{j≠k} p_j
 * over L·Π p_j, L the lcm of the r_k.d·c_k, the coefficients and L divided by their common factor.
 * A missing term (n NULL, p 1) adds nothing, except `nullWhen`: missing there, the sum is.
 */
function linearSum(dialect: Dialect, terms: readonly Term[], nullWhen: string | undefined): GroupValue & { readonly signed: boolean } {
  const C = terms.map(({ f, r }) => r.d * f.c);
  const L0 = C.reduce((d, c) => lcm(d, c), 1n);
  const coef0 = terms.map(({ r }, k) => r.n * (L0 / C[k]!));
  const g = coef0.reduce((a, b) => gcd(a, absBig(b)), L0);
  const coef = coef0.map((c) => c / g);
  const c = L0 / g;
  const pBound = terms.reduce((m, { f }) => m * f.pBound, 1n);
  const bound = terms.reduce((m, { f }, k) => m + absBig(coef[k]!) * f.bound * (pBound / f.pBound), 0n);
  const wide = bound >= SMALL_LIMIT || isWide({ bound: 0n, pBound, c });
  const lit = (n: bigint) => dialect.intLit(n, wide);
  const ps = terms.map(({ f }) => f.p);
  const parts = terms.flatMap(({ f }, k) => {
    if (coef[k] === 0n) return [];
    const t = [lit(coef[k]!), f.n, ...ps.filter((x, j): x is string => x !== null && j !== k)].join(" * ");
    return [f.nullable && f.n !== nullWhen ? `CASE WHEN ${f.n} IS NULL THEN ${lit(0n)} ELSE ${t} END` : t];
  });
  const sum = parts.length === 0 ? lit(0n) : `(${parts.join(" + ")})`;
  const pParts = ps.filter((x): x is string => x !== null);
  const top = terms.reduce((m, { f, r }) => (r.n > 0n ? m + f.top * ceilAbs(r) : m), 0n);
  return {
    n: nullWhen === undefined ? sum : `CASE WHEN ${nullWhen} IS NULL THEN NULL ELSE ${sum} END`,
    p: pParts.length > 0 ? pParts.join(" * ") : null,
    c, nullable: nullWhen !== undefined, bound, pBound, top: top > 0n ? top : 1n, wide,
    signed: terms.some(({ r, f }) => r.n < 0n || f.signed === true),
  };
}

/** The fraction kept within [lo, hi] (hi: 1, or none). */
function clamp(dialect: Dialect, v: ReturnType<typeof linearSum>, upper: boolean): GroupValue & { readonly signed: boolean } {
  const den = v.p === null ? dialect.intLit(v.c, v.wide) : `${dialect.intLit(v.c, v.wide)} * ${v.p}`;
  const zero = dialect.intLit(0n, v.wide);
  const n = `CASE WHEN ${v.n} < ${zero} THEN ${zero}${upper ? ` WHEN ${v.n} > ${den} THEN ${den}` : ""} ELSE ${v.n} END`;
  const one = v.c * v.pBound;
  return { ...v, n, signed: false, ...(upper ? { top: 1n, bound: v.bound < one ? v.bound : one } : {}) };
}

/**
 * A bonus or penalty group: Σ w_k·x_k / cap over its criteria (w their points, the plan's
 * weights), within [0, 1]. `children` are the criteria's fractions and exact weights.
 */
export function cappedSum(dialect: Dialect, children: readonly Term[], cap: Rational): GroupValue {
  const terms = children.filter(({ r }) => r.n !== 0n).map(({ f, r }) => ({ f, r: ratDiv(r, cap) }));
  return clamp(dialect, linearSum(dialect, terms, undefined), true);
}

/**
 * The root with its bonus and penalty points: mean + Σ pointsₖ·xₖ / total, kept in the adjusted
 * range ("total": [0, 1]; "non-negative": ≥ 0; "none": as it is, then `signed` when a penalty
 * may take it below 0). Missing when the mean is.
 */
export function adjustedRoot(dialect: Dialect, adjust: AdjustLayout, mean: Fraction, terms: readonly Fraction[]): GroupValue & { readonly signed: boolean } {
  const one: Rational = { n: 1n, d: 1n };
  const sum = linearSum(dialect, [{ f: mean, r: one }, ...terms.map((f, k) => ({ f, r: ratDiv(adjust.exactPoints[k]!, adjust.exactTotal) }))], mean.n);
  if (adjust.range === "none") return sum;
  return clamp(dialect, sum, adjust.range === "total");
}
