/**
 * `scoreStream` over a CSV file with the reading and the scoring on worker threads (Node): one
 * worker reads and cuts the file into blocks, a second reads the rows' identities in the blocks it
 * is sent, scores the units and posts each scored batch (a framework that normalises across units reads the file twice:
 * one worker reads and scores it). This thread adds the units to its rank store (their names,
 * codes, years, groups and ranked values) and hands the batches on, so that the caller can rank
 * and write (on this thread) while the workers read and score. Without the workers' scripts
 * (running from source, not from `dist/`), or where worker threads cannot start, it all runs on
 * this thread: the batches and the summary are the same either way.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import { createRankStore } from "../rank/rank-store.ts";
import { batchUnit, storeUnit } from "../stream/score-batch.ts";
import { scoreStream, storeSummary, streamWith, unreadSummary, type ScoreStream, type StreamBatch, type StreamOptions, type StreamSummary } from "../stream/score-stream.ts";
import { rowReader } from "../stream/row-reader.ts";
import { MessageChannel } from "node:worker_threads";
import { compileFramework } from "../score/compile.ts";
import { hasNormaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { hasWorker, workerItems, WORKER_SCRIPTS, type WorkerScripts } from "./worker-items.ts";
import { receivedBatch, type SentBatch } from "./worker-port.ts";
import { fileBlocks } from "./file-chunks.ts";
import { repeatWatch, type RepeatWatch } from "./repeat-watch.ts";

/** What the worker's stream says at its end, besides what the rank store here gives. */
type WorkerSummary = Omit<StreamSummary, "units" | "ranks" | "unit" | "rankBytes">;

/**
 * Scores the CSV `file` as `scoreStream(framework, () => readCsvBlocks(…), options)` does, on
 * worker threads when `scripts` (the built workers) exist. With `grouped`, it is called once a cell
 * may be a number with a thousands separator (as `watchGrouped` calls it). With `carried`, the
 * batches carry only the nodes it keeps and the ranked ones (`nodes` gives their places): a caller
 * that writes only some nodes (`--depth`) need not be sent the others. With `repeats` "later", the
 * scoring worker does not check each row for a unit or code read before: this thread looks for
 * repeats among the units it is given and those an error left out (`repeat-watch.ts`), and
 * `unchecked()`, once the stream is read, is true when it found one: the batches and summary may
 * then differ from `scoreStream`'s, and the file must be scored again with "row" (the default;
 * also where the file is read twice, or on this thread alone).
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
export function scoreFileInWorker(
  file: string,
  framework: Framework,
  csvOptions: CsvOptions = {},
  options: StreamOptions = {},
  grouped?: () => void,
  scripts: WorkerScripts = WORKER_SCRIPTS,
  carried?: (info: ScoreStream["nodes"][number]) => boolean,
  repeats: "row" | "later" = "row",
): ScoreStream & { unchecked(): boolean } {
  // The same plan on this thread, unread: the framework and options checked here, and the nodes.
  const every = scoreStream(framework, [], options);
  // The nodes the batches carry (`carried`, and the ranked ones), in plan order (carrying every
  // node, the batches are laid out as the plan's), and the plan with their places.
  const carry = every.nodes.filter((info) => carried === undefined || carried(info) || every.ranked.includes(info.id)).map((info) => info.position).sort((a, b) => a - b);
  // Read once: one worker reads, the other scores. Read twice: one worker does both.
  const fed = !hasNormaliseLeaves(compileFramework(framework));
  if (!(fed ? hasWorker(scripts.read) && hasWorker(scripts.units) : hasWorker(scripts.file))) {
    return Object.assign(streamWith(framework, () => fileBlocks(file, csvOptions, grouped), options, { reader: rowReader, ranks: true, carry }), { unchecked: () => false });
  }
  // The repeat watch of the last reading read to the end (with its summary).
  let watch: RepeatWatch | undefined;
  const plan = streamWith(framework, [], options, { reader: rowReader, ranks: true, carry });
  const position = (id: string) => plan.nodes.find((info) => info.id === id)!.position;
  const ranked = plan.ranked.map(position);
  const root = position(plan.root);
  let summary: StreamSummary | undefined;

  async function* batches(): AsyncGenerator<StreamBatch> {
    const store = createRankStore(ranked.length);
    const keys = new Float64Array(ranked.length);
    summary = undefined;
    watch = undefined;
    const seen = fed && repeats === "later" ? repeatWatch() : undefined;
    const score = { framework, options, carry, repeats: seen === undefined ? "row" : "later" };
    const reading = { file, options: csvOptions, watchGrouped: grouped !== undefined, score };
    let items: AsyncGenerator<SentBatch, unknown>;
    if (fed) {
      const { port1, port2 } = new MessageChannel();
      // Young generations measured on a million rows: as fast as 64 MiB each, 100 MiB less in all
      // (the reading worker reuses its blocks' memory; 16 MiB for the scoring worker, which makes
      // each row's identity, was 0.1 s slower).
      items = workerItems<SentBatch>({ script: scripts.units, data: { score, feed: port2 }, transfer: [port2], youngMb: 32 }, grouped, {
        script: scripts.read,
        data: { ...reading, feed: port1 },
        transfer: [port1],
        youngMb: 16,
      });
    } else items = workerItems<SentBatch>({ script: scripts.file, data: reading }, grouped);
    try {
      for (;;) {
        const next = await items.next();
        if (next.done === true) {
          // The units an error left out, which the repeat watch must see too, are not the summary's.
          const { dropped, ...rest } = next.value as WorkerSummary & { dropped?: { unit: string[]; code: (string | undefined)[]; year: (number | undefined)[] } };
          if (dropped !== undefined) dropped.unit.forEach((unit, k) => seen?.add(unit, dropped.code[k], dropped.year[k]));
          summary = storeSummary(rest, store, plan.ranked, options.ranking);
          watch = seen;
          return;
        }
        const batch = receivedBatch(next.value as SentBatch);
        const n = batch.nodes;
        for (let k = 0; k < batch.size; k++) {
          storeUnit(store, batch.units[k]!, batch.published, k * n, ranked, keys);
          const unit = batch.units[k]!;
          seen?.add(unit.unit, unit.code, unit.year);
        }
        yield batch;
      }
    } finally {
      // Read to the end, failed, or stopped early by the caller: the workers stop (`workerItems`).
      await items.return(undefined);
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
    unchecked: () => {
      if (summary === undefined) unreadSummary();
      return watch?.found === true;
    },
  };
}
