/**
 * Pass 2's CSV rows on both cores: the main thread writes the even segments of the result order
 * (`ROW_SEGMENT` units each) and a rows worker (`rows-worker.ts`) the odd ones, which the main
 * thread writes out in turn, so the output is the one thread's, byte for byte. A million rows
 * took a second on one thread, with the other core idle. Fewer units than two segments, or no
 * worker script (running from the sources), and the main thread writes every row.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import { csvRows, ROW_SEGMENT, type CsvRowsPlan } from "./csv-rows.ts";
import type { ByteSink } from "./byte-sink.ts";
import { hasWorker } from "./worker-items.ts";
import { wakeUp } from "./wake-up.ts";

/**
 * The units of `order` in its segments `part`, `part` + 2, `part` + 4 … (part 0 or 1), in order.
 *
 * @example
 * ```ts
 * Array.from(segmentsOf(Int32Array.from([9, 8, 7, 6, 5]), 1, 2)); // => [7, 6]
 * ```
 */
export function segmentsOf(order: Int32Array, part: number, size = ROW_SEGMENT): Int32Array {
  const out = new Int32Array(order.length);
  let n = 0;
  for (let start = part * size; start < order.length; start += 2 * size) {
    const piece = order.subarray(start, Math.min(order.length, start + size));
    out.set(piece, n);
    n += piece.length;
  }
  return out.slice(0, n);
}

/** The rows worker's script, beside this module in `dist/`. */
export const ROWS_WORKER = new URL("./rows-worker.js", import.meta.url);

/** A rows worker, started before its work is known (its start overlaps the result order's making). */
export interface RowsWorker {
  /** Gives the worker its part: the units of the odd segments of `order`. */
  start(plan: CsvRowsPlan, fd: number, order: Int32Array): void;
  /** The bytes of the worker's next segment, once written. */
  next(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

/** Starts a rows worker for `units` units, or undefined when one would not pay (or its script is not there). */
export function startRowsWorker(units: number, script: URL = ROWS_WORKER): RowsWorker | undefined {
  if (units < 2 * ROW_SEGMENT || !hasWorker(script)) return undefined;
  const worker = new Worker(script);
  const inbox: { bytes?: Uint8Array; error?: string }[] = [];
  const signal = wakeUp();
  const push = (message: { bytes?: Uint8Array; error?: string }) => {
    inbox.push(message);
    signal.wake();
  };
  worker.on("message", push);
  worker.on("error", (e) => push({ error: e.message }));
  worker.on("exit", () => push({ error: "the rows worker stopped before its last row" }));
  return {
    start: (plan, fd, order) => {
      const part = segmentsOf(order, 1);
      worker.postMessage({ job: { plan, fd, order: part } }, [part.buffer as ArrayBuffer]);
    },
    async next() {
      while (inbox.length === 0) await signal.wait();
      const message = inbox.shift()!;
      if (message.bytes === undefined) throw new Error(message.error);
      worker.postMessage({ took: 1 });
      return message.bytes;
    },
    stop: async () => void (await worker.terminate()),
  };
}

/**
 * Writes the CSV rows of the units `order` (all of them, in result order) to `out`: with `worker`,
 * the odd segments are the worker's, taken in turn.
 */
export async function writeCsvRows(plan: CsvRowsPlan, fd: number, order: Int32Array, out: ByteSink, worker: RowsWorker | undefined): Promise<void> {
  worker?.start(plan, fd, order);
  const rows = csvRows(plan, fd, worker === undefined ? order : segmentsOf(order, 0));
  await out.add(rows.header);
  for (let s = 0; s * ROW_SEGMENT < order.length; s++) {
    if (worker !== undefined && s % 2 === 1) {
      await out.addBytes(await worker.next());
      continue;
    }
    const end = Math.min(order.length, (s + 1) * ROW_SEGMENT);
    for (let k = s * ROW_SEGMENT; k < end; k++) {
      rows.row(out.buffer);
      const full = out.added();
      if (full !== undefined) await full;
    }
  }
}
