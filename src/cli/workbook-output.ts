/**
 * Workbook output of the CLI: the ranking workbook of `score` and `report`, and writing bytes to
 * `--out` or to a standard output that is not a terminal.
 *
 * @module
 */
import { applyBands } from "../analysis/apply-bands.ts";
import type { BandSet } from "../analysis/bands.ts";
import type { Framework } from "../framework/types.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { totalPoints } from "../framework/total-points.ts";
import { toXLSX } from "../xlsx/result-workbook.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { printIssues, stringOption } from "./options.ts";
import type { Progress } from "./progress.ts";
import { UsageError } from "./usage-error.ts";

/**
 * Writes a workbook's bytes to `--out`, or to standard output when it is not a terminal (a pipe or
 * a redirect); a terminal would show binary noise, so that is refused with what to do.
 */
export async function writeBinaryOutput(io: CliIO, values: OptionValues, bytes: Uint8Array, what: string): Promise<void> {
  const out = stringOption(values, "out");
  if (out !== undefined) {
    if (io.writeBytes === undefined) throw new UsageError("cannot write a workbook here (no binary file writing)");
    await io.writeBytes(out, bytes);
    io.stderr(`dti: wrote ${what} to ${out}\n`);
    return;
  }
  if (io.stdoutIsTTY === true || io.stdoutBytes === undefined) {
    throw new UsageError("an .xlsx workbook is not text: write it to a file with --out ranking.xlsx (or redirect standard output: > ranking.xlsx)");
  }
  await io.stdoutBytes(bytes);
}

/** The `--format` asked for, or `xlsx` when none is and `--out` names an .xlsx file. */
export function formatOrWorkbook(values: OptionValues): string | undefined {
  const format = stringOption(values, "format");
  if (format !== undefined) return format;
  return /\.xlsx$/iu.test(stringOption(values, "out") ?? "") ? "xlsx" : undefined;
}

/** `--format xlsx` of `score` and `report`: the ranking workbook, with each unit's band when --bands is given. */
export async function writeRankingWorkbook(io: CliIO, values: OptionValues, result: ScoreResult, framework: Framework, bandSet: BandSet | undefined, language: "vi" | "en", bar: Progress): Promise<number> {
  const bands = bandSet === undefined ? undefined : applyBands(result, bandSet).units.map((b) => b.label?.[language] ?? b.label?.vi ?? null);
  const points = totalPoints(framework);
  const bytes = toXLSX(result, { language, ...(points !== undefined ? { points } : {}), ...(bands !== undefined ? { bands } : {}) });
  bar.done();
  printIssues(io, result.warnings);
  await writeBinaryOutput(io, values, bytes, `the ranking workbook of ${result.units.length} units`);
  return 0;
}
