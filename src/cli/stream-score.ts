/**
 * `dti score --stream` (and `dti score` on a large CSV file): scores a file of any size in two
 * passes over small data, and writes what `dti score` writes from `score()`, byte for byte. Pass 1
 * reads the CSV as a stream, scores each unit as its row arrives and writes the unit's numbers (a
 * fixed-size record of doubles) to a temporary file, keeping in memory only what ranking and the
 * result order need. Then every node is ranked, the units are put in result order (year, rank,
 * Vietnamese name order), and pass 2 reads each unit's record back in that order and writes it
 * through the format's one writer (`csvRankingWriter`, `jsonResultWriter`, `markdownRankingWriter`,
 * `jsonLine`), as a unit of `score()` assembled by `unitResult`. With any error nothing is
 * written: the errors (the first `--max-issues`, then a count) go to stderr.
 *
 * `--out` is written beside the target and renamed over it at the end (`out-file.ts`): an error,
 * a full disk or Ctrl-C leaves an old file as it was. The temporary file of pass 1 is removed from
 * its folder as soon as it is open (where the system allows it), so that nothing is left behind
 * even by `kill -9`.
 *
 * @module
 */
import { readSync } from "node:fs";
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatIssue } from "../errors.ts";
import { cliMessage } from "../text/option-hint.ts";
import type { Framework } from "../framework/types.ts";
import { isSummaryName } from "../input/summary-rows.ts";
import { mayBeGrouped } from "../input/thousands.ts";
import { formatScaled } from "../number/publish-float.ts";
import { readCsvBlocksInWorker } from "./csv-blocks-worker.ts";
import { blockCell, type CsvBlock } from "../input/csv/csv-block.ts";
import { resultHead } from "../pipeline/result-head.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import type { UnitTable } from "../pipeline/unit-nodes.ts";
import { coverageSummary, resultOrder, unitHead, unitResult } from "../pipeline/unit-result.ts";
import { createRankCounts, type RankCounts } from "../rank/rank-counts.ts";
import { createRankStore } from "../rank/rank-store.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import { csvRankingWriter, type CsvReportOptions } from "../report/to-csv.ts";
import { jsonLine, jsonResultWriter } from "../report/to-json.ts";
import { markdownRankingWriter, type MarkdownOptions } from "../report/to-markdown.ts";
import { scoreStream, type ScoreStream, type StreamOptions, type StreamSummary } from "../stream/score-stream.ts";
import { fileErrorMessage } from "./file-error.ts";
import type { CliIO } from "./io.ts";
import { handleWriter, openOutFile, removeOnSignal, type OutFile } from "./out-file.ts";
import { UsageError } from "./usage-error.ts";

/** How `dti score --stream` writes: the format and its writer's options, as `dti score` gives them. */
export interface StreamCliSettings {
  readonly format: "csv" | "json" | "jsonl" | "md";
  /** Output file; standard output when undefined. */
  readonly out: string | undefined;
  readonly csv: CsvReportOptions;
  readonly markdown: MarkdownOptions;
  /**
   * A file that was not asked to stream (streamed for its size): when it has errors or anything
   * `score()` reads from the whole table (cells that may hold thousands separators, totals rows),
   * nothing is printed or written and undefined is returned, for `score()` to read it instead.
   */
  readonly auto?: boolean;
}

/** Buffered text writes: `write` (awaited) when 64 KiB are buffered. */
export function bufferedWriter(write: (text: string) => Promise<void>) {
  let buffer = "";
  const flush = async () => {
    if (buffer === "") return;
    const text = buffer;
    buffer = "";
    await write(text);
  };
  return {
    /** Buffers the text; returns a promise only when the buffer was written (await it then). */
    add(text: string): Promise<void> | undefined {
      buffer += text;
      return buffer.length >= 1 << 16 ? flush() : undefined;
    },
    flush,
  };
}

/**
 * The temporary file of pass 1, open for writing and reading back. It is unlinked at once where
 * the system allows it (the open handle keeps the data): no folder is left by a crash or `kill -9`;
 * elsewhere it is removed at the end, or by a signal.
 */
