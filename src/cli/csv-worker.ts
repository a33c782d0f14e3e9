/**
 * The worker thread of `dti score --stream`: reads the CSV file, cuts it into blocks of rows and
 * reads their plain decimal cells as numbers (`readCsvBlocks`), scores them (`scoreStream`), and
 * posts each scored batch to the main thread, which ranks and writes meanwhile
 * (`stream-in-worker.ts`). It runs ahead by the batches the main thread allows (credits,
 * `worker-items.ts`), so memory stays bounded however fast the scoring is.
 *
 * Messages out: `{ item }` (a scored batch; its typed arrays transferred), `{ end: true, summary }`
 * (the stream's issues and counts), `{ error }` (a `DtiError`'s issues, or a file error's code and
 * message), and with `watchGrouped` `{ grouped: true }` once, as soon as a cell may be a number
 * with a thousands separator (`watchGrouped`). In: `{ credit: n }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { Framework } from "../framework/types.ts";
import { scoreStream, type StreamOptions } from "../stream/score-stream.ts";
import { DtiError } from "../errors.ts";
import { fileBlocks } from "./file-chunks.ts";

const port = parentPort!;
const { file, options, watchGrouped, score } = workerData as {
  file: string;
  options: CsvOptions;
  watchGrouped?: boolean;
  score: { framework: Framework; options: StreamOptions };
};
let grouped = false;
let credit = 0;
let wake: (() => void) | undefined;
port.on("message", (message: { credit: number }) => {
  credit += message.credit;
  wake?.();
  wake = undefined;
});

/** The error as plain data: a `DtiError`'s issues, or a (file) error's code, message and path. */
function plainError(e: unknown): unknown {
  if (e instanceof DtiError) return { issues: e.issues, message: e.message };
  const { code, path, syscall, message } = e as { code?: unknown; path?: unknown; syscall?: unknown; message?: unknown };
  return { code, path, syscall, message: typeof message === "string" ? message : String(e) };
}

/** Said to the main thread once (`watchGrouped` says it once a pass; the pass after one that said it is not watched). */
function foundGrouped(): void {
  port.postMessage({ grouped: (grouped = true) });
}

try {
  const stream = scoreStream(score.framework, () => fileBlocks(file, options, watchGrouped === true && !grouped ? foundGrouped : undefined), score.options);
  for await (const item of stream.batches()) {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    port.postMessage({ item }, [item.scores.buffer as ArrayBuffer, item.published.buffer as ArrayBuffer, item.coverage.buffer as ArrayBuffer]);
  }
  const { ok, rows, exactUnits, errorCount, warningCount, errors, warnings } = stream.summary();
  port.postMessage({ end: true, summary: { ok, rows, exactUnits, errorCount, warningCount, errors, warnings } });
} catch (e) {
  port.postMessage({ error: plainError(e) });
}
