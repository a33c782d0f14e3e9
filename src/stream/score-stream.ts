/**
 * Streaming: rows in as an (async) iterable, scored units out as an async iterable, memory bounded
 * by what ranking keeps per unit (see docs/performance.md, "Memory model").
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import { isBlank, readWideIdentity, wideState, type WideState } from "../input/read-units.ts";
import { resolveColumns, type ColumnPlan, type ResolveOptions } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawCell, type RawRow } from "../input/table.ts";
import { blockCell, type CsvBlock } from "../input/csv/csv-block.ts";
import { checkOptions } from "../pipeline/check-options.ts";
import { nodeInfos, toFramework } from "../pipeline/score.ts";
import type { NodeInfo } from "../pipeline/types.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { exactly, type Enclosure } from "../number/enclosure.ts";
import { formatScaled, UNIT_ROUNDOFF } from "../number/publish-float.ts";
import { ratFromDecimal, ratFromNumber, type Rational } from "../number/rational.ts";
import { createRankStore, type NodeRanks } from "../rank/rank-store.ts";
import { unrankedMatcher, type UnrankedOption } from "../rank/unranked.ts";
import type { RankMethod } from "../rank/rank.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import { evaluateNodes, evaluationScratch, type NodeFlag } from "../score/evaluate-nodes.ts";
import { exactUnit } from "../score/exact-nodes.ts";
import { leafColumns, type LeafSource } from "../score/leaf-columns.ts";
import { nodeFlagIssues } from "../score/node-flag-issues.ts";
import { publishColumns } from "../score/publish-columns.ts";
import { readRational, type RawValue } from "../score/rules/outcome.ts";
import { keepFirstNames, missingColumnIssues, missingValueWarnings, type MissingPolicy } from "../score/score-leaves.ts";
import { hasNormaliseLeaves, normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
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
  /** False for a unit assessed but not ranked (its ranks in the summary are 0). */
  readonly ranked?: false;
  /** Why it is not ranked, where the data or the `unranked` option says. */
  readonly rankNote?: string;
  /** The index (root) score as a float, its published value, and coverage. */
  readonly score: number;
  readonly value: string;
  readonly coverage: number;
  /** Every node by compiled position (see {@link ScoreStream.nodes}): scores, published (scaled), coverage. */
  readonly nodes: StreamNodes;
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

