/**
 * One batch of a stream scored: the leaf stage over the batch's cells, the float evaluator over its
 * columns, exact publishing, the issues in row order, and the units handed out in input order,
 * together (a {@link StreamBatch}) or one by one.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import { exactly, type Enclosure } from "../number/enclosure.ts";
import { formatScaled } from "../number/publish-float.ts";

import type { CompiledFramework } from "../score/compile.ts";
import { evaluateNodes, evaluationScratch, type NodeColumns, type NodeFlag } from "../score/evaluate-nodes.ts";
import { exactUnit } from "../score/exact-nodes.ts";
import { leafColumns } from "../score/leaf-columns.ts";
import { clearScratch, leafScratch } from "./batch-scratch.ts";
import { nodeFlagIssues } from "../score/node-flag-issues.ts";
import { publishColumns } from "../score/publish-columns.ts";
import { keepFirstNames, type MissingPolicy } from "../score/score-leaves.ts";
import type { createRankStore } from "../rank/rank-store.ts";
import type { unrankedMatcher } from "../rank/unranked.ts";
import type { collectNormalised } from "./collect-normalised.ts";
import type { IssueLog } from "./issue-log.ts";
import type { rowReader } from "./row-reader.ts";
import { batchSource, BATCH, type Batch } from "./stream-batch.ts";
import type { StreamBatch, StreamOptions, StreamUnitId, StreamUnitResult } from "./stream-types.ts";

/** What scoring a batch reads and adds to: the plan, the options, the logs, the rank store, and counts kept across batches. */
export interface BatchContext {
  readonly compiled: CompiledFramework;
  readonly options: StreamOptions;
  readonly missing: MissingPolicy;
  readonly decimals: number;
  readonly reader: ReturnType<typeof rowReader>;
  /** The normalised leaves of pass 1, when the framework normalises across units. */
  readonly global: Awaited<ReturnType<typeof collectNormalised>> | undefined;
  readonly errors: IssueLog;
  readonly warnings: IssueLog;
  readonly unranked: ReturnType<typeof unrankedMatcher>;
  /** Undefined where another thread ranks the units (see `StreamWay`). */
  readonly store: ReturnType<typeof createRankStore> | undefined;
  /** Where the ranked nodes are among the carried ones (plan positions when every node is carried). */
  readonly rankedPositions: readonly number[];
  /** Plan positions of the nodes the batches carry, in their order (see `StreamWay.carry`). */
  readonly carry: readonly number[];
  /** Missing cells per leaf and the first names missing each, over all batches. */
  readonly missingCount: Map<number, number>;
  readonly missingNames: Map<number, string[]>;
  /** Units published by the exact evaluator, over all batches. */
  exactUnits: number;
  /** Units handed out, over all batches. */
  units: number;
  /** Told of each unit an error leaves out (see `StreamWay.dropped`). */
  readonly dropped?: (unit: StreamUnitId) => void;
}

/**
 * Scores the units of `batch` (then empties it): the units without an error, in input order, each
 * added to the rank store; undefined when none is left.
 */
