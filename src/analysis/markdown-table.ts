/**
 * A GitHub-flavoured Markdown table from header and rows (cells escaped), for the analysis
 * renderers.
 *
 * @module
 */
import { markdownCell } from "../report/to-markdown.ts";

/**
 * Renders a table; `align` is "l" or "r" per column (default: first column left, others right).
 *
 * @example
 * ```ts
 * markdownTable(["a", "b"], [["x", "1"]]); // => "| a | b |\n| :--- | ---: |\n| x | 1 |\n"
 * ```
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("l" | "r")[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? ":---" : "---:"));
  return [line(header), `| ${sep.join(" | ")} |`, ...rows.map(line)].join("\n") + "\n";
}
