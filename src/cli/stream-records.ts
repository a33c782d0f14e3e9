/**
 * Pass 1 of the streamed CLI: each scored unit's numbers as one fixed-size record of doubles in a
 * temporary file, in input order (pass 2 reads any unit back by its index), and every node's
 * published values counted for ranking.
 *
 * @module
 */
import { readSync } from "node:fs";
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isSummaryName } from "../input/summary-rows.ts";
import { createRankCounts, type RankCounts } from "../rank/rank-counts.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { ScoreStream } from "../stream/score-stream.ts";
import { fileErrorMessage } from "./file-error.ts";
import { handleWriter, removeOnSignal } from "./out-file.ts";
import { UsageError } from "./usage-error.ts";

/**
 * The temporary file of pass 1, open for writing and reading back. It is unlinked at once where
 * the system allows it (the open handle keeps the data): no folder is left by a crash or `kill -9`;
 * elsewhere it is removed at the end, or by a signal.
 */
export async function unitsFile(): Promise<{ handle: FileHandle; path: string; remove: () => Promise<void> }> {
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

/** What pass 1 keeps besides the temporary file: the record size, each unit's input row, which identity fields occur. */
export interface Records {
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
export interface PartitionCounts {
  readonly year: RankCounts;
  readonly group: RankCounts;
  readonly years: Map<number | undefined, number>;
  readonly groups: Map<string, number>;
}

/** The partition number of `key`, numbering new keys in order. */
export function partitionOf<K>(map: Map<K, number>, key: K): number {
  let p = map.get(key);
  if (p === undefined) map.set(key, (p = map.size));
  return p;
}

/**
 * Pass 1: each unit's numbers as one fixed-size record of doubles (published values scaled, scores,
 * coverage: 3 per node), in input order, so that pass 2 reads any unit back by its index.
 */
export async function writeRecords(stream: ScoreStream, temp: { handle: FileHandle; path: string }, ranking: RankMethod, full: boolean): Promise<Records> {
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

/** Reads record `i` of the temporary file into `bytes` (one record long). */
export function readRecord(fd: number, bytes: Uint8Array, i: number): void {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, i * bytes.length + done);
    if (read === 0) throw new Error(`the temporary file of pass 1 ended before unit ${i}`);
    done += read;
  }
}
