/**
 * Units read from rows, gathered into batches: the float evaluator runs over a batch's columns,
 * and the leaf stage reads a batch's cells (arrays of cells or rows of CSV blocks) through
 * {@link batchSource}.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import { isBlank } from "../input/read-units.ts";
import type { RawCell } from "../input/table.ts";
import { blockCell, cellIndex, type CsvBlock } from "../input/csv/csv-block.ts";
import type { CompiledFramework } from "../score/compile.ts";
import type { LeafSource } from "../score/leaf-columns.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import type { StreamUnitId } from "./stream-types.ts";

/** Units scored together: the float evaluator runs over a batch's columns. */
export const BATCH = 1024;

/** A unit read from a row: its identity and where its cells are. */
export interface StreamRowUnit {
  readonly unit: StreamUnitId;
  readonly cells: readonly RawCell[] | undefined;
  readonly block: CsvBlock | undefined;
  readonly blockRow: number;
  /** Issues of the rows read since the previous unit (left out rows, ragged rows). */
  readonly before: Issue[] | undefined;
}

export interface Batch {
  size: number;
  readonly units: StreamUnitId[];
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

export function createBatch(compiled: CompiledFramework): Batch {
  return { size: 0, units: [], cells: [], blocks: [], blockRow: new Int32Array(BATCH), global: new Int32Array(BATCH), before: [], leafColumn: new Int32Array(2 * compiled.nodes.length).fill(-1) };
}

export function batchSource(compiled: CompiledFramework, batch: Batch, header: { columns: readonly string[]; leafColumn: Int32Array; keyColumn: ReadonlyMap<string, number> }): LeafSource {
  const at = (b: number, col: number): RawCell => {
    const block = batch.blocks[b];
    return block === undefined ? batch.cells[b]![col] : blockCell(block, batch.blockRow[b]!, col);
  };
  let runs: number[] | undefined;
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
      runs ??= blockRuns(batch);
      // A run of units on consecutive rows of one block has its column's cells side by side: copied at once.
      for (let r = 0; r < runs.length; r += 2) {
        const b = runs[r]!;
        const end = runs[r + 1]!;
        const block = batch.blocks[b];
        if (block === undefined || col < 0) into.fill(NaN, b, end);
        else {
          const from = cellIndex(block, batch.blockRow[b]!, col);
          into.set(block.numbers.subarray(from, from + end - b), b);
        }
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

/**
 * The batch's units in runs, each on consecutive rows of one block (or all without a block): the
 * first unit of each run and the unit after its last, in pairs.
 */
function blockRuns(batch: Batch): number[] {
  const runs: number[] = [];
  for (let b = 0; b < batch.size; ) {
    const block = batch.blocks[b];
    let end = b + 1;
    if (block === undefined) while (end < batch.size && batch.blocks[end] === undefined) end++;
    else while (end < batch.size && batch.blocks[end] === block && batch.blockRow[end] === batch.blockRow[end - 1]! + 1) end++;
    runs.push(b, end);
    b = end;
  }
  return runs;
}

/** Puts a unit read from a row into the batch, with its position among all units read. */
export function addToBatch(batch: Batch, row: StreamRowUnit, global: number): void {
  const b = batch.size++;
  batch.units[b] = row.unit;
  batch.cells[b] = row.cells;
  batch.blocks[b] = row.block;
  batch.blockRow[b] = row.blockRow;
  batch.global[b] = global;
  if (row.before !== undefined) for (const issue of row.before) (batch.before[b] ??= []).push(issue);
}