function isBlock(row: StreamRow): row is CsvBlock {
  return (row as CsvBlock).kind === "csv-block" && (row as CsvBlock).numbers instanceof Float64Array;
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

  const missing = options.missing ?? "error";
  const decimals = options.decimals ?? framework.decimals ?? 4;
  const normalises = hasNormaliseLeaves(compiled);
  if (normalises && typeof rows !== "function" && !Array.isArray(rows)) {
    throw new DtiError([
      error("OPTION_INVALID", `framework "${framework.id}" normalises indicators across units, which reads the data twice: pass a function that returns the rows afresh (e.g. () => readCsvStream(createReadStream(file)))`),
    ]);
  }
  const open = () => (typeof rows === "function" ? rows() : rows);
  const rankedPositions = rankedIds.map((id) => compiled.index.get(id) as number);
  const store = createRankStore(rankedPositions.length);
  const keys = new Float64Array(rankedPositions.length);
  const cap = options.maxIssues ?? 100;
  const errors = createIssueLog(cap);
  const warnings = createIssueLog(cap);
  let summary: StreamSummary | undefined;

  async function* run(): AsyncGenerator<StreamUnitResult> {
    const reader = rowReader(framework, compiled, options, errors, warnings, missing);
    const unranked = unrankedMatcher(options.unranked);
    // Pass 1 (frameworks that normalise across units): the raw values of every normalised leaf.
    const global = normalises ? await collectNormalised(compiled, reader, open(), missing) : undefined;
    const missingCount = new Map<number, number>();
    const missingNames = new Map<number, string[]>();
    let exactUnits = 0;
    let unitIndex = 0;
    const batch = createBatch(compiled);
    const scratch = evaluationScratch(BATCH);
    const n = compiled.nodes.length;
    const flush = function* (): Generator<StreamUnitResult> {
      const size = batch.size;
      if (size === 0) return;
      const source = batchSource(compiled, batch, reader.header());
      const stage = leafColumns(compiled, source, missing, reader.absent());
      for (const [leaf, c] of stage.missingCount) missingCount.set(leaf, (missingCount.get(leaf) ?? 0) + c);
      for (const [leaf, names] of stage.missingNames) {
        let kept = missingNames.get(leaf);
        if (kept === undefined) missingNames.set(leaf, (kept = []));
        for (const name of names) keepFirstNames(kept, name);
      }
      // Issues in row order: those of rows left out before each unit, then the unit's own.
      let k = 0;
      for (let b = 0; b <= size; b++) {
        for (const issue of batch.before[b] ?? []) errors.add(issue);
        while (k < stage.issues.length && stage.issueUnits[k] === b) errors.add(stage.issues[k++]!);
      }
      batch.before.length = 0;
      const cols = stage.cols;
      if (global !== undefined) {
        for (const [leaf, k] of global.position) {
          for (let b = 0; b < size; b++) {
            const g = batch.global[b]!;
            cols.value[leaf * size + b] = global.value[k * global.units + g]!;
            cols.error[leaf * size + b] = global.error[k * global.units + g]!;
          }
        }
      }
      const flags: NodeFlag[] = [];
      evaluateNodes(compiled, cols, { flags, ...(size === BATCH ? { scratch } : {}) });
      const exactLeaf = (b: number, leaf: number): Enclosure | null => {
        if (global !== undefined && global.position.has(leaf)) return global.exact(batch.global[b]!, leaf);
        const r = stage.exactRaw(b, leaf);
        return r === null ? null : exactly(r);
      };
      const published = publishColumns(n, cols, (b) => exactUnit(compiled, (leaf) => exactLeaf(b, leaf), (node) => cols.coverage[node * size + b]!, (node) => (compiled.nodes[node]!.kind === "group" ? compiled.layout.minCoverage[node]! : 0)), {
        places: decimals,
        exact: options.arithmetic === "exact",
        flags,
      });
      exactUnits += published.exactUnits;
      flags.sort((a, b) => a.unit - b.unit || a.node - b.node);
      const failed = stage.failed;
      for (const f of flags) if (f.reason === "domain") failed[f.unit] = 1;
      for (const issue of nodeFlagIssues(compiled, batch.units.slice(0, size).map((input) => ({ input })), flags)) {
        (issue.severity === "error" ? errors : warnings).add(issue);
      }
      // Unit-major copies, handed out as views.
      const scores = new Float64Array(n * size);
      const pub = new Float64Array(n * size);
      const coverage = new Float64Array(n * size);
      for (let node = 0; node < n; node++) {
        for (let b = 0; b < size; b++) {
          scores[b * n + node] = cols.value[node * size + b]!;
          pub[b * n + node] = published.scaled[node * size + b]!;
          coverage[b * n + node] = cols.coverage[node * size + b]!;
        }
      }
      const root = compiled.root;
      for (let b = 0; b < size; b++) {
        if (failed[b] === 1) continue;
        const unit = batch.units[b]!;
        // A unit not ranked is kept with no values: it gets no rank and takes no place.
        const mark = unranked.mark(unit);
        for (let k = 0; k < rankedPositions.length; k++) keys[k] = mark === false ? pub[b * n + rankedPositions[k]!]! : NaN;
        store.add(unit.unit, unit.code, unit.year, unit.group, keys);
        const rootValue = pub[b * n + root]!;
        yield {
          index: store.size - 1,
          unit: unit.unit,
          ...(unit.code !== undefined ? { code: unit.code } : {}),
          ...(unit.group !== undefined ? { group: unit.group } : {}),
          ...(unit.year !== undefined ? { year: unit.year } : {}),
          row: unit.row,
          ...(mark === false ? {} : { ranked: false as const, ...(mark.note !== undefined ? { rankNote: mark.note } : {}) }),
          score: scores[b * n + root]!,
          value: Number.isNaN(rootValue) ? "" : formatScaled(rootValue, decimals),
          coverage: coverage[b * n + root]!,
          nodes: { scores: scores.subarray(b * n, (b + 1) * n), published: pub.subarray(b * n, (b + 1) * n), coverage: coverage.subarray(b * n, (b + 1) * n) },
        };
      }
      batch.size = 0;
    };

    for await (const rows of reader.rows(open(), true)) {
      for (const row of rows) {
        addToBatch(batch, row, unitIndex++);
        if (batch.size === BATCH) yield* flush();
      }
    }
    yield* flush();
    for (const issue of reader.trailing()) errors.add(issue);
    const rowCount = reader.rowCount();
    if (!reader.started() || rowCount === 0) errors.add(error("DATA_EMPTY", !reader.started() ? "the data is empty: no header and no rows" : "the data has a header but no rows"));
    for (const w of missingValueWarnings(compiled, missingCount, reader.absent(), missing, missingNames)) warnings.add(w);
    for (const w of global?.issues ?? []) warnings.add(w);
    for (const issue of unranked.issues()) (issue.severity === "error" ? errors : warnings).add(issue);
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

/** Units scored together: the float evaluator runs over a batch's columns. */
const BATCH = 1024;

interface StreamUnit {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  readonly row: number;
}

/** A unit read from a row: its identity and where its cells are. */
interface StreamRowUnit {
  readonly unit: StreamUnit;
  readonly cells: readonly RawCell[] | undefined;
  readonly block: CsvBlock | undefined;
  readonly blockRow: number;
  /** Issues of the rows read since the previous unit (left out rows, ragged rows). */
  readonly before: Issue[] | undefined;
}

interface Batch {
  size: number;
  readonly units: StreamUnit[];
  /** A unit's cells: an array, or row `blockRow` of a block. */
  readonly cells: (readonly RawCell[] | undefined)[];
  readonly blocks: (CsvBlock | undefined)[];
  readonly blockRow: Int32Array;
  /** Each unit's position among all units read (for the normalised columns of pass 1). */
  readonly global: Int32Array;
  /** Row issues met before the unit at each position was read (rows left out, parse errors). */
  readonly before: Issue[][];
  /** Column of each (leaf, input): leafColumn[2 × leaf index + input], −1 when absent. */
  leafColumn: Int32Array;
}

function createBatch(compiled: CompiledFramework): Batch {
  return { size: 0, units: [], cells: [], blocks: [], blockRow: new Int32Array(BATCH), global: new Int32Array(BATCH), before: [], leafColumn: new Int32Array(2 * compiled.nodes.length).fill(-1) };
}

function batchSource(compiled: CompiledFramework, batch: Batch, header: { columns: readonly string[]; leafColumn: Int32Array; keyColumn: ReadonlyMap<string, number> }): LeafSource {
  const at = (b: number, col: number): RawCell => {
    const block = batch.blocks[b];
    return block === undefined ? batch.cells[b]![col] : blockCell(block, batch.blockRow[b]!, col);
  };
  const raw = (b: number, leaf: number, input: number): RawValue | undefined => {
    const col = header.leafColumn[2 * leaf + input]!;
    if (col < 0) return undefined;
    const cell = at(b, col);
    return isBlank(cell) ? undefined : (cell as RawValue);
  };
  return {
    count: batch.size,
    raw,
    plainColumn: (leaf, into) => {
      const col = header.leafColumn[2 * leaf]!;
      for (let b = 0; b < batch.size; b++) {
        const block = batch.blocks[b];
        into[b] = block === undefined || col < 0 ? NaN : block.numbers[batch.blockRow[b]! * block.width + col]!;
      }
    },
    cell: (b, key) => {
      const col = header.keyColumn.get(key);
      if (col === undefined) return undefined;
      const cell = at(b, col);
      return { raw: isBlank(cell) ? undefined : (cell as RawValue), row: batch.units[b]!.row, column: header.columns[col] };
    },
    unit: (b) => batch.units[b]!,
  };
}

/** The rows of a source as units with their cells; header, column plan and identity checks. */
function rowReader(framework: Framework, compiled: CompiledFramework, options: StreamOptions, errors: ReturnType<typeof createIssueLog>, warnings: ReturnType<typeof createIssueLog>, missing: MissingPolicy) {
  let columns: readonly string[] | undefined;
  let columnPlan: ColumnPlan | undefined;
  let absent: ReadonlySet<string> = new Set();
  let leafColumn = new Int32Array(0);
  let keyColumn = new Map<string, number>();
  let count = 0;
  let reported = false;
  // Row-level issues since the last unit read: they go with the next unit (errors in row order
  // with the cells' errors), or are left over at the end (`trailing`).
  let sunk: Issue[] = [];
  const sink = (issue: Issue) => sunk.push(issue);
  const before = (): Issue[] | undefined => {
    if (sunk.length === 0) return undefined;
    const issues = sunk;
    sunk = [];
    return issues;
  };
  const start = (header: readonly string[], report: boolean): boolean => {
    columns = header;
    columnPlan = resolveColumns(header, framework, options);
    if (report) for (const issue of columnPlan.issues) (issue.severity === "error" ? errors : warnings).add(issue);
    if (columnPlan.shape === "long" && report) {
      errors.add(error("OPTION_INVALID", "the data is long (indicator and value columns); streaming reads wide data: score it with score()"));
    }
    keyColumn = new Map([...columnPlan.inputs].map(([col, key]) => [key, col]));
    leafColumn = new Int32Array(2 * compiled.nodes.length).fill(-1);
    for (const leaf of compiled.leaves) compiled.nodes[leaf]!.inputs.forEach((key, k) => (leafColumn[2 * leaf + k] = keyColumn.get(key) ?? -1));
    return columnPlan.roles.unit !== undefined && columnPlan.shape !== "long";
  };
  return {
    header: () => ({ columns: columns!, leafColumn, keyColumn }),
    absent: () => absent,
    started: () => columns !== undefined,
    rowCount: () => count,
    /** Where row-level errors go (in row order with the cells' errors). */
    /** The row issues after the last unit of the pass read. */
    trailing: () => before() ?? [],
    /**
     * Units of a pass in input order, those of one source item (a row, or a block of rows) at a
     * time; `report` on the pass whose issues count (the last).
     */
    async *rows(source: AsyncIterable<StreamRow> | Iterable<StreamRow>, report: boolean): AsyncGenerator<StreamRowUnit[]> {
      columns = undefined;
      let state: WideState | undefined;
      let rowCount = 0;
      let recordNumber = 0;
      let stop = false;
      const pending: Issue[] = [];
      // One data row (of a block, or its cells): counted, its issues sent, its identity read.
      const accept = (cells: readonly RawCell[], line: number, rowIssues: readonly Issue[] | undefined): StreamUnit | undefined => {
        if (report && rowIssues !== undefined) for (const issue of rowIssues) sink(issue);
        rowCount++;
        if (rowCount === 1 && report && !reported) {
          reported = true;
          const cols = missingColumnIssues(compiled, new Set(columnPlan!.inputs.values()), missing, "wide", 1);
          absent = cols.absent;
          for (const issue of cols.issues) (issue.severity === "error" ? errors : warnings).add(issue);
        }
        pending.length = 0;
        const table = { columns: columns! };
        state ??= wideState(table, columnPlan!);
        const id = readWideIdentity(table, columnPlan!, state, cells, line, pending);
        if (report) for (const issue of pending) sink(issue);
        return id === undefined ? undefined : { ...id, row: line };
      };
      for await (const row of source) {
        if (isBlock(row)) {
          // (`start`, a closure, sets the header: the cast keeps TypeScript from narrowing it away.)
          const header = columns as readonly string[] | undefined;
          if (header === undefined) throw new DtiError([error("USAGE", "a block of rows came before the header row")]);
          if (stop) {
            rowCount += row.rows;
            continue;
          }
          // Only the identity columns are read as text here; the rest stay in the block.
          const roles = columnPlan!.roles;
          const idColumns = [roles.unit, roles.code, roles.group, roles.year].filter((c): c is number => c !== undefined);
          const cells: RawCell[] = new Array<RawCell>(header.length);
          let issueAt = 0;
          const units: StreamRowUnit[] = [];
          for (let r = 0; r < row.rows; r++) {
            for (const c of idColumns) cells[c] = c < row.width ? blockCell(row, r, c) : undefined;
            let rowIssues: Issue[] | undefined;
            while (issueAt < row.issues.length && row.issues[issueAt]!.row === r) (rowIssues ??= []).push(row.issues[issueAt++]!.issue);
            const unit = accept(cells, row.lines[r]!, rowIssues);
            if (unit !== undefined) units.push({ unit, cells: undefined, block: row, blockRow: r, before: before() });
          }
          yield units;
          continue;
        }
        if (stop) {
          if (columns !== undefined) rowCount++;
          continue;
        }
        let cells: readonly RawCell[];
        let line: number;
        let rowIssues: readonly Issue[] | undefined;
        if (Array.isArray(row) || isRawRow(row as StreamRow)) {
          const raw = Array.isArray(row) ? { line: rowCount + (columns === undefined ? 1 : 2), cells: row as readonly RawCell[] } : (row as RawRow & { issues?: readonly Issue[] });
          if (columns === undefined) {
            stop = !start(raw.cells.map((c) => String(c ?? "").normalize("NFC").trim()), report);
            continue;
          }
          rowIssues = (raw as { issues?: readonly Issue[] }).issues;
          cells = raw.cells;
          line = raw.line;
        } else {
          recordNumber++;
          const table = tableFromRecords([row]);
          if (columns === undefined) stop = !start(table.columns, report);
          const at = new Map(table.columns.map((c, i) => [c, i]));
          if (report) {
            for (const issue of table.issues) sink({ ...issue, row: recordNumber });
            for (const c of table.columns) {
              if (!columns!.includes(c)) sink(error("DATA_NOT_A_ROW", `record ${recordNumber} has key ${showValue(c)}, which the first record does not have`, { row: recordNumber, column: c }));
            }
          }
          const values = table.rows[0]?.cells ?? [];
          cells = columns!.map((c) => values[at.get(c) ?? -1]);
          line = recordNumber;
          if (stop) continue;
        }
        const unit = accept(cells, line, rowIssues);
        if (unit !== undefined) yield [{ unit, cells, block: undefined, blockRow: 0, before: before() }];
      }
      count = rowCount;
    },
  };
}

/**
 * Pass 1 of a framework that normalises across units: the raw value of every normalised leaf of
 * every unit, read by the leaf stage as pass 2 reads it (float, bound, and the text where the float
 * is not its exact decimal), then the normalisation itself, as `score` does it.
 */
async function collectNormalised(
  compiled: CompiledFramework,
  reader: ReturnType<typeof rowReader>,
  source: AsyncIterable<StreamRow> | Iterable<StreamRow>,
  missing: MissingPolicy,
) {
  const leaves = compiled.leaves.filter((l) => compiled.nodes[l]!.leaf?.rule.type === "normalise");
  const position = new Map(leaves.map((l, k) => [l, k]));
  let capacity = 1024;
  let value = new Float64Array(leaves.length * capacity);
  let years = new Float64Array(capacity);
  const texts = new Map<number, string>();
  let units = 0;
  const batch = createBatch(compiled);
  const noneAbsent: ReadonlySet<string> = new Set();
  const flush = () => {
    const size = batch.size;
    if (size === 0) return;
    if (units + size > capacity) {
      const grown = new Float64Array(leaves.length * capacity * 2);
      for (let k = 0; k < leaves.length; k++) grown.set(value.subarray(k * capacity, (k + 1) * capacity), k * capacity * 2);
      value = grown;
      const y = new Float64Array(capacity * 2);
      y.set(years);
      years = y;
      capacity *= 2;
    }
    const source = batchSource(compiled, batch, reader.header());
    const stage = leafColumns(compiled, source, missing, noneAbsent, undefined, leaves);
    const { value: V, coverage: C } = stage.cols;
    leaves.forEach((leaf, k) => {
      for (let b = 0; b < size; b++) {
        const x = V[leaf * size + b]!;
        value[k * capacity + units + b] = x;
        // An observed cell whose float is not exactly its decimal keeps its text (blanks read as 0
        // under "zero" have no coverage).
        if (x === x && C[leaf * size + b] === 1 && !stage.short(b, leaf)) texts.set(k * 0x1_0000_0000 + units + b, String(source.raw(b, leaf, 0)));
      }
    });
    for (let b = 0; b < size; b++) years[units + b] = batch.units[b]!.year ?? NaN;
    units += size;
    batch.size = 0;
  };
  for await (const rows of reader.rows(source, false)) {
    for (const row of rows) {
      addToBatch(batch, row, 0);
      if (batch.size === BATCH) flush();
    }
  }
  flush();
  // Compact to `units` per leaf.
  const packed = new Float64Array(leaves.length * units);
  for (let k = 0; k < leaves.length; k++) packed.set(value.subarray(k * capacity, k * capacity + units), k * units);
  const error = packed.map((x) => (Number.isNaN(x) ? 0 : 2 * UNIT_ROUNDOFF * Math.abs(x)));
  // The raw values stay readable for the exact evaluator: the normalisation overwrites `packed`.
  const rawValues = packed.slice();
  const exactRaw = (u: number, leaf: number): Rational | null => {
    const k = position.get(leaf)!;
    const x = rawValues[k * units + u]!;
    if (Number.isNaN(x)) return null;
    const text = texts.get(k * 0x1_0000_0000 + u);
    if (text === undefined) return ratFromNumber(x);
    return readRational(text) ?? ratFromDecimal(String(x))!;
  };
  const result = normaliseLeaves(
    compiled,
    { units, value: packed, error },
    { year: (u) => (Number.isNaN(years[u]!) ? undefined : years[u]!), exactRaw, short: (u, leaf) => !texts.has(position.get(leaf)! * 0x1_0000_0000 + u) },
    (leaf) => position.get(leaf)! * units,
  );
  return { units, value: packed, error, position, exact: result.exact, issues: result.issues };
}

/** Puts a unit read from a row into the batch, with its position among all units read. */
function addToBatch(batch: Batch, row: StreamRowUnit, global: number): void {
  const b = batch.size++;
  batch.units[b] = row.unit;
  batch.cells[b] = row.cells;
  batch.blocks[b] = row.block;
  batch.blockRow[b] = row.blockRow;
  batch.global[b] = global;
  if (row.before !== undefined) for (const issue of row.before) (batch.before[b] ??= []).push(issue);
}
