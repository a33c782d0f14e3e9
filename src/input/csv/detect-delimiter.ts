/**
 * Delimiter detection for CSV text.
 *
 * @module
 */

/**
 * The delimiters {@link detectDelimiter} recognises: comma, semicolon (Excel in vi-VN, where the
 * comma is the decimal mark) and tab.
 *
 * @example
 * ```ts
 * const d: CsvDelimiter | undefined = detectDelimiter("a\tb"); // => "\t"
 * ```
 */
export type CsvDelimiter = "," | ";" | "\t";

/** Candidates in tie-break order: comma, then semicolon, then tab. */
const CANDIDATES: readonly CsvDelimiter[] = [",", ";", "\t"];

/**
 * Detects the delimiter from the header line: the most frequent of `,` `;` and tab outside
 * double quotes (ties go to `,`, then `;`). Blank lines before the header are skipped, and a quoted
 * header cell may span lines. Returns `undefined` when the header has none of them (one column).
 *
 * @param text - The CSV text (BOM already removed).
 * @returns The delimiter, or `undefined` for a one-column header.
 *
 * @example
 * ```ts
 * detectDelimiter("Tỉnh;Điểm\nHà Nội;0,8"); // => ";"
 * detectDelimiter('"Tỉnh, thành";Điểm'); // => ";"
 * detectDelimiter("Tỉnh\nHà Nội"); // => undefined
 * ```
 */
export function detectDelimiter(text: string): CsvDelimiter | undefined {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') {
      // A doubled quote inside quotes toggles twice, which leaves the state unchanged.
      inQuotes = !inQuotes;
      started = true;
      continue;
    }
    if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (started) break;
      continue;
    }
    if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      started = true;
      continue;
    }
    if (ch.trim() !== "") started = true;
  }
  let best: CsvDelimiter | undefined;
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const n = counts.get(candidate) ?? 0;
    if (n > bestCount) {
      best = candidate;
      bestCount = n;
    }
  }
  return best;
}
