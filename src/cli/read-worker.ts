/**
 * The reading worker thread of `dti score --stream`: reads the CSV file, cuts it into blocks of
 * rows, reads each row's identity and sends the units to the scoring worker (`unit-worker.ts`)
 * over the channel of `unit-feed.ts`, while that worker scores the units sent before.
 *
 * Messages: the feed's, on the channel (`workerData.feed`), which also says when a cell may be a
 * number with a thousands separator (with `watchGrouped`): the scoring worker passes it on.
 *
 * @module
 */
import { workerData, type MessagePort } from "node:worker_threads";
import type { Framework } from "../framework/types.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { StreamOptions } from "../stream/score-stream.ts";
import { feedRoom, feedUnits, sparePool } from "./unit-feed.ts";

const { file, options, watchGrouped, score, feed } = workerData as {
  file: string;
  options: CsvOptions;
  watchGrouped?: boolean;
  score: { framework: Framework; options: StreamOptions };
  feed: MessagePort;
};
// Blocks are read into the buffers the scoring worker gives back.
const pool = sparePool();
await feedUnits(file, options, score.framework, score.options, watchGrouped === true, feedRoom(feed, pool), pool.memory);
