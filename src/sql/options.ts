/**
 * The options of `toSql` (where the units are, which columns hold what, the missing policy,
 * decimals, ties), their checks, and the source as a SQL query.
 *
 * @module
 */
import { DtiError, error, type Issue } from "../errors.ts";
import { checkOptions } from "../pipeline/check-options.ts";
import type { UnrankedOption } from "../rank/unranked.ts";
import type { MergeMapping } from "../score/merge-units.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";
import { sqlText, type Dialect, type SqlDialect } from "./dialect.ts";

/** Most decimals an input may have in SQL (`inputDecimals`): its scaled value must fit in a BIGINT. */
export const MAX_INPUT_DECIMALS = 18;

/**
 * Where the query reads the units: a table or view, any query, or (DuckDB only) a CSV or Parquet
 * file read by `read_csv` / `read_parquet`.
 */
export type SqlSource =
  | { readonly table: string }
  | { readonly query: string }
  | { readonly csv: string; readonly delimiter?: string }
  | { readonly parquet: string };

/** The source's columns for a unit's identity, and for long data its indicator and value. */
export interface SqlColumns {
  /** Unit name column; default "unit". */
  readonly unit?: string;
  readonly code?: string;
  /** Group column: gives group ranks. */
  readonly group?: string;
  /** Year column: units are ranked per year. */
  readonly year?: string;
  /** Column marking units assessed but not ranked ("Được xếp hạng": có/không, as `score` reads it; wide data). */
  readonly ranked?: string;
  /** Column of the reason a unit is not ranked ("Lý do không xếp hạng"; wide data). */
  readonly rankNote?: string;
  /** Long shape: the column naming the indicator (default "indicator"). */
  readonly indicator?: string;
  /** Long shape: the column of the value (default "value"). */
  readonly value?: string;
}

/** Options of {@link toSql}. */
export interface ToSqlOptions {
  /** "duckdb" (default) or "postgres". */
  readonly dialect?: SqlDialect;
  readonly source: SqlSource;
  /**
   * "wide" (default: one row per unit and year, one column per input) or "long" (one row per unit,
   * year and indicator, in the `indicator` and `value` columns; `inputs` and `exactColumns` do not
   * apply).
   */
  readonly shape?: "wide" | "long";
  readonly columns?: SqlColumns;
  /**
   * Source column of each input key, where it is not the key itself; null for an input the source
   * does not have (blank in every row: allowed for a leaf without weight, or under "zero" and
   * "reweight").
   */
  readonly inputs?: Readonly<Record<string, string | null>>;
  /** "error" (default: a blank input stops the query), "zero" or "reweight", as in `score`. */
  readonly missing?: MissingPolicy;
  /**
   * Units assessed but not ranked, by name or code (a list, or names mapped to the reason), matched
   * as `score` matches them: scored, no rank, no place in the others' ranks, a `rank_note` column
   * saying why. A name no unit has stops the query (`DATA_NOT_RANKED`).
   */
  readonly unranked?: UnrankedOption;
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
  /**
   * Merge units, as `score()` does (the same mapping: e.g. 63 → 34 provinces): a merged unit's
   * leaf scores are the unweighted mean of its members' (after normalisation across the units as
   * the data has them), its code and group the mapping's; the output gains a `members` column.
   * Names are matched as `score()` matches them (invisible characters, NFC, spaces, case).
   */
  readonly merge?: MergeMapping;
}

/** The column names of the query's output, in order. */
export interface SqlOutput {
  readonly sql: string;
  readonly columns: readonly string[];
}

/** A compile-time refusal: `SQL_UNSUPPORTED`, naming the node when there is one. */
export function refuse(message: string, node?: string): DtiError {
  return new DtiError([error("SQL_UNSUPPORTED", message, node === undefined ? {} : { node })]);
}

/** What is wrong with the options (refused or invalid), as issues. */
export function checkSqlOptions(options: ToSqlOptions, dialect: Dialect): Issue[] {
  const issues: Issue[] = [];
  const bad = (message: string) => issues.push(error("SQL_UNSUPPORTED", message));
  const raw = options as ToSqlOptions & Record<string, unknown>;
  if (raw["impute"] !== undefined) bad("imputation is not compiled to SQL: score with the library");
  if (options.unranked !== undefined) for (const issue of checkOptions({ unranked: options.unranked })) issues.push(issue);
  if (options.shape !== undefined && options.shape !== "wide" && options.shape !== "long") issues.push(error("OPTION_INVALID", `shape must be "wide" or "long" (got ${JSON.stringify(options.shape)})`));
  if (options.ties === "exact") bad('ties "exact": SQL ranks on published values only (ties "published")');
  if (options.ranking === "ordinal") bad('ranking "ordinal" orders ties by Vietnamese name order, which SQL engines do not collate alike: use "competition" or "dense"');
  if (options.ranking !== undefined && !["competition", "dense", "ordinal"].includes(options.ranking)) issues.push(error("OPTION_INVALID", `ranking must be "competition" or "dense" (got ${JSON.stringify(options.ranking)})`));
  if (options.missing !== undefined && !["error", "zero", "reweight"].includes(options.missing)) issues.push(error("OPTION_INVALID", `missing must be "error", "zero" or "reweight" (got ${JSON.stringify(options.missing)})`));
  const places = options.inputDecimals ?? 6;
  if (!Number.isInteger(places) || places < 0 || places > MAX_INPUT_DECIMALS) issues.push(error("OPTION_INVALID", `inputDecimals must be a whole number from 0 to ${MAX_INPUT_DECIMALS} (got ${JSON.stringify(options.inputDecimals)})`));
  if (options.decimals !== undefined && (!Number.isInteger(options.decimals) || options.decimals < 0 || options.decimals > 12)) issues.push(error("OPTION_INVALID", `decimals must be a whole number from 0 to 12 (got ${JSON.stringify(options.decimals)})`));
  if (options.minCoverage !== undefined && !(options.minCoverage >= 0 && options.minCoverage <= 1)) issues.push(error("OPTION_INVALID", `minCoverage must be in [0, 1] (got ${JSON.stringify(options.minCoverage)})`));
  const src = options.source as Record<string, unknown> | undefined;
  if (src === undefined || typeof src !== "object") issues.push(error("OPTION_INVALID", "source is required: { table }, { query }, { csv } or { parquet }"));
  else if (dialect.name === "postgres" && ("csv" in src || "parquet" in src)) bad("a CSV or Parquet source is read by DuckDB only: on PostgreSQL give a table or a query (COPY the file into a table first)");
  return issues;
}

/** The source as a query. */
export function sourceSql(source: SqlSource): string {
  if ("table" in source) return `SELECT * FROM ${source.table}`;
  if ("query" in source) return source.query;
  if ("parquet" in source) return `SELECT * FROM read_parquet(${sqlText(source.parquet)})`;
  const delim = source.delimiter === undefined ? "" : `, delim = ${sqlText(source.delimiter)}`;
  return `SELECT * FROM read_csv(${sqlText(source.csv)}, header = true, all_varchar = true${delim})`;
}