async function unitsFile(): Promise<{ handle: FileHandle; path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `dti-stream-${process.pid}-`));
  const path = join(dir, "units.txt");
  const forget = removeOnSignal(dir);
  let handle: FileHandle;
  try {
    handle = await open(path, "w+");
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    forget();
    throw new UsageError(fileErrorMessage(e, "write", path) ?? `cannot write ${path}: ${(e as Error).message}`);
  }
  const unlinked = await rm(dir, { recursive: true, force: true }).then(
    () => true,
    () => false,
  );
  if (unlinked) forget();
  return {
    handle,
    path,
    remove: async () => {
      await handle.close().catch(() => undefined);
      if (!unlinked) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      forget();
    },
  };
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
  try {
    let grouped = false;
    const rows = () => {
      // The file is read, cut and its numbers parsed on a worker thread while this one scores.
      const csv = readCsvBlocksInWorker(file, csvDelimiter === undefined ? {} : { delimiter: csvDelimiter });
      return settings.auto === true ? watchGrouped(csv, () => (grouped = true)) : csv;
    };
    // The stream ranks the index (for the result order); every other node is ranked by counting.
    const stream = scoreStream(framework, rows, options);
    units = await unitsFile();
    const temp = units;
    const records = await writeRecords(stream, temp, options.ranking ?? "competition", settings.format === "json" || settings.format === "jsonl");
    const summary = stream.summary();
    if (settings.auto === true && (!summary.ok || grouped || records.summaryNames || records.unranked)) return undefined;
    if (records.unranked) throw new UsageError("the data marks units assessed but not ranked (Được xếp hạng: Không): score it without --stream");
    printSummaryIssues(io, summary, settings.format !== "json");
    if (!summary.ok) return 1;
    const out = bufferedWriter(outFile !== undefined ? (t) => outFile.write(t) : (io.writeStdout ?? (async (t) => io.stdout(t))));
    await writeResult(stream, summary, records, temp.handle.fd, settings, framework, options, out);
    await out.flush();
    if (outFile !== undefined) {
      await outFile.commit();
      committed = true;
      io.stderr(`dti: wrote ${summary.units} units to ${settings.out}\n`);
    }
    return 0;
  } finally {
    // Errors in the data, a failed write, a broken input: the old output stays as it was.
    if (!committed) await outFile?.abort();
    await units?.remove();
  }
}

/** What pass 1 keeps besides the temporary file: the record size, each unit's input row, which identity fields occur. */
interface Records {
  /** Nodes per record (the plan's node count). */
  readonly nodes: number;
  /**
   * Doubles per record: every node's published value, score and coverage (3 × nodes: JSON, whose
   * units have every node's numbers), or every node's published value and the index's score and
   * coverage (nodes + 2: CSV and Markdown, whose rows show only those).
   */
  readonly width: number;
  readonly rows: Int32Array;
  readonly has: { readonly code: boolean; readonly group: boolean; readonly year: boolean; readonly members: boolean; readonly unranked: false };
  /** Some unit is assessed but not ranked (the ranked column said so): the stream does not rank those apart. */
  readonly unranked: boolean;
  /** Some unit without a code is named as a totals or averages row ("Tổng cộng"), which `score()` leaves out. */
  readonly summaryNames: boolean;
  /** Every node's keys counted per year and per year and group, or undefined (ordinal ranks, keys that cannot be counted). */
  readonly counts: PartitionCounts | undefined;
}

/** Rank counts per year and per (year, group), and the partition numbers they were counted under. */
interface PartitionCounts {
  readonly year: RankCounts;
  readonly group: RankCounts;
  readonly years: Map<number | undefined, number>;
  readonly groups: Map<string, number>;
}

/** The partition number of `key`, numbering new keys in order. */
function partitionOf<K>(map: Map<K, number>, key: K): number {
  let p = map.get(key);
  if (p === undefined) map.set(key, (p = map.size));
  return p;
}

/** Passes the rows on, calling `found` once a cell may be a number with a thousands separator ("1.050"). */
async function* watchGrouped<R extends { readonly cells: readonly unknown[] } | CsvBlock>(rows: AsyncIterable<R>, found: () => void): AsyncGenerator<R> {
  let seen = false;
  for await (const row of rows) {
    if (!seen && ("kind" in row ? blockMayBeGrouped(row) : row.cells.some(mayBeGrouped))) {
      seen = true;
      found();
    }
    yield row;
  }
}

/**
 * {@link mayBeGrouped} over a block's cells, reading the text of only those whose fourth character
 * from the end is a point or a comma ("1.050"): most cells are passed over without a string.
 */
