/**
 * Spreadsheet cell references as users see them: column letters (A, B, …, Z, AA, …) and
 * `B3`-style addresses, to and from 0-based column indexes and 1-based row numbers.
 *
 * @module
 */

/** The largest column an .xlsx sheet can have (XFD). */
export const MAX_COLUMNS = 16384;

/** The largest row an .xlsx sheet can have. */
export const MAX_ROWS = 1048576;

/**
 * The letters of a 0-based column index.
 *
 * @example
 * ```ts
 * columnLetter(0); // => "A"
 * columnLetter(27); // => "AB"
 * ```
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A cell address (`B3`, `$B$3`) as a 0-based column and a 1-based row, or undefined.
 *
 * @example
 * ```ts
 * parseCellRef("AB12"); // => { col: 27, row: 12 }
 * ```
 */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(ref.trim());
  if (m === null) return undefined;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return undefined;
  return { col: col - 1, row };
}

/** A cell's address from a 0-based column and a 1-based row: `cellRef(1, 3)` is "B3". */
export function cellRef(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}
