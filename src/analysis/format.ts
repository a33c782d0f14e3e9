/**
 * Number text for the analysis outputs: exact half-up rounding (never `toFixed`), a decimal comma
 * in Vietnamese, an explicit sign for changes. Thin names over the one number formatter
 * (`formatNumber`) in plain style.
 *
 * @module
 */
import type { Decimal } from "../number/decimal.ts";
import { formatNumber, plainStyle, type NumberStyle } from "../report/format-number.ts";
import type { Language } from "../text/language.ts";

/** Output language of summaries and Markdown: the library's one language type. */
export type { Language } from "../text/language.ts";

/** The number style of an analysis language: a decimal comma in Vietnamese, a point in English. */
export function analysisStyle(language: Language = "en"): NumberStyle {
  return plainStyle(language === "vi");
}

/**
 * A number rounded half-up to `places` decimals, with a decimal comma in Vietnamese.
 *
 * @example
 * ```ts
 * formatDecimal(0.015, 4, "vi"); // => "0,0150"
 * ```
 */
export function formatDecimal(value: number | string | Decimal, places: number, language: Language = "en"): string {
  return formatNumber(value, analysisStyle(language), { places });
}

/**
 * Like {@link formatDecimal} with a sign: "+0.0123", "-0.0040", "0.0000".
 *
 * @example
 * ```ts
 * formatSigned(-0.004, 4); // => "-0.0040"
 * ```
 */
export function formatSigned(value: number | string | Decimal, places: number, language: Language = "en"): string {
  return formatNumber(value, analysisStyle(language), { places, sign: true });
}

/**
 * Points, rounded half-up to at most `places` decimals, trailing zeros dropped: "800.175", "100".
 *
 * @example
 * ```ts
 * formatPoints(100, 3, "vi"); // => "100"
 * ```
 */
export function formatPoints(value: number | Decimal, places = 3, language: Language = "en"): string {
  return formatNumber(value, analysisStyle(language), { places, trim: true });
}