function blockMayBeGrouped(block: CsvBlock): boolean {
  const { spans, text } = block;
  for (let row = 0; row < block.rows; row++) {
    for (let col = 0; col < block.width; col++) {
      const k = 2 * (row * block.width + col);
      const start = spans[k]!;
      if (start >= 0) {
        const end = spans[k + 1]!;
        const sep = end - start >= 5 ? text.charCodeAt(end - 4) : 0;
        if ((sep === 46 || sep === 44) && mayBeGrouped(text.slice(start, end))) return true;
      } else if (start <= -2 && mayBeGrouped(blockCell(block, row, col))) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Pass 1: each unit's numbers as one fixed-size record of doubles (published values scaled, scores,
 * coverage: 3 per node), in input order, so that pass 2 reads any unit back by its index.
 */
async function writeRecords(stream: ScoreStream, temp: { handle: FileHandle; path: string }, ranking: RankMethod, full: boolean): Promise<Records> {
  const writer = handleWriter(temp.handle, (e) => new UsageError(fileErrorMessage(e, "write", temp.path) ?? `cannot write ${temp.path}: ${(e as Error).message}`));
  const has = { code: false, group: false, year: false, members: false, unranked: false as const };
  let unranked = false;
  let rows = new Int32Array(1024);
  let nodes = 0;
  let width = 0;
  const root = stream.nodes.find((info) => info.id === stream.root)!.position;
  let staged = new Float64Array(0);
  let used = 0;
  let count = 0;
  let summaryNames = false;
  let counts: PartitionCounts | undefined;
  for await (const unit of stream) {
    summaryNames ||= unit.code === undefined && isSummaryName(unit.unit);
    const { published, scores, coverage } = unit.nodes;
    if (nodes === 0) {
      nodes = published.length;
      width = full ? 3 * nodes : nodes + 2;
      // About 1 MiB of records per write.
      staged = new Float64Array(width * Math.max(1, Math.floor((1 << 17) / width)));
      // Ordinal ranks depend on names: they are ranked from the records at the end instead.
      if (ranking !== "ordinal") counts = { year: createRankCounts(nodes), group: createRankCounts(nodes), years: new Map(), groups: new Map() };
    }
    if (counts !== undefined) {
      const ok =
        counts.year.add(partitionOf(counts.years, unit.year), published) &&
        (unit.group === undefined || counts.group.add(partitionOf(counts.groups, `${unit.year ?? ""}\u0000${unit.group}`), published));
      if (!ok) counts = undefined;
    }
    unranked ||= unit.ranked === false;
    has.code ||= unit.code !== undefined;
    has.group ||= unit.group !== undefined;
    has.year ||= unit.year !== undefined;
    if (count === rows.length) {
      const grown = new Int32Array(2 * rows.length);
      grown.set(rows);
      rows = grown;
    }
    rows[count++] = unit.row;
    staged.set(published, used);
    if (full) {
      staged.set(scores, used + nodes);
      staged.set(coverage, used + 2 * nodes);
    } else {
      staged[used + nodes] = scores[root]!;
      staged[used + nodes + 1] = coverage[root]!;
    }
    used += width;
    if (used === staged.length) {
      // A fresh buffer each time: the writer still holds the last one.
      await writer.write(new Uint8Array(staged.buffer, 0, used * 8));
      staged = new Float64Array(staged.length);
      used = 0;
    }
  }
  if (used > 0) await writer.write(new Uint8Array(staged.buffer, 0, used * 8));
  await writer.finish();
  return { nodes, width, rows: rows.subarray(0, count), has, unranked, summaryNames, counts };
}

/**
 * Pass 2: the units in result order (year, rank, Vietnamese name order, as `score()` lists them),
 * each read back from its record and written by the format's one writer.
 */
async function writeResult(
  stream: ScoreStream,
  summary: StreamSummary,
  records: Records,
  fd: number,
  settings: StreamCliSettings,
  framework: Framework,
  options: StreamOptions,
  out: ReturnType<typeof bufferedWriter>,
): Promise<void> {
  const n = records.nodes;
  const count = summary.units;
  const rootPosition = stream.nodes.find((info) => info.id === stream.root)!.position;
  const infos: NodeInfo[] = stream.nodes.map(({ position: _, ...info }) => info);
  const nodeIndex = new Map(stream.nodes.filter((info) => info.id !== stream.root).map((info) => [info.id, info.position]));
  const names: string[] = [];
  const codes: (string | undefined)[] = [];
  const years = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = summary.unit(i);
    names.push(u.unit);
    codes.push(u.code);
    years[i] = u.year ?? NaN;
  }
  const yearOf = (i: number) => (Number.isNaN(years[i]!) ? undefined : years[i]!);
  const root = summary.ranks.get(stream.root)!;
  const order = resultOrder(count, (i) => names[i]!, (i) => codes[i], yearOf, (i) => root.rank[i]! || null);

  // The record of the unit being written, as the node table of `unitResult`.
  const record = new Float64Array(records.width);
  const bytes = new Uint8Array(record.buffer);
  const rankOf = nodeRanks(summary, records, fd, bytes, record, options.ranking ?? "competition");
  let yearPart = 0;
  let groupPart = -1;
  const full = records.width === 3 * n;
  // A short record has the index's score and coverage only (all that CSV and Markdown rows show).
  const scoreAt = (k: number) => (full ? n + k : k === rootPosition ? n : missingCell("score", k));
  const coverageAt = (k: number) => (full ? 2 * n + k : k === rootPosition ? n + 1 : missingCell("coverage", k));
  const decimals = stream.decimals;
  const table: UnitTable = {
    score: (_, k) => (Number.isNaN(record[scoreAt(k)]!) ? null : record[scoreAt(k)]!),
    value: (_, k) => (Number.isNaN(record[k]!) ? null : formatScaled(record[k]!, decimals)),
    coverage: (_, k) => record[coverageAt(k)]!,
    rank: (i, k) => (k === rootPosition ? root.rank[i]! : rankOf(i, k, yearPart, -1)) || null,
    groupRank: (i, k) => (k === rootPosition ? root.groupRank[i]! : groupPart < 0 ? 0 : rankOf(i, k, -1, groupPart)) || null,
  };
  const shape: RankingShape = { root: stream.root, nodes: infos, has: records.has };
  const json = settings.format === "json" ? jsonResultWriter(resultHead(framework, infos, { ...options, decimals: stream.decimals, ties: "published" })) : undefined;
  // CSV and Markdown rows read the node cells from the table by position.
  const rows = settings.format === "csv" ? csvRankingWriter(shape, settings.csv).tableRows(nodeIndex) : settings.format === "md" ? markdownRankingWriter(shape, settings.markdown).tableRows(nodeIndex) : undefined;
  const coverage = new Float64Array(count);
  const first = json?.open ?? (settings.format === "csv" ? csvRankingWriter(shape, settings.csv).header : settings.format === "md" ? markdownRankingWriter(shape, settings.markdown).head : undefined);
  if (first !== undefined) await out.add(first);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    readRecord(fd, bytes, i);
    const info = summary.unit(i);
    if (records.counts !== undefined) {
      yearPart = records.counts.years.get(info.year)!;
      groupPart = info.group === undefined ? -1 : records.counts.groups.get(`${info.year ?? ""}\u0000${info.group}`)!;
    } else {
      groupPart = info.group === undefined ? -1 : 0;
    }
    const identity = { ...info, row: records.rows[i]! };
    let line: string;
    if (rows !== undefined) {
      const u = unitHead(identity, undefined, table, i, rootPosition);
      coverage[k] = u.coverage;
      line = rows(u, table, i);
    } else {
      const u = unitResult(identity, undefined, table, i, rootPosition, nodeIndex);
      coverage[k] = u.coverage;
      line = json !== undefined ? json.unit(u, k) : jsonLine(u);
    }
    const full = out.add(line);
    if (full !== undefined) await full;
  }
  if (json !== undefined) await out.add(`${json.close({ coverage: coverageSummary(coverage), warnings: summary.warnings }, count)}\n`);
}

