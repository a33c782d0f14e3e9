/**
 * What differs between the SQL engines the scoring plan compiles to: the exact integer type, how a
 * query stops with a message, how a pattern is matched, how text is put into Unicode NFC.
 *
 * @module
 */

/** The SQL engines a framework compiles to. */
export type SqlDialect = "duckdb" | "postgres";

/** The dialect-specific pieces of the generated SQL. */
export interface Dialect {
  readonly name: SqlDialect;
  /**
   * The exact integer type: DuckDB's HUGEINT (128 bits; an overflow stops the query with "Out of
   * Range Error"), PostgreSQL's NUMERIC (unbounded: never overflows).
   */
  readonly int: string;
  /**
   * The integer type of values proved to stay below 2^62 when compiling (see `Fraction.bound`):
   * DuckDB's BIGINT (its arithmetic is several times faster than HUGEINT's; an overflow still stops
   * the query), PostgreSQL's NUMERIC.
   */
  readonly small: string;
  /** How a CTE opens after its name: " AS (" or, where the planner would inline it, " AS MATERIALIZED (". */
  readonly cte: string;
  /**
   * An integer literal of the exact type (`wide`, the default) or of the small type (n below 2^62);
   * big ones are cast from text, so that no engine reads them as floats.
   */
  intLit(n: bigint, wide?: boolean): string;
  /** `text` fully matches the regular expression `pattern` (a SQL expression; `pattern` without anchors). */
  matches(text: string, pattern: string): string;
  /** The expression NFC-normalised (Unicode composition, as the library matches names). */
  nfc(text: string): string;
  /**
   * An expression that stops the query with `message` (a SQL text expression) when evaluated,
   * typed as `type` so that it can stand in any CASE branch.
   */
  fail(message: string, type: string): string;
  /** Greatest common divisor of two whole numbers (n ≥ 0, d > 0); NULL when n is. `wide`: of the exact type. */
  gcd(n: string, d: string, wide: boolean): string;
  /** n / g for a g that divides n exactly. */
  divExact(n: string, g: string, wide: boolean): string;
  /**
   * The exact half-up rounding of the non-negative fraction n / d (d > 0) scaled by `scale`
   * (a power of ten), the whole number k with (2k − 1)·d ≤ 2·n·scale < (2k + 1)·d, in two steps:
   * `halfUpApprox` (a column of its own) and `halfUpFix` (given that column). NULL when n is.
   */
  readonly halfUpApprox: ((n: string, d: string, scale: bigint) => string) | null;
  halfUpFix(n: string, d: string, scale: bigint, approx: string): string;
  /** The same half-up rounding in one exact integer division, for n and d known to be small. */
  halfUpSmall(n: string, d: string, scale: bigint): string;
}

/** A SQL string literal. */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A float literal that reads back as the same IEEE double in both engines. */
export function sqlDouble(x: number): string {
  return `CAST(${sqlText(String(x))} AS DOUBLE PRECISION)`;
}

const SMALL = 2n ** 62n;
/** Below 2^62: fits DuckDB's BIGINT with room. */
const BIG = "4611686018427387904";

const duckdb: Dialect = {
  name: "duckdb",
  int: "HUGEINT",
  small: "BIGINT",
  cte: " AS (",
  intLit: (n, wide = true) => (n < SMALL && n > -SMALL ? `CAST(${n} AS ${wide ? "HUGEINT" : "BIGINT"})` : `CAST('${n}' AS HUGEINT)`),
  matches: (text, pattern) => `regexp_full_match(${text}, ${sqlText(pattern)})`,
  nfc: (text) => `nfc_normalize(${text})`,
  fail: (message, type) => `CAST(error(${message}) AS ${type})`,
  // HUGEINT gcd and division take microseconds a row, BIGINT's a fraction of one: BIGINT where
  // both fit.
  // A numerator below 0 (penalty points) is bounded by its size: both of its sides are tested.
  gcd: (n, d, wide) => !wide ? `gcd(${n}, ${d})` : `CASE WHEN ${n} < ${BIG} AND ${n} > -${BIG} AND ${d} < ${BIG} THEN CAST(gcd(CAST(${n} AS BIGINT), CAST(${d} AS BIGINT)) AS HUGEINT) ELSE gcd(${n}, ${d}) END`,
  // The divisor is tested too: the gcd of a numerator 0 and its denominator is the denominator,
  // which may be past BIGINT when the numerator is not.
  divExact: (n, g, wide) => !wide ? `${n} // ${g}` : `CASE WHEN ${n} < ${BIG} AND ${n} > -${BIG} AND ${g} < ${BIG} THEN CAST(CAST(${n} AS BIGINT) // CAST(${g} AS BIGINT) AS HUGEINT) ELSE ${n} // ${g} END`,
  // DuckDB's HUGEINT division is slow (microseconds a row): a float quotient first, then corrected
  // by one exact comparison each way. The float is within one unit of k wherever the plan's
  // values are (in [0, 1], so k ≤ 10^places), which the two comparisons then fix exactly.
  halfUpApprox: (n, d, scale) => `CAST(floor(CAST(${n} AS DOUBLE) * ${Number(scale)} / CAST(${d} AS DOUBLE) + 0.5) AS HUGEINT)`,
  halfUpFix: (n, d, scale, q) => {
    const twice = `(${2n * scale} * ${n})`;
    return `${q} + CASE WHEN ${twice} >= (2 * ${q} + 1) * ${d} THEN 1 WHEN ${twice} < (2 * ${q} - 1) * ${d} THEN -1 ELSE 0 END`;
  },
  // ⌊(2·n·scale + d) / 2d⌋ for n ≥ 0: BIGINT's `//` is an exact floor.
  halfUpSmall: (n, d, scale) => `(${2n * scale} * ${n} + ${d}) // (2 * ${d})`,
};

const postgres: Dialect = {
  name: "postgres",
  int: "NUMERIC",
  small: "NUMERIC",
  // Inlined, a node's expression would be copied into every place its parent reads it, and the
  // parent's into the grandparent's: exponential in the depth of the tree.
  cte: " AS MATERIALIZED (",
  // Typed: two bare literals would multiply as 4-byte integers, which overflow.
  intLit: (n) => `CAST(${n} AS NUMERIC)`,
  matches: (text, pattern) => `(${text} ~ ${sqlText(`^(${pattern})$`)})`,
  nfc: (text) => `normalize(${text}, NFC)`,
  // PostgreSQL has no error function a plain query can call: casting the message to a number
  // fails, and the failure shows the message ("invalid input syntax for type numeric: …"). The
  // message must read a column of the row, or the planner folds the cast (and fails) up front.
  fail: (message, type) => `CAST(CAST(${message} AS NUMERIC) AS ${type})`,
  gcd: (n, d) => `gcd(${n}, ${d})`,
  divExact: (n, g) => `div(${n}, ${g})`,
  // NUMERIC division by div() is exact (a truncated integer quotient).
  halfUpApprox: null,
  halfUpFix: (n, d, scale) => `div(${2n * scale} * ${n} + ${d}, 2 * ${d})`,
  halfUpSmall: (n, d, scale) => `div(${2n * scale} * ${n} + ${d}, 2 * ${d})`,
};

/** The dialect named `name`. */
export function dialectOf(name: SqlDialect): Dialect {
  return name === "postgres" ? postgres : duckdb;
}
