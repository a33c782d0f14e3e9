/**
 * The analysis' decimal reading of a raw input (what-if steps and plans compute on decimal.js).
 *
 * @module
 */
import { dec, type Decimal } from "../number/decimal.ts";
import { parseNumber } from "../number/parse-number.ts";
import type { RawValue } from "../score/rules/outcome.ts";

/**
 * Reads a raw value as an exact decimal: JSON numbers must be finite; text goes through
 * {@link parseNumber} (vi-VN decimal commas accepted). `undefined` when it is not a number.
 */
export function readDecimal(raw: RawValue): Decimal | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? dec(raw === 0 ? 0 : raw) : undefined;
  if (typeof raw === "string") {
    const text = parseNumber(raw);
    return text === undefined ? undefined : dec(text);
  }
  return undefined;
}

