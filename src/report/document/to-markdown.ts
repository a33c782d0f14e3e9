/**
 * The Markdown writer of the document model: GitHub-flavoured Markdown, a pure function of the
 * document. Text is escaped with the one Markdown escaper (`markdownText` where it begins a line,
 * `markdownCell` elsewhere), numbers are written with `formatNumber` in the document's style.
 *
 * @module
 */
import { markdownCell, markdownText } from "../escape.ts";
import { formatNumber, type NumberStyle } from "../format-number.ts";
import { cellText, type Alignment, type Block, type Cell, type Column, type Document, type Inline } from "./model.ts";

const SEPARATOR: Readonly<Record<Alignment, string>> = { left: ":---", right: "---:", center: ":---:" };

/** A code span fenced by more backticks than it holds. */
function codeSpan(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/gu)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Inline content as Markdown. Adjacent text is escaped as one run (an underscore between two
 * letters is no emphasis, wherever the runs were split); a first run that begins a line is escaped
 * with `first` (`markdownText`, the escapes of a line's start), any other with `markdownCell`.
 */
function inlineMarkdown(content: readonly Inline[], numbers: NumberStyle, first: (text: string) => string = markdownCell): string {
  let out = "";
  let run = "";
  const flush = () => {
    if (run === "") return;
    out += (out === "" ? first : markdownCell)(run);
    run = "";
  };
  for (const item of content) {
    if (item.kind === "text") {
      run += item.text;
      continue;
    }
    if (item.kind === "number") {
      run += formatNumber(item.value, numbers, item.format);
      continue;
    }
    flush();
    if (item.kind === "code") out += codeSpan(item.text);
    else {
      const mark = item.kind === "strong" ? "**" : "*";
      out += `${mark}${inlineMarkdown(item.content, numbers)}${mark}`;
    }
  }
  flush();
  return out;
}

function cellMarkdown(cell: Cell, numbers: NumberStyle): string {
  return cell.kind === "text" ? inlineMarkdown(cell.content, numbers) : markdownCell(cellText(cell, numbers));
}

const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;

/**
 * A table's header row and alignment row, each ending with a line break: how {@link documentToMarkdown}
 * begins a table, for a writer that then adds rows one at a time ({@link markdownTableRow}).
 *
 * @example
 * ```ts
 * import { tableColumns } from "./model.ts";
 * import { plainStyle } from "../format-number.ts";
 * markdownTableHead(tableColumns(["Đơn vị", "DTI"]), plainStyle()); // => "| Đơn vị | DTI |\n| :--- | ---: |\n"
 * ```
 */
export function markdownTableHead(columns: readonly Column[], numbers: NumberStyle): string {
  return line(columns.map((c) => inlineMarkdown(c.header, numbers))) + line(columns.map((c) => SEPARATOR[c.align]));
}

/**
 * One table row, ending with a line break: how {@link documentToMarkdown} writes each row of a table.
 *
 * @example
 * ```ts
 * import { cell, num } from "./model.ts";
 * import { plainStyle } from "../format-number.ts";
 * markdownTableRow([cell("Huế"), num("0.8002")], plainStyle()); // => "| Huế | 0.8002 |\n"
 * ```
 */
export function markdownTableRow(cells: readonly Cell[], numbers: NumberStyle): string {
  return line(cells.map((c) => cellMarkdown(c, numbers)));
}

/**
 * A table block as Markdown, ending with a line break: what {@link documentToMarkdown} writes for
 * a document of this one table (a writer of a table alone needs no more of the model).
 *
 * @example
 * ```ts
 * import { table } from "./model.ts";
 * import { plainStyle } from "../format-number.ts";
 * tableToMarkdown(table(["Đơn vị"], [["Huế"]]) as Extract<Block, { kind: "table" }>, plainStyle()); // => "| Đơn vị |\n| :--- |\n| Huế |\n"
 * ```
 */
export function tableToMarkdown(block: Extract<Block, { kind: "table" }>, numbers: NumberStyle): string {
  let text = markdownTableHead(block.columns, numbers);
  for (const r of block.rows) text += markdownTableRow(r, numbers);
  return text;
}

function blockMarkdown(block: Block, numbers: NumberStyle): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${inlineMarkdown(block.content, numbers, markdownText)}`;
    case "paragraph":
      return block.lines.map((line) => inlineMarkdown(line, numbers, markdownText)).join("\n");
    case "list":
      return block.items.map((item) => `- ${inlineMarkdown(item, numbers, markdownText)}`).join("\n");
    case "table":
      return tableToMarkdown(block, numbers).slice(0, -1);
  }
}

/**
 * Writes a document as GitHub-flavoured Markdown: blocks separated by a blank line, ending with a
 * line break. A table's caption and column classes are for HTML and not written.
 *
 * @example
 * ```ts
 * const ex = explain(fw, result, "TP. Đà Nẵng");
 * documentToMarkdown(explainDocument(ex)).split("\n")[0]; // => "## TP. Đà Nẵng: giải thích DTI"
 * documentToMarkdown(explainDocument(ex)) === explainToMarkdown(ex); // => true
 * ```
 */
export function documentToMarkdown(doc: Document): string {
  return `${doc.blocks.map((b) => blockMarkdown(b, doc.numbers)).join("\n\n")}\n`;
}
