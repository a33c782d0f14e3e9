/**
 * Pass 2 of the streamed CLI: the units in result order (year, rank, Vietnamese name order, as
 * `score()` lists them), each read back from its record of pass 1 and written by the format's
 * writer (`markdownRankingWriter`, `jsonResultWriter`, `jsonLine`; CSV rows as bytes by
 * `csvByteRows`, the lines of `csvRankingWriter`).
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import { resultHead } from "../pipeline/result-head.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import { nodeCells } from "../pipeline/unit-nodes.ts";
import { coverageSummary, resultOrder, unitHead, unitResult, type UnitIdentity } from "../pipeline/unit-result.ts";
import { createRankStore, type NodeRanks } from "../rank/rank-store.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import { csvByteRows } from "../report/csv-byte-rows.ts";
import type { ByteSink } from "./byte-sink.ts";
import type { CsvRowsPlan } from "./csv-rows.ts";
import { countedRanks, recordTable, type Current, type Parts } from "./record-table.ts";
import { startRowsWorker, writeCsvRows } from "./rows-in-worker.ts";
import { jsonLine, jsonResultWriter } from "../report/to-json.ts";
import { markdownRankingWriter } from "../report/to-markdown.ts";
import type { ScoreStream, StreamOptions, StreamSummary } from "../stream/score-stream.ts";
import type { StreamCliSettings } from "./stream-settings.ts";
import { recordsInOrder, RECORDS_WINDOW, type Records } from "./stream-records.ts";
import { writtenAt } from "./node-depth.ts";

/** The nodes written (`--depth`), in the stream's order: their records hold them in this order. */
export function writtenNodes(stream: ScoreStream, depth: number | undefined): ScoreStream["nodes"] {
  return stream.nodes.filter((info) => writtenAt(info, depth));
}

/**
 * Pass 2: writes every unit, in result order, read back from its record in the temporary file
 * `fd`, whose nodes are `written` ({@link writtenNodes}) by their positions in that list.
 */
export async function writeResult(
  stream: ScoreStream,
  summary: StreamSummary,
  records: Records,
  fd: number,
  settings: StreamCliSettings,
  written: ScoreStream["nodes"],
  framework: Framework,
  options: StreamOptions,
  out: ByteSink,
): Promise<void> {
  const count = summary.units;
  const rootPosition = written.findIndex((info) => info.id === stream.root);
  const infos: NodeInfo[] = written.map(({ position: _, ...info }) => info);
  const nodeIndex = new Map(written.flatMap((info, k) => (info.id === stream.root ? [] : [[info.id, k] as const])));
  const root = summary.ranks.get(stream.root)!;
  // CSV rows of units without years or groups, ranked by counting: written from the records (which
  // keep the units' names and codes, but long ones), on both cores when there are many (a worker
  // started now, while the result order is made).
  const plainCsv = settings.format === "csv" && records.identity >= 0 && !records.has.year && !records.has.group && records.counts !== undefined;
  const worker = plainCsv ? startRowsWorker(count) : undefined;
  try {
    // It reads the records meanwhile, for both threads.
    worker?.load(fd, records.width, count);
    const order = unitOrder(summary, root, records);
    if (plainCsv) {
      const counts = records.counts!;
      counts.year.finish(options.ranking === "dense" ? "dense" : "competition");
      const plan: CsvRowsPlan = {
        root: stream.root,
        nodes: infos,
        has: records.has,
        csv: settings.csv,
        index: [...nodeIndex],
        rootPosition,
        decimals: stream.decimals,
        records: { width: records.width, nodes: records.nodes, full: records.full, identity: records.identity },
        units: count,
        rootRank: root.rank,
        counts: counts.year.tables(),
        windowBytes: RECORDS_WINDOW,
      };
      await writeCsvRows(plan, fd, order, records.unkept, (i) => summary.unit(i), out, worker);
      return;
    }
    await writeUnits(stream, summary, records, fd, settings, framework, options, out, { order, root, rootPosition, infos, nodeIndex });
  } finally {
    await worker?.stop();
  }
}

