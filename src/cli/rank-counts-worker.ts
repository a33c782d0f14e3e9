/**
 * The worker thread of pass 1 of `dti score --stream`: counts each batch's published values per
 * year and per (year, group) as they come (`countBatch`, the counting of the main thread when
 * there is no worker), and posts the count tables back when asked (`stream-counts.ts`).
 *
 * In: `workerData` `{ nodes }`, then `{ batch }` per batch and `{ finish: true }` at the end.
 * Out, once: `{ year, group }` (the tables), `{ failed: true }` (some value could not be counted),
 * or `{ error }`.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { createRankCounts } from "../rank/rank-counts.ts";
import { countBatch, type CountedBatch } from "./stream-counts.ts";

const port = parentPort!;
const { nodes } = workerData as { nodes: number };
const year = createRankCounts(nodes);
const group = createRankCounts(nodes);
let ok = true;
port.on("message", (m: { batch?: CountedBatch; finish?: true }) => {
  try {
    if (m.batch !== undefined) ok &&= countBatch(year, group, m.batch);
    else if (m.finish === true) port.postMessage(ok ? { year: year.tables(), group: group.tables() } : { failed: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
