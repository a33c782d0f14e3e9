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

/** Messages the main thread may send ahead of the worker's taking them (a feed's blocks of rows). */
const FEED_AHEAD = 6;

/** The worker's script beside this module in `dist/` (built from `csv-worker.ts`): it reads and scores a file. */
export const WORKER_SCRIPT = new URL("./csv-worker.js", import.meta.url);

/** The worker's script that scores units read on this thread (built from `unit-worker.ts`). */
export const UNIT_WORKER_SCRIPT = new URL("./unit-worker.js", import.meta.url);

/** Sends a message to the worker (its buffers transferred), once it has room for one more. */
export type FeedSend = (message: object, transfer: ArrayBuffer[]) => Promise<void>;

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
 * The items the worker `script` posts (started with `data`), in order, a few ahead (credits); the
 * generator's return value is what the worker's last message carries (`summary`). `grouped` is
 * called when the worker says a cell may be a number with a thousands separator. `feed`, when
 * given, sends the worker its input meanwhile (a few messages ahead of the worker's `{ took }`).
 *
 * @throws the worker's error, made an error again ({@link revive}).
 */
export async function* workerItems<T>(script: URL, data: object, grouped?: () => void, feed?: (send: FeedSend) => Promise<void>): AsyncGenerator<T, unknown> {
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
  const room = feedRoom(worker);
  worker.on("message", (message: { took?: number }) => (typeof message.took === "number" ? room.took(message.took) : push(message)));
  worker.on("error", (e) => push({ error: { message: e.message } }));
  worker.on("exit", () => push({ exit: true }));
  worker.postMessage({ credit: AHEAD });
  // A feed that fails says so to the worker, in order; one stopped by the end ends quietly.
  feed?.(room.send).catch(() => undefined);
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
    // Done, failed, or the reader stopped early: the worker stops too, and so does the feed.
    room.stop();
    await worker.terminate();
  }
}

/** The feed's room in the worker: {@link FEED_AHEAD} messages not yet taken; `send` throws once stopped. */
function feedRoom(worker: Worker) {
  let room = FEED_AHEAD;
  let stopped = false;
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    wake?.();
    wake = undefined;
  };
  return {
    async send(message: object, transfer: ArrayBuffer[]): Promise<void> {
      while (room <= 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
      if (stopped) throw new Error("the scoring worker has stopped");
      room--;
      worker.postMessage(message, transfer);
    },
    took(n: number) {
      room += n;
      wakeUp();
    },
    stop() {
      stopped = true;
      wakeUp();
    },
  };
}
