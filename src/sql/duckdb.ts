/**
 * Scoring through DuckDB in this process: the compiled query run by `@duckdb/node-api`, an
 * optional dependency loaded only here, its rows turned into the result `score()` gives, and its
 * failures into {@link DtiError}s.
 *
 * @module
 */
import { DtiError, error, type Issue, type IssueCode } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { toFramework } from "../pipeline/score.ts";
import type { ScoreOptions, ScoreResult } from "../pipeline/types.ts";
import { compileFramework } from "../score/compile.ts";
import { csvNumbersReadable } from "./csv-number-scan.ts";
import { runTyped, typedCsvColumns, typedCsvReader, type TypedQuery } from "./csv-typed-read.ts";
import { sqlText } from "./dialect.ts";
import { inputKeys } from "./input-sql.ts";
import { sqlColumnsFor } from "./source-columns.ts";
import { rowsToResult, type SqlRow } from "./rows-to-result.ts";
import { toSql, type SqlSource, type ToSqlOptions } from "./to-sql.ts";

/**
 * A failure of a compiled query as an issue: the query's own checks (`DTI_ERROR <code> node=…
 * unit=…: message`) with their code, node and unit; an overflow of DuckDB's 38-digit integers, or
 * anything else the engine says, as `SQL_ENGINE`.
 */
export function engineIssue(message: string): Issue {
  const line = message.split("\n")[0]!;
  const own = /DTI_ERROR ([A-Z_]+) node=(.*?) unit=(.*?): (.*)$/su.exec(line);
  if (own !== null) {
    const [, code, node, unit, text] = own as unknown as [string, string, string, string, string];
    // PostgreSQL quotes the text it could not read as a number (see `Dialect.fail`).
    const said = /^invalid input syntax for type numeric: "/u.test(line) ? text.replace(/"$/u, "") : text;
    return error(code as IssueCode, said, { ...(node !== "" ? { node } : {}), ...(unit !== "" ? { unit } : {}) });
  }
  if (/Overflow in .*(INT128|HUGEINT|DECIMAL)/iu.test(message)) {
    return error("SQL_ENGINE", `an exact fraction needs more than DuckDB's 38 digits (${message.split("\n")[0]}): run the query on PostgreSQL, whose NUMERIC has no limit, or score with the library`);
  }
  return error("SQL_ENGINE", message.split("\n")[0]!);
}

/** An open DuckDB database in this process (in memory) that runs queries. */
export interface DuckDbSession {
  /** Rows of a query, DECIMALs as their text, whole numbers as numbers; failures as {@link DtiError}s. */
  query(sql: string): Promise<SqlRow[]>;
  /** The same, streamed: `onRows` gets each chunk of rows (about 2,048) as the engine makes them. */
  each(sql: string, onRows: (rows: SqlRow[]) => Promise<void> | void): Promise<void>;
  /**
   * The same, a column at a time: `onColumns` gets each chunk's columns, in the query's order
   * (a million rows read this way cost a fraction of making an object per row).
   */
  eachColumns(sql: string, onColumns: (columns: readonly SqlColumnValues[]) => Promise<void> | void): Promise<void>;
  /** Runs a statement that returns no rows the caller reads (CREATE, COPY). */
  run(sql: string): Promise<void>;
  /** Appends rows of numbers to a table (by DuckDB's appender: no SQL text per row). */
  append(table: string, columns: readonly ArrayLike<number>[]): Promise<void>;
  /**
   * Another connection to the same database, to run a query beside this one's (it sees the
   * database's tables, not this connection's temporary ones); its `close` closes it alone.
   */
  connect(): Promise<DuckDbSession>;
  close(): void;
}

/** A column of a chunk of rows: DECIMALs as their text, whole numbers as numbers (as {@link SqlRow}'s cells). */
export type SqlColumnValues = (string | number | null)[];

/** Options of {@link openDuckDb}. */
export interface DuckDbSessionOptions {
  /**
   * DuckDB's memory limit ("1GB", "512MB"; default DuckDB's, 80% of the memory): past it, sorts
   * and windows spill to a temporary folder, so that the process stays within it.
   */
  readonly memoryLimit?: string;
}

/** Opens an in-memory DuckDB, loading `@duckdb/node-api` (a `SQL_ENGINE` error when it is not installed). */
export async function openDuckDb(options: DuckDbSessionOptions = {}): Promise<DuckDbSession> {
  let api: typeof import("@duckdb/node-api");
  try {
    api = await import("@duckdb/node-api");
  } catch {
    throw new DtiError([error("SQL_ENGINE", "DuckDB is not installed: npm install @duckdb/node-api (an optional dependency of dti)")]);
  }
  const instance = await api.DuckDBInstance.create(":memory:", options.memoryLimit !== undefined ? { memory_limit: options.memoryLimit } : {});
  return sessionOf(instance, await instance.connect(), () => instance.closeSync());
}

