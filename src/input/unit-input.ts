/**
 * A unit's inputs as read: the shapes the reader produces and the checks of the read columns use.
 *
 * @module
 */
import type { RawValue } from "../score/rules/outcome.ts";

/** Where an input value came from; `raw` is `undefined` when the cell is blank or absent. */
export interface CellRef {
  readonly raw: RawValue | undefined;
  /** Row (CSV line or JSON record number); for an absent long-form value, the unit's first row. */
  readonly row: number;
  /** Header of the column (wide) or of the value column (long); `undefined` if no such column. */
  readonly column: string | undefined;
}

/** One unit's inputs, as read. */
export interface UnitInput {
  /** Unit name, NFC-normalised with white space folded. */
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  /** False for a unit assessed but not ranked: scored, left out of every rank. */
  readonly ranked?: false;
  /** Why it is not ranked, as the data says. */
  readonly rankNote?: string;
  /** First row of the unit in the input. */
  readonly row: number;
  /** Input key → cell. Wide data has an entry for every input column; long data for every row read. */
  readonly values: ReadonlyMap<string, CellRef>;
}

