/**
 * Pass 1's rank counts (every node's published values counted per year, and per year and group)
 * taken on a worker thread (`rank-counts-worker.ts`) while the main thread scores the next batch:
 * counting a million units × 106 nodes is 106 million increments at random places, a tenth of the
 * stream's time on the main thread, while the reading worker idled half of it. The main thread
 * numbers the partitions (its maps of years and groups are what pass 2 reads) and hands each
 * batch's values over; the counts come back at the end. Without the worker's script (running
 * from source, not from `dist/`) the counting is done on the main thread, the same counts either way.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createRankCounts, rankCountsFrom, type RankCounts, type RankTables } from "../rank/rank-counts.ts";
import type { StreamBatch } from "../stream/score-stream.ts";

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

/** A batch's values to count: every unit's published values (unit-major) and its partitions (−1: no group). */
export interface CountedBatch {
  readonly nodes: number;
  readonly size: number;
  readonly published: Float64Array;
  readonly yearPart: Int32Array;
  readonly groupPart: Int32Array;
}

/** Counts a batch's values into `year` and `group`; false when they cannot be counted (the counts are then unusable). */
export function countBatch(year: RankCounts, group: RankCounts, batch: CountedBatch): boolean {
  const n = batch.nodes;
  for (let k = 0; k < batch.size; k++) {
    const published = batch.published.subarray(k * n, (k + 1) * n);
    if (!year.add(batch.yearPart[k]!, published)) return false;
    if (batch.groupPart[k]! >= 0 && !group.add(batch.groupPart[k]!, published)) return false;
  }
  return true;
}

/** The worker's script beside this module in `dist/` (built from `rank-counts-worker.ts`). */
const WORKER_SCRIPT = new URL("./rank-counts-worker.js", import.meta.url);

/**
 * Counts batches of `nodes` nodes as they come (`add`), on a worker where its script is found;
 * `finish` gives the counts, or undefined when some value could not be counted; `stop` ends the
 * worker (call it whatever happened).
 */
export function rankCounter(nodes: number, script: URL = WORKER_SCRIPT): { add(batch: StreamBatch): void; finish(): Promise<PartitionCounts | undefined>; stop(): Promise<unknown> } {
  const years = new Map<number | undefined, number>();
  const groups = new Map<string, number>();
  const worker = counterWorker(nodes, script);
  const here = worker === undefined ? { year: createRankCounts(nodes), group: createRankCounts(nodes), ok: true } : undefined;
  return {
    add(batch) {
      const counted = partitioned(batch, years, groups);
      if (worker !== undefined) worker.add(counted);
      else if (here!.ok) here!.ok = countBatch(here!.year, here!.group, counted);
    },
    async finish() {
      if (worker === undefined) return here!.ok ? { year: here!.year, group: here!.group, years, groups } : undefined;
      const tables = await worker.finish();
      return tables === undefined ? undefined : { year: rankCountsFrom(tables.year), group: rankCountsFrom(tables.group), years, groups };
    },
    stop: async () => worker?.stop(),
  };
}

/** A batch's values with each unit's partitions numbered. */
function partitioned(batch: StreamBatch, years: Map<number | undefined, number>, groups: Map<string, number>): CountedBatch {
  const yearPart = new Int32Array(batch.size);
  const groupPart = new Int32Array(batch.size);
  for (let k = 0; k < batch.size; k++) {
    const unit = batch.units[k]!;
    yearPart[k] = partitionOf(years, unit.year);
    groupPart[k] = unit.group === undefined ? -1 : partitionOf(groups, `${unit.year ?? ""}\u0000${unit.group}`);
  }
  return { nodes: batch.nodes, size: batch.size, published: batch.published, yearPart, groupPart };
}

/** The counting worker: batches posted (their values copied), the tables asked for at the end. */
function counterWorker(nodes: number, script: URL) {
  if (script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { nodes } });
  } catch {
    return undefined;
  }
  // Its one answer (the tables, or an error met while counting), listened for from the start.
  const answer = new Promise<{ year?: RankTables; group?: RankTables; failed?: true; error?: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the rank counts' worker stopped")));
  });
  answer.catch(() => undefined);
  return {
    add(batch: CountedBatch): void {
      // The values are copied (the batch is the caller's); the partitions are made here and moved.
      worker.postMessage({ batch }, [batch.yearPart.buffer as ArrayBuffer, batch.groupPart.buffer as ArrayBuffer]);
    },
    async finish(): Promise<{ year: RankTables; group: RankTables } | undefined> {
      worker.postMessage({ finish: true });
      const m = await answer;
      if (m.error !== undefined) throw new Error(m.error);
      return m.failed === true ? undefined : { year: m.year!, group: m.group! };
    },
    stop: () => worker.terminate(),
  };
}
