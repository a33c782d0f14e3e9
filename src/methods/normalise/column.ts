import type { Decimal } from "../../number/decimal.ts";

/** A column of one indicator's values over a set of units; `null` = missing. */
export type Column = readonly (Decimal | null)[];

/** What a normaliser returns: scores in the same order, and whether the data was degenerate. */
export interface NormalisedColumn {
  readonly scores: (Decimal | null)[];
  /** True when the data could not separate units (one unit, or all values equal): scores are the midpoint (z-score: the mean). */
  readonly degenerate: boolean;
}

/** The present values of a column. */
export function present(values: Column): Decimal[] {
  return values.filter((v): v is Decimal => v !== null);
}

/** Applies `f` to present values, keeping `null`s. */
export function mapPresent(values: Column, f: (x: Decimal) => Decimal): (Decimal | null)[] {
  return values.map((v) => (v === null ? null : f(v)));
}
