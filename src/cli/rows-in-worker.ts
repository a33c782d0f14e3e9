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
import { csvRows, ROW_SEGMENT, type CsvRowsPlan, type NameOf } from "./csv-rows.ts";
import type { ByteSink } from "./byte-sink.ts";
import { hasWorker, revive } from "./worker-items.ts";
import { workerInbox } from "./worker-inbox.ts";
import { RECORDS_WINDOW } from "./stream-records.ts";

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
  /**
   * Has the worker read the `units` records of `width` numbers of the temporary file `fd` into
   * memory both threads share (`sharedRecords`, up to `limit` bytes), at once: before the result
   * order is made.
   */
  load(fd: number, width: number, units: number, limit?: number): void;
  /**
   * The records it read; undefined when they were too many to hold (or not asked for: `load`),
   * then each thread reads its own back a window at a time. Rejects with the worker's error when
   * it could not read them.
   */
  records(): Promise<Float64Array | undefined>;
  /**
   * Gives the worker its part: the units of the odd segments of `order` (`nameOf` gives the names
   * and codes of those whose records could not keep them: `unkept`).
   */
  start(plan: CsvRowsPlan, fd: number, order: Int32Array, unkept: Int32Array, nameOf: NameOf): void;
  /** The bytes of the worker's next segment, once written. */
  next(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

/**
 * Starts a rows worker for `units` units, or undefined when one would not pay, its script is not
 * there, or no thread can be started (the main thread then writes every row).
 */
export function startRowsWorker(units: number, script: URL = ROWS_WORKER): RowsWorker | undefined {
  if (units < 2 * ROW_SEGMENT || !hasWorker(script)) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(script);
  } catch {
    return undefined;
  }
  const inbox = workerInbox(worker, "the rows worker stopped before its last row");
  let loaded: Promise<Float64Array | undefined> | undefined;
  return {
    load: (fd, width, units, limit = RECORDS_WINDOW) => {
      worker.postMessage({ load: { fd, width, units, limit } });
      loaded = inbox.next().then((message) => {
        const m = message as { records?: Float64Array | null; error?: Parameters<typeof revive>[0] };
        if (m.records === undefined) throw revive(m.error ?? {});
        return m.records ?? undefined;
      });
      // Failed, it is said when the records are asked for (`records()` rejects).
      loaded.catch(() => undefined);
    },
    records: () => loaded ?? Promise.resolve(undefined),
    start: (plan, fd, order, unkept, nameOf) => {
      const part = segmentsOf(order, 1);
      const names = new Map<number, ReturnType<NameOf>>();
      if (unkept.length > 0) {
        const inPart = new Set(part);
        for (const i of unkept) if (inPart.has(i)) names.set(i, nameOf(i));
      }
      worker.postMessage({ job: { plan, fd, order: part, names } }, [part.buffer as ArrayBuffer]);
    },
    async next() {
      const message = (await inbox.next()) as { bytes?: Uint8Array; error?: Parameters<typeof revive>[0] };
      if (message.bytes === undefined) throw revive(message.error ?? {});
      worker.postMessage({ took: 1 });
      return message.bytes;
    },
    stop: async () => void (await worker.terminate()),
  };
}

/**
 * Writes the CSV rows of the units `order` (all of them, in result order) to `out`: with `worker`,
 * the odd segments are the worker's, taken in turn. `unkept` and `nameOf`: the units whose records
 * could not keep their names and codes, and those names and codes.
 */
export async function writeCsvRows(plan: CsvRowsPlan, fd: number, order: Int32Array, unkept: Int32Array, nameOf: NameOf, out: ByteSink, worker: RowsWorker | undefined): Promise<void> {
  // Two threads read the records at once: each a window half the size (unless the worker has read them all, for both).
  const each = worker === undefined ? plan : { ...plan, windowBytes: Math.max(1, Math.floor(plan.windowBytes / 2)) };
  const all = await worker?.records();
  worker?.start(each, fd, order, unkept, nameOf);
  const rows = csvRows(each, fd, worker === undefined ? order : segmentsOf(order, 0), nameOf, all);
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
