/**
 * A scoring worker's side of `worker-items.ts`: credits in, scored batches out (their typed arrays
 * transferred), then the stream's summary, or its error as plain data. The streamed CLI has two
 * such workers: one that reads the file itself (`csv-worker.ts`) and one that is given the units
 * read by the reading worker (`unit-worker.ts`).
 *
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import { DtiError } from "../errors.ts";
import type { ScoreStream, StreamBatch } from "../stream/score-stream.ts";
import { packUnits, unpackUnits, type PackedUnits } from "./packed-units.ts";
import { wakeUp } from "./wake-up.ts";

/** A scored batch as posted: its units as columns (see `packed-units.ts`). */
export type SentBatch = Omit<StreamBatch, "units"> & { readonly units: PackedUnits };

/** A batch as posted, made a {@link StreamBatch} again. */
export function receivedBatch(sent: SentBatch): StreamBatch {
  return { ...sent, units: unpackUnits(sent.units) };
}

/** The error as plain data: a `DtiError`'s issues, or a (file) error's code, message and path. */
export function plainError(e: unknown): unknown {
  if (e instanceof DtiError) return { issues: e.issues, message: e.message };
  const { code, path, syscall, message } = e as { code?: unknown; path?: unknown; syscall?: unknown; message?: unknown };
  return { code, path, syscall, message: typeof message === "string" ? message : String(e) };
}

/**
 * Listens on `port` for credits. `serve` posts the
 * batches of the stream `open` makes, one per credit, then its summary (or its error), with what
 * `more` adds to it once the stream is read.
 */
export function scoringPort(port: MessagePort): { serve(open: () => ScoreStream, more?: () => object): Promise<void> } {
  let credit = 0;
  const signal = wakeUp();
  port.on("message", (message: { credit?: number }) => {
    if (typeof message.credit !== "number") return;
    credit += message.credit;
    signal.wake();
  });
  return {
    async serve(open, more) {
      try {
        const stream = open();
        for await (const item of stream.batches()) {
          while (credit <= 0) await signal.wait();
          credit--;
          const sent: SentBatch = { ...item, units: packUnits(item.units) };
          port.postMessage({ item: sent }, [item.scores.buffer as ArrayBuffer, item.published.buffer as ArrayBuffer, item.coverage.buffer as ArrayBuffer]);
        }
        const { ok, rows, exactUnits, errorCount, warningCount, errors, warnings } = stream.summary();
        port.postMessage({ end: true, summary: { ok, rows, exactUnits, errorCount, warningCount, errors, warnings, ...more?.() } });
      } catch (e) {
        port.postMessage({ error: plainError(e) });
      }
    },
  };
}
