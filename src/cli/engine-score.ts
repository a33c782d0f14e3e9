/**
 * `dti score --engine duckdb`: the data file scored by the compiled SQL in DuckDB (see
 * `dti/sql`), the result the same as the library's for the reports to render.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import type { Framework } from "../framework/types.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { scoreFileWithDuckDb, type DuckDbFileOptions } from "../sql/duckdb.ts";
import { engineCsv } from "./engine-csv.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { loadFramework } from "./load.ts";
import { buildScoreOptions, delimiterOption, oneOf, pointsOption, stringOption } from "./options.ts";
import type { Progress } from "./progress.ts";
import { UsageError } from "./usage-error.ts";
import { depthOption, writtenAt } from "./node-depth.ts";
import { nodeInfos } from "../pipeline/score.ts";
import { compileFramework } from "../score/compile.ts";

/** The framework and options of a `--engine duckdb` run, after checking the file and options. */
async function engineInputs(io: CliIO, file: string, values: OptionValues): Promise<{ framework: Framework; options: DuckDbFileOptions; depth: number | undefined }> {
  if (file === "-") throw new UsageError("--engine duckdb reads a CSV or Parquet file (not standard input)");
  if (/\.json$/iu.test(file)) throw new UsageError("--engine duckdb reads CSV or Parquet; score JSON without --engine");
  // --header-row: DuckDB reads the header from the first line it takes for one (it is given no line).
  for (const option of ["formulas", "impute", "sheet", "header-row"]) {
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
  const rankText = stringOption(values, "rank-nodes");
  const depth = depthOption(values);
  // Nodes not written are not ranked either, unless --rank-nodes says otherwise.
  const rankNodes =
    rankText === undefined && depth !== undefined
      ? nodeInfos(compileFramework(framework)).filter((n) => writtenAt(n, depth)).map((n) => n.id)
      : rankText === undefined || rankText === "all"
        ? undefined
        : rankText.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return { framework, options: { ...options, ...(delimiter !== undefined && delimiter !== "auto" ? { delimiter } : {}), ...(rankNodes !== undefined ? { rankNodes } : {}) }, depth };
}

/** Scores a CSV or Parquet file in DuckDB with the command's data and ranking options. */
export async function scoreWithDuckDb(io: CliIO, file: string, values: OptionValues, progress?: Progress): Promise<{ framework: Framework; result: ScoreResult }> {
  const { framework, options } = await engineInputs(io, file, values);
  progress?.step(`scoring ${file} in DuckDB`);
  const result = await scoreFileWithDuckDb(framework, file, options);
  progress?.step(`${result.units.length} units scored`);
  return { framework, result };
}

/** `--format csv`: scores in DuckDB and writes the CSV as the rows come (see `engine-csv.ts`). */
export async function engineCsvOutput(io: CliIO, file: string, values: OptionValues): Promise<number> {
  const { framework, options, depth } = await engineInputs(io, file, values);
  const decimalComma = values["decimal-comma"] === true;
  const out = stringOption(values, "out");
  const headers = oneOf("headers", stringOption(values, "headers"), ["ids", "names"] as const);
  const points = pointsOption(values, framework);
  const units = await engineCsv(io, framework, file, options, {
    out,
    delimiter: decimalComma ? ";" : ",",
    decimalComma,
    bom: values["bom"] === true,
    ...(values["lang"] === "en" ? { language: "en" as const } : {}),
    ...(depth !== undefined ? { depth } : {}),
    ...(headers !== undefined ? { headers } : {}),
    ...(points !== undefined ? { points } : {}),
  });
  if (out !== undefined) io.stderr(`dti: wrote ${units} units to ${out}\n`);
  return 0;
}
