/**
 * The library's own decimal.js constructor: 40 significant digits, half-up rounding, configured
 * independently of any other copy of decimal.js (mathjs shares the package). Created on first use,
 * so importing the library has no side effect.
 *
 * @module
 */
import { Decimal as DecimalJs } from "decimal.js";

/** An exact decimal number (decimal.js instance). */
export type Decimal = DecimalJs;

let Ctor: typeof DecimalJs | undefined;

/** The configured Decimal constructor. */
export function decimalCtor(): typeof DecimalJs {
  Ctor ??= DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
  return Ctor;
}

/** An exact decimal from text ("0.6789") or a number (read by its shortest round-trip text). */
export function dec(value: string | number): Decimal {
  return new (decimalCtor())(value);
}

/**
 * Rounds half-up to `places` decimals and returns the fixed-point text: exact, never `toFixed` on a
 * float. `publish(dec("0.00105"), 4)` is "0.0011" where `(0.00105).toFixed(4)` gives "0.0010".
 *
 * @example
 * ```ts
 * publish(dec("0.71635"), 4); // => "0.7164"
 * ```
 */
export function publish(value: Decimal, places = 4): string {
  return value.toDecimalPlaces(places, DecimalJs.ROUND_HALF_UP).toFixed(places);
}