type DuckDbInstance = Awaited<ReturnType<typeof import("@duckdb/node-api").DuckDBInstance.create>>;
type DuckDbConnection = Awaited<ReturnType<DuckDbInstance["connect"]>>;

/** A session over one connection of `instance`; `closed` runs after its connection is closed. */
function sessionOf(instance: DuckDbInstance, connection: DuckDbConnection, closed: () => void): DuckDbSession {
  const plain = (row: Record<string, unknown>): SqlRow => {
    const out: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(row)) {
      out[k] = v === null ? null : typeof v === "bigint" ? Number(v) : typeof v === "number" || typeof v === "string" ? v : String(v);
    }
    return out;
  };
  const plainColumn = (values: readonly unknown[]): SqlColumnValues => values.map((v) => (v === null || typeof v === "number" || typeof v === "string" ? v : typeof v === "bigint" ? Number(v) : String(v)));
  // The engine's whole message is kept as the cause: a typed CSV read looks for the cell it stopped at (`spacedBlankWord`).
  const failed = (e: unknown) => (e instanceof DtiError ? e : Object.assign(new DtiError([engineIssue(e instanceof Error ? e.message : String(e))]), { cause: e }));
  return {
    async query(sql) {
      try {
        return (await connection.runAndReadAll(sql)).getRowObjects().map(plain);
      } catch (e) {
        throw failed(e);
      }
    },
    async each(sql, onRows) {
      try {
        const result = await connection.stream(sql);
        for await (const rows of result.yieldRowObjects()) await onRows(rows.map(plain));
      } catch (e) {
        throw failed(e);
      }
    },
    async eachColumns(sql, onColumns) {
      try {
        const result = await connection.stream(sql);
        for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          await onColumns(chunk.getColumns().map(plainColumn));
        }
      } catch (e) {
        throw failed(e);
      }
    },
    async run(sql) {
      try {
        await connection.run(sql);
      } catch (e) {
        throw failed(e);
      }
    },
    async append(table, columns) {
      try {
        const appender = await connection.createAppender(table);
        const rows = columns[0]?.length ?? 0;
        for (let r = 0; r < rows; r++) {
          for (const column of columns) appender.appendBigInt(BigInt(column[r]!));
          appender.endRow();
        }
        appender.flushSync();
        appender.closeSync();
      } catch (e) {
        throw failed(e);
      }
    },
    async connect() {
      return sessionOf(instance, await instance.connect(), () => undefined);
    },
    close() {
      connection.closeSync();
      closed();
    },
  };
}

/** Rows of one query run on a fresh in-memory DuckDB (see {@link openDuckDb}). */
export async function queryDuckDb(sql: string): Promise<SqlRow[]> {
  const session = await openDuckDb();
  try {
    return await session.query(sql);
  } finally {
    session.close();
  }
}

/**
 * Scores through DuckDB: the framework compiled by `toSql` for DuckDB and run in this process,
 * the result as `score()` returns it (same published values, ranks and coverage; no warnings).
 *
 * @example
 * ```ts
 * const source = { query: "SELECT 'Bắc Ninh' AS unit, '0.4449' AS government, '0.3668' AS economy, '0.4052' AS society" };
 * const result = await scoreWithDuckDb(getFramework("vn-dti-2020-province"), { source });
 * result.units[0].value; // => "0.4096"
 * ```
 */
export async function scoreWithDuckDb(frameworkIn: Framework | FrameworkDefinition, options: Omit<ToSqlOptions, "dialect">): Promise<ScoreResult> {
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) throw new DtiError(fw.issues);
  const { sql } = toSql(fw.framework, { ...options, dialect: "duckdb" });
  return rowsToResult(fw.framework, await queryDuckDb(sql), options);
}

/** Options of {@link scoreFileWithDuckDb}: `score()`'s, and the CSV delimiter (default: DuckDB's sniffer). */
export interface DuckDbFileOptions extends ScoreOptions {
  readonly delimiter?: "," | ";" | "\t";
  /** Rank only these nodes (see `ToSqlOptions.rankNodes`). */
  readonly rankNodes?: readonly string[];
  /** Most decimals an input may have (default 6; see `ToSqlOptions.inputDecimals`). */
  readonly inputDecimals?: number;
  /** Number the rows as the file has them (default true; see `ToSqlOptions.rowNumbers`). */
  readonly rowNumbers?: boolean;
  /** Order the rows (default true; see `ToSqlOptions.ordered`). */
  readonly ordered?: boolean;
  /** Include every node's score and coverage (default true; see `ToSqlOptions.scores`). */
  readonly scores?: boolean;
}

