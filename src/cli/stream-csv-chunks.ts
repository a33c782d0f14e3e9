/**
 * Pass 2's CSV rows a chunk of units at a time, written on two threads: chunks take turns between
 * this thread and a worker (`csv-rows-worker.ts`), each formatted by the same
 * {@link csvChunkWriter}, and their bytes are written in result order. Writing a million units'
 * rows (200 million cells) took a quarter of the stream's time on one thread, while the other core,
 * done reading the CSV, stood idle. Without the worker's script (running from source, not from
 * `dist/`), or where worker threads cannot start, every chunk is written on this thread: the bytes
 * are the same either way.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { formatScaled } from "../number/publish-float.ts";
import type { UnitTable } from "../pipeline/unit-nodes.ts";
import { unitHead, type UnitIdentity } from "../pipeline/unit-result.ts";
import { rankCountsFrom, type RankTables } from "../rank/rank-counts.ts";
import { addBytes, csvByteRows, type ByteBuffer } from "../report/csv-byte-rows.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import type { CsvReportOptions } from "../report/to-csv.ts";

/** What writing any chunk needs: the columns, the records' layout and every node's ranks by key. */
export interface CsvChunkPlan {
  readonly shape: RankingShape;
  readonly csv: CsvReportOptions;
  /** Node id → plan position, the index excluded. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly decimals: number;
  /** The index's plan position. */
  readonly root: number;
  /** Nodes per record; a record is every node's published value, then the index's score and coverage. */
  readonly nodes: number;
  /** Ranks by key per year (the partitions numbered as the records' counts number them). */
  readonly yearRanks: RankTables;
}

/**
 * Units in result order: each one's identity, record, index rank and group rank, and year
 * partition. Names, codes and groups are packed into one text each (a message of thousands of
 * small strings or objects cost a worker's chunk more than writing its rows).
 */
export interface CsvChunk {
  readonly size: number;
  readonly names: PackedTexts;
  readonly codes: PackedTexts;
  readonly groups: PackedTexts;
  /** NaN: no year. */
  readonly years: Float64Array;
  /** The input row of each unit. */
  readonly rows: Int32Array;
  /** The records one after another (`nodes + 2` doubles each). */
  readonly records: Float64Array;
  readonly rank: Int32Array;
  readonly groupRank: Int32Array;
  readonly yearPart: Int32Array;
}

/**
 * Texts (or none) one after another: text k ends at `ends[k]` in `text` and starts where text
 * k − 1 ended; a text that is none is marked by its end written as `~end` (negative).
 */
export interface PackedTexts {
  readonly text: string;
  readonly ends: Int32Array;
}

/** `texts` packed. */
export function packTexts(texts: readonly (string | undefined)[]): PackedTexts {
  const ends = new Int32Array(texts.length);
  let at = 0;
  texts.forEach((t, k) => (ends[k] = t === undefined ? ~at : (at += t.length)));
  return { text: texts.join(""), ends };
}

/** Text `k` of `packed` (undefined for none). */
export function unpackText(packed: PackedTexts, k: number): string | undefined {
  const end = packed.ends[k]!;
  if (end < 0) return undefined;
  const before = k === 0 ? 0 : packed.ends[k - 1]!;
  return packed.text.slice(before < 0 ? ~before : before, end);
}

/** Unit `k` of a chunk: who it is. */
function chunkUnit(c: CsvChunk, k: number): UnitIdentity {
  const unit: { -readonly [K in keyof UnitIdentity]: UnitIdentity[K] } = { unit: unpackText(c.names, k)!, row: c.rows[k]! };
  const code = unpackText(c.codes, k);
  if (code !== undefined) unit.code = code;
  const group = unpackText(c.groups, k);
  if (group !== undefined) unit.group = group;
  if (!Number.isNaN(c.years[k]!)) unit.year = c.years[k]!;
  return unit;
}

