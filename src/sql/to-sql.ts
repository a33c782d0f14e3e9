/**
 * Compiles a framework's scoring plan to one SQL query (common table expressions) that scores,
 * publishes and ranks every unit of a table where the data lives: DuckDB (in process, or over a
 * CSV or Parquet file) or PostgreSQL.
 *
 * Exactness. Every value is carried as an exact fraction of whole numbers (`fraction.ts`): the
 * inputs as whole numbers of 10^-inputDecimals, rules and weighted arithmetic means as products
 * and sums, denominators multiplied out instead of divided. The published value is then decided
 * by whole-number comparisons (`Dialect.halfUp`), so it is the half-up rounding of the exact
 * value, as the library publishes it. PostgreSQL's NUMERIC never overflows; DuckDB's HUGEINT holds
 * 38 digits and stops the query with an "Out of Range" error past that (never a wrong value).
 * What cannot be computed this way (geometric and Mazziotta-Pareto means, normalisation across
 * units, ranking on exact scores or in name order, merges, imputation) is refused when compiling,
 * with an error naming the node or option.
 *
 * @module
 */
import { DtiError, error, type Issue } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { nodeInfos, toFramework } from "../pipeline/score.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import { pow10 } from "../number/rational.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";
import { dialectOf, sqlDouble, sqlIdent, sqlText, type Dialect, type SqlDialect } from "./dialect.ts";
import { lcm, SMALL_LIMIT, type Fraction } from "./fraction.ts";
import { gcd } from "../number/rational.ts";
import { failure, leafFraction, type LeafContext } from "./leaf-sql.ts";

/**
 * Where the query reads the units: a table or view, any query, or (DuckDB only) a CSV or Parquet
 * file read by `read_csv` / `read_parquet`.
 */
export type SqlSource =
  | { readonly table: string }
  | { readonly query: string }
  | { readonly csv: string; readonly delimiter?: string }
  | { readonly parquet: string };

/** The source's columns for a unit's identity (wide shape: one row per unit and year). */
export interface SqlColumns {
  /** Unit name column; default "unit". */
  readonly unit?: string;
  readonly code?: string;
  /** Group column: gives group ranks. */
  readonly group?: string;
  /** Year column: units are ranked per year. */
  readonly year?: string;
}

/** Options of {@link toSql}. */
export interface ToSqlOptions {
  /** "duckdb" (default) or "postgres". */
  readonly dialect?: SqlDialect;
  readonly source: SqlSource;
  /** Only "wide" (one row per unit and year, one column per input) is compiled. */
  readonly shape?: "wide";
  readonly columns?: SqlColumns;
  /**
   * Source column of each input key, where it is not the key itself; null for an input the source
   * does not have (blank in every row: allowed for a leaf without weight, or under "zero" and
   * "reweight").
   */
  readonly inputs?: Readonly<Record<string, string | null>>;
  /** "error" (default: a blank input stops the query), "zero" or "reweight", as in `score`. */
  readonly missing?: MissingPolicy;
  /** Decimals of published values; default the framework's (4). */
  readonly decimals?: number;
  /** "competition" (default, RANK) or "dense" (DENSE_RANK). */
  readonly ranking?: "competition" | "dense" | "ordinal";
  /** Only "published" (ranks on published values, the library's default). */
  readonly ties?: "published" | "exact";
  /** Least coverage for every group without its own, as in `score`. */
  readonly minCoverage?: number;
  /** Most decimals an input may have (default 6): inputs are exact whole numbers of 10^-this. */
  readonly inputDecimals?: number;
  /**
   * Add a last column `row`: the unit's line in the source as a CSV file numbers it (the header
   * is line 1), by the engine's scan order (DuckDB keeps a file's order). Default false: it costs a
   * pass over the source.
   */
  readonly rowNumbers?: boolean;
  /**
   * Rank only these nodes and views (ids; the root is always ranked); the others' rank columns
   * are NULL. Default: every node, as `score()` ranks them (a window per node: the costly part on
   * millions of rows).
   */
  readonly rankNodes?: readonly string[];
  /**
   * Source columns known to hold exact numbers (whole-number types, or DECIMAL with at most
   * `inputDecimals` decimals, as a typed Parquet file or table has them): read as they are, without
   * the text checks (much faster; a NULL is a blank).
   */
  readonly exactColumns?: readonly string[];
  /**
   * The SQL types of `exactColumns` (as DuckDB's DESCRIBE names them: "DECIMAL(18,4)", "BIGINT"):
   * with them, DuckDB scales the numbers in 64 bits.
   */
  readonly exactColumnTypes?: Readonly<Record<string, string>>;
  /**
   * Order the rows by year, rank and unit (default true). False leaves the order to a query that
   * wraps this one: sorting its few columns there is cheaper than sorting every node's here.
   */
  readonly ordered?: boolean;
  /**
   * Include the columns `score`, `<id>_score` and `<id>_coverage` (default true). False gives the
   * ranking CSV's columns only (and `<id>_group_rank`): less for the engine to compute and hold.
   */
  readonly scores?: boolean;
}

