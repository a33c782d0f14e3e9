/**
 * Reading and scoring a data file with the data and ranking options of the command line (shared by
 * `score`, `report` and `chart`).
 *
 * @module
 */
import { DtiError } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { score } from "../pipeline/score.ts";
import type { RawTable } from "../input/table.ts";
import type { ScoreOptions, ScoreResult } from "../pipeline/types.ts";
import type { OptionValues } from "./command.ts";
import { applyFormulaOption } from "./formulas.ts";
import type { CliIO } from "./io.ts";
import { loadForms } from "./load-forms.ts";
import { loadFramework, loadTable } from "./load.ts";
import { buildScoreOptions, tableOptions, stringOption } from "./options.ts";
import type { Progress } from "./progress.ts";

/** What {@link scoreFile} returns: the framework, the options used and the result. */
export interface ScoredFile {
  readonly framework: Framework;
  readonly options: ScoreOptions;
  readonly result: ScoreResult;
  /** The data as read (with the `--formulas` columns). */
  readonly table: RawTable;
}

/**
 * Loads the framework (`--framework`) and a data file, adds the `--formulas` columns (for the
 * commands that offer the option), and scores it with the command's options.
 */
export async function scoreFile(io: CliIO, file: string | readonly string[], values: OptionValues, progress?: Progress): Promise<ScoredFile> {
  const framework = await loadFramework(io, stringOption(values, "framework"));
  const options = await buildScoreOptions(values, io, true);
  const files = typeof file === "string" ? [file] : file;
  progress?.step(`reading ${files.length === 1 ? files[0] : `${files.length} files`}`);
  if (files.length === 1) {
    const table = await applyFormulaOption(values, io, await loadTable(io, files[0] as string, tableOptions(values)));
    progress?.step(`scoring ${table.rows.length} rows`);
    return { framework, options, table, result: score(framework, table, options) };
  }
  // One form per unit: every problem names its file.
  const stacked = await loadForms(io, files, framework, options, tableOptions(values));
  const table = await applyFormulaOption(values, io, stacked.table);
  progress?.step(`scoring ${table.rows.length} rows`);
  try {
    const result = score(framework, table, options);
    return { framework, options, table, result: { ...result, warnings: result.warnings.map(stacked.locate) } };
  } catch (e) {
    if (e instanceof DtiError) throw new DtiError(e.issues.map(stacked.locate));
    throw e;
  }
}

/** Scores an earlier data file (`--before`) with the same framework and options, without the merge. */
export async function scoreBefore(io: CliIO, file: string, values: OptionValues, scored: ScoredFile): Promise<ScoreResult> {
  const table = await applyFormulaOption(values, io, await loadTable(io, file, tableOptions(values)));
  const { merge: _merge, ...rest } = scored.options;
  return score(scored.framework, table, rest);
}

/** Writes the output to `--out` (saying so on stderr) or to stdout. */
export async function writeOutput(io: CliIO, values: OptionValues, text: string, what: string): Promise<void> {
  const out = stringOption(values, "out");
  if (out !== undefined) {
    await io.writeFile(out, text);
    io.stderr(`dti: wrote ${what} to ${out}\n`);
  } else {
    io.stdout(text);
  }
}
