/**
 * The worker thread of `dti score --stream`: reads the CSV file, cuts it into blocks of rows and
 * reads their plain decimal cells as numbers (`readCsvBlocks`), and, given a framework, scores
 * them too (`scoreStream`): it posts either the blocks (`csv-blocks-worker.ts`) or the scored
 * batches (`stream-in-worker.ts`) to the main thread, which ranks and writes meanwhile. It runs
 * ahead by the items the main thread allows (credits), so memory stays bounded however fast the
 * reading is.
 *
 * Messages out: `{ item }` (the header row, then blocks; or scored batches; typed arrays
 * transferred), `{ end: true }` (with the stream's issues and counts, `summary`, when it scored),
 * `{ error }` (a `DtiError`'s issues, or a file error's code and message), and with
 * `watchGrouped` `{ grouped: true }` once, before the first item with a cell that may be a number
 * with a thousands separator (`itemMayBeGrouped`: the cells are looked through here, not on the
 * main thread, which is the busier one). In: `{ credit: n }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { readCsvBlocks } from "../input/csv/csv-blocks.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { CsvStreamRow } from "../input/csv/read-csv-stream.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { Framework } from "../framework/types.ts";
import { scoreStream, type StreamBatch, type StreamOptions } from "../stream/score-stream.ts";
import { DtiError } from "../errors.ts";
import { fileChunks } from "./file-chunks.ts";
import { itemMayBeGrouped } from "./stream-grouped.ts";

const port = parentPort!;
const { file, options, watchGrouped, score } = workerData as {
  file: string;
  options: CsvOptions;
  watchGrouped?: boolean;
  score?: { framework: Framework; options: StreamOptions };
};
let grouped = watchGrouped !== true;
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

/** The file's items, watched for cells that may be numbers with thousands separators. */
async function* blocks(): AsyncGenerator<CsvStreamRow | CsvBlock> {
  for await (const item of readCsvBlocks(fileChunks(file), options)) {
    if (!grouped && itemMayBeGrouped(item)) {
      grouped = true;
      port.postMessage({ grouped: true });
    }
    yield item;
  }
}

/** The buffers a posted item hands over (not copied): a block's or a batch's typed arrays. */
function transfers(item: CsvStreamRow | CsvBlock | StreamBatch): ArrayBuffer[] {
  if ("kind" in item) return [item.lines.buffer as ArrayBuffer, item.numbers.buffer as ArrayBuffer, item.spans.buffer as ArrayBuffer];
  if ("published" in item) return [item.scores.buffer as ArrayBuffer, item.published.buffer as ArrayBuffer, item.coverage.buffer as ArrayBuffer];
  return [];
}

try {
  const stream = score === undefined ? undefined : scoreStream(score.framework, blocks, score.options);
  for await (const item of stream === undefined ? blocks() : stream.batches()) {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    port.postMessage({ item }, transfers(item));
  }
  if (stream === undefined) port.postMessage({ end: true });
  else {
    const { ok, rows, exactUnits, errorCount, warningCount, errors, warnings } = stream.summary();
    port.postMessage({ end: true, summary: { ok, rows, exactUnits, errorCount, warningCount, errors, warnings } });
  }
} catch (e) {
  port.postMessage({ error: plainError(e) });
}
