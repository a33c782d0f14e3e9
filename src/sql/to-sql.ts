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
 * Normalisation across units reads the other units through window functions over the year (see
 * `normalise-sql.ts`); harmonic means are fractions too (`harmonic-sql.ts`), and so are bonus and
 * penalty points (`adjust-sql.ts`), and merged units' leaves, their members' means (`merge-sql.ts`).
 * What cannot be computed this way (geometric means and z-scores, irrational; Mazziotta-Pareto
 * means, rational but without a fraction here; ranking on exact scores or in name order,
 * imputation) is refused when compiling, with an error naming the node or option.
 *
 * @module
 */
import { DtiError } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { toFramework } from "../pipeline/score.ts";
import { pow10 } from "../number/rational.ts";
import { compileFramework } from "../score/compile.ts";
import { dialectOf, sqlIdent } from "./dialect.ts";
import { cellColumns, checkAbsentInputs, identityColumns, inputColumns, inputKeys, spelledColumns } from "./input-sql.ts";
import { longCells, longKeys, longRows } from "./long-sql.ts";
import { mergedColumns, mergeMap, withMembersColumn } from "./merge-sql.ts";
import { nodeFractions } from "./node-sql.ts";
import { checkSqlOptions, refuse, sourceSql, type SqlOutput, type ToSqlOptions } from "./options.ts";
import { outputColumns } from "./output-sql.ts";
import { publishedColumns, rankColumns } from "./publish-sql.ts";
import { unrankedSql } from "./unranked-sql.ts";
import { identityColumnsOf } from "./identity-columns.ts";
import { askedKeys, thousandsCheck } from "./thousands-sql.ts";

export type { SqlColumns, SqlOutput, SqlSource, ToSqlOptions } from "./options.ts";

/** The query's common table expressions, in order: each step selects what the one before has, and more. */
class Steps {
  readonly ctes: string[] = [];
  private from = "";
  constructor(private readonly as: string) {}
  /** A step of its own (reads whatever it says). */
  add(name: string, body: string, as = this.as): void {
    this.ctes.push(`${name}${as}\n  ${body}\n)`);
    this.from = name;
  }
  /** A step adding `columns` to the previous step's (none: no step). */
  extend(name: string, columns: readonly string[] | undefined, as = this.as): void {
    if (columns === undefined || columns.length === 0) return;
    this.add(name, `SELECT *,\n    ${columns.join(",\n    ")}\n  FROM ${this.from}`, as);
  }
  /** A step beside the chain: the next one still reads the previous step's. */
  aside(name: string, body: string): void {
    this.ctes.push(`${name}${this.as}\n  ${body}\n)`);
  }
  get last(): string {
    return this.from;
  }
}

