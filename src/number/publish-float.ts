/**
 * Publishing a float result exactly: the half-up rounding of a float is taken only when the float
 * is provably on the same side of every rounding boundary as the exact value it approximates.
 *
 * @module
 */

/** The unit roundoff of IEEE 754 doubles, 2^-53. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Slack added to every bound: covers the exact path's own 40-significant-digit rounding (its
 * results are within about 1e-38 of the true value), so "far from a boundary" holds for both.
 */
const EXACT_SLACK = 1e-30;

/**
 * The published value of `value` scaled by 10^places, as a whole number, when `value` is known to
 * be within `error` of the exact result and that is far enough from a half-way point for the
 * rounding to be certain; `undefined` when it is not (the caller then computes the exact decimal).
 *
 * Proof sketch: let x be the exact result, |value − x| ≤ error. With t = fl(value·10^p), |t −
 * value·10^p| ≤ |t|·u, so |t − x·10^p| ≤ e := error·10^p + |t|·2u + slack. Half-up rounding of
 * x·10^p changes only at k + ½; if frac(t) is more than e away from ½ (and t ≥ 0), x·10^p lies
 * in the same interval (k − ½, k + ½) as t and rounds to the same whole number. frac(t) = t −
 * floor(t) is exact for 0 ≤ t < 2^52.
 *
 * @example
 * ```ts
 * publishedScaled(0.80017, 1e-15, 4); // => 8002
 * publishedScaled(0.80015, 1e-15, 4); // => undefined (on the half-way point 8001.5: only exact decimals can tell)
 * ```
 */
export function publishedScaled(value: number, error: number, places: number): number | undefined {
  const k = scaledOrNaN(value, error, 10 ** places);
  return Number.isNaN(k) ? undefined : k;
}

/** {@link publishedScaled} with the scale 10^places given, NaN for "cannot tell" (no allocation, for hot loops). */
export function scaledOrNaN(value: number, error: number, scale: number): number {
  if (!(value >= 0) || !(error < Infinity)) return NaN;
  const t = value * scale;
  if (!(t < TWO_52)) return NaN;
  const floor = Math.floor(t);
  const frac = t - floor;
  const e = (error + EXACT_SLACK) * scale + t * 2 * UNIT_ROUNDOFF;
  if (Math.abs(frac - 0.5) <= e) return NaN;
  return frac > 0.5 ? floor + 1 : floor;
}

const TWO_52 = 2 ** 52;

/**
 * The fixed-point text of a whole number scaled by 10^places: `formatScaled(8002, 4)` is
 * "0.8002", as `publish` writes it (no exponent, `places` decimals).
 *
 * @example
 * ```ts
 * formatScaled(8002, 4); // => "0.8002"
 * formatScaled(10000, 4); // => "1.0000"
 * formatScaled(-4336, 4); // => "-0.4336"
 * ```
 */
export function formatScaled(scaled: number, places: number): string {
  if (places <= 4 && scaled >= 0 && scaled <= TENS[places]!) {
    // Scores are in [0, 1]: at most 10^places + 1 texts, made once (a large file formats millions).
    const table = (TABLES[places] ??= Array.from({ length: 10 ** places + 1 }, (_, k) => formatDigits(k, places)));
    return table[scaled]!;
  }
  return formatDigits(scaled, places);
}

const TABLES: string[][] = [];
const TENS = [1, 10, 100, 1000, 10000];

function formatDigits(scaled: number, places: number): string {
  const negative = scaled < 0;
  const digits = String(negative ? -scaled : scaled);
  if (places === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(places + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}
