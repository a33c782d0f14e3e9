/**
 * Number text for the analysis outputs: exact half-up rounding (never `toFixed`), a decimal comma
 * in Vietnamese, an explicit sign for changes.
 *
 * @module
 */
import { dec, publish, type Decimal } from "../number/decimal.ts";

/** Output language of summaries and Markdown. */
export type AnalysisLanguage = "vi" | "en";

/**
 * A number rounded half-up to `places` decimals, with a decimal comma in Vietnamese.
 *
 * @example
 * ```ts
 * formatDecimal(0.015, 4, "vi"); // => "0,0150"
 * ```
 */
export function formatDecimal(value: number | string | Decimal, places: number, language: AnalysisLanguage = "en"): string {
  const text = publish(typeof value === "object" ? value : dec(value), places);
  return language === "vi" ? text.replace(".", ",") : text;
}

/**
 * Like {@link formatDecimal} with a sign: "+0.0123", "-0.0040", "0.0000".
 *
 * @example
 * ```ts
 * formatSigned(-0.004, 4); // => "-0.0040"
 * ```
 */
export function formatSigned(value: number | string | Decimal, places: number, language: AnalysisLanguage = "en"): string {
  const d = typeof value === "object" ? value : dec(value);
  const text = formatDecimal(d.abs(), places, language);
  if (/^[0.,]+$/u.test(text)) return text;
  return d.isNegative() ? `-${text}` : `+${text}`;
}

/**
 * Points, rounded half-up to at most `places` decimals, trailing zeros dropped: "800.175", "100".
 *
 * @example
 * ```ts
 * formatPoints(100, 3, "vi"); // => "100"
 * ```
 */
export function formatPoints(value: number | Decimal, places = 3, language: AnalysisLanguage = "en"): string {
  const text = publish(typeof value === "number" ? dec(value) : value, places).replace(/(\.\d*?)0+$/u, "$1").replace(/\.$/u, "");
  return language === "vi" ? text.replace(".", ",") : text;
}
