/**
 * The weighted harmonic mean Σ W_k / Σ (W_k / x_k) of a group's present children as an exact
 * fraction (see `fraction.ts`), 0 when a present child is 0, as the library computes it.
 *
 * With x_k = n_k / (c_k·p_k): H = ΣW·Π n_j / Σ_k W_k·c_k·p_k·Π_{j≠k} n_j (a missing child is a
 * factor 1 and no term). The whole numbers grow with the product of the children's numerators:
 * PostgreSQL's NUMERIC holds them all; on DuckDB (HUGEINT, 38 digits) a group whose bound passes
 * 38 digits checks each row's size first (in floats, far from their limit) and stops the query
 * with `SQL_UNSUPPORTED` naming the group and unit where the exact fraction would not fit, rather
 * than overflow in an expression that does not say where.
 *
 * @module
 */
import type { CompiledNode } from "../score/compile.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { isWide, minBig, SMALL_LIMIT } from "./fraction.ts";
import { presentWeights, topOf, type GroupChildren, type GroupValue } from "./group-sql.ts";
import { failure } from "./leaf-sql.ts";

/** DuckDB's HUGEINT goes to 2^127 − 1: a bound below 2^126 leaves room for the sums. */
export const HUGE_LIMIT = 2n ** 126n;
/** Past this float estimate (within 1e-15 of the exact size) a row's fraction may not fit. */
export const HUGE_GUARD = "1e37";

const nonZero = (b: bigint) => (b > 1n ? b : 1n);

/** The harmonic mean of node's children `g`; `unit` names the row in failures. */
export function harmonicMean(dialect: Dialect, node: CompiledNode, g: GroupChildren, unit: string): GroupValue {
  const { fs, weights } = g;
  const sumW = weights.reduce((s, w) => s + w, 0n);
  const nProduct = fs.reduce((m, f) => m * nonZero(f.bound), 1n);
  const nBound = sumW * nProduct;
  const pBound = fs.reduce((m, f, k) => m + weights[k]! * f.c * f.pBound * (nProduct / nonZero(f.bound)), 0n);
  const wide = nBound >= SMALL_LIMIT || isWide({ bound: 0n, pBound, c: 1n });
  const lit = (n: bigint) => dialect.intLit(n, wide);
  const present = fs.map((f) => (f.nullable ? `coalesce(${f.n}, ${lit(1n)})` : f.n));
  const product = (skip: number, cast: (x: string) => string) => present.filter((_, j) => j !== skip).map(cast);
  const term = (k: number, cast: (x: string) => string, l: (n: bigint) => string) => {
    const f = fs[k]!;
    const t = [l(weights[k]! * f.c), ...(f.p === null ? [] : [cast(f.p)]), ...product(k, cast)].join(" * ");
    return f.nullable ? `CASE WHEN ${f.n} IS NULL THEN ${l(0n)} ELSE ${t} END` : t;
  };
  const id = (x: string) => x;
  const W = fs.some((f) => f.nullable) ? presentWeights(dialect, g, wide) : lit(sumW);
  const numerator = [W, ...product(-1, id)].join(" * ");
  const denominator = `(${fs.map((_, k) => term(k, id, lit)).join(" + ")})`;
  const zero = `(${fs.map((f) => `${f.n} = ${lit(0n)}`).join(" OR ")})`;
  const allMissing = fs.every((f) => f.nullable) ? `WHEN ${fs.map((f) => `${f.n} IS NULL`).join(" AND ")} THEN NULL ` : "";
  let guard = "";
  if (dialect.name === "duckdb" && (nBound >= HUGE_LIMIT || pBound >= HUGE_LIMIT)) {
    const dbl = (x: string) => `CAST(${x} AS DOUBLE)`;
    const dblLit = (n: bigint) => `CAST(${sqlText(String(n))} AS DOUBLE)`;
    const sizes = [[dblLit(sumW), ...product(-1, dbl)].join(" * "), `(${fs.map((_, k) => term(k, dbl, dblLit)).join(" + ")})`];
    const message = sqlText(`the exact harmonic mean of "${node.id}" needs more than DuckDB's 38 digits: run the query on PostgreSQL, or score with the library`);
    guard = `WHEN ${sizes.map((s) => `${s} > ${HUGE_GUARD}`).join(" OR ")} THEN ${failure({ dialect, unit }, "SQL_UNSUPPORTED", node.id, message, dialect.int)} `;
  }
  const top = topOf(fs);
  return {
    n: `CASE ${allMissing}WHEN ${zero} THEN ${lit(0n)} ${guard}ELSE ${numerator} END`,
    p: `CASE WHEN ${zero} THEN ${lit(1n)} ${guard}ELSE ${denominator} END`,
    c: 1n,
    nullable: fs.every((f) => f.nullable),
    bound: minBig(nBound, top * pBound),
    pBound,
    top,
    wide,
  };
}
