/**
 * CSV blocks read on a worker thread (Node): the same items as `readCsvBlocks(fileChunks(file))`,
 * with the reading, cutting and number parsing on a second core while the main thread scores.
 * Without the worker's script (running from source, not from `dist/`), or where worker threads
 * cannot start, the blocks are read on this thread: the items are the same either way.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { readCsvBlocks } from "../input/csv/csv-blocks.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { CsvStreamRow } from "../input/csv/read-csv-stream.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import { DtiError, type Issue } from "../errors.ts";
import { fileChunks } from "./file-chunks.ts";
import { watchGrouped } from "./stream-grouped.ts";

/** Items (blocks, or scored batches) the worker may read ahead of the main thread. */
const AHEAD = 4;

/** The worker's script beside this module in `dist/` (built from `csv-worker.ts`). */
export const WORKER_SCRIPT = new URL("./csv-worker.js", import.meta.url);

/** A worker's error made an error again: a `DtiError` with its issues, or an error with its file code. */
function revive(data: { issues?: readonly Issue[]; message?: string; code?: unknown; path?: unknown; syscall?: unknown }): Error {
  if (data.issues !== undefined) return new DtiError(data.issues, data.message);
  return Object.assign(new Error(data.message ?? "the CSV reader stopped"), { code: data.code, path: data.path, syscall: data.syscall });
}

/** True when `script` (the built worker) is there to start: not when running from the sources. */
export function hasWorker(script: URL): boolean {
  return script.protocol === "file:" && existsSync(fileURLToPath(script));
}

/**
 * Reads `file` as `readCsvBlocks` does, on a worker thread when `script` (the built worker) exists.
 * With `grouped`, it is called once, before the first item with a cell that may be a number with
 * a thousands separator is given (as `watchGrouped` calls it; the worker looks through the cells).
 *
 * @throws as `readCsvBlocks` (a `DtiError`, or a file error with its `code`).
 * @example
 * ```ts
 * for await (const item of readCsvBlocksInWorker("fixtures/provinces-63-synthetic.csv")) console.log("kind" in item ? item.rows : item.cells);
 * ```
 */
export async function* readCsvBlocksInWorker(file: string, options: CsvOptions = {}, script: URL = WORKER_SCRIPT, grouped?: () => void): AsyncGenerator<CsvStreamRow | CsvBlock> {
  if (!hasWorker(script)) {
    const blocks = readCsvBlocks(fileChunks(file), options);
    yield* grouped === undefined ? blocks : watchGrouped(blocks, grouped);
    return;
  }
  yield* workerItems<CsvStreamRow | CsvBlock>(script, { file, options, watchGrouped: grouped !== undefined }, grouped);
}

/**
 * The items the worker `script` posts (started with `data`), in order, a few ahead (credits); the
 * generator's return value is what the worker's last message carries (`summary`). `grouped` is
 * called when the worker says a cell may be a number with a thousands separator.
 *
 * @throws the worker's error, made an error again ({@link revive}).
 */
export async function* workerItems<T>(script: URL, data: object, grouped?: () => void): AsyncGenerator<T, unknown> {
  // A larger young generation: the worker makes many short-lived cells and units, and collected
  // them in small steps (a quarter of its time at a million units).
  const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const queue: unknown[] = [];
  let wake: (() => void) | undefined;
  const push = (message: unknown) => {
    queue.push(message);
    wake?.();
    wake = undefined;
  };
  worker.on("message", push);
  worker.on("error", (e) => push({ error: { message: e.message } }));
  worker.on("exit", () => push({ exit: true }));
  worker.postMessage({ credit: AHEAD });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as { item?: T; grouped?: true; end?: true; summary?: unknown; exit?: true; error?: Parameters<typeof revive>[0] };
      if (message.error !== undefined) throw revive(message.error);
      if (message.grouped === true) {
        grouped?.();
        continue;
      }
      if (message.end === true) return message.summary;
      if (message.exit === true) throw new Error("the CSV reader stopped before the end of the file");
      worker.postMessage({ credit: 1 });
      yield message.item!;
    }
  } finally {
    // Done, failed, or the reader stopped early: the worker stops too.
    await worker.terminate();
  }
}
