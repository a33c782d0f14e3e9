/**
 * `scoreStream` over a CSV file with the reading and the scoring on a worker thread (Node): the
 * worker reads, cuts and scores the file and posts each scored batch; this thread adds the units
 * to its rank store (their names, codes, years, groups and ranked values) and hands the batches
 * on, so that the caller can rank and write (on this thread) while the worker scores (on the
 * other core). Without the worker's script (running from source, not from `dist/`), or where
 * worker threads cannot start, it all runs on this thread: the batches and the summary are the
 * same either way.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import { createRankStore } from "../rank/rank-store.ts";
import { batchUnit, storeUnit } from "../stream/score-batch.ts";
import { scoreStream, storeSummary, unreadSummary, type ScoreStream, type StreamBatch, type StreamOptions, type StreamSummary } from "../stream/score-stream.ts";
import { hasWorker, workerItems, WORKER_SCRIPT } from "./worker-items.ts";
import { fileBlocks } from "./file-chunks.ts";

/** What the worker's stream says at its end, besides what the rank store here gives. */
type WorkerSummary = Omit<StreamSummary, "units" | "ranks" | "unit" | "rankBytes">;

/**
 * Scores the CSV `file` as `scoreStream(framework, () => readCsvBlocks(…), options)` does, on a
 * worker thread when `script` (the built worker) exists. With `grouped`, it is called once a cell
 * may be a number with a thousands separator (as `watchGrouped` calls it).
 *
 * @throws `DtiError` for an invalid framework or options (at once, on this thread); the
 *   reading's errors (a `DtiError`, or a file error with its `code`) from `batches()`.
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * const stream = scoreFileInWorker("fixtures/provinces-63-synthetic.csv", getFramework("vn-dti-2020-province"));
 * for await (const batch of stream.batches()) console.log(batch.size);
 * stream.summary().units; // => 63
 * ```
 */
export function scoreFileInWorker(file: string, framework: Framework, csvOptions: CsvOptions = {}, options: StreamOptions = {}, grouped?: () => void, script: URL = WORKER_SCRIPT): ScoreStream {
  if (!hasWorker(script)) return scoreStream(framework, () => fileBlocks(file, csvOptions, grouped), options);
  // The same plan on this thread, unread: the framework and options checked here, and the nodes.
  const plan = scoreStream(framework, [], options);
  const position = (id: string) => plan.nodes.find((info) => info.id === id)!.position;
  const ranked = plan.ranked.map(position);
  const root = position(plan.root);
  let summary: StreamSummary | undefined;

  async function* batches(): AsyncGenerator<StreamBatch> {
    const store = createRankStore(ranked.length);
    const keys = new Float64Array(ranked.length);
    const items = workerItems<StreamBatch>(script, { file, options: csvOptions, watchGrouped: grouped !== undefined, score: { framework, options } }, grouped);
    for (;;) {
      const next = await items.next();
      if (next.done === true) {
        summary = storeSummary(next.value as WorkerSummary, store, plan.ranked, options.ranking);
        return;
      }
      const batch = next.value;
      const n = batch.nodes;
      for (let k = 0; k < batch.size; k++) storeUnit(store, batch.units[k]!, batch.published.subarray(k * n, (k + 1) * n), ranked, keys);
      yield batch;
    }
  }

  return {
    nodes: plan.nodes,
    root: plan.root,
    decimals: plan.decimals,
    ranked: plan.ranked,
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) for (let k = 0; k < batch.size; k++) yield batchUnit(batch, k, root, plan.decimals);
    },
    summary: () => summary ?? unreadSummary(),
  };
}
