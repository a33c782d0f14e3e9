/**
 * `dti score --stream` (and `dti score` on a large CSV file): scores a file of any size in two
 * passes over small data, and writes what `dti score` writes from `score()`, byte for byte. Pass 1
 * reads the CSV as a stream, scores each unit as its row arrives (both on a worker thread,
 * `stream-in-worker.ts`) and writes the unit's numbers (a
 * fixed-size record of doubles) to a temporary file, keeping in memory only what ranking and the
 * result order need. Then every node is ranked, the units are put in result order (year, rank,
 * Vietnamese name order), and pass 2 reads the records back in that order and writes each unit
 * through the format's writer (`jsonResultWriter`, `markdownRankingWriter`, `jsonLine`, as a unit of
 * `score()` assembled by `unitResult`; CSV rows as bytes by `csvByteRows`, the lines of
 * `csvRankingWriter`). With any error nothing is
 * written: the errors (the first `--max-issues`, then a count) go to stderr. Pass 1 is in
 * `stream-records.ts`, pass 2 in `stream-result.ts`. Repeated units are looked for once pass 1 has
 * scored every unit; a file with one is read a second time, checked row by row for the messages.
 *
 * `--out` is written beside the target and renamed over it at the end (`out-file.ts`): an error,
 * a full disk or Ctrl-C leaves an old file as it was. The temporary file of pass 1 is removed from
 * its folder as soon as it is open (where the system allows it), so that nothing is left behind
 * even by `kill -9`.
 *
 * @module
 */
import { formatIssue, isDtiError } from "../errors.ts";
import { cliMessage } from "../text/option-hint.ts";
import type { Framework } from "../framework/types.ts";
import type { StreamOptions, StreamSummary } from "../stream/score-stream.ts";
import { scoreFileInWorker } from "./stream-in-worker.ts";
import { writtenAt } from "./node-depth.ts";
import type { CliIO } from "./io.ts";
import { openOutFile, type OutFile } from "./out-file.ts";
import { unitsFile, writeRecords } from "./stream-records.ts";
import { writeResult, writtenNodes } from "./stream-result.ts";
import { byteWriter } from "./byte-sink.ts";
import type { StreamCliSettings } from "./stream-settings.ts";
import { UsageError } from "./usage-error.ts";

/**
 * The buffered output of a command: into `outFile` as bytes, or to standard output as text (a BOM
 * asked for, `--bom`, stays in it).
 */
export function outputWriter(io: CliIO, outFile: OutFile | undefined): ReturnType<typeof byteWriter> {
  if (outFile !== undefined) return byteWriter((bytes) => outFile.write(bytes));
  const stdout = io.writeStdout ?? (async (t: string) => io.stdout(t));
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return byteWriter((bytes) => stdout(decoder.decode(bytes)));
}

/** Prints the kept errors (and warnings) and how many more there were. */
function printSummaryIssues(io: CliIO, summary: StreamSummary, warnings: boolean): void {
  for (const issue of summary.errors) io.stderr(`${formatIssue(cliMessage(issue))}\n`);
  if (summary.errorCount > summary.errors.length) {
    io.stderr(`dti: ${summary.errorCount} errors in all; the first ${summary.errors.length} are shown (--max-issues to show more)\n`);
  }
  if (!warnings) return;
  for (const issue of summary.warnings) io.stderr(`${formatIssue(cliMessage(issue))}\n`);
  if (summary.warningCount > summary.warnings.length) io.stderr(`dti: ${summary.warningCount} warnings in all; the first ${summary.warnings.length} are shown\n`);
}

/**
 * Scores `file` in streaming mode and writes the same CSV, JSON, JSON lines or Markdown as `dti
 * score` writes from `score()`. Returns the exit code: 0, or 1 when the data has errors (then
 * nothing is written).
 */
export async function streamScoreFile(
  io: CliIO,
  file: string,
  framework: Framework,
  options: StreamOptions,
  settings: StreamCliSettings,
  csvDelimiter: "," | ";" | "\t" | "auto" | undefined,
): Promise<number | undefined> {
  // The output is opened first: a folder, a missing folder or no permission is said at once, not
  // after an hour of reading.
  const outFile = settings.out === undefined ? undefined : await openOutFile(settings.out);
  let units: Awaited<ReturnType<typeof unitsFile>> | undefined;
  let committed = false;
  // Pass 1: the file read, cut and scored on worker threads while this one ranks and writes each
  // unit's record; the worker also watches for thousands separators when the file was not asked to
  // stream. The stream ranks the index (for the result order); every other node is ranked by counting.
  const passOne = async (repeats: "row" | "later") => {
    let grouped = false;
    const csvOptions = csvDelimiter === undefined ? {} : { delimiter: csvDelimiter };
    // The workers' batches carry only the nodes written (`--depth`) and ranked.
    const stream = scoreFileInWorker(file, framework, csvOptions, options, settings.auto === true ? () => (grouped = true) : undefined, undefined, (info) => writtenAt(info, settings.depth), repeats);
    units = await unitsFile();
    const temp = units;
    const written = writtenNodes(stream, settings.depth);
    // CSV records keep each unit's name and code for pass 2's rows, read from the records and the
    // rank counts: not with ordinal ranks, which are ranked from the names (and written from them).
    const ranking = options.ranking ?? "competition";
    const keep = settings.format === "csv" && ranking !== "ordinal" ? (settings.csv.delimiter ?? ",") : undefined;
    const records = await writeRecords(stream, temp, ranking, settings.format === "json" || settings.format === "jsonl", Int32Array.from(written, (info) => info.position), keep);
    return { stream, temp, written, records, grouped };
  };
  try {
    // Repeated units are looked for by this thread among the units scored and those an error left
    // out (`repeat-watch.ts`): when it finds one, the file is scored again with the checks row by
    // row, whose messages are `score()`'s (a file read by `score()` instead checks them there).
    let pass = await passOne("later");
    if (pass.stream.unchecked()) {
      if (settings.auto === true) return undefined;
      await pass.temp.remove();
      units = undefined;
      pass = await passOne("row");
    }
    const { stream, temp, written, records, grouped } = pass;
    const summary = stream.summary();
    if (settings.auto === true && (!summary.ok || grouped || records.summaryNames || records.unranked)) return undefined;
    if (records.unranked) throw new UsageError("the data marks units assessed but not ranked (Được xếp hạng: Không): score it without --stream");
    printSummaryIssues(io, summary, settings.format !== "json");
    if (!summary.ok) return 1;
    const out = outputWriter(io, outFile);
    await writeResult(stream, summary, records, temp.handle.fd, settings, written, framework, options, out);
    await out.flush();
    if (outFile !== undefined) {
      await outFile.commit();
      committed = true;
      io.stderr(`dti: wrote ${summary.units} units to ${settings.out}\n`);
    }
    return 0;
  } catch (e) {
    // A file not read as UTF-8 text (bad bytes, NUL, U+FFFD), met while streaming a large file
    // that was not asked to: the full reader reads it and says so, with everything else it says.
    if (settings.auto === true && isDtiError(e) && e.issues.some((issue) => issue.code === "DATA_ENCODING")) return undefined;
    throw e;
  } finally {
    // Errors in the data, a failed write, a broken input: the old output stays as it was.
    if (!committed) await outFile?.abort();
    await units?.remove();
  }
}