/** The column names of the query's output, in order. */
export interface SqlOutput {
  readonly sql: string;
  readonly columns: readonly string[];
}

function refuse(message: string, node?: string): DtiError {
  return new DtiError([error("SQL_UNSUPPORTED", message, node === undefined ? {} : { node })]);
}

function checkSqlOptions(options: ToSqlOptions, dialect: Dialect): Issue[] {
  const issues: Issue[] = [];
  const bad = (message: string) => issues.push(error("SQL_UNSUPPORTED", message));
  const raw = options as ToSqlOptions & Record<string, unknown>;
  if (raw["merge"] !== undefined) bad("merges are not compiled to SQL: merge the units in the source query, or score with the library");
  if (raw["impute"] !== undefined) bad("imputation is not compiled to SQL: score with the library");
  if (raw["unranked"] !== undefined) bad("units not ranked (option unranked) are not compiled to SQL: score with the library");
  if (options.shape !== undefined && options.shape !== "wide") bad(`shape ${JSON.stringify(options.shape)}: only "wide" (one row per unit and year) is compiled; pivot long data in the source query`);
  if (options.ties === "exact") bad('ties "exact": SQL ranks on published values only (ties "published")');
  if (options.ranking === "ordinal") bad('ranking "ordinal" orders ties by Vietnamese name order, which SQL engines do not collate alike: use "competition" or "dense"');
  if (options.ranking !== undefined && !["competition", "dense", "ordinal"].includes(options.ranking)) issues.push(error("OPTION_INVALID", `ranking must be "competition" or "dense" (got ${JSON.stringify(options.ranking)})`));
  if (options.missing !== undefined && !["error", "zero", "reweight"].includes(options.missing)) issues.push(error("OPTION_INVALID", `missing must be "error", "zero" or "reweight" (got ${JSON.stringify(options.missing)})`));
  const places = options.inputDecimals ?? 6;
  if (!Number.isInteger(places) || places < 0 || places > 18) issues.push(error("OPTION_INVALID", `inputDecimals must be a whole number from 0 to 18 (got ${JSON.stringify(options.inputDecimals)})`));
  if (options.decimals !== undefined && (!Number.isInteger(options.decimals) || options.decimals < 0 || options.decimals > 12)) issues.push(error("OPTION_INVALID", `decimals must be a whole number from 0 to 12 (got ${JSON.stringify(options.decimals)})`));
  if (options.minCoverage !== undefined && !(options.minCoverage >= 0 && options.minCoverage <= 1)) issues.push(error("OPTION_INVALID", `minCoverage must be in [0, 1] (got ${JSON.stringify(options.minCoverage)})`));
  const src = options.source as Record<string, unknown> | undefined;
  if (src === undefined || typeof src !== "object") issues.push(error("OPTION_INVALID", "source is required: { table }, { query }, { csv } or { parquet }"));
  else if (dialect.name === "postgres" && ("csv" in src || "parquet" in src)) bad("a CSV or Parquet source is read by DuckDB only: on PostgreSQL give a table or a query (COPY the file into a table first)");
  return issues;
}

function sourceSql(source: SqlSource): string {
  if ("table" in source) return `SELECT * FROM ${source.table}`;
  if ("query" in source) return source.query;
  if ("parquet" in source) return `SELECT * FROM read_parquet(${sqlText(source.parquet)})`;
  const delim = source.delimiter === undefined ? "" : `, delim = ${sqlText(source.delimiter)}`;
  return `SELECT * FROM read_csv(${sqlText(source.csv)}, header = true, all_varchar = true${delim})`;
}

/** Node heights: 0 for leaves, 1 + the highest child for groups and views. */
function heights(plan: CompiledFramework): number[] {
  const h: number[] = [];
  plan.nodes.forEach((node, i) => {
    h[i] = node.kind === "leaf" ? 0 : 1 + node.children.reduce((m, c) => Math.max(m, h[c]!), 0);
  });
  return h;
}

