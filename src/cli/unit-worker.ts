/**
 * The scoring worker thread of `dti score --stream`: given the units of a CSV file read on the
 * main thread (`unit-feed.ts`), it scores them as `scoreStream` does and posts each scored batch
 * back (`worker-port.ts`), while the main thread reads on, ranks and writes: the reading and the
 * scoring of a million rows each take a core.
 *
 * Messages in: `{ credit: n }` (batches the main thread takes), and the feed's messages, each
 * answered with `{ took: 1 }` when the scoring takes it (the main thread sends a few ahead).
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Framework } from "../framework/types.ts";
import { streamWith, type StreamOptions } from "../stream/score-stream.ts";
import { fedReader, type FeedMessage } from "./unit-feed.ts";
import { scoringPort } from "./worker-port.ts";

const port = parentPort!;
const { score } = workerData as { score: { framework: Framework; options: StreamOptions } };
const inbox: FeedMessage[] = [];
let wake: (() => void) | undefined;

/** The next message of the feed, once it has come. */
async function next(): Promise<FeedMessage> {
  while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  port.postMessage({ took: 1 });
  return inbox.shift()!;
}

const scoring = scoringPort(port, (message) => {
  inbox.push(message as FeedMessage);
  wake?.();
  wake = undefined;
});
await scoring.serve(() => streamWith(score.framework, [], score.options, fedReader(next)));
