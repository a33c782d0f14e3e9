import { ratFromDecimal, ratScaledHalfUp, scaledText } from "./rational.ts";
import { parseNumber } from "./parse-number.ts";

/**
 * Rounds a number half-up to `places` decimals, exactly, and returns the text. Strings are read
 * as written ("0,71635" too); numbers by their shortest round-trip text. Use it wherever a value
 * is published: never `toFixed`, which rounds the binary float (0.00105 → "0.0010").
 *
 * @example
 * ```ts
 * roundHalfUp("0.71635"); // => "0.7164"
 * roundHalfUp(0.00105); // => "0.0011"
 * ```
 */
export function roundHalfUp(value: string | number, places = 4): string {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : undefined) : parseNumber(value);
  if (text === undefined) throw new RangeError(`${JSON.stringify(value)} is not a finite number`);
  return scaledText(ratScaledHalfUp(ratFromDecimal(text)!, places), places);
}