/**
 * The rank of node `k` for unit `i` (whose record is in `record`), overall (`yearPart` ≥ 0) or in
 * its group (`groupPart` ≥ 0): read from the counts, or, for ordinal ranks and keys that could not
 * be counted, from a rank store of every node filled from the records (a key per node and unit in
 * memory, as `score()` keeps them).
 */
function nodeRanks(summary: StreamSummary, records: Records, fd: number, bytes: Uint8Array, record: Float64Array, ranking: RankMethod) {
  const counts = records.counts;
  if (counts !== undefined) {
    const method = ranking === "dense" ? "dense" : "competition";
    counts.year.finish(method);
    counts.group.finish(method);
    return (_: number, k: number, yearPart: number, groupPart: number) => (groupPart >= 0 ? counts.group.rank(groupPart, k, record[k]!) : counts.year.rank(yearPart, k, record[k]!));
  }
  const store = createRankStore(records.nodes);
  for (let i = 0; i < summary.units; i++) {
    readRecord(fd, bytes, i);
    const u = summary.unit(i);
    store.add(u.unit, u.code, u.year, u.group, record.subarray(0, records.nodes));
  }
  const ranks = store.rank(ranking);
  return (i: number, k: number, _yearPart: number, groupPart: number) => (groupPart >= 0 ? ranks[k]!.groupRank[i]! : ranks[k]!.rank[i]!);
}

/** A node's score or coverage asked of a short record, which has only the index's: a bug, said plainly. */
function missingCell(what: string, k: number): never {
  throw new Error(`the records of pass 1 hold no ${what} of node ${k}`);
}

/** Reads record `i` of the temporary file into `bytes` (one record long). */
function readRecord(fd: number, bytes: Uint8Array, i: number): void {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, i * bytes.length + done);
    if (read === 0) throw new Error(`the temporary file of pass 1 ended before unit ${i}`);
    done += read;
  }
}
