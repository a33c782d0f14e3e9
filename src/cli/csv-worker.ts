/**
 * A worker thread of `dti score --stream` for frameworks that normalise across units (read twice):
 * reads the CSV file, cuts it into blocks of rows and reads their plain decimal cells as numbers
 * (`readCsvBlocks`), scores them (`scoreStream`), and posts each scored batch to the main thread,
 * which ranks and writes meanwhile (`stream-in-worker.ts`). It runs ahead by the batches the main
 * thread allows (credits, `worker-items.ts`), so memory stays bounded however fast the scoring is.
 *
 * Messages out (`worker-port.ts`): `{ item }` (a scored batch), `{ end: true, summary }`, `{ error }`,
 * and with `watchGrouped` `{ grouped: true }` once, as soon as a cell may be a number with a
 * thousands separator (`watchGrouped`). In: `{ credit: n }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { Framework } from "../framework/types.ts";
import { streamWith, type StreamOptions } from "../stream/score-stream.ts";
import { rowReader } from "../stream/row-reader.ts";
import { fileBlocks } from "./file-chunks.ts";
import { scoringPort } from "./worker-port.ts";

const port = parentPort!;
const { file, options, watchGrouped, score } = workerData as {
  file: string;
  options: CsvOptions;
  watchGrouped?: boolean;
  score: { framework: Framework; options: StreamOptions; carry: readonly number[] };
};
let grouped = false;

/** Said to the main thread once (`watchGrouped` says it once a pass; the pass after one that said it is not watched). */
function foundGrouped(): void {
  port.postMessage({ grouped: (grouped = true) });
}

// The main thread ranks: this stream keeps no units, and its batches carry the nodes it writes or ranks.
const rows = () => fileBlocks(file, options, watchGrouped === true && !grouped ? foundGrouped : undefined, undefined, true);
await scoringPort(port).serve(() => streamWith(score.framework, rows, score.options, { reader: rowReader, ranks: false, carry: score.carry }));
