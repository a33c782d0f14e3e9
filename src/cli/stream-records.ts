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
import { grow } from "../number/grow-array.ts";
import { createRankCounts, type RankCounts } from "../rank/rank-counts.ts";
import { numberedNameReader, type NumberedNames } from "../rank/numbered-names.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { ScoreStream, StreamBatch, StreamUnitId } from "../stream/score-stream.ts";
import { fileErrorMessage } from "./file-error.ts";
import { handleWriter, removeOnSignal } from "./out-file.ts";
import { UsageError } from "./usage-error.ts";
import { IDENTITY_BYTES, keepIdentity } from "../report/csv-byte-rows.ts";

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
  /** Nodes per record: those written (`--depth`), numbered in the order they were given (their record positions). */
  readonly nodes: number;
  /**
   * Doubles per record: each written node's published value, score and coverage (3 × nodes, `full`:
   * JSON, whose units have every written node's numbers), or each written node's published value
   * and the index's score and coverage (nodes + 2: CSV and Markdown, whose rows show only those);
   * for CSV, then the unit's name and code ({@link Records.identity}, 8 doubles).
   */
  readonly width: number;
  /** The records hold every written node's score and coverage (JSON), not only the index's. */
  readonly full: boolean;
  readonly rows: Int32Array;
  readonly has: { readonly code: boolean; readonly group: boolean; readonly year: boolean; readonly members: boolean; readonly unranked: false };
  /** Some unit is assessed but not ranked (the ranked column said so): the stream does not rank those apart. */
  readonly unranked: boolean;
  /** Some unit without a code is named as a totals or averages row ("Tổng cộng"), which `score()` leaves out. */
  readonly summaryNames: boolean;
  /** Every written node's keys counted per year and per year and group, or undefined (ordinal ranks, keys that cannot be counted). */
  readonly counts: PartitionCounts | undefined;
  /**
   * Where each record keeps its unit's name and code cells (the double it starts at, `keepIdentity`'s
   * {@link IDENTITY_BYTES} bytes), or −1: CSV rows, written in rank order, read them there.
   */
  readonly identity: number;
  /** The units (by position in input order) whose records could not keep their name and code (too long). */
  readonly unkept: Int32Array;
  /** The units' names' stems and final numbers (`numberedNames`), read as they came: the result order's. */
  readonly numbered: NumberedNames;
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
 * coverage: 3 per node), in input order, so that pass 2 reads any unit back by its index. Only the
 * nodes written are kept and ranked (`written`: their plan positions, the index among them): a
 * table of the index and its pillars neither stores nor counts a million units' indicators. With
 * `csvDelimiter`, a record also keeps its unit's name and code as CSV cells.
 */
