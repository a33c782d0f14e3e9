/**
 * The `dti/sql` sub-path: a framework compiled to one SQL query for DuckDB or PostgreSQL
 * ({@link toSql}), and scoring through DuckDB in this process ({@link scoreWithDuckDb}, which loads
 * the optional `@duckdb/node-api` package only when called). A separate entry, so that the core
 * bundle carries neither.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * import { toSql } from "dti/sql";
 * const { columns } = toSql(getFramework("vn-dti-2020-province"), { source: { table: "provinces" } });
 * columns.slice(0, 3); // => ["rank", "unit", "dti"]
 * ```
 *
 * @module dti/sql
 */
export { toSql, type SqlColumns, type SqlOutput, type SqlSource, type ToSqlOptions } from "./sql/to-sql.ts";
export type { SqlDialect } from "./sql/dialect.ts";
export { openDuckDb, queryDuckDb, scoreFileWithDuckDb, scoreWithDuckDb, type DuckDbFileOptions, type DuckDbSession, type SqlColumnValues } from "./sql/duckdb.ts";
export { rowsToResult, type SqlRow } from "./sql/rows-to-result.ts";
export { sqlColumnsFor } from "./sql/source-columns.ts";
