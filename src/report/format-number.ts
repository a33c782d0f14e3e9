/**
 * Locale formatting of published values, shared by the Markdown, HTML and SVG reports.
 *
 * @module
 */
import type { Language } from "./columns.ts";

/** The text shown for a missing value: an en dash. */
export const MISSING = "–";

/** Formats a published value (or any plain decimal text) for display; `null` gives {@link MISSING}. */
export type ValueFormatter = (value: string | null | undefined) => string;

/** The default display locale of a report language: "vi-VN" for vi, "en-US" for en. */
export function defaultLocale(language: Language = "vi"): string {
  return language === "en" ? "en-US" : "vi-VN";
}

/** The decimal and grouping separators of a BCP 47 locale, as `Intl.NumberFormat` writes them. */
export function localeSeparators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.5);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

/**
 * A formatter of published values for a locale. It rewrites the exact text ("0.8002") with the
 * locale's separators ("0,8002" in vi-VN) and never rounds again: the digits are the published
 * ones. Text that is not a plain decimal is returned unchanged; `null` and `undefined` give "–".
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
  const { decimal, group } = localeSeparators(locale);
  return (value) => {
    if (value === null || value === undefined) return MISSING;
    const m = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(value);
    if (m === null) return value;
    const [, sign = "", int = "", frac] = m;
    const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/gu, group) : int;
    return `${sign === "-" ? "−" : ""}${grouped}${frac === undefined ? "" : `${decimal}${frac}`}`;
  };
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
