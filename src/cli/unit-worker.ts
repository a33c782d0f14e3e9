/**
 * The scoring worker thread of `dti score --stream`: given the blocks of a CSV file read by the
 * reading worker (`read-worker.ts`, over the channel of `block-feed.ts`), it reads each row's
 * identity and scores the units as `scoreStream` does, and posts each scored batch to the main
 * thread (`worker-port.ts`), which ranks and writes meanwhile.
 *
 * Messages: the feed's, on the channel (`workerData.feed`), and back on it the buffers of the
 * blocks scored (`{ spare }`); `{ credit: n }` in from the main
 * thread; batches, `{ grouped: true }` (passed on from the feed), summary or error out to it.
 *
 * @module
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { Framework } from "../framework/types.ts";
import { streamWith, type StreamOptions, type StreamUnitId } from "../stream/score-stream.ts";
import { rowReader } from "../stream/row-reader.ts";
import { fedBlocks, feedInbox, type SpareMessage } from "./block-feed.ts";
import { scoringPort } from "./worker-port.ts";

const { score, feed } = workerData as { score: { framework: Framework; options: StreamOptions; carry: readonly number[]; repeats?: "row" | "later" }; feed: MessagePort };
// Repeated units looked for row by row, or by the main thread ("later", see `repeat-watch.ts`),
// which is sent the units an error left out with the summary (with the batches' units, every row
// that has an identity): their names, codes and years only, as columns.
const reader: typeof rowReader = (framework, compiled, options, errors, warnings, missing) => rowReader(framework, compiled, options, errors, warnings, missing, score.repeats ?? "row");
const dropped = { unit: [] as string[], code: [] as (string | undefined)[], year: [] as (number | undefined)[] };
const later =
  score.repeats === "later"
    ? {
        dropped: (unit: StreamUnitId) => {
          dropped.unit.push(unit.unit);
          dropped.code.push(unit.code);
          dropped.year.push(unit.year);
        },
      }
    : {};
// The main thread ranks: this stream keeps no units, and its batches carry the nodes it writes or ranks.
// A cell that may be a number with a thousands separator, said by the reading worker, is said on
// the port of the batches, before the next one.
const grouped = () => parentPort!.postMessage({ grouped: true });
// The buffers of the blocks scored go back to the reading worker, which reads into them again.
const fed = fedBlocks(feedInbox(feed), grouped, (spare) => feed.postMessage({ spare } satisfies SpareMessage, spare));
await scoringPort(parentPort!).serve(() => streamWith(score.framework, fed.rows, score.options, { reader, ranks: false, carry: score.carry, release: fed.release, ...later }), () => (score.repeats === "later" ? { dropped } : {}));