export async function writeRecords(
  stream: ScoreStream,
  temp: { handle: FileHandle; path: string },
  ranking: RankMethod,
  full: boolean,
  written: Int32Array,
  csvDelimiter?: string,
): Promise<Records> {
  const writer = handleWriter(temp.handle, (e) => new UsageError(fileErrorMessage(e, "write", temp.path) ?? `cannot write ${temp.path}: ${(e as Error).message}`));
  const root = stream.nodes.find((info) => info.id === stream.root)!.position;
  const nodes = written.length;
  const numbers = full ? 3 * nodes : nodes + 2;
  const identity = csvDelimiter === undefined ? -1 : numbers;
  const width = numbers + (identity < 0 ? 0 : IDENTITY_BYTES / 8);
  const seen = { has: { code: false, group: false, year: false, members: false, unranked: false as const }, unranked: false, summaryNames: false };
  let counts: PartitionCounts | undefined;
  let rows = new Int32Array(1024);
  let count = 0;
  const unkept: number[] = [];
  const numbered = numberedNameReader(1024);
  // Ordinal ranks depend on names: they are ranked from the records at the end instead.
  if (ranking !== "ordinal") counts = { year: createRankCounts(nodes), group: createRankCounts(nodes), years: new Map(), groups: new Map() };
  for await (const batch of stream.batches()) {
    rows = grow(rows, count + batch.size, (n) => new Int32Array(n));
    const first = count;
    for (let k = 0; k < batch.size; k++) {
      const unit = batch.units[k]!;
      noteUnit(seen, unit);
      numbered.add(unit.unit);
      rows[count++] = unit.row;
    }
    // A fresh buffer each time: the writer may still hold the last one.
    const records = batchRecords(batch, width, written, root, full);
    if (csvDelimiter !== undefined) {
      const bytes = new Uint8Array(records.buffer);
      for (let k = 0; k < batch.size; k++) {
        if (!keepIdentity(bytes, 8 * (k * width + identity), batch.units[k]!.unit, batch.units[k]!.code, csvDelimiter)) unkept.push(first + k);
      }
    }
    if (counts !== undefined && !countBatch(counts, batch, records, width)) counts = undefined;
    await writer.write(new Uint8Array(records.buffer));
  }
  await writer.finish();
  return { nodes, width, full, rows: rows.subarray(0, count), has: seen.has, unranked: seen.unranked, summaryNames: seen.summaryNames, counts, identity, unkept: Int32Array.from(unkept), numbered: numbered.names() };
}

/** Which identity fields occur, and whether some unit is not ranked or named as a totals row. */
function noteUnit(seen: { has: { code: boolean; group: boolean; year: boolean }; unranked: boolean; summaryNames: boolean }, unit: StreamUnitId): void {
  seen.summaryNames ||= unit.code === undefined && isSummaryName(unit.unit);
  seen.unranked ||= unit.ranked === false;
  seen.has.code ||= unit.code !== undefined;
  seen.has.group ||= unit.group !== undefined;
  seen.has.year ||= unit.year !== undefined;
}

/**
 * Counts a batch's published values (the first doubles of each of its `records`, one per written node) in each
 * unit's year's and year and group's partitions; false when they cannot be counted.
 */
function countBatch(counts: PartitionCounts, batch: StreamBatch, records: Float64Array, width: number): boolean {
  for (let k = 0; k < batch.size; k++) {
    const unit = batch.units[k]!;
    // (Read in place: a view per unit was a million objects to collect.)
    const ok =
      counts.year.add(partitionOf(counts.years, unit.year), records, k * width) &&
      (unit.group === undefined || counts.group.add(partitionOf(counts.groups, `${unit.year ?? ""}\u0000${unit.group}`), records, k * width));
    if (!ok) return false;
  }
  return true;
}

/**
 * A batch's records: each written node's published value, then each written node's score and
 * coverage (full) or the index's (`root`: its plan position).
 */
function batchRecords(batch: StreamBatch, width: number, written: Int32Array, root: number, full: boolean): Float64Array {
  const n = batch.nodes;
  const m = written.length;
  const out = new Float64Array(width * batch.size);
  for (let k = 0; k < batch.size; k++) {
    const at = k * width;
    const from = k * n;
    for (let j = 0; j < m; j++) out[at + j] = batch.published[from + written[j]!]!;
    if (full) {
      for (let j = 0; j < m; j++) out[at + m + j] = batch.scores[from + written[j]!]!;
      for (let j = 0; j < m; j++) out[at + 2 * m + j] = batch.coverage[from + written[j]!]!;
    } else {
      out[at + m] = batch.scores[from + root]!;
      out[at + m + 1] = batch.coverage[from + root]!;
    }
  }
  return out;
}

/** Reads `length` bytes at `position` of `fd` into `bytes`. */
function readFully(fd: number, bytes: Uint8Array, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error(`the temporary file of pass 1 ended before byte ${position + length}`);
    done += read;
  }
}

/** Bytes of records pass 2 reads back at a time (128 MiB). */
export const RECORDS_WINDOW = 1 << 27;

