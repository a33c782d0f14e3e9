/**
 * Streaming: rows in as an (async) iterable, scored units out as an async iterable, memory bounded
 * by what ranking keeps per unit (see docs/performance.md, "Memory model").
 *
 * @module
 */
import { DtiError, error, showValue } from "../errors.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import { checkOptions } from "../pipeline/check-options.ts";
import { nodeInfos, toFramework } from "../pipeline/score.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { createRankStore, type NodeRanks } from "../rank/rank-store.ts";
import { unrankedMatcher } from "../rank/unranked.ts";
import { compileFramework } from "../score/compile.ts";
import { missingValueWarnings } from "../score/score-leaves.ts";
import { hasNormaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { createIssueLog } from "./issue-log.ts";
import type { ScoreStream, StreamBatch, StreamOptions, StreamSource, StreamSummary, StreamUnitId, StreamUnitResult } from "./stream-types.ts";
import { rowReader } from "./row-reader.ts";
import { addToBatch, BATCH, createBatch } from "./stream-batch.ts";
import { batchScorer, batchUnit, type BatchContext } from "./score-batch.ts";
import { collectNormalised } from "./collect-normalised.ts";

export type { ScoreStream, StreamBatch, StreamNodes, StreamOptions, StreamRow, StreamSource, StreamSummary, StreamUnitId, StreamUnitResult } from "./stream-types.ts";

/**
 * Scores rows as they come. Reads wide data (one row per unit): the first row is the header (cells
 * or a `RawRow`), or rows are records (JSON objects, the first one's keys are the columns). Each
 * unit is scored when its row arrives and yielded in input order; a unit with an error is not
 * yielded and its issues (row, column, unit, node) go to the summary, the first `maxIssues` kept
 * and the rest counted. Ranks need every score: only unit names, codes, years, groups and the
 * published values of ranked nodes are kept (typed arrays), ranked at the end. Published values
 * equal those of `score` (exact decimals; float arithmetic only where provably equal).
 *
 * @throws {@link DtiError} for an invalid framework or options (before any row is read).
 * @example
 * ```ts
 * const stream = scoreStream(getFramework("vn-dti-2020-province"), [
 *   ["unit", "government", "economy", "society"],
 *   ["Bắc Ninh", "0.4449", "0.3668", "0.4052"],
 * ]);
 * const values: string[] = [];
 * for await (const u of stream) values.push(u.value);
 * values; // => ["0.4096"]
 * stream.summary().ranks.get("dti")?.rank[0]; // => 1
 * ```
 */
export function scoreStream(
  frameworkIn: Framework | FrameworkDefinition,
  rows: StreamSource,
  options: StreamOptions = {},
): ScoreStream {
  return streamWith(frameworkIn, rows, options, { reader: rowReader, ranks: true });
}

/** What a stream reads its units through: {@link rowReader}, or one fed by another thread that reads the rows. */
export type UnitReader = ReturnType<typeof rowReader>;

/** How {@link streamWith} reads and what it keeps. */
export interface StreamWay {
  /** Makes the reader of the units, given the stream's logs (it adds the rows' issues to them). */
  readonly reader: typeof rowReader;
  /**
   * False where another thread ranks (the streamed CLI's scoring worker): the units are not kept,
   * and the summary has their count but no ranks.
   */
  readonly ranks: boolean;
  /**
   * The plan positions of the nodes the batches carry, in this order (every node, in plan order,
   * when absent): a batch's `nodes` is then their count and node j of a unit is `carry[j]`. The
   * ranked nodes must be among them. The streamed CLI's scoring worker sends only the nodes the
   * main thread writes or ranks (`--depth`).
   */
  readonly carry?: readonly number[];
  /**
   * Called after each source item's units (a block's, or none) are added to the batch, and the
   * batches they filled scored: the units waiting in the batch were read from `pending[0 … count)`
   * (their blocks, undefined for a unit of cells); a unit read before them has been read for the
   * last time. The streamed CLI's scoring worker gives the memory of every other block but the one
   * being read back to the reading worker (also when a block's rows give no unit).
   */
  readonly release?: (pending: readonly (CsvBlock | undefined)[], count: number) => void;
  /**
   * Called with each unit an error leaves out once it is scored (a bad or missing cell, a value
   * out of a mean's domain): with the units handed out, every unit the rows gave. The streamed
   * CLI's main thread looks for repeats among them all.
   */
  readonly dropped?: (unit: StreamUnitId) => void;
}

/**
 * {@link scoreStream} reading its units through `way.reader`, keeping them for ranking or not: the
 * streamed CLI's scoring thread is given units read on the thread that reads the file, and the
 * main thread ranks.
 */
export function streamWith(frameworkIn: Framework | FrameworkDefinition, rows: StreamSource, options: StreamOptions, way: StreamWay): ScoreStream {
  const { framework, compiled, infos, rankedIds } = streamPlan(frameworkIn, options);
  const normalises = hasNormaliseLeaves(compiled);
  if (normalises && typeof rows !== "function" && !Array.isArray(rows)) {
    throw new DtiError([
      error("OPTION_INVALID", `framework "${framework.id}" normalises indicators across units, which reads the data twice: pass a function that returns the rows afresh (e.g. () => readCsvStream(createReadStream(file)))`),
    ]);
  }
  const open = () => (typeof rows === "function" ? rows() : rows);
  const decimals = options.decimals ?? framework.decimals ?? 4;
  const carry = way.carry ?? compiled.nodes.map((_, k) => k);
  let summary: StreamSummary | undefined;

  async function* batches(): AsyncGenerator<StreamBatch> {
    const missing = options.missing ?? "error";
    const cap = options.maxIssues ?? 100;
    const errors = createIssueLog(cap);
    const warnings = createIssueLog(cap);
    const reader = way.reader(framework, compiled, options, errors, warnings, missing);
    // Pass 1 (frameworks that normalise across units): the raw values of every normalised leaf.
    const global = normalises ? await collectNormalised(compiled, reader, open(), missing) : undefined;
    // The ranked nodes' places among the carried ones (where the batches hold their values).
    const rankedPositions = rankedIds.map((id) => carry.indexOf(compiled.index.get(id) as number));
    if (rankedPositions.includes(-1)) throw new Error("a stream's batches must carry its ranked nodes");
    const ctx: BatchContext = {
      compiled,
      options,
      missing,
      decimals,
      reader,
      global,
      errors,
      warnings,
      unranked: unrankedMatcher(options.unranked),
      store: way.ranks ? createRankStore(rankedPositions.length) : undefined,
      rankedPositions,
      carry,
      missingCount: new Map(),
      missingNames: new Map(),
      exactUnits: 0,
      units: 0,
      ...(way.dropped !== undefined ? { dropped: way.dropped } : {}),
    };
    const score = batchScorer(ctx);
    const batch = createBatch(compiled);
    let unitIndex = 0;
    // Every leaf read by pass 1 without an issue or a blank, every row of it a unit: nothing is
    // left to read in the rows.
    const again = global?.observed === true && global.position.size === compiled.leaves.length ? reader.again() : undefined;
    for await (const units of again !== undefined ? [again] : reader.rows(open(), true)) {
      for (const unit of units) {
        addToBatch(batch, unit, unitIndex++);
        if (batch.size < BATCH) continue;
        const scored = score(batch);
        if (scored !== undefined) yield scored;
      }
      way.release?.(batch.blocks, batch.size);
    }
    const last = score(batch);
    if (last !== undefined) yield last;
    summary = streamSummary(ctx, rankedIds);
  }

  async function* units(): AsyncGenerator<StreamUnitResult> {
    const root = carry.indexOf(compiled.root);
    for await (const scored of batches()) for (let k = 0; k < scored.size; k++) yield batchUnit(scored, k, root, decimals);
  }

  return {
    // The carried nodes, each at its place in the batches.
    nodes: infos.flatMap((info) => {
      const place = carry.indexOf(compiled.index.get(info.id) as number);
      return place < 0 ? [] : [{ ...info, position: place }];
    }),
    root: compiled.nodes[compiled.root]!.id,
    decimals,
    ranked: rankedIds,
    [Symbol.asyncIterator]: units,
    batches,
    summary() {
      return summary ?? unreadSummary();
    },
  };
}

/** The framework compiled, its nodes and the ranked node ids (the root first), once the options are checked. */
function streamPlan(frameworkIn: Framework | FrameworkDefinition, options: StreamOptions) {
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) throw new DtiError(fw.issues);
  const framework = fw.framework;
  const optionIssues = checkOptions(options);
  if (options.maxIssues !== undefined && !(Number.isInteger(options.maxIssues) && options.maxIssues >= 0)) {
    optionIssues.push(error("OPTION_INVALID", `option maxIssues must be a whole number ≥ 0 (got ${showValue(options.maxIssues)})`));
  }
  if (options.arithmetic !== undefined && options.arithmetic !== "float" && options.arithmetic !== "exact") {
    optionIssues.push(error("OPTION_INVALID", `option arithmetic must be one of float, exact (got ${showValue(options.arithmetic)})`));
  }
  if (options.shape === "long") {
    optionIssues.push(error("OPTION_INVALID", "streaming reads wide data (one row per unit); score long data with score()"));
  }
  const compiled = compileFramework(framework);
  const infos = nodeInfos(compiled);
  const rootId = compiled.nodes[compiled.root]!.id;
  const rankedIds =
    options.rankNodes === "all" ? infos.map((i) => i.id) : [rootId, ...(options.rankNodes ?? []).filter((id) => id !== rootId)];
  for (const id of rankedIds) {
    if (!compiled.index.has(id)) optionIssues.push(error("OPTION_INVALID", `rankNodes: ${showValue(id)} is not a node or view of framework ${showValue(framework.id)}`));
  }
  if (optionIssues.length > 0) throw new DtiError(optionIssues);
  return { framework, compiled, infos, rankedIds };
}

