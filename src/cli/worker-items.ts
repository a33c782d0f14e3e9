/**
 * The items a worker thread posts (Node), read in order with credits: the worker runs a few items
 * ahead of this thread, so memory stays bounded however fast it works. The streamed CLI's scoring
 * worker posts the scored batches: `unit-worker.ts`, fed by a second worker that reads the file
 * (`read-worker.ts`), or `csv-worker.ts`, which reads the file itself (twice, for a framework that
 * normalises across units).
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type Transferable } from "node:worker_threads";
import { DtiError, type Issue } from "../errors.ts";
import { workerInbox } from "./worker-inbox.ts";

/** Items the worker may post ahead of this thread. */
const AHEAD = 4;

/** The workers' scripts a streamed file is scored with. */
export interface WorkerScripts {
  /** Reads and scores the file (`csv-worker.ts`). */
  readonly file: URL;
  /** Reads the file and cuts it into blocks for the scoring worker (`read-worker.ts`). */
  readonly read: URL;
  /** Reads the identities in the blocks the reading worker sends and scores the units (`unit-worker.ts`). */
  readonly units: URL;
}

/** The workers' scripts beside this module in `dist/`. */
export const WORKER_SCRIPTS: WorkerScripts = {
  file: new URL("./csv-worker.js", import.meta.url),
  read: new URL("./read-worker.js", import.meta.url),
  units: new URL("./unit-worker.js", import.meta.url),
};

/** A worker to start: its script, its `workerData`, and what that data transfers (ports). */
export interface WorkerStart {
  readonly script: URL;
  readonly data: object;
  readonly transfer?: readonly Transferable[];
  /**
   * Its young generation in MiB (default 64): larger for a worker that makes many short-lived
   * cells and units, which it collected in small steps (a quarter of its time at a million units
   * with Node's default); smaller where that costs memory and saves no time.
   */
  readonly youngMb?: number;
}

/** A worker's error made an error again: a `DtiError` with its issues, or an error with its file code. */
export function revive(data: { issues?: readonly Issue[]; message?: string; code?: unknown; path?: unknown; syscall?: unknown }): Error {
  if (data.issues !== undefined) return new DtiError(data.issues, data.message);
  return Object.assign(new Error(data.message ?? "the CSV reader stopped"), { code: data.code, path: data.path, syscall: data.syscall });
}

/** True when `script` (the built worker) is there to start: not when running from the sources. */
export function hasWorker(script: URL): boolean {
  return script.protocol === "file:" && existsSync(fileURLToPath(script));
}

/**
 * The items the worker `scoring` posts, in order, a few ahead (credits); the generator's return
 * value is what the worker's last message carries (`summary`). `reading`, when given, is a second
 * worker that feeds the first (nothing comes from it here but its own failure). `grouped` is
 * called when the scoring worker says a cell may be a number with a thousands separator.
 *
 * @throws a worker's error, made an error again ({@link revive}).
 */
export async function* workerItems<T>(scoring: WorkerStart, grouped?: () => void, reading?: WorkerStart): AsyncGenerator<T, unknown> {
  const start = (w: WorkerStart) => new Worker(w.script, { workerData: w.data, transferList: [...(w.transfer ?? [])], resourceLimits: { maxYoungGenerationSizeMb: w.youngMb ?? 64 } });
  const worker = start(scoring);
  let feeder: Worker | undefined;
  const inbox = workerInbox(worker, "the CSV reader stopped before the end of the file");
  try {
    // The reading worker says what it has to say through the scoring worker: only its own failure
    // (a crash outside its reading) comes here.
    feeder = reading === undefined ? undefined : start(reading);
    feeder?.on("error", (e) => inbox.push({ error: { message: e.message } }));
    worker.postMessage({ credit: AHEAD });
    for (;;) {
      const message = (await inbox.next()) as { item?: T; grouped?: true; end?: true; summary?: unknown; error?: Parameters<typeof revive>[0] };
      if (message.error !== undefined) throw revive(message.error);
      if (message.grouped === true) {
        grouped?.();
        continue;
      }
      if (message.end === true) return message.summary;
      worker.postMessage({ credit: 1 });
      yield message.item!;
    }
  } finally {
    // Done, failed, or the reader stopped early: the workers stop too.
    await Promise.all([worker.terminate(), feeder?.terminate()]);
  }
}
