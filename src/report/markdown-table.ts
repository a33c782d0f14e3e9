/**
 * GitHub-flavoured Markdown tables for every Markdown renderer: cells from the data are escaped
 * ({@link markdownText}); cells a renderer writes as Markdown on purpose (bold totals, an italic
 * count) are marked as such with {@link markdownSource}.
 *
 * @module
 */
import { markdownText } from "./escape.ts";

/** Markdown a renderer wrote itself (any data in it already escaped), put in a table as it is. */
export interface MarkdownSource {
  readonly markdown: string;
}

/** A table cell: text (escaped when written) or {@link MarkdownSource}. */
export type TableCell = string | MarkdownSource;

/**
 * Marks Markdown written by a renderer, so that a table does not escape it again.
 *
 * @example
 * ```ts
 * markdownTable(["a"], [[markdownSource(`**${markdownText(name)}**`)]]);
 * ```
 */
export function markdownSource(markdown: string): MarkdownSource {
  return { markdown };
}

/** Column alignment: left, right or centred. */
export type Align = "l" | "r" | "c";

const SEPARATOR: Readonly<Record<Align, string>> = { l: ":---", r: "---:", c: ":---:" };

/** One table row: `| a | b |`. */
export function markdownRow(cells: readonly TableCell[]): string {
  return `| ${cells.map((c) => (typeof c === "string" ? markdownText(c) : c.markdown)).join(" | ")} |`;
}

/**
 * Renders a table; `align` is "l", "r" or "c" per column (default: first column left, others
 * right). Ends with a line break.
 *
 * @example
 * ```ts
 * markdownTable(["a", "b"], [["x", "1"]]); // => "| a | b |\n| :--- | ---: |\n| x | 1 |\n"
 * ```
 */
export function markdownTable(header: readonly TableCell[], rows: readonly (readonly TableCell[])[], align?: readonly Align[]): string {
  return markdownHead(header, align) + rows.map((r) => `${markdownRow(r)}\n`).join("");
}

/**
 * A table's header row and alignment row, each ending with a line break: what
 * {@link markdownTable} writes before the rows (for writers that add rows one at a time).
 *
 * @example
 * ```ts
 * markdownHead(["a", "b"]); // => "| a | b |\n| :--- | ---: |\n"
 * ```
 */
export function markdownHead(header: readonly TableCell[], align?: readonly Align[]): string {
  const sep = header.map((_, i) => SEPARATOR[align?.[i] ?? (i === 0 ? "l" : "r")]);
  return `${markdownRow(header)}\n| ${sep.join(" | ")} |\n`;
}
