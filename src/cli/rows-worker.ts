/**
 * The rows worker thread of `dti score --stream`'s pass 2: given its part of the result order
 * (every other segment, `rows-in-worker.ts`), it writes those units' CSV rows (`csvRows`) while the
 * main thread writes the segments between, and posts each segment's bytes as it is done, at most
 * {@link AHEAD} segments ahead of the main thread's taking them.
 *
 * Messages in: `{ load }` (the temporary file's descriptor, the width and count of its records, the most bytes to hold),
 * at once: it reads every record into shared memory (`sharedRecords`) while the main thread makes
 * the result order; then `{ job }` (the plan, the temporary file's descriptor, the units of its
 * segments in order, the names and codes of those of them whose records could not keep them), then
 * `{ took: 1 }` as the main thread takes each segment. Out: `{ records }` (the shared records, or
 * none when they are too many to hold), then `{ bytes }` per segment (transferred), or
 * `{ error }` (as plain data, `plainError`).
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import type { ByteBuffer } from "../text/utf8-bytes.ts";
import { csvRows, ROW_SEGMENT, type CsvRowsPlan } from "./csv-rows.ts";
import { sharedRecords } from "./stream-records.ts";
import { plainError } from "./worker-port.ts";
import { wakeUp } from "./wake-up.ts";

/** Segments written ahead of the main thread's taking them: enough to keep this thread busy, and its memory a few segments. */
const AHEAD = 2;

/** Its work, given once. */
interface RowsJob {
  readonly plan: CsvRowsPlan;
  readonly fd: number;
  readonly order: Int32Array;
  readonly names: ReadonlyMap<number, { readonly unit: string; readonly code?: string }>;
}

const port = parentPort!;
let room = AHEAD;
const signal = wakeUp();
let job: RowsJob | undefined;
let all: Float64Array | undefined;
port.on("message", (message: { load?: { fd: number; width: number; units: number; limit: number }; job?: RowsJob; took?: number }) => {
  if (message.load !== undefined) {
    const { fd, width, units, limit } = message.load;
    try {
      all = sharedRecords(fd, width, units, limit);
      port.postMessage({ records: all ?? null });
    } catch (e) {
      port.postMessage({ error: plainError(e) });
    }
  }
  if (message.job !== undefined) job = message.job;
  room += message.took ?? 0;
  signal.wake();
});
try {
  while (job === undefined) await signal.wait();
  const { plan, fd, order, names } = job;
  const rows = csvRows(plan, fd, order, (i) => names.get(i)!, all);
  for (let start = 0; start < order.length; start += ROW_SEGMENT) {
    while (room <= 0) await signal.wait();
    room--;
    const out: ByteBuffer = { bytes: new Uint8Array(1 << 21), length: 0 };
    for (let k = start; k < Math.min(order.length, start + ROW_SEGMENT); k++) rows.row(out);
    const bytes = out.bytes.subarray(0, out.length);
    port.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
  }
} catch (e) {
  port.postMessage({ error: plainError(e) });
}
port.close();
