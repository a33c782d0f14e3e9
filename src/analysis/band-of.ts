/**
 * Which band a published value falls in.
 *
 * @module
 */
import { dec } from "../number/decimal.ts";
import type { Band, BandSet } from "./bands.ts";

/**
 * The first band of `set` containing `value` (a published value such as "0.4096", compared
 * exactly as a decimal), or `undefined` for a missing value or one no band contains.
 *
 * @example
 * ```ts
 * bandOf(getBands("dti-2020-map"), "0.4000")?.id; // => "group-2"
 * ```
 */
export function bandOf(set: BandSet, value: string | number | null | undefined): Band | undefined {
  if (value === null || value === undefined) return undefined;
  const v = dec(value);
  return set.bands.find((b) => {
    if (b.min !== undefined) {
      const c = v.comparedTo(b.min);
      if (c < 0 || (c === 0 && b.minInclusive === false)) return false;
    }
    if (b.max !== undefined) {
      const c = v.comparedTo(b.max);
      if (c > 0 || (c === 0 && b.maxInclusive !== true)) return false;
    }
    return true;
  });
}