/**
 * Compiles a framework to one SQL query that scores the units of `options.source` exactly as
 * `score()` does: for the index and every node and view its published value (half-up), rank per
 * year, group rank, coverage and score. Output columns are named as `toCSV` names them: `rank`,
 * `group_rank`, `unit`, `code`, `group`, `year`, the root's id, `<id>` and `<id>_rank` for every
 * other node and view, `coverage`; then `score`, `<id>_score`, `<id>_group_rank` and
 * `<id>_coverage`. Throws a {@link DtiError} (`SQL_UNSUPPORTED`, naming the node) for what SQL
 * cannot compute exactly as the library does.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * import { toSql } from "dti/sql";
 * const { sql } = toSql(getFramework("vn-dti-2020-province"), { dialect: "postgres", source: { table: "provinces" } });
 * sql.startsWith("-- vn-dti-2020-province"); // => true
 * ```
 */
export function toSql(frameworkIn: Framework | FrameworkDefinition, options: ToSqlOptions): SqlOutput {
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) throw new DtiError(fw.issues);
  const dialect = dialectOf(options.dialect ?? "duckdb");
  const optionIssues = checkSqlOptions(options, dialect);
  if (optionIssues.length > 0) throw new DtiError(optionIssues);
  const plan = compileFramework(fw.framework);
  const decimals = options.decimals ?? fw.framework.decimals ?? 4;
  const missing = options.missing ?? "error";
  const scale = pow10(options.inputDecimals ?? 6);
  const cols = options.columns ?? {};
  const unitCol = sqlIdent(cols.unit ?? "unit");
  const int = dialect.int;
  const lit = (n: bigint, wide = true) => dialect.intLit(n, wide);
  const unitText = "dti_unit";
  const failCtx = { dialect, unit: unitText };

  for (const node of plan.nodes) {
    if (node.adjust !== undefined) {
      throw refuse(`node "${node.id}": ${node.adjust} points added after the weighted total are not compiled to SQL; score it with the library`, node.id);
    }
    if (node.kind !== "leaf" && node.aggregation !== "arithmetic") {
      throw refuse(`node "${node.id}": the ${node.aggregation} mean is not compiled to SQL (only the arithmetic mean is exact there); score it with the library`, node.id);
    }
  }

  // Inputs: one text column per input key; a number column for the rules that read numbers.
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const numeric = new Set<number>();
  for (const leaf of plan.leaves) {
    const node = plan.nodes[leaf]!;
    for (const key of node.inputs) {
      if (!keyIndex.has(key)) {
        keyIndex.set(key, keys.length);
        keys.push(key);
      }
      const t = node.leaf!.rule.type;
      if (t !== "boolean" && t !== "categorical") numeric.add(keyIndex.get(key)!);
    }
  }
  // A blank cell: NULL, or empty, "NA", "N/A", "#N/A", "null" once trimmed (as `isBlank`). The
  // words are compared one by one: an IN list becomes a join in DuckDB's plan.
  const trimmed = (col: string) => `trim(CAST(${col} AS VARCHAR))`;
  const blankWord = (text: string) => `(${["", "na", "n/a", "#n/a", "null"].map((w) => `lower(${text}) = ${sqlText(w)}`).join(" OR ")})`;
  const textOf = (col: string) => `CASE WHEN ${col} IS NULL OR ${blankWord(trimmed(col))} THEN NULL ELSE ${trimmed(col)} END`;
  const identity = [
    `CASE WHEN ${unitCol} IS NULL OR ${blankWord(trimmed(unitCol))} THEN ${dialect.fail(`'DTI_ERROR DATA_MISSING_UNIT node= unit=: the unit name is blank' || coalesce(${trimmed(unitCol)}, '')`, "VARCHAR")} ELSE ${trimmed(unitCol)} END AS dti_unit`,
    ...(cols.code !== undefined ? [`${textOf(sqlIdent(cols.code))} AS dti_code`] : []),
    ...(cols.group !== undefined ? [`${textOf(sqlIdent(cols.group))} AS dti_group`] : []),
    ...(cols.year !== undefined ? [`${textOf(sqlIdent(cols.year))} AS dti_year_text`] : []),
    ...(options.rowNumbers === true ? ["row_number() OVER () + 1 AS dti_row"] : []),
  ];
  const absent = keys.filter((key) => options.inputs?.[key] === null);
  const needed = absent.filter(() => missing === "error").filter((key) => plan.leaves.some((l) => plan.nodes[l]!.scored && plan.nodes[l]!.inputs.includes(key)));
  if (needed.length > 0) throw new DtiError(needed.map((key) => error("DATA_MISSING_COLUMN", `no column for "${key}" (set missing to "zero" or "reweight" to score without it)`)));
  const sourceColumn = (key: string) => (options.inputs?.[key] === undefined ? key : options.inputs[key]);
  const exactColumns = new Set(options.exactColumns ?? []);
  const places = options.inputDecimals ?? 6;
  // Numbers become whole numbers of 10^-places, below 10^18 (INPUT_BOUND): BIGINT in DuckDB
  // (PostgreSQL: NUMERIC, exact as it is). A text is read as DECIMAL(18, places), scaled in 38
  // digits (DuckDB multiplies two 18-digit DECIMALs in 64 bits and would overflow).
  const parse = (text: string) =>
    dialect.name === "duckdb" ? `CAST(CAST(CAST(${text} AS DECIMAL(18,${places})) AS DECIMAL(38,${places})) * ${scale} AS BIGINT)` : `CAST(${text} AS NUMERIC) * ${lit(scale)}`;
  // A plain decimal of at most 14 digits is read as a float and scaled: the float is within
  // 10^14 · 2^-52 < 0.03 of the whole number, so rounding gives it exactly (and DuckDB reads
  // floats much faster than DECIMALs).
  const fastDigits = 14;
  const parsePlain = (text: string) => (dialect.name === "duckdb" ? `CAST(round(CAST(${text} AS DOUBLE) * ${scale}) AS BIGINT)` : parse(text));
  // A typed DECIMAL(w, s) column (s ≤ places): DuckDB multiplies it by 10^places in 64 bits on
  // its unscaled digits, exact while |value| < 10^(18 − s − places) (checked per cell, the rare
  // larger value scaled in 38 digits).
  const parseTyped = (column: string, col: string) => {
    if (dialect.name !== "duckdb") return parse(col);
    const type = options.exactColumnTypes?.[column] ?? "";
    const decimal = /^DECIMAL\((\d+),(\d+)\)$/u.exec(type);
    if (decimal === null) return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT)$/u.test(type) ? `CAST(${col} AS BIGINT) * ${scale}` : parse(col);
    const digits = 18 - Number(decimal[2]) - places;
    if (digits <= 0) return parse(col);
    const fast = `CAST(${col} * ${scale} AS BIGINT)`;
    return Number(decimal[1]) - Number(decimal[2]) <= digits ? fast : `CASE WHEN ${col} < ${10n ** BigInt(digits)} AND ${col} > -${10n ** BigInt(digits)} THEN ${fast} ELSE ${parse(col)} END`;
  };
  // Cells: numbers as the source's text (c), text inputs cleaned (t); typed exact numbers as they are.
  const cellCols = keys.map((key, j) => {
    const column = sourceColumn(key);
    if (!numeric.has(j)) return `${column === null ? "CAST(NULL AS VARCHAR)" : textOf(sqlIdent(column))} AS t${j}`;
    if (column === null) return `CAST(NULL AS VARCHAR) AS c${j}`;
    return exactColumns.has(column) ? `${sqlIdent(column)} AS c${j}` : `CAST(${sqlIdent(column)} AS VARCHAR) AS c${j}`;
  });
  const numberOf = (j: number) => {
    const column = sourceColumn(keys[j]!);
    const c = `c${j}`;
    if (column !== null && exactColumns.has(column)) return `${parseTyped(column, c)} AS x${j}`;
    if (column === null) return `CAST(NULL AS ${dialect.small}) AS x${j}`;
    // The common cell, a plain decimal with at most `places` decimals and 18 digits, is read
    // directly; anything else (spaces, a decimal comma, blank words, errors) takes the checks.
    const intDigits = 18 - places;
    const fastInt = fastDigits - places;
    const plain = places === 0 ? `[+-]?[0-9]{1,${fastDigits}}` : `[+-]?([0-9]{1,${fastInt}}|[0-9]{0,${fastInt}}[.][0-9]{1,${places}})`;
    const t = `trim(${c})`;
    const u = `replace(${t}, ',', '.')`;
    const intPart = `regexp_replace(${u}, '^[+-]?0*([0-9]*).*$', '\\1')`;
    return (
      `CASE WHEN ${c} IS NULL THEN NULL ${fastInt >= 0 ? `WHEN ${dialect.matches(c, plain)} THEN ${parsePlain(c)} ` : ""}` +
      `WHEN ${blankWord(t)} THEN NULL ` +
      `WHEN NOT ${dialect.matches(u, "[+-]?[0-9]*[.]?[0-9]+")} THEN ${failure(failCtx, "DATA_NOT_A_NUMBER", keys[j]!, `${t} || ' is not a number'`)} ` +
      `WHEN strpos(${u}, '.') > 0 AND length(${u}) - strpos(${u}, '.') > ${places} THEN ${failure(failCtx, "SQL_UNSUPPORTED", keys[j]!, `${t} || ' has more than ${places} decimals: raise inputDecimals'`)} ` +
      // DuckDB's BIGINT holds 18 digits (PostgreSQL's NUMERIC any number).
      (dialect.name === "duckdb" ? `WHEN length(${intPart}) > ${intDigits} THEN ${failure(failCtx, "SQL_UNSUPPORTED", keys[j]!, `${t} || ' has more than 18 digits with ${places} decimals: lower inputDecimals, or run the query on PostgreSQL'`)} ` : "") +
      `ELSE ${parse(u)} END AS x${j}`
    );
  };
  const keyOf = (j: number) => `lower(regexp_replace(${dialect.nfc(`t${j}`)}, '\\s+', ' ', 'g')) AS w${j}`;
  const yearCol =
    cols.year === undefined
      ? []
      : [`CASE WHEN dti_year_text IS NULL THEN NULL WHEN ${dialect.matches("dti_year_text", "[0-9]{1,4}")} THEN CAST(dti_year_text AS INTEGER) ELSE CAST(${failure(failCtx, "DATA_BAD_YEAR", "", "dti_year_text || ' is not a year'")} AS INTEGER) END AS dti_year`];

  // Node fractions, level by level.
  const fractions: Fraction[] = [];
  const h = heights(plan);
  const levels: string[][] = [];
  const optMin = options.minCoverage ?? 0;
  // A node whose denominator depends on the row is reduced by the gcd of numerator and
  // denominator (a CTE after its level), so that products up the tree stay small.
  const reduced: string[][] = [];
  const divided: string[][] = [];
  // Whether a node's coverage is 1 in every row the query returns (then written as a constant).
  const full: boolean[] = [];
  // Whether a node's whole numbers need the exact (wide) type: they may reach 2^62.
  const wideOf = (f: Pick<Fraction, "bound" | "pBound" | "c">) => f.bound >= SMALL_LIMIT || f.pBound >= SMALL_LIMIT || f.c * f.pBound >= SMALL_LIMIT;
  const emit = (i: number, n: string, p: string | null, coverage: string, wide: boolean) => {
    const level = (levels[h[i]!] ??= []);
    if (p === null) return void level.push(`${n} AS n${i}`, `${coverage} AS v${i}`);
    level.push(`${n} AS m${i}`, `${p} AS o${i}`, `${coverage} AS v${i}`);
    (reduced[h[i]!] ??= []).push(`${dialect.gcd(`m${i}`, `o${i}`, wide)} AS e${i}`);
    // p is 1 where the node is missing, so that a parent multiplies by it unconditionally.
    (divided[h[i]!] ??= []).push(`${dialect.divExact(`m${i}`, `e${i}`, wide)} AS n${i}`, `CASE WHEN m${i} IS NULL THEN ${lit(1n, wide)} ELSE ${dialect.divExact(`o${i}`, `e${i}`, wide)} END AS p${i}`);
  };
  plan.nodes.forEach((node, i) => {
    if (node.kind === "leaf") {
      const ctx: LeafContext = {
        dialect,
        scale,
        number: node.inputs.map((k) => `x${keyIndex.get(k)}`),
        text: node.inputs.map((k) => `w${keyIndex.get(k)}`),
        unit: unitText,
        // A leaf without weight may be blank under any policy (it is then missing, as in `score`).
        missing: !node.scored || missing === "reweight" ? "null" : missing,
      };
      const f = leafFraction(ctx, node.leaf!);
      const blank = node.inputs.map((k) => (numeric.has(keyIndex.get(k)!) ? `x${keyIndex.get(k)} IS NULL` : `t${keyIndex.get(k)} IS NULL`)).join(" OR ");
      // Under "error", a scored leaf is never blank in a row the query returns: its coverage is 1.
      full[i] = ctx.missing === "error";
      emit(i, f.n, f.p, full[i] ? sqlDouble(1) : `CASE WHEN ${blank} THEN ${sqlDouble(0)} ELSE ${sqlDouble(1)} END`, wideOf(f));
      fractions[i] = { ...f, n: `n${i}`, p: f.p === null ? null : `p${i}` };
      return;
    }
    const { childStart, childCount, child, weight, exactWeight } = plan.layout;
    const kids: { c: number; w: number; W: bigint }[] = [];
    const wDen = Array.from({ length: childCount[i]! }, (_, k) => exactWeight[childStart[i]! + k]!).reduce((d, r) => lcm(d, r.d), 1n);
    let total = 0;
    const covTerms: string[] = [];
    for (let p = childStart[i]!; p < childStart[i]! + childCount[i]!; p++) {
      const w = weight[p]!;
      if (w === 0) continue;
      total += w;
      const r = exactWeight[p]!;
      kids.push({ c: child[p]!, w, W: r.n * (wDen / r.d) });
      covTerms.push(`${sqlDouble(w)} * v${child[p]!}`);
    }
    full[i] = kids.length > 0 && kids.every((k) => full[k.c]);
    const coverage = kids.length === 0 ? sqlDouble(0) : full[i] ? sqlDouble(1) : `(${covTerms.join(" + ")}) / ${sqlDouble(total)}`;
    const threshold = node.kind === "group" ? (plan.layout.minCoverage[i]! > 0 ? plan.layout.minCoverage[i]! : optMin) : 0;
    if (kids.length === 0) {
      emit(i, `CAST(NULL AS ${dialect.small})`, null, coverage, false);
      fractions[i] = { n: `n${i}`, c: 1n, p: null, nullable: true, bound: 0n, pBound: 1n };
      return;
    }
    // Weights only matter relative to each other: divided by their common factor.
    const wg = kids.reduce((g, k) => gcd(g, k.W), 0n);
    for (const k of kids) k.W /= wg;
    const fs = kids.map((k) => fractions[k.c]!);
    const L0 = fs.reduce((d, f) => lcm(d, f.c), 1n);
    // q_j: a child's row-dependent denominator (1 where it is missing).
    const q = fs.map((f) => f.p);
    // The numerator's coefficients and the constant denominator divided by their common factor,
    // so that the whole numbers stay as small as the fraction allows.
    const sumW = kids.reduce((s, k) => s + k.W, 0n);
    const anyNullable = fs.some((f) => f.nullable);
    const coef0 = fs.map((f, k) => kids[k]!.W * (L0 / f.c));
    const g = coef0.reduce((a, b) => gcd(a, b), anyNullable ? L0 : L0 * sumW);
    const coef = coef0.map((k) => k / g);
    const L = L0 / g;
    // Bounds: each term is at most coef · n_k's bound · the other children's p bounds.
    const pProduct = fs.reduce((m, f) => m * f.pBound, 1n);
    const termBound = fs.reduce((m, f, k) => m + coef[k]! * f.bound * (pProduct / f.pBound), 0n);
    const pBound = (anyNullable ? sumW : 1n) * pProduct;
    const c = anyNullable ? L : (L0 * sumW) / g;
    const wide = termBound >= SMALL_LIMIT || wideOf({ bound: 0n, pBound, c });
    const terms = fs.map((f, k) => {
      const others = q.filter((x, j) => x !== null && j !== k);
      // The literal first: the product is then computed in its type.
      const term = [lit(coef[k]!, wide), f.n, ...others].join(" * ");
      return f.nullable ? `CASE WHEN ${f.n} IS NULL THEN ${lit(0n, wide)} ELSE ${term} END` : term;
    });
    let n = `(${terms.join(" + ")})`;
    let pParts: string[] = q.filter((x): x is string => x !== null);
    if (anyNullable) {
      const present = fs.map((f, k) => (f.nullable ? `CASE WHEN ${f.n} IS NULL THEN ${lit(0n, wide)} ELSE ${lit(kids[k]!.W, wide)} END` : lit(kids[k]!.W, wide)));
      pParts = [`(${present.join(" + ")})`, ...pParts];
      if (fs.every((f) => f.nullable)) n = `CASE WHEN ${fs.map((f) => `${f.n} IS NULL`).join(" AND ")} THEN NULL ELSE ${n} END`;
    }
    const nullable = fs.every((f) => f.nullable) || threshold > 0;
    if (threshold > 0) n = `CASE WHEN ${coverage} < ${sqlDouble(threshold - 1e-12)} THEN NULL ELSE ${n} END`;
    emit(i, n, pParts.length > 0 ? pParts.join(" * ") : null, coverage, wide);
    // The value is at most 1: n ≤ c · p.
    const bound = termBound < c * pBound ? termBound : c * pBound;
    fractions[i] = { n: `n${i}`, c, p: pParts.length > 0 ? `p${i}` : null, nullable, bound: wide && bound < SMALL_LIMIT ? SMALL_LIMIT : bound, pBound };
  });

  // Published values (whole numbers of 10^-decimals), then ranks.
  const pubScale = pow10(decimals);
  // Small: 2·n·10^decimals + d stays below 2^63, so one BIGINT division is exact.
  const small = (f: Fraction) => !wideOf(f) && 2n * pubScale * f.bound + f.c * f.pBound < SMALL_LIMIT && 2n * f.c * f.pBound < SMALL_LIMIT;
  const den = (f: Fraction) => (f.p === null ? lit(f.c, !small(f)) : `${lit(f.c, !small(f))} * ${f.p}`);
  const wideN = (f: Fraction) => `CAST(${f.n} AS ${int})`;
  const approximate = dialect.halfUpApprox;
  const approx = approximate === null ? [] : fractions.flatMap((f, i) => (small(f) ? [] : [`${approximate(wideN(f), den(f), pubScale)} AS a${i}`]));
  const published = fractions.map((f, i) => `${small(f) ? dialect.halfUpSmall(f.n, den(f), pubScale) : dialect.halfUpFix(wideN(f), den(f), pubScale, `a${i}`)} AS k${i}`);
  const withScores = options.scores !== false;
  const scores = !withScores ? [] : fractions.map((f, i) => `CAST(${f.n} AS DOUBLE PRECISION) / (CAST(${den(f)} AS DOUBLE PRECISION)) AS s${i}`);
  const rankFn = options.ranking === "dense" ? "DENSE_RANK()" : "RANK()";
  const yearPart = cols.year !== undefined ? "dti_year, " : "";
  const unknownRank = (options.rankNodes ?? []).filter((id) => !plan.index.has(id));
  if (unknownRank.length > 0) throw new DtiError([error("OPTION_INVALID", `rankNodes: unknown node ${JSON.stringify(unknownRank[0])}`)]);
  const ranked = (i: number) => options.rankNodes === undefined || i === plan.root || options.rankNodes.includes(plan.nodes[i]!.id);
  // DuckDB: each ranked node's distinct published values counted per year (and group), ranked
  // there and joined back, so that no window sorts the whole rows. PostgreSQL: RANK() windows.
  const joined = dialect.name === "duckdb";
  const rankCtes: string[] = [];
  const rankJoins: string[] = [];
  const rankOf = (i: number, group: boolean) => {
    const name = `dti_${group ? "g" : "r"}${i}`;
    const part = [...(cols.year !== undefined ? ["dti_year"] : []), ...(group ? ["dti_group"] : [])];
    const over = `OVER (${part.length > 0 ? `PARTITION BY ${part.join(", ")} ` : ""}ORDER BY k${i} DESC)`;
    const rank = options.ranking === "dense" ? `row_number() ${over}` : `CAST(sum(count(*)) ${over} - count(*) + 1 AS BIGINT)`;
    rankCtes.push(`${name} AS (\n  SELECT ${[...part, `k${i}`].join(", ")}, ${rank} AS rank\n  FROM dti_published\n  WHERE k${i} IS NOT NULL${group ? " AND dti_group IS NOT NULL" : ""}\n  GROUP BY ${[...part, `k${i}`].join(", ")}\n)`);
    const on = [`dti_published.k${i} = ${name}.k${i}`, ...part.map((c) => `dti_published.${c} IS NOT DISTINCT FROM ${name}.${c}`)];
    rankJoins.push(`LEFT JOIN ${name} ON ${on.join(" AND ")}`);
    return `${name}.rank AS ${group ? "g" : "r"}${i}`;
  };
  const ranks = fractions.flatMap((_, i) => !ranked(i) ? [`CAST(NULL AS BIGINT) AS r${i}`, ...(cols.group !== undefined ? [`CAST(NULL AS BIGINT) AS g${i}`] : [])] : joined ? [rankOf(i, false), ...(cols.group !== undefined ? [rankOf(i, true)] : [])] : [
    `CASE WHEN k${i} IS NULL THEN NULL ELSE ${rankFn} OVER (PARTITION BY ${yearPart}(k${i} IS NULL) ORDER BY k${i} DESC) END AS r${i}`,
    ...(cols.group !== undefined ? [`CASE WHEN k${i} IS NULL OR dti_group IS NULL THEN NULL ELSE ${rankFn} OVER (PARTITION BY ${yearPart}dti_group, (k${i} IS NULL) ORDER BY k${i} DESC) END AS g${i}`] : []),
  ]);

  // Values are in [0, 1]: k has at most decimals + 1 digits (DuckDB keeps such DECIMALs in 64 bits).
  const width = dialect.name === "duckdb" ? decimals + 1 : 38;
  const value = (i: number) =>
    decimals === 0 ? `CAST(k${i} AS DECIMAL(${width},0))` : `CAST(k${i} AS DECIMAL(${width},0)) * CAST(${sqlText(`0.${"0".repeat(decimals - 1)}1`)} AS DECIMAL(${dialect.name === "duckdb" ? decimals : 38},${decimals}))`;
  const infos = nodeInfos(plan);
  const root = plan.root;
  const out: [string, string][] = [
    ["rank", `r${root}`],
    ...(cols.group !== undefined ? ([["group_rank", `g${root}`]] as [string, string][]) : []),
    ["unit", "dti_unit"],
    ...(cols.code !== undefined ? ([["code", "dti_code"]] as [string, string][]) : []),
    ...(cols.group !== undefined ? ([["group", "dti_group"]] as [string, string][]) : []),
    ...(cols.year !== undefined ? ([["year", "dti_year"]] as [string, string][]) : []),
    [plan.nodes[root]!.id, value(root)],
  ];
  const rest = infos.filter((info) => info.id !== plan.nodes[root]!.id).map((info) => plan.index.get(info.id)!);
  for (const i of rest) out.push([plan.nodes[i]!.id, value(i)], [`${plan.nodes[i]!.id}_rank`, `r${i}`]);
  out.push(["coverage", `v${root}`], ...(withScores ? ([["score", `s${root}`]] as [string, string][]) : []));
  if (options.rowNumbers === true) out.push(["row", "dti_row"]);
  for (const i of rest) {
    const id = plan.nodes[i]!.id;
    if (withScores) out.push([`${id}_score`, `s${i}`]);
    if (cols.group !== undefined) out.push([`${id}_group_rank`, `g${i}`]);
    if (withScores) out.push([`${id}_coverage`, `v${i}`]);
  }

  const as = dialect.cte;
  const ctes: string[] = [
    `dti_source AS (\n  ${sourceSql(options.source)}\n)`,
    `dti_cells${as}\n  SELECT\n    ${[...identity, ...cellCols].join(",\n    ")}\n  FROM dti_source\n)`,
    `dti_inputs${as}\n  SELECT *${[...yearCol, ...keys.flatMap((_, j) => (numeric.has(j) ? [numberOf(j)] : [keyOf(j)]))].map((c) => `,\n    ${c}`).join("")}\n  FROM dti_cells\n)`,
  ];
  let from = "dti_inputs";
  const step = (name: string, columns: readonly string[] | undefined) => {
    if (columns === undefined || columns.length === 0) return;
    ctes.push(`${name}${as}\n  SELECT *,\n    ${columns.join(",\n    ")}\n  FROM ${from}\n)`);
    from = name;
  };
  levels.forEach((columns, depth) => {
    step(`dti_level${depth}`, columns);
    step(`dti_level${depth}_gcd`, reduced[depth]);
    step(`dti_level${depth}_reduced`, divided[depth]);
  });
  step("dti_rounded", approx);
  // Only what the ranks and the output read: DuckDB materialises this CTE (it is read twice), and
  // the inputs and intermediate sums carried along would multiply its size.
  const carried = ["dti_unit", ...(cols.code !== undefined ? ["dti_code"] : []), ...(cols.group !== undefined ? ["dti_group"] : []), ...(cols.year !== undefined ? ["dti_year"] : []), ...(options.rowNumbers === true ? ["dti_row"] : []), ...(withScores ? fractions.map((_, i) => `v${i}`) : [`v${root}`])];
  ctes.push(`dti_published${as}\n  SELECT ${carried.join(", ")},\n    ${[...published, ...scores].join(",\n    ")}\n  FROM ${from}\n)`);
  for (const cte of rankCtes) ctes.push(cte);
  ctes.push(`dti_ranked${as}\n  SELECT dti_published.*,\n    ${ranks.join(",\n    ")}\n  FROM dti_published${rankJoins.map((j) => `\n  ${j}`).join("")}\n)`);
  const select = out.map(([name, expr]) => `${expr} AS ${sqlIdent(name)}`).join(",\n  ");
  const order = [...(cols.year !== undefined ? ["dti_year NULLS FIRST"] : []), `r${root} NULLS LAST`, "dti_unit"].join(", ");
  const header = `-- ${fw.framework.id} ${fw.framework.version}: scores, published values (half-up, ${decimals} decimals), ranks and coverage, as dti scores them.\n`;
  return { sql: `${header}WITH\n${ctes.join(",\n")}\nSELECT\n  ${select}\nFROM dti_ranked${options.ordered === false ? "" : `\nORDER BY ${order}`}`, columns: out.map(([name]) => name) };
}
