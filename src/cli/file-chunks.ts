/**
 * A CSV file's bytes as the streamed CLI reads them (on its worker thread, or on the main thread
 * without one).
 *
 * @module
 */
import { createReadStream } from "node:fs";

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
