/**
 * The rows of a stream as units with their cells: the header and its column plan, each data row's
 * identity (name, code, group, year) checked as `score()` checks it, and the issues of rows left
 * out, in row order.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import { readWideIdentity, wideState, type WideState } from "../input/read-units.ts";
import { resolveColumns, type ColumnPlan } from "../input/resolve-columns.ts";
import { tableFromRecords, type RawCell, type RawRow } from "../input/table.ts";
import { blockCell, type CsvBlock } from "../input/csv/csv-block.ts";
import type { Framework } from "../framework/types.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { missingColumnIssues, type MissingPolicy } from "../score/score-leaves.ts";
import { createIssueLog } from "./issue-log.ts";
import type { StreamOptions, StreamRow } from "./stream-types.ts";
import type { StreamRowUnit, StreamUnit } from "./stream-batch.ts";

function isBlock(row: StreamRow): row is CsvBlock {
  return (row as CsvBlock).kind === "csv-block" && (row as CsvBlock).numbers instanceof Float64Array;
}

function isRawRow(row: StreamRow): row is RawRow {
  return !Array.isArray(row) && typeof (row as RawRow).line === "number" && Array.isArray((row as RawRow).cells);
}

/** One data row read: counted, its issues sent, its identity read (undefined when the row is left out). */
type Accept = (cells: readonly RawCell[], line: number, rowIssues: readonly Issue[] | undefined) => StreamUnit | undefined;

/** A block's data rows as units: only the identity columns are read as text; the rest stay in the block. */
function blockUnits(block: CsvBlock, width: number, idColumns: readonly number[], accept: Accept, before: () => Issue[] | undefined): StreamRowUnit[] {
  const cells: RawCell[] = new Array<RawCell>(width);
  let issueAt = 0;
  const units: StreamRowUnit[] = [];
  for (let r = 0; r < block.rows; r++) {
    for (const c of idColumns) cells[c] = c < block.width ? blockCell(block, r, c) : undefined;
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

/** The rows of a source as units with their cells; header, column plan and identity checks. */
export function rowReader(framework: Framework, compiled: CompiledFramework, options: StreamOptions, errors: ReturnType<typeof createIssueLog>, warnings: ReturnType<typeof createIssueLog>, missing: MissingPolicy) {
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
      const accept: Accept = (cells, line, rowIssues) => {
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
          const roles = columnPlan!.roles;
          const idColumns = [roles.unit, roles.code, roles.group, roles.year].filter((c): c is number => c !== undefined);
          const units = blockUnits(row, header.length, idColumns, accept, before);
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
          cells = recordCells(table, columns!, recordNumber, report ? sink : undefined);
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
