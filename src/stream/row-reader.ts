/**
 * The rows of a stream as units with their cells: the header and its column plan, each data row's
 * identity (name, code, group, year) checked as `score()` checks it, and the issues of rows left
 * out, in row order.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import { identity, readWideIdentity, wideState, type Identity, type WideState } from "../input/read-units.ts";
import { resolveColumns, type ColumnPlan } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawCell, type RawRow } from "../input/table.ts";
import { blockCell, cellIndex, isCsvBlock, type CsvBlock } from "../input/csv/csv-block.ts";
import type { Framework } from "../framework/types.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { missingColumnIssues, type MissingPolicy } from "../score/score-leaves.ts";
import { createIssueLog } from "./issue-log.ts";
import type { StreamOptions, StreamRow, StreamUnitId } from "./stream-types.ts";
import type { StreamRowUnit } from "./stream-batch.ts";

function isRawRow(row: StreamRow): row is RawRow {
  return !Array.isArray(row) && typeof (row as RawRow).line === "number" && Array.isArray((row as RawRow).cells);
}

/** One data row read: counted, its issues sent, its identity read (undefined when the row is left out). */
type Accept = (cells: readonly RawCell[], line: number, rowIssues: readonly Issue[] | undefined) => StreamUnitId | undefined;

/**
 * A copy of `text` that does not point into a larger string. A quoted cell's text is cut from its
 * record's text, and JavaScript engines may keep the whole record alive as long as the cut is
 * kept: ranking keeps every unit's name and code, so a file of quoted rows kept every row's text
 * in memory. Prefixing makes a new string that slicing copies flat in V8; elsewhere it is the same
 * text. (A cell of plain bytes is decoded into a string of its own.)
 */
function detached(text: RawCell): RawCell {
  return typeof text === "string" && text.length > 12 ? (" " + text).slice(1) : text;
}

/**
 * A block's data rows as units: only the identity columns are read as text (none when the units
 * are known from the pass before); the rest stay in the block.
 */
function blockUnits(block: CsvBlock, width: number, idColumns: readonly number[], accept: Accept, before: () => Issue[] | undefined): StreamRowUnit[] {
  const cells: RawCell[] = new Array<RawCell>(width);
  let issueAt = 0;
  const units: StreamRowUnit[] = [];
  for (let r = 0; r < block.rows; r++) {
    for (const c of idColumns) {
      const cell = c < block.width ? blockCell(block, r, c) : undefined;
      cells[c] = c < block.width && block.ownTexts !== true && block.spans[2 * cellIndex(block, r, c)]! <= -2 ? detached(cell) : cell;
    }
    let rowIssues: Issue[] | undefined;
    while (issueAt < block.issues.length && block.issues[issueAt]!.row === r) (rowIssues ??= []).push(block.issues[issueAt++]!.issue);
    const unit = accept(cells, block.lines[r]!, rowIssues);
    if (unit !== undefined) units.push({ unit, cells: undefined, block, blockRow: r, before: before() });
  }
  return units;
}

/**
 * A JSON record's cells in the header's column order; its own issues, and each key the first
 * record does not have, go to `sink` (on the pass whose issues count).
 */
function recordCells(table: ReturnType<typeof tableFromRecords>, columns: readonly string[], recordNumber: number, sink: ((issue: Issue) => void) | undefined): RawCell[] {
  const at = new Map(table.columns.map((c, i) => [c, i]));
  if (sink !== undefined) {
    for (const issue of table.issues) sink({ ...issue, row: recordNumber });
    for (const c of table.columns) {
      if (!columns.includes(c)) sink(error("DATA_NOT_A_ROW", `record ${recordNumber} has key ${showValue(c)}, which the first record does not have`, { row: recordNumber, column: c }));
    }
  }
  const values = table.rows[0]?.cells ?? [];
  return columns.map((c) => values[at.get(c) ?? -1]);
}

/** The header's column plan, and where each leaf's and each input key's cells are. */
interface HeaderPlan {
  readonly plan: ColumnPlan;
  readonly keyColumn: Map<string, number>;
  readonly leafColumn: Int32Array;
  /** The plan's issues, and the stream's own refusal of long data. */
  readonly issues: readonly Issue[];
  /** False when the rows cannot be read as units (no unit column, or long data). */
  readonly readable: boolean;
}

