/**
 * The last steps of a compiled query: every node's published value (the exact half-up rounding of
 * its fraction, as a whole number of 10^-decimals), its score as a float, and its ranks per year
 * and per group on the published values.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import { pow10 } from "../number/rational.ts";
import type { CompiledFramework } from "../score/compile.ts";
import type { Dialect } from "./dialect.ts";
import { isWide, SMALL_LIMIT, type Fraction } from "./fraction.ts";
import { refuse, type ToSqlOptions } from "./options.ts";

/** Columns of the rounding step (a<i>, DuckDB's float approximations) and of the published step (k<i>, s<i>). */
export interface PublishedColumns {
  readonly approx: string[];
  readonly published: string[];
}

/** The published value k<i> and (with `scores`) the score s<i> of every node. */
export function publishedColumns(plan: CompiledFramework, fractions: readonly Fraction[], dialect: Dialect, decimals: number, scores = true): PublishedColumns {
  const pubScale = pow10(decimals);
  const lit = (n: bigint, wide: boolean) => dialect.intLit(n, wide);
  // Small: 2·n·10^decimals + d stays below 2^63, so one BIGINT division is exact.
  const small = (f: Fraction) => !isWide(f) && 2n * pubScale * f.bound + f.c * f.pBound < SMALL_LIMIT && 2n * f.c * f.pBound < SMALL_LIMIT;
  const den = (f: Fraction) => (f.p === null ? lit(f.c, !small(f)) : `${lit(f.c, !small(f))} * ${f.p}`);
  const wideN = (f: Fraction) => `CAST(${f.n} AS ${dialect.int})`;
  fractions.forEach((f, i) => {
    // DuckDB's float first guess is within one unit of k while k stays well inside a double's 2^53
    // (PostgreSQL divides exactly).
    if (dialect.halfUpApprox !== null && f.top * pubScale >= 2n ** 50n) throw refuse(`node "${plan.nodes[i]!.id}": values up to ${f.top} with ${decimals} decimals are more digits than the SQL compiler rounds exactly; lower the decimals or the range`, plan.nodes[i]!.id);
  });
  // Below 0 (an index with penalty points and no adjusted range) the library rounds |x| half-up.
  const magnitude = (f: Fraction) => (f.signed === true ? { ...f, n: `abs(${f.n})` } : f);
  const approximate = dialect.halfUpApprox;
  const approx = approximate === null ? [] : fractions.flatMap((f, i) => (small(f) ? [] : [`${approximate(wideN(magnitude(f)), den(f), pubScale)} AS a${i}`]));
  const rounded = (f: Fraction, i: number) => (small(f) ? dialect.halfUpSmall(f.n, den(f), pubScale) : dialect.halfUpFix(wideN(f), den(f), pubScale, `a${i}`));
  const published = fractions.map((f, i) => `${f.signed === true ? `CASE WHEN ${f.n} < 0 THEN -(${rounded(magnitude(f), i)}) ELSE ${rounded(f, i)} END` : rounded(f, i)} AS k${i}`);
  const floats = !scores ? [] : fractions.map((f, i) => `CAST(${f.n} AS DOUBLE PRECISION) / (CAST(${den(f)} AS DOUBLE PRECISION)) AS s${i}`);
  return { approx, published: [...published, ...floats] };
}

/** The rank columns r<i> and g<i> of `dti_ranked`, and (DuckDB) the rank steps they join. */
export interface RankColumns {
  readonly ranks: string[];
  readonly ctes: string[];
  readonly joins: string[];
}

/**
 * Ranks of every ranked node on its published value, per year (and group): RANK() (or DENSE_RANK)
 * windows on PostgreSQL; on DuckDB each ranked node's distinct published values counted per year
 * (and group), ranked there and joined back, so that no window sorts the whole rows. With
 * `unranked`, the units marked `dti_unranked` get no rank and take no place in the others'.
 */
export function rankColumns(plan: CompiledFramework, options: ToSqlOptions, dialect: Dialect, unranked = false): RankColumns {
  const unknown = (options.rankNodes ?? []).filter((id) => !plan.index.has(id));
  if (unknown.length > 0) throw new DtiError([error("OPTION_INVALID", `rankNodes: unknown node ${JSON.stringify(unknown[0])}`)]);
  const cols = options.columns ?? {};
  const rankFn = options.ranking === "dense" ? "DENSE_RANK()" : "RANK()";
  const yearPart = cols.year !== undefined ? "dti_year, " : "";
  const ranked = (i: number) => options.rankNodes === undefined || i === plan.root || options.rankNodes.includes(plan.nodes[i]!.id);
  const ctes: string[] = [];
  const joins: string[] = [];
  // A unit not ranked counts as one without a value.
  const out = unranked ? " OR dti_unranked" : "";
  const rankOf = (i: number, group: boolean) => {
    const name = `dti_${group ? "g" : "r"}${i}`;
    const part = [...(cols.year !== undefined ? ["dti_year"] : []), ...(group ? ["dti_group"] : [])];
    const over = `OVER (${part.length > 0 ? `PARTITION BY ${part.join(", ")} ` : ""}ORDER BY k${i} DESC)`;
    const rank = options.ranking === "dense" ? `row_number() ${over}` : `CAST(sum(count(*)) ${over} - count(*) + 1 AS BIGINT)`;
    ctes.push(`${name} AS (\n  SELECT ${[...part, `k${i}`].join(", ")}, ${rank} AS rank\n  FROM dti_published\n  WHERE k${i} IS NOT NULL${group ? " AND dti_group IS NOT NULL" : ""}${unranked ? " AND NOT dti_unranked" : ""}\n  GROUP BY ${[...part, `k${i}`].join(", ")}\n)`);
    const on = [`dti_published.k${i} = ${name}.k${i}`, ...part.map((c) => `dti_published.${c} IS NOT DISTINCT FROM ${name}.${c}`)];
    joins.push(`LEFT JOIN ${name} ON ${on.join(" AND ")}`);
    return `${unranked ? `CASE WHEN dti_published.dti_unranked THEN NULL ELSE ${name}.rank END` : `${name}.rank`} AS ${group ? "g" : "r"}${i}`;
  };
  const windows = (i: number) => [
    `CASE WHEN k${i} IS NULL${out} THEN NULL ELSE ${rankFn} OVER (PARTITION BY ${yearPart}(k${i} IS NULL${out}) ORDER BY k${i} DESC) END AS r${i}`,
    ...(cols.group !== undefined ? [`CASE WHEN k${i} IS NULL OR dti_group IS NULL${out} THEN NULL ELSE ${rankFn} OVER (PARTITION BY ${yearPart}dti_group, (k${i} IS NULL${out}) ORDER BY k${i} DESC) END AS g${i}`] : []),
  ];
  const ranks = plan.nodes.flatMap((_, i) => {
    if (!ranked(i)) return [`CAST(NULL AS BIGINT) AS r${i}`, ...(cols.group !== undefined ? [`CAST(NULL AS BIGINT) AS g${i}`] : [])];
    if (dialect.name === "duckdb") return [rankOf(i, false), ...(cols.group !== undefined ? [rankOf(i, true)] : [])];
    return windows(i);
  });
  return { ranks, ctes, joins };
}
