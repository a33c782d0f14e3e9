/**
 * The reading worker thread of `dti score --stream`: reads the CSV file, cuts it into blocks of
 * rows (their plain decimal cells read as numbers, their identity cells as text) and sends them to the scoring worker
 * (`unit-worker.ts`) over the channel of `block-feed.ts`, while that worker scores the blocks sent
 * before.
 *
 * Messages: the feed's, on the channel (`workerData.feed`), which also says when a cell may be a
 * number with a thousands separator (with `watchGrouped`): the scoring worker passes it on.
 *
 * @module
 */
import { workerData, type MessagePort } from "node:worker_threads";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { Framework } from "../framework/types.ts";
import type { StreamOptions } from "../stream/stream-types.ts";
import { feedBlocks, feedRoom, sparePool } from "./block-feed.ts";

const { file, options, watchGrouped, score, feed } = workerData as {
  file: string;
  options: CsvOptions;
  watchGrouped?: boolean;
  score: { framework: Framework; options: StreamOptions };
  feed: MessagePort;
};
// Blocks are read into the buffers the scoring worker gives back.
const pool = sparePool();
await feedBlocks(file, options, score.framework, score.options, watchGrouped === true, feedRoom(feed, pool), pool.memory);
