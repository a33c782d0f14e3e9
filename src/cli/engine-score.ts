/**
 * `dti score --engine duckdb`: the data file scored by the compiled SQL in DuckDB (see
 * `dti/sql`), the result the same as the library's for the reports to render.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import type { ScoreResult } from "../pipeline/types.ts";
import { scoreFileWithDuckDb } from "../sql/duckdb.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { loadFramework } from "./load.ts";
import { buildScoreOptions, delimiterOption, stringOption } from "./options.ts";
import type { Progress } from "./progress.ts";
import { UsageError } from "./usage-error.ts";

/** Scores a CSV or Parquet file in DuckDB with the command's data and ranking options. */
export async function scoreWithDuckDb(io: CliIO, file: string, values: OptionValues, progress?: Progress): Promise<{ result: ScoreResult }> {
  if (file === "-") throw new UsageError("--engine duckdb reads a CSV or Parquet file (not standard input)");
  if (/\.json$/iu.test(file)) throw new UsageError("--engine duckdb reads CSV or Parquet; score JSON without --engine");
  for (const option of ["merge", "formulas", "impute"]) {
    if (values[option] !== undefined) throw new UsageError(`--${option} is not available with --engine duckdb (score with the library)`);
  }
  try {
    await stat(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === "ENOENT" ? `file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  const framework = await loadFramework(io, stringOption(values, "framework"));
  const options = await buildScoreOptions(values, io, true);
  const delimiter = delimiterOption(values);
  progress?.step(`scoring ${file} in DuckDB`);
  const result = await scoreFileWithDuckDb(framework, file, { ...options, ...(delimiter !== undefined && delimiter !== "auto" ? { delimiter } : {}) });
  progress?.step(`${result.units.length} units scored`);
  return { result };
}
