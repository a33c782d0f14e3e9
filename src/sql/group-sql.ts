/**
 * A group's or view's value as an exact fraction of its children's (see `fraction.ts`): which
 * children count (weight above 0), their coverage, the least coverage the group needs, and the
 * weighted arithmetic mean. The harmonic mean is in `harmonic-sql.ts`.
 *
 * @module
 */
import { gcd } from "../number/rational.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { sqlDouble, type Dialect } from "./dialect.ts";
import { isWide, lcm, minBig, SMALL_LIMIT, type Fraction } from "./fraction.ts";

/** A group's weighted children: their fractions and whole-number weights (divided by their common factor). */
export interface GroupChildren {
  readonly fs: readonly Fraction[];
  readonly weights: readonly bigint[];
  /** The group's coverage (a float expression). */
  readonly coverage: string;
  /** Whether the coverage is 1 in every row the query returns. */
  readonly full: boolean;
  /** The coverage below which the group is missing (0: none). */
  readonly threshold: number;
}

/** A group's value, before it is emitted: numerator, row-dependent denominator, and the fraction's constants. */
export type GroupValue = Omit<Fraction, "n" | "p"> & { readonly n: string; readonly p: string | null; readonly wide: boolean };

/**
 * The children of node i with weight above 0 (undefined when there are none), their weights as
 * whole numbers (exact decimals over a common denominator, divided by their gcd: only their ratios
 * matter) and the group's coverage Σ w·v / Σ w.
 */
export function groupChildren(plan: CompiledFramework, i: number, fractions: readonly Fraction[], full: readonly boolean[], minCoverage: number): GroupChildren | undefined {
  const { childStart, childCount, child, weight, exactWeight } = plan.layout;
  const start = childStart[i]!;
  const end = start + childCount[i]!;
  const wDen = exactWeight.slice(start, end).reduce((d, r) => lcm(d, r.d), 1n);
  let total = 0;
  const covTerms: string[] = [];
  const kids: { c: number; W: bigint }[] = [];
  for (let p = start; p < end; p++) {
    const w = weight[p]!;
    if (w === 0) continue;
    total += w;
    const r = exactWeight[p]!;
    kids.push({ c: child[p]!, W: r.n * (wDen / r.d) });
    covTerms.push(`${sqlDouble(w)} * v${child[p]!}`);
  }
  if (kids.length === 0) return undefined;
  const node = plan.nodes[i]!;
  const allFull = kids.every((k) => full[k.c]);
  const wg = kids.reduce((g, k) => gcd(g, k.W), 0n);
  return {
    fs: kids.map((k) => fractions[k.c]!),
    weights: kids.map((k) => k.W / wg),
    coverage: allFull ? sqlDouble(1) : `(${covTerms.join(" + ")}) / ${sqlDouble(total)}`,
    full: allFull,
    threshold: node.kind === "group" ? (plan.layout.minCoverage[i]! > 0 ? plan.layout.minCoverage[i]! : minCoverage) : 0,
  };
}

/** The largest value any of the fractions reaches. */
export function topOf(fs: readonly Fraction[]): bigint {
  return fs.reduce((m, f) => (f.top > m ? f.top : m), 1n);
}

/** Σ W_k (present children only, when a child may be missing): a SQL expression. */
export function presentWeights(dialect: Dialect, g: GroupChildren, wide: boolean): string {
  const lit = (n: bigint) => dialect.intLit(n, wide);
  const terms = g.fs.map((f, k) => (f.nullable ? `CASE WHEN ${f.n} IS NULL THEN ${lit(0n)} ELSE ${lit(g.weights[k]!)} END` : lit(g.weights[k]!)));
  return `(${terms.join(" + ")})`;
}

/**
 * The weighted arithmetic mean Σ W_k·x_k / Σ W_k over the present children, x_k = n_k / (c_k·p_k):
 * Σ W_k·(L / c_k)·n_k·Π_{j≠k} p_j over L·Π p_j·Σ W_k, with L the lcm of the c_k, the coefficients
 * and L divided by their common factor so that the whole numbers stay as small as the fraction
 * allows.
 */
export function arithmeticMean(dialect: Dialect, g: GroupChildren): GroupValue {
  const { fs, weights } = g;
  const L0 = fs.reduce((d, f) => lcm(d, f.c), 1n);
  // q_j: a child's row-dependent denominator (1 where it is missing).
  const q = fs.map((f) => f.p);
  const sumW = weights.reduce((s, w) => s + w, 0n);
  const anyNullable = fs.some((f) => f.nullable);
  const coef0 = fs.map((f, k) => weights[k]! * (L0 / f.c));
  const gc = coef0.reduce((a, b) => gcd(a, b), anyNullable ? L0 : L0 * sumW);
  const coef = coef0.map((k) => k / gc);
  // Bounds: each term is at most coef · n_k's bound · the other children's p bounds.
  const pProduct = fs.reduce((m, f) => m * f.pBound, 1n);
  const termBound = fs.reduce((m, f, k) => m + coef[k]! * f.bound * (pProduct / f.pBound), 0n);
  const pBound = (anyNullable ? sumW : 1n) * pProduct;
  const c = anyNullable ? L0 / gc : (L0 * sumW) / gc;
  const wide = termBound >= SMALL_LIMIT || isWide({ bound: 0n, pBound, c });
  const lit = (n: bigint) => dialect.intLit(n, wide);
  const terms = fs.map((f, k) => {
    const others = q.filter((x, j) => x !== null && j !== k);
    // The literal first: the product is then computed in its type.
    const term = [lit(coef[k]!), f.n, ...others].join(" * ");
    return f.nullable ? `CASE WHEN ${f.n} IS NULL THEN ${lit(0n)} ELSE ${term} END` : term;
  });
  let n = `(${terms.join(" + ")})`;
  let pParts: string[] = q.filter((x): x is string => x !== null);
  if (anyNullable) {
    pParts = [presentWeights(dialect, g, wide), ...pParts];
    if (fs.every((f) => f.nullable)) n = `CASE WHEN ${fs.map((f) => `${f.n} IS NULL`).join(" AND ")} THEN NULL ELSE ${n} END`;
  }
  const top = topOf(fs);
  return { n, p: pParts.length > 0 ? pParts.join(" * ") : null, c, nullable: fs.every((f) => f.nullable), bound: minBig(termBound, top * c * pBound), pBound, top, wide };
}
