/**
 * The Markdown writer of the document model: GitHub-flavoured Markdown, a pure function of the
 * document. Text is escaped with the one Markdown escaper (`markdownText` where it begins a line,
 * `markdownCell` elsewhere), numbers are written with `formatNumber` in the document's style.
 *
 * @module
 */
import { markdownCell, markdownText } from "../escape.ts";
import { formatNumber, type NumberStyle } from "../format-number.ts";
import { cellText, type Alignment, type Block, type Cell, type Document, type Inline } from "./model.ts";

const SEPARATOR: Readonly<Record<Alignment, string>> = { left: ":---", right: "---:", center: ":---:" };

/** A code span fenced by more backticks than it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/gu)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Inline content as Markdown. Adjacent text is escaped as one run (an underscore between two
 * letters is no emphasis, wherever the runs were split); the first run of a line gets the escapes
 * of a line's start.
 */
function inlineMarkdown(content: readonly Inline[], numbers: NumberStyle, lineStart: boolean): string {
  let out = "";
  let run = "";
  let first = lineStart;
  const flush = () => {
    if (run === "") return;
    out += first && out === "" ? markdownText(run) : markdownCell(run);
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
    first = false;
    if (item.kind === "code") out += codeSpan(item.text);
    else {
      const mark = item.kind === "strong" ? "**" : "*";
      out += `${mark}${inlineMarkdown(item.content, numbers, false)}${mark}`;
    }
  }
  flush();
  return out;
}

function cellMarkdown(cell: Cell, numbers: NumberStyle): string {
  return cell.kind === "text" ? inlineMarkdown(cell.content, numbers, false) : markdownCell(cellText(cell, numbers));
}

function blockMarkdown(block: Block, numbers: NumberStyle): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${inlineMarkdown(block.content, numbers, true)}`;
    case "paragraph":
      return block.lines.map((line) => inlineMarkdown(line, numbers, true)).join("\n");
    case "list":
      return block.items.map((item) => `- ${inlineMarkdown(item, numbers, true)}`).join("\n");
    case "table": {
      const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
      return [
        row(block.columns.map((c) => inlineMarkdown(c.header, numbers, false))),
        row(block.columns.map((c) => SEPARATOR[c.align])),
        ...block.rows.map((r) => row(r.map((c) => cellMarkdown(c, numbers)))),
      ].join("\n");
    }
  }
}

/**
 * Writes a document as GitHub-flavoured Markdown: blocks separated by a blank line, ending with a
 * line break. A table's caption and column classes are for HTML and not written.
 *
 * @example
 * ```ts
 * const doc = document([heading(2, "Huế"), paragraph(strong("DTI"), " ", num("0.8002"))]);
 * documentToMarkdown(doc); // => "## Huế\n\n**DTI** 0.8002\n"
 * ```
 */
export function documentToMarkdown(doc: Document): string {
  return `${doc.blocks.map((b) => blockMarkdown(b, doc.numbers)).join("\n\n")}\n`;
}