/** A summary asked for before the stream was read to the end: a usage error. */
export function unreadSummary(): never {
  throw new DtiError([error("USAGE", "the summary is known once the stream has been read to the end")]);
}

/** The summary once every row is read: the issues left over and the warnings of the whole stream, then ranks. */
function streamSummary(ctx: BatchContext, rankedIds: readonly string[]): StreamSummary {
  const { reader, errors, warnings, store, options } = ctx;
  for (const issue of reader.trailing()) errors.add(issue);
  const rowCount = reader.rowCount();
  if (!reader.started() || rowCount === 0) errors.add(error("DATA_EMPTY", !reader.started() ? "the data is empty: no header and no rows" : "the data has a header but no rows"));
  for (const w of missingValueWarnings(ctx.compiled, ctx.missingCount, reader.absent(), ctx.missing, ctx.missingNames)) warnings.add(w);
  for (const w of ctx.global?.issues ?? []) warnings.add(w);
  for (const issue of ctx.unranked.issues()) (issue.severity === "error" ? errors : warnings).add(issue);
  const rest = { ok: errors.count === 0, rows: rowCount, exactUnits: ctx.exactUnits, errorCount: errors.count, warningCount: warnings.count, errors: errors.kept, warnings: warnings.kept };
  return store === undefined ? unrankedSummary(rest, ctx.units) : storeSummary(rest, store, rankedIds, options.ranking);
}

