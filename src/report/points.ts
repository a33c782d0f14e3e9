/**
 * A published 0-1 value on the framework's points scale (0.8002 of 1000 points is 800.2), exactly:
 * the published text times the total, in decimals, never through a float. Points are the value
 * shown beside them, rescaled, so the two columns never disagree.
 *
 * @module
 */
import { ratFromDecimal, ratMul, ratScaledHalfUp, scaledText } from "../number/rational.ts";

/**
 * `value` × `total`, with as many decimals as the value has, less one per trailing zero of a whole
 * `total` (so the product is exact: 4 decimals on 1000 points give 1, on 100 give 2, on 330 give 3).
 * A missing value is `null`.
 *
 * @example
 * ```ts
 * pointsText("0.8002", 1000); // => "800.2"
 * pointsText("0.7164", 330); // => "236.412"
 * pointsText(null, 100); // => null
 * ```
 */
export function pointsText(value: string | null, total: number): string | null {
  if (value === null) return null;
  const v = ratFromDecimal(value);
  const t = ratFromDecimal(String(total));
  if (v === undefined || t === undefined) throw new RangeError(`pointsText needs decimal text and a finite total (got ${JSON.stringify(value)}, ${total})`);
  const dot = value.indexOf(".");
  let places = dot < 0 ? 0 : value.length - dot - 1;
  if (Number.isInteger(total) && total !== 0) for (let z = total; places > 0 && z % 10 === 0; z /= 10) places--;
  // Exact at these places for a whole total; a fractional total is rounded half-up at the value's places.
  return scaledText(ratScaledHalfUp(ratMul(v, t), places), places);
}
