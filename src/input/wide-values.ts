/**
 * A wide row's inputs as a read-only map that makes nothing per cell: the row's cells and one
 * key → column index shared by every row of the table. A cell reference is made when asked for
 * (`get`, iteration); the scoring stage reads cells straight from the row by column index, so
 * scoring 10,000 units × 50 inputs builds no 500,000 maps entries and cell objects.
 *
 * @module
 */
import type { RawCell } from "./table.ts";
import type { CellRef } from "./unit-input.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { isBlank } from "./blank-cell.ts";

/** What every row of one table shares: input key → column index, and the column headers. */
export interface WideLayout {
  readonly columnOf: ReadonlyMap<string, number>;
  readonly headers: readonly string[];
}

/**
 * A layout for a table whose input columns are `inputs` (column index → input key).
 *
 * @example
 * ```ts
 * const layout = wideLayout(new Map([[1, "awareness"]]), ["unit", "Nhận thức"]);
 * layout.columnOf.get("awareness"); // => 1
 * ```
 */
export function wideLayout(inputs: ReadonlyMap<number, string>, headers: readonly string[]): WideLayout {
  const columnOf = new Map<string, number>();
  for (const [col, key] of inputs) columnOf.set(key, col);
  return { columnOf, headers };
}

/**
 * The inputs of one wide row (see the module comment). Behaves as a `ReadonlyMap` of input key →
 * {@link CellRef}; {@link WideValues.rawAt} reads a cell by column index without making one.
 *
 * @example
 * ```ts
 * const values = new WideValues(wideLayout(new Map([[1, "awareness"]]), ["unit", "awareness"]), ["Huế", "0.95"], 2);
 * values.get("awareness"); // => { raw: "0.95", row: 2, column: "awareness" }
 * ```
 */
export class WideValues implements ReadonlyMap<string, CellRef> {
  constructor(
    readonly layout: WideLayout,
    readonly cells: readonly RawCell[],
    readonly row: number,
  ) {}

  /** The cell at a column index as a raw value (undefined when blank). */
  rawAt(col: number): RawValue | undefined {
    const cell = this.cells[col];
    return isBlank(cell) ? undefined : (cell as RawValue);
  }

  get size(): number {
    return this.layout.columnOf.size;
  }

  get(key: string): CellRef | undefined {
    const col = this.layout.columnOf.get(key);
    return col === undefined ? undefined : { raw: this.rawAt(col), row: this.row, column: this.layout.headers[col] };
  }

  has(key: string): boolean {
    return this.layout.columnOf.has(key);
  }

  *entries(): MapIterator<[string, CellRef]> {
    for (const key of this.layout.columnOf.keys()) yield [key, this.get(key)!];
  }

  keys(): MapIterator<string> {
    return this.layout.columnOf.keys();
  }

  *values(): MapIterator<CellRef> {
    for (const key of this.layout.columnOf.keys()) yield this.get(key)!;
  }

  forEach(callback: (value: CellRef, key: string, map: ReadonlyMap<string, CellRef>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, CellRef]> {
    return this.entries();
  }
}
