/**
 * Pass 2 of the streamed CLI: the units in result order (year, rank, Vietnamese name order, as
 * `score()` lists them), each read back from its record of pass 1 and written by the format's
 * writer (`markdownRankingWriter`, `jsonResultWriter`, `jsonLine`; CSV rows as bytes by
 * `csvByteRows`, the lines of `csvRankingWriter`).
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import { formatScaled } from "../number/publish-float.ts";
import { resultHead } from "../pipeline/result-head.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import { nodeCells, type UnitTable } from "../pipeline/unit-nodes.ts";
import { coverageSummary, resultOrder, rootNumbers, unitHead, unitResult, type UnitIdentity } from "../pipeline/unit-result.ts";
import { createRankStore, type NodeRanks } from "../rank/rank-store.ts";
import { numberedNames } from "../rank/numbered-names.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { RankingShape } from "../report/ranking-shape.ts";
import { csvByteRows, keepsIdentity } from "../report/csv-byte-rows.ts";
import type { ByteBuffer } from "../text/utf8-bytes.ts";
import { jsonLine, jsonResultWriter } from "../report/to-json.ts";
import { markdownRankingWriter } from "../report/to-markdown.ts";
import type { ScoreStream, StreamOptions, StreamSummary } from "../stream/score-stream.ts";
import type { StreamCliSettings } from "./stream-settings.ts";
import { recordsInOrder, type Records } from "./stream-records.ts";
import { writtenAt } from "./node-depth.ts";

/**
 * Where the output goes: `add` appends text, or bytes are appended to `buffer` and then `added`
 * called; each returns a promise only when the buffer was written (await it then).
 */
export interface ByteSink {
  readonly buffer: ByteBuffer;
  add(text: string): Promise<void> | undefined;
  added(): Promise<void> | undefined;
}

/** The record of the unit being written (a view into the records read in result order). */
interface Current {
  record: Float64Array;
}

/** The partitions the unit being written is ranked in: its year's, and its year and group's (−1: none). */
interface Parts {
  year: number;
  group: number;
}

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
  const order = unitOrder(summary, root);
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
  // CSV rows read each unit's name and code from its record, where pass 1 kept them: without a
  // year or group, such a unit's row reads nothing else of its identity, and one head object,
  // given each unit's numbers in turn, serves them all. Others are asked of the summary.
  const kept = csv !== undefined && records.identity >= 0 ? records.identity : -1;
  const plain = !records.has.year && !records.has.group;
  let keptBytes: Uint8Array = new Uint8Array(0);
  const keptHead = unitHead({ unit: "", row: 0 }, undefined, emptyTable, 0, 0);
  // Without years and groups every unit is in the one partition.
  if (plain) setParts(parts, records, {});
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    const record = recordAt(k);
    current.record = numbers.published = record;
    if (kept >= 0 && keptBytes.buffer !== record.buffer) keptBytes = new Uint8Array(record.buffer);
    const keptAt = record.byteOffset + 8 * kept;
    const keptHere = kept >= 0 && plain && keepsIdentity(keptBytes, keptAt);
    const info = keptHere ? undefined : summary.unit(i);
    if (info !== undefined) setParts(parts, records, info);
    // A fresh object each time: given its row in place, without a copy. A CSV ranking has no
    // column of input rows, and its rows do not read one (a read at a random place per unit).
    const identity: UnitIdentity | undefined = info && Object.assign(info, { row: csv !== undefined ? 0 : records.rows[i]! });
    let full: Promise<void> | undefined;
    if (csv !== undefined) {
      const u = identity === undefined ? rootNumbers(keptHead, table, i, rootPosition) : unitHead(identity, undefined, table, i, rootPosition);
      coverage[k] = u.coverage;
      rankOf.all(i, parts.year, numbers.ranks);
      csv.row(u, numbers, out.buffer, kept >= 0 ? keptBytes : undefined, keptAt);
      full = out.added();
    } else {
      const u = unitResult(identity!, undefined, table, i, rootPosition, nodeIndex);
      coverage[k] = u.coverage;
      full = out.add(json !== undefined ? json.unit(u, k) : md !== undefined ? md.row(u, nodeCells(u)) : jsonLine(u));
    }
    if (full !== undefined) await full;
  }
  if (json !== undefined) await out.add(`${json.close({ coverage: coverageSummary(coverage), warnings: summary.warnings }, count)}\n`);
}

/** A table of nothing, to make a head object before any unit is read. */
const emptyTable: UnitTable = { score: () => null, value: () => null, coverage: () => 0, rank: () => null, groupRank: () => null };

/** The units' result order (year, index rank, Vietnamese name order, code, position). */
function unitOrder(summary: StreamSummary, root: NodeRanks): Int32Array {
  const count = summary.units;
  const names: string[] = [];
  const codes: (string | undefined)[] = [];
  const years = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = summary.unit(i);
    names.push(u.unit);
    codes.push(u.code);
    years[i] = u.year ?? NaN;
  }
  const yearOf = (i: number) => (Number.isNaN(years[i]!) ? undefined : years[i]!);
  return resultOrder(count, (i) => names[i]!, (i) => codes[i], yearOf, (i) => root.rank[i]! || null, numberedNames(count, (i) => names[i]!));
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
 * The record in `record` as a {@link UnitTable}: published values as text, scores, coverage, and
 * ranks (the index's from the stream, every other node's from `rankOf`). A short record (CSV,
 * Markdown) has the index's score and coverage only, all that those rows show.
 */
function recordTable(
  current: Current,
  records: Records,
  rootPosition: number,
  decimals: number,
  root: NodeRanks,
  rankOf: ReturnType<typeof nodeRanks>["one"],
  parts: Parts,
): UnitTable {
  const n = records.nodes;
  const full = records.full;
  const scoreAt = (k: number) => (full ? n + k : k === rootPosition ? n : missingCell("score", k));
  const coverageAt = (k: number) => (full ? 2 * n + k : k === rootPosition ? n + 1 : missingCell("coverage", k));
  return {
    score: (_, k) => (Number.isNaN(current.record[scoreAt(k)]!) ? null : current.record[scoreAt(k)]!),
    value: (_, k) => (Number.isNaN(current.record[k]!) ? null : formatScaled(current.record[k]!, decimals)),
    coverage: (_, k) => current.record[coverageAt(k)]!,
    rank: (i, k) => (k === rootPosition ? root.rank[i]! : rankOf(i, k, parts.year, -1)) || null,
    // A unit without a group has no group rank (read nothing at its place).
    groupRank: (i, k) => (parts.group < 0 ? 0 : k === rootPosition ? root.groupRank[i]! : rankOf(i, k, -1, parts.group)) || null,
  };
}

/** A node's score or coverage asked of a short record, which has only the index's: a bug, said plainly. */
function missingCell(what: string, k: number): never {
  throw new Error(`the records of pass 1 hold no ${what} of node ${k}`);
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
    return {
      one: (_: number, k: number, yearPart: number, groupPart: number) => (groupPart >= 0 ? counts.group.rank(groupPart, k, current.record[k]!) : counts.year.rank(yearPart, k, current.record[k]!)),
      all: (_: number, yearPart: number, into: Int32Array) => counts.year.ranks(yearPart, current.record, into),
    };
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
