/**
 * The worker thread of `dti score --stream`: reads the CSV file, cuts it into blocks of rows and
 * reads their plain decimal cells as numbers (`readCsvBlocks`), and posts each block to the main
 * thread, which scores them meanwhile (`csv-blocks-worker.ts`). It runs ahead by the blocks the
 * main thread allows (credits), so memory stays bounded however fast the reading is.
 *
 * Messages out: `{ item }` (the header row, then blocks; typed arrays transferred), `{ end: true }`,
 * `{ error }` (a `DtiError`'s issues, or a file error's code and message), and with `watchGrouped`
 * `{ grouped: true }` once, before the first item with a cell that may be a number with a thousands
 * separator (`itemMayBeGrouped`: the cells are looked through here, not on the main thread, which
 * is the busier one). In: `{ credit: n }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { readCsvBlocks } from "../input/csv/csv-blocks.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import { DtiError } from "../errors.ts";
import { itemMayBeGrouped } from "./stream-grouped.ts";
import { fileChunks } from "./file-chunks.ts";

const port = parentPort!;
const { file, options, watchGrouped } = workerData as { file: string; options: CsvOptions; watchGrouped?: boolean };
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

try {
  for await (const item of readCsvBlocks(fileChunks(file), options)) {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    if (!grouped && itemMayBeGrouped(item)) {
      grouped = true;
      port.postMessage({ grouped: true });
    }
    if ("kind" in item) {
      const block = item as CsvBlock;
      port.postMessage({ item: block }, [block.lines.buffer as ArrayBuffer, block.numbers.buffer as ArrayBuffer, block.spans.buffer as ArrayBuffer]);
    } else port.postMessage({ item });
  }
  port.postMessage({ end: true });
} catch (e) {
  port.postMessage({ error: plainError(e) });
}