/**
 * Compiles a framework to one SQL query that scores the units of `options.source` exactly as
 * `score()` does: for the index and every node and view its published value (half-up), rank per
 * year, group rank, coverage and score. Output columns are named as `toCSV` names them: `rank`,
 * `group_rank`, `unit`, `code`, `group`, `year`, `rank_note` (with units not ranked: the `unranked`
 * option or `columns.ranked`), the root's id, `<id>` and `<id>_rank` for every
 * other node and view, `coverage`; then `score`, `<id>_score`, `<id>_group_rank` and
 * `<id>_coverage`. With `merge`, merged units as `score()` makes them, and a `members` column after
 * the year (their members' names joined by " + ", in the data's order; NULL for other units). Throws a {@link DtiError} (`SQL_UNSUPPORTED`, naming the node) for what SQL
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
  const input = inputKeys(plan);
  const merge = options.merge === undefined ? undefined : mergeMap(options.merge);
  // Merged units list their members in the data's order: the rows are numbered. A code or group
  // only the mapping gives is a column of the query's (`shown`), not of the source's.
  const read = merge !== undefined ? { ...options, rowNumbers: true } : options;
  const cols = merge !== undefined ? mergedColumns(merge, options.columns ?? {}) : (options.columns ?? {});
  const shown = merge !== undefined ? { ...options, columns: cols } : options;
  const nodes = nodeFractions(plan, { dialect, input, scale: pow10(options.inputDecimals ?? 6), missing: options.missing ?? "error", minCoverage: options.minCoverage ?? 0, years: cols.year !== undefined, ...(merge !== undefined ? { merge: { map: merge, columns: options.columns ?? {} } } : {}) });
  if (options.shape !== "long") checkAbsentInputs(plan, input.keys, options);
  const withScores = options.scores !== false;
  const publish = publishedColumns(plan, nodes.fractions, dialect, decimals, withScores);
  const unranked = unrankedSql(options, dialect);
  // Units not ranked are marked on the source's rows; merged units are made after the leaves, from
  // rows whose marks the merge does not carry: the two together are refused rather than guessed.
  if (unranked !== undefined && merge !== undefined) throw refuse("units not ranked (option unranked or a ranked column) together with merges are not compiled to SQL: score with the library");
  const ranks = rankColumns(plan, shown, dialect, unranked !== undefined);
  const out = withMembersColumn(outputColumns(plan, nodes.fractions, shown, dialect, decimals, unranked !== undefined), merge !== undefined);

  const steps = new Steps(dialect.cte);
  steps.add("dti_source", sourceSql(options.source), " AS (");
  if (options.shape === "long") {
    steps.extend("dti_long_rows", longRows(options, dialect));
    steps.extend("dti_long", longKeys(fw.framework, input, dialect));
    steps.add("dti_cells", longCells(input, read, dialect, askedKeys(plan)));
  } else steps.add("dti_cells", `SELECT\n    ${[...identityColumns(read, dialect), ...(unranked?.cells ?? []), ...cellColumns(input, options, dialect)].join(",\n    ")}\n  FROM dti_source`);
  // Whether "1.050" groups thousands is decided from whole columns before any cell is scored: a
  // cell read either way must not stop the query first with another error.
  const thousands = thousandsCheck(plan, input, options, dialect);
  if (thousands !== undefined) {
    for (const [name, body] of thousands.ctes) steps.aside(name, body);
    steps.add("dti_checked", `SELECT * FROM dti_cells WHERE ${thousands.passed}`, " AS (");
  }
  // Not materialised: PostgreSQL reads the spellings where the inputs step asks for them, so a
  // plain cell's is decided once, and only the other cells are spelled out.
  steps.extend("dti_spelled", spelledColumns(input, options, dialect), " AS (");
  steps.extend("dti_inputs", inputColumns(input, plan, options, dialect));
  steps.extend("dti_unranked_keys", unranked?.keys);
  steps.extend("dti_unranked", unranked?.marks);
  steps.extend("dti_unranked_notes", unranked?.notes);
  steps.extend("dti_raw", nodes.raw);
  steps.extend("dti_stats", nodes.stats);
  nodes.steps.levels.forEach((columns, depth) => {
    steps.extend(`dti_level${depth}`, columns);
    steps.extend(`dti_level${depth}_gcd`, nodes.steps.reduced[depth]);
    steps.extend(`dti_level${depth}_reduced`, nodes.steps.divided[depth]);
    if (depth === 0) for (const [name, body] of nodes.merge?.(steps.last) ?? []) steps.add(name, body);
  });
  steps.extend("dti_rounded", publish.approx);
  // Only what the ranks and the output read: DuckDB materialises this step (it is read twice), and
  // the inputs and intermediate sums carried along would multiply its size.
  const carried = [...identityColumnsOf(cols).map(([, column]) => column), ...(options.rowNumbers === true ? ["dti_row"] : []), ...(merge !== undefined ? ["dti_members"] : []), ...(unranked?.carried ?? []), ...(withScores ? nodes.fractions.map((_, i) => `v${i}`) : [`v${plan.root}`])];
  steps.add("dti_published", `SELECT ${carried.join(", ")},\n    ${publish.published.join(",\n    ")}\n  FROM ${steps.last}`);
  for (const cte of ranks.ctes) steps.ctes.push(cte);
  const check = unranked?.check;
  if (check !== undefined) steps.ctes.push(check.cte);
  const joins = [...ranks.joins, ...(check !== undefined ? [check.join] : [])].map((j) => `\n  ${j}`).join("");
  steps.ctes.push(`dti_ranked${dialect.cte}\n  SELECT dti_published.*,\n    ${ranks.ranks.join(",\n    ")}\n  FROM dti_published${joins}${check !== undefined ? `\n  WHERE ${check.where}` : ""}\n)`);
  const select = out.map(([name, expr]) => `${expr} AS ${sqlIdent(name)}`).join(",\n  ");
  const order = [...(cols.year !== undefined ? ["dti_year NULLS FIRST"] : []), `r${plan.root} NULLS LAST`, "dti_unit"].join(", ");
  const header = `-- ${fw.framework.id} ${fw.framework.version}: scores, published values (half-up, ${decimals} decimals), ranks and coverage, as dti scores them.\n`;
  return { sql: `${header}WITH\n${steps.ctes.join(",\n")}\nSELECT\n  ${select}\nFROM dti_ranked${options.ordered === false ? "" : `\nORDER BY ${order}`}`, columns: out.map(([name]) => name) };
}