export function batchScorer(ctx: BatchContext): (batch: Batch) => StreamBatch | undefined {
  // A full batch's working memory, reused from batch to batch.
  const scratch = evaluationScratch(BATCH);
  const stageScratch = leafScratch(ctx.compiled.nodes.length, BATCH);
  const publishInto = new Float64Array(ctx.compiled.nodes.length * BATCH);
  // Leaves the batches do not carry are not published: their values are never sent, and a leaf's
  // exact value cannot be out of a mean's domain (no unit is flagged by one).
  const carried = new Set(ctx.carry);
  const skip = Uint8Array.from(ctx.compiled.nodes, (_, k) => (ctx.compiled.layout.isLeaf[k] === 1 && !carried.has(k) ? 1 : 0));
  const keys = new Float64Array(ctx.rankedPositions.length);
  const { compiled, global } = ctx;
  // Leaves pass 1 read without an issue or a blank are not read again: their numbers come from it.
  const leaves = global?.observed === true ? compiled.leaves.filter((leaf) => !global.position.has(leaf)) : compiled.leaves;
  return (batch) => {
    const size = batch.size;
    if (size === 0) return undefined;
    const { reader, errors } = ctx;
    const full = size === BATCH;
    if (full) clearScratch(stageScratch, compiled, leaves);
    const stage = leafColumns(compiled, batchSource(compiled, batch, reader.header()), ctx.missing, reader.absent(), undefined, leaves, full ? stageScratch : undefined);
    addMissing(ctx, stage.missingCount, stage.missingNames);
    logInRowOrder(errors, batch, stage.issues, stage.issueUnits);
    const cols = stage.cols;
    if (global !== undefined) copyNormalised(global, batch, cols);
    const flags: NodeFlag[] = [];
    evaluateNodes(compiled, cols, { flags, ...(size === BATCH ? { scratch } : {}) });
    const published = publishBatch(ctx, batch, cols, flags, publishInto, skip, (b, leaf) => {
      const r = stage.exactRaw(b, leaf);
      return r === null ? null : exactly(r);
    });
    const failed = stage.failed;
    for (const f of flags) if (f.reason === "domain") failed[f.unit] = 1;
    if (flags.length > 0) {
      for (const issue of nodeFlagIssues(compiled, batch.units.slice(0, size).map((input) => ({ input })), flags)) {
        (issue.severity === "error" ? errors : ctx.warnings).add(issue);
      }
    }
    const kept: number[] = [];
    for (let b = 0; b < size; b++) {
      if (failed[b] !== 1) kept.push(b);
      else ctx.dropped?.(batch.units[b]!);
    }
    batch.size = 0;
    if (kept.length === 0) return undefined;
    const first = ctx.units;
    ctx.units += kept.length;
    const major = unitMajor(ctx.carry, size, cols, published, kept);
    const units = kept.map((b, k) => rankUnit(ctx, batch.units[b]!, major, k, keys));
    return { size: kept.length, first, units, ...major };
  };
}

/** Adds a batch's missing cells (counts and first names per leaf) to those of the stream. */
function addMissing(ctx: BatchContext, count: ReadonlyMap<number, number>, names: ReadonlyMap<number, readonly string[]>): void {
  for (const [leaf, c] of count) ctx.missingCount.set(leaf, (ctx.missingCount.get(leaf) ?? 0) + c);
  for (const [leaf, list] of names) {
    let kept = ctx.missingNames.get(leaf);
    if (kept === undefined) ctx.missingNames.set(leaf, (kept = []));
    for (const name of list) keepFirstNames(kept, name);
  }
}

/** Issues in row order: those of rows left out before each unit, then the unit's own (`issueUnits[k]`: the unit of `issues[k]`). */
function logInRowOrder(errors: IssueLog, batch: Batch, issues: readonly Issue[], issueUnits: ArrayLike<number>): void {
  let k = 0;
  for (let b = 0; b <= batch.size; b++) {
    for (const issue of batch.before[b] ?? []) errors.add(issue);
    while (k < issues.length && issueUnits[k] === b) errors.add(issues[k++]!);
  }
  batch.before.length = 0;
}

/**
 * The normalised leaves of the batch's units, from pass 1, into the batch's columns (and their
 * coverage, 1, when pass 1 saw every one of their cells observed and the leaf stage left them out).
 */
function copyNormalised(global: NonNullable<BatchContext["global"]>, batch: Batch, cols: NodeColumns): void {
  const size = batch.size;
  for (const [leaf, k] of global.position) {
    for (let b = 0; b < size; b++) {
      const g = batch.global[b]!;
      cols.value[leaf * size + b] = global.value[k * global.units + g]!;
      cols.error[leaf * size + b] = global.error[k * global.units + g]!;
    }
    if (global.observed) cols.coverage.fill(1, leaf * size, (leaf + 1) * size);
  }
}

