/**
 * Rows of text cells as CSV, each cell through {@link csvCell} (quoting, formula neutralising).
 *
 * @module
 */
import { csvCell } from "./escape.ts";

/**
 * CSV text of rows of text cells, CRLF line ends (as spreadsheets write them), an optional BOM.
 *
 * @example
 * ```ts
 * rowsToCsv([["STT", "Tiêu chí"], ["1", "Hạ tầng; số"]], { delimiter: ";" }); // => 'STT;Tiêu chí\r\n1;"Hạ tầng; số"\r\n'
 * ```
 */
export function rowsToCsv(rows: readonly (readonly string[])[], options: { readonly delimiter?: "," | ";" | "\t"; readonly bom?: boolean } = {}): string {
  const d = options.delimiter ?? ",";
  return `${options.bom === true ? "\uFEFF" : ""}${rows.map((r) => r.map((c) => csvCell(c, d)).join(d)).join("\r\n")}\r\n`;
}
