/**
 * The worker thread of pass 2 of `dti score --stream` with CSV output: writes the rows of the
 * chunks of units it is given (`csvChunkWriter`, the writer of the main thread's chunks) and posts
 * their bytes back, while the main thread writes the chunk before (`stream-csv-chunks.ts`).
 *
 * In: `workerData` (the chunks' plan), then one message per chunk. Out: `{ bytes }` per chunk, in
 * the order given (the buffer transferred), or `{ error }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { csvChunkWriter, type CsvChunk, type CsvChunkPlan } from "./stream-csv-chunks.ts";

const port = parentPort!;
const write = csvChunkWriter(workerData as CsvChunkPlan);
port.on("message", (chunk: CsvChunk) => {
  try {
    const out = { bytes: new Uint8Array(1 << 20), length: 0 };
    write(chunk, out);
    const bytes = out.bytes.subarray(0, out.length);
    port.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