function planHeader(header: readonly string[], framework: Framework, compiled: CompiledFramework, options: StreamOptions): HeaderPlan {
  const plan = resolveColumns(header, framework, options);
  const issues: Issue[] = [...plan.issues];
  if (plan.shape === "long") issues.push(error("OPTION_INVALID", "the data is long (indicator and value columns); streaming reads wide data: score it with score()"));
  const keyColumn = new Map([...plan.inputs].map(([col, key]) => [key, col]));
  const leafColumn = new Int32Array(2 * compiled.nodes.length).fill(-1);
  for (const leaf of compiled.leaves) compiled.nodes[leaf]!.inputs.forEach((key, k) => (leafColumn[2 * leaf + k] = keyColumn.get(key) ?? -1));
  return { plan, keyColumn, leafColumn, issues, readable: plan.roles.unit !== undefined && plan.shape !== "long" };
}

/** A source item that is one row: its cells, line and reader's issues, or (the first) the header. */
type ItemRow = { readonly header: readonly string[] } | { readonly cells: readonly RawCell[]; readonly line: number; readonly issues?: readonly Issue[] };

/** An array of cells or a RawRow: the header when none was read yet, else a data row. */
function plainRow(row: readonly RawCell[] | RawRow, rowCount: number, headerRead: boolean): ItemRow {
  const raw = Array.isArray(row) ? { line: rowCount + (headerRead ? 2 : 1), cells: row as readonly RawCell[] } : (row as RawRow & { issues?: readonly Issue[] });
  if (!headerRead) return { header: raw.cells.map((c) => String(c ?? "").normalize("NFC").trim()) };
  const issues = (raw as { issues?: readonly Issue[] }).issues;
  return { cells: raw.cells, line: raw.line, ...(issues !== undefined ? { issues } : {}) };
}

/**
 * Row-level issues since the last unit read: they go with the next unit (`before`: errors in row
 * order with the cells' errors), or are left over at the end.
 */
function issueQueue() {
  let sunk: Issue[] = [];
  return {
    sink: (issue: Issue) => void sunk.push(issue),
    before: (): Issue[] | undefined => {
      if (sunk.length === 0) return undefined;
      const issues = sunk;
      sunk = [];
      return issues;
    },
  };
}

/**
 * The rows of a source as units with their cells; header, column plan and identity checks.
 * `repeats`: "row" checks each row for a unit (or code) read before, as `score()` does; "later"
 * leaves that to a caller that sees every unit (scored, or left out by an error: see
 * `StreamWay.dropped`) and reads the rows again with "row" when it finds a repeat (the streamed CLI).
 */