/**
 * Every record of the temporary file `fd` (`units` records of `width` numbers), read at once into
 * memory the threads of pass 2 share (the rows worker reads them while the main thread makes the
 * result order); undefined when they are more than `limit` bytes ({@link RECORDS_WINDOW}: then each
 * thread reads them back a window at a time, `recordsInOrder`).
 */
export function sharedRecords(fd: number, width: number, units: number, limit = RECORDS_WINDOW): Float64Array | undefined {
  const bytes = 8 * width * units;
  if (bytes > limit) return undefined;
  let all: Float64Array;
  try {
    all = new Float64Array(new SharedArrayBuffer(bytes));
  } catch (e) {
    // No memory for them at once: read back a window at a time instead.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  readFully(fd, new Uint8Array(all.buffer), bytes, 0);
  return all;
}

/**
 * The records of the units of `order`, in that order, from `all` ({@link sharedRecords}): record
 * `k` of the order is unit `order[k]`'s.
 *
 * @example
 * ```ts
 * const at = recordsFrom(Float64Array.of(1, 2, 3, 4), 2, Int32Array.of(1, 0));
 * Array.from(at(0)); // => [3, 4]
 * ```
 */
export function recordsFrom(all: Float64Array, width: number, order: Int32Array): (k: number) => Float64Array {
  return (k) => all.subarray(order[k]! * width, (order[k]! + 1) * width);
}

/**
 * The records of the temporary file `fd` in `order` (`at(k)`: the record of unit `order[k]`, for k
 * = 0, 1, 2 … in turn; a view, valid until the next call). They are gathered a window of
 * `windowBytes` at a time, each window by one pass reading the file in large pieces (those that
 * hold one of its units): one read per unit, a million reads at random places, took longer than
 * writing the output. `order` may name only some of the file's `units` records (a part of the
 * rows written on another thread).
 */
export function recordsInOrder(fd: number, records: Pick<Records, "width">, order: Int32Array, windowBytes = RECORDS_WINDOW, units = order.length): (k: number) => Float64Array {
  const count = order.length;
  const width = records.width;
  const size = 8 * width;
  const windowUnits = Math.max(1, Math.min(count, Math.floor(windowBytes / size)));
  const pieceUnits = Math.max(1, Math.floor((4 << 20) / size));
  // Each record's place in `order`, or −1.
  const position = new Int32Array(units).fill(-1);
  for (let k = 0; k < count; k++) position[order[k]!] = k;
  // The lowest and highest result position in each piece of the file: a window skips the pieces it has no unit of.
  const pieces = Math.ceil(units / pieceUnits);
  const lowest = new Int32Array(pieces).fill(count);
  const highest = new Int32Array(pieces).fill(-1);
  for (let i = 0; i < units; i++) {
    if (position[i]! < 0) continue;
    const p = Math.floor(i / pieceUnits);
    lowest[p] = Math.min(lowest[p]!, position[i]!);
    highest[p] = Math.max(highest[p]!, position[i]!);
  }
  const window = new Float64Array(windowUnits * width);
  const windowView = new Uint8Array(window.buffer);
  const piece = new Uint8Array(pieceUnits * size);
  let start = -windowUnits;
  const load = (from: number) => {
    start = from;
    const end = Math.min(count, from + windowUnits);
    for (let p = 0; p < pieces; p++) {
      if (highest[p]! < from || lowest[p]! >= end) continue;
      const first = p * pieceUnits;
      const inPiece = Math.min(pieceUnits, units - first);
      readFully(fd, piece, inPiece * size, first * size);
      for (let j = 0; j < inPiece; j++) {
        const k = position[first + j]!;
        if (k >= from && k < end) windowView.set(piece.subarray(j * size, (j + 1) * size), (k - from) * size);
      }
    }
  };
  return (k) => {
    if (k < start || k >= start + windowUnits) load(k);
    return window.subarray((k - start) * width, (k - start + 1) * width);
  };
}
