/**
 * Streaming: rows in as an (async) iterable, scored units out as an async iterable, memory bounded
 * by what ranking keeps per unit (see docs/performance.md, "Memory model").
 *
 * @module
 */
import { DtiError, error, type Issue } from "../errors.ts";
import { isBlank, readWideIdentity, wideState, wideUnit } from "../input/read-units.ts";
import { resolveColumns, type ColumnPlan, type ResolveOptions } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawCell, type RawRow } from "../input/table.ts";
import { checkOptions } from "../pipeline/check-options.ts";
import { nodeInfos, toFramework } from "../pipeline/score.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import type { Framework, FrameworkDefinition, FrameworkNode } from "../framework/types.ts";
import { formatScaled } from "../number/publish-float.ts";
import { createRankStore, type NodeRanks } from "../rank/rank-store.ts";
import type { RankMethod } from "../rank/rank.ts";
import { compileFramework } from "../score/compile.ts";
import { fastPlan } from "../score/fast/fast-plan.ts";
import { floatScratch, scoreCellsFloat, type FloatUnitContext, type FloatUnitScores } from "../score/fast/score-unit-float.ts";
import { missingColumnIssues, missingValueWarnings, type MissingPolicy } from "../score/score-leaves.ts";
import { createIssueLog } from "./issue-log.ts";

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
}

/** A row of a stream: cells (the first row is the header), a `RawRow` with its line, or a record. */
export type StreamRow = readonly RawCell[] | (RawRow & { readonly issues?: readonly Issue[] }) | Readonly<Record<string, unknown>>;

/** One scored unit, yielded in input order (ranks come in the summary, once all are read). */
export interface StreamUnitResult {
  /** Position among scored units: the index into the summary's rank arrays. */
  readonly index: number;
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  /** Input row (line) of the unit. */
  readonly row: number;
  /** The index (root) score as a float, its published value, and coverage. */
  readonly score: number;
  readonly value: string;
  readonly coverage: number;
  /** Every node by compiled position (see {@link ScoreStream.nodes}): scores, published (scaled), coverage. */
  readonly nodes: FloatUnitScores;
}

/** What is known once the stream has been read to the end. */
export interface StreamSummary {
  /** True when no error was met (a unit with an error is not yielded). */
  readonly ok: boolean;
  /** Data rows read and units scored. */
  readonly rows: number;
  readonly units: number;
  /** Units scored by the exact decimal path (see docs/performance.md). */
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
  /** The summary; throws when the stream has not been read to the end. */
  summary(): StreamSummary;
}

