/**
 * The order of units whose ranked values are equal: Vietnamese name order, then code. Ordinal
 * ranks follow it, and so does the order of tied units in every listing, whichever path ranked
 * them (`score`, the stream, a what-if).
 *
 * @module
 */
import { compareVi } from "../text/collator.ts";

/** What the tie order reads of a unit. */
export interface TieKey {
  readonly unit: string;
  readonly code?: string | undefined;
}

/**
 * Negative when `a` comes before `b` among tied units: by name in Vietnamese order, then by code;
 * 0 when both are equal (the caller then keeps input order).
 *
 * @example
 * ```ts
 * compareTies({ unit: "Đà Nẵng" }, { unit: "Hà Nội" }) < 0; // => true
 * compareTies({ unit: "Hà Nội", code: "01" }, { unit: "Hà Nội", code: "02" }) < 0; // => true
 * ```
 */
export function compareTies(a: TieKey, b: TieKey): number {
  return compareVi(a.unit, b.unit) || (a.code ?? "").localeCompare(b.code ?? "");
}
