/**
 * Where the leaf stage reads its units' cells: units read into memory (`score()`), or a batch of a
 * stream's rows.
 *
 * @module
 */
import type { CellRef } from "../input/read-units.ts";
import type { RawValue } from "./rules/outcome.ts";

/** Where the leaf stage reads its units' cells: units in memory, or a batch of streamed rows. */
export interface LeafSource {
  readonly count: number;
  /** The raw input `input` (0, or 1 for a ratio's denominator) of unit u's leaf; undefined = blank or absent. */
  raw(u: number, leaf: number, input: number): RawValue | undefined;
  /**
   * Optional: the leaf's (first) input of every unit already read as a plain decimal
   * (`plainDecimal`), into `into[u]`; NaN where it was not: then `raw` is read. Saves reading the
   * text of most cells of a stream.
   */
  plainColumn?(leaf: number, into: Float64Array): void;
  /**
   * Optional: the (first) input of each of `leaves` for unit u read as a plain decimal
   * (`plainDecimal`), into `into[k]`; NaN where it was not: then `raw` is read. Units whose cells
   * lie in one row read them there, without a call per cell.
   */
  plainCells?(u: number, leaves: readonly number[], into: Float64Array): void;
  /** The cell of unit u for an input key (undefined: no such column or row). */
  cell(u: number, key: string): CellRef | undefined;
  /** The unit's name, year and first row, for issues. */
  unit(u: number): { readonly unit: string; readonly row: number; readonly year?: number };
}