/** The summary of a stream that keeps no units (another thread ranks them): their count, no ranks. */
function unrankedSummary(rest: Omit<StreamSummary, "units" | "ranks" | "unit" | "rankBytes">, units: number): StreamSummary {
  const none = (): never => {
    throw new DtiError([error("USAGE", "this stream keeps no units: the thread that ranks them has their identities")]);
  };
  return { ...rest, units, ranks: new Map(), unit: none, rankBytes: 0 };
}

/**
 * A stream's summary: `rest`, and what its rank store gives: the units, their identities, and the
 * ranked nodes' ranks, ranked when first asked for (a stream whose summary is passed on without
 * its ranks, as the CLI's worker does, does not rank).
 */
export function storeSummary(
  rest: Omit<StreamSummary, "units" | "ranks" | "unit" | "rankBytes">,
  store: ReturnType<typeof createRankStore>,
  rankedIds: readonly string[],
  ranking: StreamOptions["ranking"],
): StreamSummary {
  let ranks: Map<string, NodeRanks> | undefined;
  return {
    ...rest,
    units: store.size,
    get ranks() {
      if (ranks === undefined) {
        const ranked = store.rank(ranking ?? "competition");
        ranks = new Map(rankedIds.map((id, k) => [id, ranked[k]!]));
      }
      return ranks;
    },
    unit: (i) => store.info(i),
    rankBytes: store.typedBytes(),
  };
}