export function rowReader(
  framework: Framework,
  compiled: CompiledFramework,
  options: StreamOptions,
  errors: ReturnType<typeof createIssueLog>,
  warnings: ReturnType<typeof createIssueLog>,
  missing: MissingPolicy,
  repeats: "row" | "later" = "row",
) {
  let columns: readonly string[] | undefined;
  let header: HeaderPlan | undefined;
  let absent: ReadonlySet<string> = new Set();
  let count = 0;
  let reported = false;
  // The units of the pass before the one whose issues count, when none of its rows had an issue:
  // that pass takes them as they are, without reading and checking every identity again.
  let known: (StreamUnitId | undefined)[] | undefined;
  const { sink, before } = issueQueue();
  const log = (issues: readonly Issue[]) => issues.forEach((issue) => (issue.severity === "error" ? errors : warnings).add(issue));
  const start = (names: readonly string[], report: boolean): boolean => {
    columns = names;
    header = planHeader(names, framework, compiled, options);
    if (report) log(header.issues);
    return header.readable;
  };
  // The first data row of the pass whose issues count: the inputs no column holds.
  const firstRow = () => {
    reported = true;
    const cols = missingColumnIssues(compiled, new Set(header!.plan.inputs.values()), missing, "wide", 1);
    absent = cols.absent;
    log(cols.issues);
  };
  return {
    header: () => ({ columns: columns!, leafColumn: header?.leafColumn ?? new Int32Array(0), keyColumn: header?.keyColumn ?? new Map<string, number>() }),
    absent: () => absent,
    started: () => columns !== undefined,
    rowCount: () => count,
    /** The row issues after the last unit of the pass read. */
    trailing: () => before() ?? [],
    /**
     * The units of the pass before, given as the pass whose issues count would give them, without
     * reading the rows again: for a framework whose every leaf the pass before read (and kept).
     * Undefined when some row of it had an issue, or it had no data row: then the rows are read.
     */
    again(): StreamRowUnit[] | undefined {
      if (known === undefined || known.length === 0) return undefined;
      log(header!.issues);
      if (!reported) firstRow();
      const units = known.map((unit): StreamRowUnit => ({ unit: unit!, cells: undefined, block: undefined, blockRow: 0, before: undefined }));
      known = undefined;
      return units;
    },
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
      const replay = report ? known : undefined;
      let replayed = 0;
      const noted: StreamUnitId[] | undefined = report ? undefined : [];
      let clean = true;
      // One data row (of a block, or its cells): counted, its issues sent, its identity read.
      const accept: Accept = (cells, line, rowIssues) => {
        if (report && rowIssues !== undefined) for (const issue of rowIssues) sink(issue);
        if (++rowCount === 1 && report && !reported) firstRow();
        if (replay !== undefined) {
          const known = replay[replayed];
          replay[replayed++] = undefined;
          return known;
        }
        pending.length = 0;
        const table = { columns: columns! };
        let id: Identity | undefined;
        if (repeats === "row") {
          state ??= wideState(table, header!.plan);
          id = readWideIdentity(table, header!.plan, state, cells, line, pending);
        } else id = identity(table, header!.plan, cells, line, pending);
        if (report) for (const issue of pending) sink(issue);
        if (id === undefined) {
          clean = false;
          return undefined;
        }
        // (Given its row in place: a new object per row, to be copied from, was garbage.)
        const unit = id as { -readonly [K in keyof StreamUnitId]: StreamUnitId[K] };
        unit.row = line;
        if (rowIssues !== undefined || pending.length > 0) clean = false;
        noted?.push(unit);
        return unit;
      };
      for await (const row of source) {
        if (isCsvBlock(row)) {
          // (`start`, a closure, sets the header: the cast keeps TypeScript from narrowing it away.)
          const names = columns as readonly string[] | undefined;
          if (names === undefined) throw new DtiError([error("USAGE", "a block of rows came before the header row")]);
          // (A block read for its count alone still comes out, without units: the caller may let go of it.)
          if (stop) rowCount += row.rows;
          yield stop ? [] : blockUnits(row, names.length, replay !== undefined ? [] : identityColumns(header!.plan), accept, before);
          continue;
        }
        if (stop) {
          if (columns !== undefined) rowCount++;
          continue;
        }
        let item: ItemRow;
        if (Array.isArray(row) || isRawRow(row as StreamRow)) item = plainRow(row as readonly RawCell[] | RawRow, rowCount, columns !== undefined);
        else {
          const table = tableFromRecords([row]);
          if (columns === undefined) stop = !start(table.columns, report);
          // (A record's own issues make the pass before unclean: the pass that reports reads it again.)
          item = { cells: recordCells(table, columns!, ++recordNumber, report ? sink : () => (clean = false)), line: recordNumber };
        }
        if ("header" in item) stop = !start(item.header, report);
        if ("header" in item || stop) continue;
        const unit = accept(item.cells, item.line, item.issues);
        if (unit !== undefined) yield [{ unit, cells: item.cells, block: undefined, blockRow: 0, before: before() }];
      }
      count = rowCount;
      known = clean ? noted : undefined;
    },
  };
}

/**
 * The columns of a unit's identity (name, code, group, year) that `rowReader` finds in `header`
 * (the first row of a source, as read): the cells of each row it reads as text.
 */
export function headerIdentityColumns(header: RawRow | readonly RawCell[], framework: Framework, options: StreamOptions): number[] {
  const item = plainRow(header, 0, false);
  return "header" in item ? identityColumns(resolveColumns(item.header, framework, options)) : [];
}

/** The columns of a unit's identity: name, code, group, year. */
function identityColumns(plan: ColumnPlan): number[] {
  const roles = plan.roles;
  return [roles.unit, roles.code, roles.group, roles.year].filter((c): c is number => c !== undefined);
}