/** Pass 2 unit by unit, through each unit's identity and a node table of its record (every format and case but {@link writeCsvRows}'). */
async function writeUnits(
  stream: ScoreStream,
  summary: StreamSummary,
  records: Records,
  fd: number,
  settings: StreamCliSettings,
  framework: Framework,
  options: StreamOptions,
  out: ByteSink,
  at: { order: Int32Array; root: NodeRanks; rootPosition: number; infos: NodeInfo[]; nodeIndex: Map<string, number> },
): Promise<void> {
  const { order, root, rootPosition, infos, nodeIndex } = at;
  const count = summary.units;
  // The record of the unit being written, read as the node table of `unitResult`.
  const current: Current = { record: new Float64Array(records.width) };
  const parts: Parts = { year: 0, group: -1 };
  const rankOf = nodeRanks(summary, records, fd, current, options.ranking ?? "competition");
  const table = recordTable(current, records, rootPosition, stream.decimals, root, rankOf.one, parts);
  const recordAt = recordsInOrder(fd, records, order);
  const shape: RankingShape = { root: stream.root, nodes: infos, has: records.has };
  const json = settings.format === "json" ? jsonResultWriter(resultHead(framework, infos, { ...options, decimals: stream.decimals, ties: "published" })) : undefined;
  // CSV rows are written as bytes from the record and the ranks, without node objects or strings per cell.
  const csv = settings.format === "csv" ? csvByteRows(shape, settings.csv, nodeIndex, stream.decimals, rootPosition >= 0 ? rootPosition : undefined) : undefined;
  const md = settings.format === "md" ? markdownRankingWriter(shape, settings.markdown) : undefined;
  const numbers = { published: current.record, ranks: new Int32Array(records.nodes) };
  const coverage = new Float64Array(count);
  const first = json?.open ?? csv?.header ?? md?.head;
  if (first !== undefined) await out.add(first);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    current.record = numbers.published = recordAt(k);
    const info = summary.unit(i);
    setParts(parts, records, info);
    // A fresh object each time: given its row in place, without a copy. A CSV ranking has no
    // column of input rows, and its rows do not read one (a read at a random place per unit).
    const identity: UnitIdentity = Object.assign(info, { row: csv !== undefined ? 0 : records.rows[i]! });
    let full: Promise<void> | undefined;
    if (csv !== undefined) {
      const u = unitHead(identity, undefined, table, i, rootPosition);
      rankOf.all(i, parts.year, numbers.ranks);
      csv.row(u, numbers, out.buffer);
      full = out.added();
    } else {
      const u = unitResult(identity, undefined, table, i, rootPosition, nodeIndex);
      coverage[k] = u.coverage;
      full = out.add(json !== undefined ? json.unit(u, k) : md !== undefined ? md.row(u, nodeCells(u)) : jsonLine(u));
    }
    if (full !== undefined) await full;
  }
  if (json !== undefined) await out.add(`${json.close({ coverage: coverageSummary(coverage), warnings: summary.warnings }, count)}\n`);
}

/**
 * The units' result order (year, index rank, Vietnamese name order, code, position): names and
 * codes asked of the summary only for ties their numbers do not settle (`records.numbered`), years
 * only when some unit has one.
 */
function unitOrder(summary: StreamSummary, root: NodeRanks, records: Pick<Records, "has" | "numbered">): Int32Array {
  const count = summary.units;
  let yearOf = (_: number): number | undefined => undefined;
  if (records.has.year) {
    const years = Float64Array.from({ length: count }, (_, i) => summary.unit(i).year ?? NaN);
    yearOf = (i) => (Number.isNaN(years[i]!) ? undefined : years[i]!);
  }
  return resultOrder(count, (i) => summary.unit(i).unit, (i) => summary.unit(i).code, yearOf, (i) => root.rank[i]! || null, records.numbered);
}

/** The partitions of unit `info` (its year, its year and group) as the rank counts numbered them. */
function setParts(parts: Parts, records: Records, info: { readonly year?: number; readonly group?: string }): void {
  if (records.counts !== undefined) {
    parts.year = records.counts.years.get(info.year)!;
    parts.group = info.group === undefined ? -1 : records.counts.groups.get(`${info.year ?? ""}\u0000${info.group}`)!;
  } else {
    parts.group = info.group === undefined ? -1 : 0;
  }
}

/**
 * The rank of node `k` for unit `i` (whose record is in `record`), overall (`yearPart` ≥ 0) or in
 * its group (`groupPart` ≥ 0) (`one`), and every node's overall rank of unit `i` at once (`all`):
 * read from the counts, or, for ordinal ranks and keys that could not be counted, from a rank
 * store of every node filled from the records (a key per node and unit in memory, as `score()`
 * keeps them).
 */
function nodeRanks(summary: StreamSummary, records: Records, fd: number, current: Current, ranking: RankMethod) {
  const counts = records.counts;
  if (counts !== undefined) {
    const method = ranking === "dense" ? "dense" : "competition";
    counts.year.finish(method);
    counts.group.finish(method);
    return countedRanks(counts.year, counts.group, current);
  }
  const store = createRankStore(records.nodes);
  const inputOrder = recordsInOrder(fd, records, Int32Array.from({ length: summary.units }, (_, i) => i));
  for (let i = 0; i < summary.units; i++) {
    const u = summary.unit(i);
    store.add(u.unit, u.code, u.year, u.group, inputOrder(i).subarray(0, records.nodes));
  }
  const ranks = store.rank(ranking);
  return {
    one: (i: number, k: number, _yearPart: number, groupPart: number) => (groupPart >= 0 ? ranks[k]!.groupRank[i]! : ranks[k]!.rank[i]!),
    all: (i: number, _yearPart: number, into: Int32Array) => {
      for (let k = 0; k < into.length; k++) into[k] = ranks[k]!.rank[i]!;
    },
  };
}
