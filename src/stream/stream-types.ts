/**
 * The types of a stream ({@link scoreStream}): its options, rows, units and summary.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import type { ResolveOptions } from "../input/resolve-columns.ts";
import type { RawCell, RawRow } from "../input/table.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import type { NodeRanks } from "../rank/rank-store.ts";
import type { UnrankedOption } from "../rank/unranked.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";

/** Options of {@link scoreStream}. */
export interface StreamOptions extends ResolveOptions {
  /** Missing values: "error" (default), "zero", "reweight" (as in `score`). */
  readonly missing?: MissingPolicy;
  /** Rank style: "competition" (default), "dense", "ordinal". */
  readonly ranking?: RankMethod;
  /** Decimals of published values; default the framework's (4). */
  readonly decimals?: number;
  /**
   * Nodes ranked besides the index (root), which is always ranked: node/view ids, or "all".
   * Default none: each ranked node keeps 8 bytes per unit.
   */
  readonly rankNodes?: readonly string[] | "all";
  /** Errors (and, separately, warnings) kept in the summary; more are only counted. Default 100. */
  readonly maxIssues?: number;
  /** "float" (default): float scores, exact published values; "exact": decimals throughout. */
  readonly arithmetic?: "float" | "exact";
  /** Units assessed but not ranked, by name or code (as in `score`); the ranked column marks them too. */
  readonly unranked?: UnrankedOption;
}

/** Rows to stream: an (async) iterable, or a function that makes a fresh one (read twice when the framework normalises across units). */
export type StreamSource = AsyncIterable<StreamRow> | Iterable<StreamRow> | (() => AsyncIterable<StreamRow> | Iterable<StreamRow>);

/**
 * A row of a stream: cells (the first row is the header), a `RawRow` with its line, or a record;
 * or a block of data rows after a header row (`readCsvBlocks`).
 */
export type StreamRow = readonly RawCell[] | (RawRow & { readonly issues?: readonly Issue[] }) | Readonly<Record<string, unknown>> | CsvBlock;

/** Who a streamed unit is: its name, code, group, year, input row, and whether it is ranked. */
export interface StreamUnitId {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  /** Input row (line) of the unit. */
  readonly row: number;
  /** False for a unit assessed but not ranked (its ranks in the summary are 0). */
  readonly ranked?: false;
  /** Why it is not ranked, where the data or the `unranked` option says. */
  readonly rankNote?: string;
}

/** One scored unit, yielded in input order (ranks come in the summary, once all are read). */
export interface StreamUnitResult extends StreamUnitId {
  /** Position among scored units: the index into the summary's rank arrays. */
  readonly index: number;
  /** The index (root) score as a float, its published value, and coverage. */
  readonly score: number;
  readonly value: string;
  readonly coverage: number;
  /** Every node by compiled position (see {@link ScoreStream.nodes}): scores, published (scaled), coverage. */
  readonly nodes: StreamNodes;
}

/**
 * The scored units of one batch together, in input order (the units a stream yields one by one):
 * every node's numbers in typed arrays, unit-major. Reading batches saves an object per unit, which
 * counts at millions of units.
 */
export interface StreamBatch {
  /** Units in the batch (a row with an error is left out). */
  readonly size: number;
  /** The index of the batch's first unit: unit k's index is `first + k`. */
  readonly first: number;
  /** Nodes per unit: node j of unit k (by compiled position) is at `k × nodes + j` below. */
  readonly nodes: number;
  readonly units: readonly StreamUnitId[];
  /** Scores as floats, published values scaled by 10^places, coverage: as in {@link StreamNodes}. */
  readonly scores: Float64Array;
  readonly published: Float64Array;
  readonly coverage: Float64Array;
}

/** A streamed unit's numbers for every node, by compiled position (views valid until the next unit batch). */
export interface StreamNodes {
  /** Score per node as a float; NaN where missing. */
  readonly scores: Float64Array;
  /** Published value per node as a whole number scaled by 10^places (0.8002 → 8002); NaN where missing. */
  readonly published: Float64Array;
  /** Share of each node's weight that had data. */
  readonly coverage: Float64Array;
}

/** What is known once the stream has been read to the end. */
export interface StreamSummary {
  /** True when no error was met (a unit with an error is not yielded). */
  readonly ok: boolean;
  /** Data rows read and units scored. */
  readonly rows: number;
  readonly units: number;
  /** Units that needed the exact decimal path for a node the stream gives (see docs/performance.md). */
  readonly exactUnits: number;
  readonly errorCount: number;
  readonly warningCount: number;
  /** The first `maxIssues` errors and warnings. */
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** Ranks by ranked node id (the root first); arrays indexed by {@link StreamUnitResult.index}, 0 = unranked. */
  readonly ranks: ReadonlyMap<string, NodeRanks>;
  /** What ranking kept of each scored unit, by index: name, code, year, group. */
  unit(index: number): { readonly unit: string; readonly code?: string; readonly year?: number; readonly group?: string };
  /** Bytes of the typed arrays kept for ranking (names and codes are extra). */
  readonly rankBytes: number;
}

/** An async iterable of scored units, with the framework's nodes and, after reading, a summary. */
export interface ScoreStream extends AsyncIterable<StreamUnitResult> {
  /** Nodes in tree pre-order (root first), then views, each with its position in the typed arrays. */
  readonly nodes: readonly (NodeInfo & { readonly position: number })[];
  readonly root: string;
  readonly decimals: number;
  /** Ids of the ranked nodes (root first). */
  readonly ranked: readonly string[];
  /**
   * The same units in batches of up to 1,024 (instead of one by one), each batch read as the stream is.
   *
   * @example
   * ```ts
   * const stream = scoreStream(getFramework("vn-dti-2020-province"), [
   *   ["unit", "government", "economy", "society"],
   *   ["Bắc Ninh", "0.4449", "0.3668", "0.4052"],
   *   ["Huế", "0.5", "0.4", "0.3"],
   * ]);
   * const root = stream.nodes[0]!.position;
   * const values: number[] = [];
   * for await (const batch of stream.batches()) {
   *   for (let k = 0; k < batch.size; k++) values.push(batch.published[k * batch.nodes + root]!);
   * }
   * values; // => [4096, 4100]
   * ```
   */
  batches(): AsyncIterable<StreamBatch>;
  /** The summary; throws when the stream has not been read to the end. */
  summary(): StreamSummary;
}
