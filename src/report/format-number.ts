/**
 * The one number formatter of every renderer (Markdown, HTML, SVG, CSV, Vega-Lite, the analysis
 * and uncertainty Markdown, the streamed CSV): number styles, exact rounding, missing values.
 *
 * @module
 */
import type { Decimal } from "../number/decimal.ts";
import { RAT_ZERO, pow10, rat, ratCmp, ratDiv, ratFromDecimal, ratFromNumber, ratMul, ratNeg, ratScaledHalfUp, ratToDecimalText, scaledText, type Rational } from "../number/rational.ts";
import type { Language } from "../text/language.ts";

/** The text shown for a missing value: an en dash. */
export const MISSING = "–";

/** Formats a published value (or any plain decimal text) for display; `null` gives "–" (a missing value). */
export type ValueFormatter = (value: string | null | undefined) => string;

/**
 * The default display locale of a report language: "vi-VN" for vi, "en-US" for en.
 *
 * @example
 * ```ts
 * defaultLocale("vi"); // => "vi-VN"
 * ```
 */
export function defaultLocale(language: Language = "vi"): string {
  return language === "en" ? "en-US" : "vi-VN";
}

/**
 * The decimal and grouping separators of a BCP 47 locale, as `Intl.NumberFormat` writes them.
 *
 * @example
 * ```ts
 * localeSeparators("vi-VN"); // => { decimal: ",", group: "." }
 * ```
 */
export function localeSeparators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.5);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

/**
 * How a renderer writes numbers: its separators, its minus sign and the text of a missing value.
 * Every renderer takes one of {@link plainStyle} (analysis Markdown, CSV, the decimal-comma
 * option) and `localeStyle` (reports and charts in a locale) and writes through
 * `formatNumber`.
 */
export interface NumberStyle {
  /** The decimal separator: "." or "," (vi-VN). */
  readonly decimal: string;
  /** The thousands separator of the integer part; "" for none. */
  readonly group: string;
  /** The minus sign: "-" in text meant to be read back (CSV, Markdown), "−" (U+2212) in typeset reports. */
  readonly minus: string;
  /** The text of a missing value: "–" (`MISSING`), or "" in CSV. */
  readonly missing: string;
}

/** Rounding and sign of `formatNumber`; without rounding a value keeps all its digits. */
export interface NumberFormat {
  /** Round half-up, exactly, to this many decimals. */
  readonly places?: number;
  /** Round half-up to this many significant digits (for estimates such as an imputed value). */
  readonly significant?: number;
  /** Drop trailing zeros of the fraction (and the separator when nothing is left): "100", "0,5". */
  readonly trim?: boolean;
  /** Write "+" before a value above zero (a change). */
  readonly sign?: boolean;
}

/**
 * Plain number text: a decimal point, or a decimal comma when asked (Vietnamese text, the
 * `decimalComma` options); no thousands separator and an ASCII minus, so the text reads back as
 * a number (CSV, Markdown tables). Missing values show `missing` (default "–").
 *
 * @example
 * ```ts
 * formatNumber("0.8002", plainStyle(true)); // => "0,8002"
 * ```
 */
export function plainStyle(decimalComma = false, missing: string = MISSING): NumberStyle {
  return { decimal: decimalComma ? "," : ".", group: "", minus: "-", missing };
}

/**
 * The number style of a BCP 47 locale for reports and charts: its separators as `Intl` writes
 * them (vi-VN: "12.345,5"), a typographic minus "−" and "–" for a missing value.
 *
 * @example
 * ```ts
 * formatNumber("12345.5", localeStyle("vi-VN")); // => "12.345,5"
 * ```
 */
export function localeStyle(locale: string): NumberStyle {
  return { ...localeSeparators(locale), minus: "−", missing: MISSING };
}

const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/u;

/** The exact decimal text of a finite value, rounded as asked; undefined for non-finite numbers or text that is no number. */
function decimalText(value: number | string | Decimal, format: NumberFormat): string | undefined {
  let r: Rational | undefined;
  if (typeof value === "number") r = Number.isFinite(value) ? ratFromNumber(value) : undefined;
  else r = ratFromDecimal(typeof value === "string" ? value.trim() : value.toString());
  if (r === undefined) return undefined;
  if (format.significant !== undefined) return significantText(r, format.significant);
  return format.places !== undefined ? scaledText(ratScaledHalfUp(r, format.places), format.places) : ratToDecimalText(r);
}

