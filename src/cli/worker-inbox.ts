/**
 * The messages a worker thread posts, taken in order by a loop that waits for each: the worker's
 * crash and its exit come as `{ error }` messages too (after everything it posted), so that a loop
 * waiting for a message the worker will never send is told why instead of waiting for ever.
 *
 * @module
 */
import type { Worker } from "node:worker_threads";
import { wakeUp } from "./wake-up.ts";

/**
 * The inbox of `worker`: `next()` gives its next message once it has come; `push` adds one (what
 * another worker's failure says, for example); `exited` is the message of the error its exit
 * makes.
 */
export function workerInbox(worker: Worker, exited: string): { next(): Promise<unknown>; push(message: unknown): void } {
  const queue: unknown[] = [];
  const signal = wakeUp();
  const push = (message: unknown) => {
    queue.push(message);
    signal.wake();
  };
  worker.on("message", push);
  worker.on("error", (e) => push({ error: { message: e.message } }));
  worker.on("exit", () => push({ error: { message: exited } }));
  return {
    push,
    async next() {
      while (queue.length === 0) await signal.wait();
      return queue.shift();
    },
  };
}