/** Writes the CSV rows of a chunk's units (as `csvByteRows` writes them) after `out`'s bytes. */
export function csvChunkWriter(plan: CsvChunkPlan): (chunk: CsvChunk, out: ByteBuffer) => void {
  const rows = csvByteRows(plan.shape, plan.csv, plan.nodeIndex, plan.decimals);
  const counts = rankCountsFrom(plan.yearRanks);
  const { nodes: n, root, decimals } = plan;
  const width = n + 2;
  const ranks = new Int32Array(n);
  let chunk: CsvChunk | undefined;
  let record: Float64Array = new Float64Array(width);
  // The unit being written as the node table `unitHead` reads (the index's cells only).
  const table: UnitTable = {
    score: () => (Number.isNaN(record[n]!) ? null : record[n]!),
    value: () => (Number.isNaN(record[root]!) ? null : formatScaled(record[root]!, decimals)),
    coverage: () => record[n + 1]!,
    rank: (k) => chunk!.rank[k]! || null,
    groupRank: (k) => chunk!.groupRank[k]! || null,
  };
  return (c, out) => {
    chunk = c;
    for (let k = 0; k < c.size; k++) {
      record = c.records.subarray(k * width, (k + 1) * width);
      const u = unitHead(chunkUnit(c, k), undefined, table, k, root);
      counts.ranks(c.yearPart[k]!, record, ranks);
      rows.row(u, { published: record, ranks }, out);
    }
  };
}

/** The worker's script beside this module in `dist/` (built from `csv-rows-worker.ts`). */
const WORKER_SCRIPT = new URL("./csv-rows-worker.js", import.meta.url);

/** Units per chunk: large enough that a message costs little beside its rows. */
export const CHUNK_UNITS = 2048;

/**
 * Writes chunks in turn: `next(from, to)` gathers the units at result positions [from, to) (called
 * in increasing order), every other chunk is written by a worker while this thread writes the one
 * before it, and `write` takes each chunk's bytes in order (its promise, when it returns one, is
 * awaited before the next).
 */
export async function writeCsvChunks(
  plan: CsvChunkPlan,
  count: number,
  next: (from: number, to: number) => CsvChunk,
  out: { readonly buffer: ByteBuffer; added(): Promise<void> | undefined },
  script: URL = WORKER_SCRIPT,
): Promise<void> {
  const here = csvChunkWriter(plan);
  const worker = count > CHUNK_UNITS ? rowsWorker(plan, script) : undefined;
  try {
    for (let from = 0; from < count; ) {
      const mine = next(from, (from = Math.min(count, from + CHUNK_UNITS)));
      const theirs = worker !== undefined && from < count ? worker.write(next(from, (from = Math.min(count, from + CHUNK_UNITS)))) : undefined;
      here(mine, out.buffer);
      await out.added();
      if (theirs === undefined) continue;
      addBytes(out.buffer, await theirs);
      await out.added();
    }
  } finally {
    await worker?.stop();
  }
}

/** A worker thread that writes chunks (one at a time, in the order given), or undefined without its script. */
function rowsWorker(plan: CsvChunkPlan, script: URL) {
  if (script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: plan });
  } catch {
    return undefined;
  }
  const waiting: { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  const fail = (e: Error) => {
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on("message", (m: { bytes?: Uint8Array; error?: string }) => {
    const w = waiting.shift();
    if (m.bytes !== undefined) w?.resolve(m.bytes);
    else w?.reject(new Error(m.error ?? "the CSV rows' worker failed"));
  });
  worker.on("error", fail);
  worker.on("exit", () => fail(new Error("the CSV rows' worker stopped")));
  return {
    write(chunk: CsvChunk): Promise<Uint8Array> {
      const done = new Promise<Uint8Array>((resolve, reject) => waiting.push({ resolve, reject }));
      const arrays = [chunk.records, chunk.rank, chunk.groupRank, chunk.yearPart, chunk.years, chunk.rows, chunk.names.ends, chunk.codes.ends, chunk.groups.ends];
      worker.postMessage(chunk, arrays.map((a) => a.buffer as ArrayBuffer));
      return done;
    },
    stop: () => worker.terminate(),
  };
}
