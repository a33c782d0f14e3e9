/**
 * A CSV file's bytes and blocks as the streamed CLI reads them (on its worker thread, or on the
 * main thread without one).
 *
 * @module
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { csvBlocks, type BlockMemory } from "../input/csv/csv-blocks.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { CsvStreamRow } from "../input/csv/read-csv-stream.ts";
import { watchGrouped } from "./stream-grouped.ts";
import { checkedChunks, checkedChunksAsync } from "./utf8-chunks.ts";

/**
 * The file's bytes as the reader takes them: pieces of 1 MiB, each decoded and scanned on its own
 * (at the default 64 KiB, a block's text was gathered from many pieces).
 *
 * @example
 * ```ts
 * for await (const bytes of fileChunks("fixtures/provinces-63-synthetic.csv")) console.log(bytes.length);
 * ```
 */
export function fileChunks(file: string): AsyncIterable<Uint8Array> {
  return createReadStream(file, { highWaterMark: 1 << 20 });
}

/** Bytes read at a time by {@link syncFileChunks}. */
const CHUNK_BYTES = 1 << 20;

/**
 * The file's bytes as {@link fileChunks} gives them, read synchronously, each piece into a new
 * array: for a worker thread that does nothing else while it reads (no stream, no round trip
 * through the thread pool per piece).
 *
 * @example
 * ```ts
 * for (const bytes of syncFileChunks("fixtures/provinces-63-synthetic.csv")) console.log(bytes.length);
 * ```
 */
export function* syncFileChunks(file: string): Generator<Uint8Array> {
  const fd = openSync(file, "r");
  try {
    for (;;) {
      const bytes = new Uint8Array(CHUNK_BYTES);
      const read = readSync(fd, bytes, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield read === CHUNK_BYTES ? bytes : bytes.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's items (header, then blocks) as `readCsvBlocks` reads them from {@link fileChunks}
 * ({@link syncFileChunks} with `sync`: on a worker thread), checked for what is not UTF-8 as the
 * full reader checks it (`utf8-chunks.ts`; a UTF-16 file read as UTF-16); with `found`, watched for a cell that
 * may be a number with a thousands separator (`watchGrouped`); the blocks' arrays given their
 * buffers by `memory` (new ones by default).
 *
 * @example
 * ```ts
 * for await (const item of fileBlocks("fixtures/provinces-63-synthetic.csv")) console.log("kind" in item ? item.rows : item.cells);
 * ```
 */
export function fileBlocks(file: string, options: CsvOptions = {}, found?: () => void, memory?: BlockMemory, sync = false): AsyncIterable<CsvStreamRow | CsvBlock> {
  // Checked as the whole file read at once is (not UTF-8, NUL, U+FFFD; UTF-16 read as such): the
  // block reader decodes only the cells it reads as text, and would not say so.
  const chunks = sync ? checkedChunks(syncFileChunks(file), file) : checkedChunksAsync(fileChunks(file), file);
  const items = csvBlocks(chunks, options, memory);
  return found === undefined ? items : watchGrouped(items, found);
}
