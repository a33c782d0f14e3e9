/**
 * The items a worker thread posts (Node), read in order with credits: the worker runs a few items
 * ahead of this thread, so memory stays bounded however fast it works. The streamed CLI's worker
 * (`csv-worker.ts`) reads and scores a CSV file and posts the scored batches.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DtiError, type Issue } from "../errors.ts";

/** Items the worker may post ahead of this thread. */
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