/** Every node's published value (scaled; but the `skip` ones), exact where the float's bound cannot decide; the flags sorted by unit and node. */
function publishBatch(ctx: BatchContext, batch: Batch, cols: NodeColumns, flags: NodeFlag[], into: Float64Array, skip: Uint8Array, exactRaw: (b: number, leaf: number) => Enclosure | null) {
  const { compiled, global } = ctx;
  const size = batch.size;
  const exactLeaf = (b: number, leaf: number): Enclosure | null => (global !== undefined && global.position.has(leaf) ? global.exact(batch.global[b]!, leaf) : exactRaw(b, leaf));
  const minCoverage = (node: number) => (compiled.nodes[node]!.kind === "group" ? compiled.layout.minCoverage[node]! : 0);
  const published = publishColumns(compiled.nodes.length, cols, (b) => exactUnit(compiled, (leaf) => exactLeaf(b, leaf), (node) => cols.coverage[node * size + b]!, minCoverage), {
    places: ctx.decimals,
    exact: ctx.options.arithmetic === "exact",
    flags,
    into,
    skip,
  });
  ctx.exactUnits += published.exactUnits;
  flags.sort((a, b) => a.unit - b.unit || a.node - b.node);
  return published.scaled;
}

/** The kept units' numbers unit-major, of the carried nodes (the k-th kept unit's at k × n … (k + 1) × n − 1). */
function unitMajor(carry: readonly number[], size: number, cols: NodeColumns, published: Float64Array, kept: readonly number[]) {
  const n = carry.length;
  const count = kept.length;
  const scores = new Float64Array(n * count);
  const pub = new Float64Array(n * count);
  const coverage = new Float64Array(n * count);
  for (let j = 0; j < n; j++) {
    const at = carry[j]! * size;
    for (let k = 0; k < count; k++) {
      const b = kept[k]!;
      scores[k * n + j] = cols.value[at + b]!;
      pub[k * n + j] = published[at + b]!;
      coverage[k * n + j] = cols.coverage[at + b]!;
    }
  }
  return { nodes: n, scores, published: pub, coverage };
}

/**
 * A unit added to the rank store (a unit not ranked with no values: it gets no rank and takes no
 * place), as the batch hands it out: marked when it is not ranked.
 */
function rankUnit(ctx: BatchContext, unit: StreamUnitId, major: { readonly nodes: number; readonly published: Float64Array }, k: number, keys: Float64Array): StreamUnitId {
  const mark = ctx.unranked.mark(unit);
  const marked = mark === false ? unit : { ...unit, ranked: false as const, ...(mark.note !== undefined ? { rankNote: mark.note } : {}) };
  if (ctx.store !== undefined) storeUnit(ctx.store, marked, major.published, k * major.nodes, ctx.rankedPositions, keys);
  return marked;
}

/**
 * Adds a unit as the batch hands it out (its nodes' published values from `published[from]` on) to
 * a rank store: the ranked nodes' values as its keys, none when it is not ranked. `keys` is scratch.
 */
export function storeUnit(store: ReturnType<typeof createRankStore>, unit: StreamUnitId, published: ArrayLike<number>, from: number, rankedPositions: readonly number[], keys: Float64Array): void {
  for (let k = 0; k < rankedPositions.length; k++) keys[k] = unit.ranked === false ? NaN : published[from + rankedPositions[k]!]!;
  store.add(unit.unit, unit.code, unit.year, unit.group, keys);
}

/** Unit `k` of a batch as the stream yields it: its identity, the index's numbers, and views of every node's. */
export function batchUnit(batch: StreamBatch, k: number, root: number, decimals: number): StreamUnitResult {
  const { nodes: n, scores, published, coverage } = batch;
  const unit = batch.units[k]!;
  const rootValue = published[k * n + root]!;
  return {
    index: batch.first + k,
    unit: unit.unit,
    ...(unit.code !== undefined ? { code: unit.code } : {}),
    ...(unit.group !== undefined ? { group: unit.group } : {}),
    ...(unit.year !== undefined ? { year: unit.year } : {}),
    row: unit.row,
    ...(unit.ranked === false ? { ranked: false as const, ...(unit.rankNote !== undefined ? { rankNote: unit.rankNote } : {}) } : {}),
    score: scores[k * n + root]!,
    value: Number.isNaN(rootValue) ? "" : formatScaled(rootValue, decimals),
    coverage: coverage[k * n + root]!,
    nodes: { scores: scores.subarray(k * n, (k + 1) * n), published: published.subarray(k * n, (k + 1) * n), coverage: coverage.subarray(k * n, (k + 1) * n) },
  };
}