/**
 * Scores a CSV or Parquet file through DuckDB: its header resolved to the framework's inputs as
 * `score()` resolves it (names, ids, short labels, the unit/code/group/year columns), the compiled
 * query run over `read_csv` / `read_parquet`, the rows returned as `score()`'s result. Options the
 * SQL does not compile (impute, exact ties, ordinal ranks, long data) are refused with
 * `SQL_UNSUPPORTED`.
 *
 * @example
 * ```ts
 * const result = await scoreFileWithDuckDb(getFramework("vn-dti-2022-province"), "fixtures/dti-2022-province-top5.csv");
 * [result.units[0].unit, result.units[0].value, result.units[0].rank]; // => ["TP. Đà Nẵng", "0.8002", 1]
 * ```
 */
export async function scoreFileWithDuckDb(frameworkIn: Framework | FrameworkDefinition, file: string, options: DuckDbFileOptions = {}): Promise<ScoreResult> {
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) throw new DtiError(fw.issues);
  const framework = fw.framework;
  const session = await openDuckDb();
  try {
    const { sql, typed, sqlOptions } = await duckDbFileQuery(session, framework, file, options);
    return rowsToResult(framework, await runTyped(typed, sql, (query) => session.query(query)), sqlOptions);
  } finally {
    session.close();
  }
}

/**
 * The compiled query over a CSV or Parquet file, its header resolved as `score()` resolves it
 * (DuckDB reads the header: `DESCRIBE`), with row numbers; and the options it was compiled with.
 * For a wide CSV file, also the same query reading the numbers as DECIMALs (`typed`: see
 * `csv-typed-read.ts`; run it with `runTyped`).
 */
export async function duckDbFileQuery(
  session: DuckDbSession,
  framework: Framework,
  file: string,
  options: DuckDbFileOptions,
): Promise<{ sql: string; typed?: TypedQuery; columns: readonly string[]; sqlOptions: Omit<ToSqlOptions, "source" | "dialect"> }> {
  const source: SqlSource = /\.parquet$/iu.test(file) ? { parquet: file } : { csv: file, ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) };
  const reader = "parquet" in source ? `read_parquet(${sqlText(file)})` : `read_csv(${sqlText(file)}, header = true, all_varchar = true${options.delimiter !== undefined ? `, delim = ${sqlText(options.delimiter)}` : ""})`;
  const described = await session.query(`DESCRIBE SELECT * FROM ${reader}`);
  const headers = described.map((r) => String(r["column_name"]));
  // Typed columns (Parquet) that hold exact numbers are read as they are.
  const places = options.inputDecimals ?? 6;
  const exact = described.filter((r) => {
    const type = String(r["column_type"]);
    const decimal = /^DECIMAL\(\d+,(\d+)\)$/u.exec(type);
    return decimal !== null ? Number(decimal[1]) <= places : /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/u.test(type);
  });
  const exactColumns = exact.map((r) => String(r["column_name"]));
  const exactColumnTypes = Object.fromEntries(exact.map((r) => [String(r["column_name"]), String(r["column_type"])]));
  const { columns, inputs, shape } = sqlColumnsFor(framework, headers, {
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
    ...(options.shape !== undefined ? { shape: options.shape } : {}),
    ...(options.unknownColumns !== undefined ? { unknownColumns: options.unknownColumns } : {}),
    ...(options.ignoreColumns !== undefined ? { ignoreColumns: options.ignoreColumns } : {}),
  });
  const { columns: _names, shape: _shape, unknownColumns: _unknown, ignoreColumns: _ignore, delimiter: _delimiter, arithmetic: _arithmetic, rowNumbers = true, ...rest } = options;
  const sqlOptions = { ...rest, columns, inputs, shape } as Omit<ToSqlOptions, "source" | "dialect">;
  const compiled = toSql(framework, { ...sqlOptions, dialect: "duckdb", source, rowNumbers, exactColumns, exactColumnTypes });
  const typedColumns = "csv" in source && shape !== "long" ? typedCsvColumns(inputKeys(compileFramework(framework)), inputs, columns ?? {}, places) : [];
  if (typedColumns.length === 0) return { sql: compiled.sql, columns: compiled.columns, sqlOptions };
  const types = Object.fromEntries(typedColumns.map((c) => [c, `DECIMAL(18,${places})`]));
  const typedSql = (blankWords: readonly string[] | undefined) =>
    toSql(framework, { ...sqlOptions, dialect: "duckdb", source: { query: typedCsvReader(file, options.delimiter, typedColumns, places, blankWords) }, rowNumbers, exactColumns: typedColumns, exactColumnTypes: types }).sql;
  return { sql: compiled.sql, typed: { sql: typedSql(undefined), blankWords: (spaced) => typedSql(spaced), readable: () => csvNumbersReadable(file, places) }, columns: compiled.columns, sqlOptions };
}