function isRawRow(row: StreamRow): row is RawRow {
  return !Array.isArray(row) && typeof (row as RawRow).line === "number" && Array.isArray((row as RawRow).cells);
}

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
 * for await (const u of stream) u.value; // => "0.4096"
 * stream.summary().ranks.get("dti")?.rank[0]; // => 1
 * ```
 */
export function scoreStream(
  frameworkIn: Framework | FrameworkDefinition,
  rows: AsyncIterable<StreamRow> | Iterable<StreamRow>,
  options: StreamOptions = {},
): ScoreStream {
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) throw new DtiError(fw.issues);
  const framework = fw.framework;
  const optionIssues = checkOptions(options);
  if (options.maxIssues !== undefined && !(Number.isInteger(options.maxIssues) && options.maxIssues >= 0)) {
    optionIssues.push(error("OPTION_INVALID", `option maxIssues must be a whole number ≥ 0 (got ${JSON.stringify(options.maxIssues)})`));
  }
  if (options.arithmetic !== undefined && options.arithmetic !== "float" && options.arithmetic !== "exact") {
    optionIssues.push(error("OPTION_INVALID", `option arithmetic must be one of float, exact (got ${JSON.stringify(options.arithmetic)})`));
  }
  if (framework.root !== undefined && hasNormaliseLeaf(framework.root)) {
    optionIssues.push(error("OPTION_INVALID", `framework "${framework.id}" normalises indicators across units, which needs every unit first: score it with score(), not as a stream`));
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
    if (!compiled.index.has(id)) optionIssues.push(error("OPTION_INVALID", `rankNodes: "${id}" is not a node or view of framework "${framework.id}"`));
  }
  if (optionIssues.length > 0) throw new DtiError(optionIssues);

  const missing = options.missing ?? "error";
  const decimals = options.decimals ?? framework.decimals ?? 4;
  const plan = fastPlan(compiled);
  const rankedPositions = rankedIds.map((id) => compiled.index.get(id) as number);
  const store = createRankStore(rankedPositions.length);
  const keys = new Float64Array(rankedPositions.length);
  const cap = options.maxIssues ?? 100;
  const errors = createIssueLog(cap);
  const warnings = createIssueLog(cap);
  let summary: StreamSummary | undefined;

  async function* run(): AsyncGenerator<StreamUnitResult> {
    let columns: readonly string[] | undefined;
    let columnPlan: ColumnPlan | undefined;
    let presentKeys: ReadonlySet<string> = new Set();
    let context: FloatUnitContext = { presentKeys, missing, places: decimals };
    const scratch = floatScratch(plan);
    let rowCells: readonly RawCell[] = [];
    // Column of each (leaf, input): leafColumn[2 × leaf index + input], -1 when absent.
    let leafColumn = new Int32Array(0);
    const readCell = (_key: string, leaf: number, input: number) => {
      const cell = rowCells[leafColumn[2 * leaf + input]!];
      return isBlank(cell) ? undefined : cell;
    };
    const missingCount = new Map<number, number>();
    let absent: ReadonlySet<string> = new Set();
    const state = wideState();
    let rowCount = 0;
    let exactUnits = 0;
    let recordNumber = 0;
    let stop = false;
    const pending: Issue[] = [];

    const start = (header: readonly string[]) => {
      columns = header;
      columnPlan = resolveColumns(header, framework, options);
      for (const issue of columnPlan.issues) (issue.severity === "error" ? errors : warnings).add(issue);
      if (columnPlan.shape === "long") {
        errors.add(error("OPTION_INVALID", "the data is long (indicator and value columns); streaming reads wide data: score it with score()"));
      }
      if (columnPlan.roles.unit === undefined || columnPlan.shape === "long") stop = true;
      presentKeys = new Set(columnPlan.inputs.values());
      const keyColumn = new Map([...columnPlan.inputs].map(([col, key]) => [key, col]));
      leafColumn = new Int32Array(2 * compiled.nodes.length).fill(-1);
      for (const leaf of compiled.leaves) compiled.nodes[leaf]!.inputs.forEach((key, k) => (leafColumn[2 * leaf + k] = keyColumn.get(key) ?? -1));
      context = { presentKeys, missing, places: decimals, ...(options.arithmetic === "exact" ? { exact: true } : {}) };
    };

    for await (const row of rows) {
      if (stop) {
        if (columns !== undefined) rowCount++;
        continue;
      }
      let cells: readonly RawCell[];
      let line: number;
      if (Array.isArray(row) || isRawRow(row as StreamRow)) {
        const raw = Array.isArray(row) ? { line: rowCount + (columns === undefined ? 1 : 2), cells: row as readonly RawCell[] } : (row as RawRow & { issues?: readonly Issue[] });
        if (columns === undefined) {
          start(raw.cells.map((c) => String(c ?? "").normalize("NFC").trim()));
          continue;
        }
        for (const issue of (raw as { issues?: readonly Issue[] }).issues ?? []) errors.add(issue);
        cells = raw.cells;
        line = raw.line;
      } else {
        recordNumber++;
        const table = tableFromRecords([row]);
        if (columns === undefined) start(table.columns);
        const at = new Map(table.columns.map((c, i) => [c, i]));
        for (const issue of table.issues) errors.add({ ...issue, row: recordNumber });
        for (const c of table.columns) {
          if (!columns!.includes(c)) errors.add(error("DATA_NOT_A_ROW", `record ${recordNumber} has key ${JSON.stringify(c)}, which the first record does not have`, { row: recordNumber, column: c }));
        }
        const values = table.rows[0]?.cells ?? [];
        cells = columns!.map((c) => values[at.get(c) ?? -1]);
        line = recordNumber;
        if (stop) continue;
      }
      rowCount++;
      if (rowCount === 1) {
        const cols = missingColumnIssues(compiled, presentKeys, missing, "wide", 1);
        absent = cols.absent;
        for (const issue of cols.issues) (issue.severity === "error" ? errors : warnings).add(issue);
      }
      pending.length = 0;
      const table = { columns: columns! };
      const id = readWideIdentity(table, columnPlan!, state, cells, line, pending);
      for (const issue of pending) errors.add(issue);
      if (id === undefined) continue;
      const unit = { ...id, row: line };
      rowCells = cells;
      const scored = scoreCellsFloat(plan, readCell, () => wideUnit(table, columnPlan!, id, cells, line), context, scratch);
      for (const leaf of scored.missingLeaves) missingCount.set(leaf, (missingCount.get(leaf) ?? 0) + 1);
      let failed = false;
      for (const issue of scored.issues) {
        if (issue.severity === "error") {
          errors.add(issue);
          failed = true;
        } else warnings.add(issue);
      }
      if (failed) continue;
      if (scored.exact) exactUnits++;
      for (let k = 0; k < rankedPositions.length; k++) keys[k] = scored.published[rankedPositions[k]!]!;
      store.add(unit.unit, unit.code, unit.year, unit.group, keys);
      const root = compiled.root;
      const rootValue = scored.published[root]!;
      yield {
        index: store.size - 1,
        unit: unit.unit,
        ...(unit.code !== undefined ? { code: unit.code } : {}),
        ...(unit.group !== undefined ? { group: unit.group } : {}),
        ...(unit.year !== undefined ? { year: unit.year } : {}),
        row: unit.row,
        score: scored.scores[root]!,
        value: Number.isNaN(rootValue) ? "" : formatScaled(rootValue, decimals),
        coverage: scored.coverage[root]!,
        nodes: scored,
      };
    }
    if (columns === undefined || rowCount === 0) errors.add(error("DATA_EMPTY", columns === undefined ? "the data is empty: no header and no rows" : "the data has a header but no rows"));
    for (const w of missingValueWarnings(compiled, missingCount, absent, missing)) warnings.add(w);
    const ranks = store.rank(options.ranking ?? "competition");
    summary = {
      ok: errors.count === 0,
      rows: rowCount,
      units: store.size,
      exactUnits,
      errorCount: errors.count,
      warningCount: warnings.count,
      errors: errors.kept,
      warnings: warnings.kept,
      ranks: new Map(rankedIds.map((id, k) => [id, ranks[k]!])),
      unit: (i) => ({ unit: store.units[i]!, ...store.info(i) }),
      rankBytes: store.typedBytes(),
    };
  }

  return {
    nodes: infos.map((info) => ({ ...info, position: compiled.index.get(info.id) as number })),
    root: rootId,
    decimals,
    ranked: rankedIds,
    [Symbol.asyncIterator]: run,
    summary() {
      if (summary === undefined) throw new DtiError([error("USAGE", "the summary is known once the stream has been read to the end")]);
      return summary;
    },
  };
}

function hasNormaliseLeaf(node: FrameworkNode): boolean {
  return node.rule !== undefined ? node.rule.type === "normalise" : (node.children ?? []).some(hasNormaliseLeaf);
}