/** r rounded half-up to `digits` significant digits, written without trailing zeros. */
function significantText(r: Rational, digits: number): string {
  if (r.n === 0n) return "0";
  const abs = r.n < 0n ? ratNeg(r) : r;
  // k: the power of ten with 10^(k−1) ≤ |r| < 10^k.
  let k = (abs.n / abs.d).toString().length;
  if (abs.n < abs.d) {
    k = 0;
    while (ratCmp(ratMul(abs, rat(pow10(1 - k))), rat(1n)) < 0) k--;
  }
  const places = digits - k;
  if (places >= 0) return ratToDecimalText(ratDiv(rat(ratScaledHalfUp(r, places)), rat(pow10(places))));
  const whole = ratScaledHalfUp(ratDiv(r, rat(pow10(-places))), 0) * pow10(-places);
  return whole.toString();
}

/**
 * Writes a number for display: the one number formatter of every renderer. A published text
 * ("0.8002") keeps every digit and is only rewritten with the style's separators; numbers and
 * decimals are written exactly (never `toFixed` on a float), rounded half-up when `places` or
 * `significant` is given. `null` and `undefined` (and NaN) give the style's missing text; text
 * that is not a plain decimal is returned as it is. A value that rounds to zero has no sign.
 *
 * @example
 * ```ts
 * formatNumber("0.8002", localeStyle("vi-VN")); // => "0,8002"
 * formatNumber(0.015, plainStyle(true), { places: 4 }); // => "0,0150"
 * formatNumber(-0.004, plainStyle(), { places: 4, sign: true }); // => "-0.0040"
 * formatNumber(100, plainStyle(), { places: 3, trim: true }); // => "100"
 * formatNumber(null, plainStyle(false, "")); // => ""
 * ```
 */
export function formatNumber(value: number | string | Decimal | null | undefined, style: NumberStyle, format: NumberFormat = {}): string {
  if (value === null || value === undefined) return style.missing;
  const rounds = format.places !== undefined || format.significant !== undefined;
  // Published text in plain point style needs nothing (the hot path of streamed CSV).
  if (typeof value === "string" && !rounds && format.trim !== true && format.sign !== true && style.decimal === "." && style.group === "" && style.minus === "-") return value;
  let text: string;
  if (typeof value === "string" && !rounds) text = value;
  else {
    const exact = decimalText(value, format);
    if (exact === undefined) return typeof value === "string" ? value : style.missing;
    text = exact;
  }
  const m = PLAIN_DECIMAL.exec(text);
  if (m === null) return text;
  const [, sign = "", int = "", digits] = m;
  const frac = format.trim === true ? digits?.replace(/0+$/u, "") : digits;
  const zero = /^0+$/u.test(int) && (frac === undefined || /^0*$/u.test(frac));
  const prefix = sign === "-" && !(zero && rounds) ? style.minus : sign === "+" || (format.sign === true && !zero) ? "+" : "";
  const grouped = style.group !== "" && int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/gu, style.group) : int;
  return `${prefix}${grouped}${frac === undefined || frac === "" ? "" : `${style.decimal}${frac}`}`;
}

/**
 * A share as a percentage in a locale: the number written by `formatNumber` (× 100, exact,
 * half-up to `places` decimals, trailing zeros dropped) with the percent sign where the locale
 * puts it ("75%" in vi-VN and en-US, "75 %" in de-DE); `null` gives "–".
 *
 * @example
 * ```ts
 * formatPercent(0.9876, "vi-VN"); // => "98,8%"
 * ```
 */
export function formatPercent(share: number | null | undefined, locale: string, places = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  const parts = new Intl.NumberFormat(locale, { style: "percent" }).formatToParts(0.5);
  const at = parts.findIndex((p) => p.type === "integer");
  const affix = (list: readonly Intl.NumberFormatPart[]) => list.map((p) => p.value).join("");
  return `${affix(parts.slice(0, at))}${formatNumber(ratToDecimalText(ratMul(ratFromNumber(share), rat(100n))), localeStyle(locale), { places, trim: true })}${affix(parts.slice(at + 1))}`;
}

/**
 * A formatter of published values for a locale (`formatNumber` in `localeStyle`). It
 * rewrites the exact text ("0.8002") with the locale's separators ("0,8002" in vi-VN) and never
 * rounds again: the digits are the published ones. Text that is not a plain decimal is returned
 * unchanged; `null` and `undefined` give "–".
 *
 * @example
 * ```ts
 * const vi = valueFormatter("vi-VN");
 * vi("0.8002"); // => "0,8002"
 * vi("12345.5"); // => "12.345,5"
 * valueFormatter("en-US")("0.8002"); // => "0.8002"
 * vi(null); // => "–"
 * ```
 */
export function valueFormatter(locale: string): ValueFormatter {
  const style = localeStyle(locale);
  return (value) => formatNumber(value, style);
}

/**
 * Formats one published value for a locale (see {@link valueFormatter}).
 *
 * @example
 * ```ts
 * formatValue("0.8002", "vi-VN"); // => "0,8002"
 * formatValue(null, "en-US"); // => "–"
 * ```
 */
export function formatValue(value: string | null | undefined, locale: string): string {
  return valueFormatter(locale)(value);
}
