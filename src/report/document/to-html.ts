/**
 * The HTML writer of the document model: an HTML fragment, a pure function of the document.
 * Text is escaped with the one HTML escaper (`escapeXml`), numbers are written with
 * `formatNumber` in the document's style (the same text as the Markdown writer's).
 *
 * @module
 */
import { escapeXml } from "../escape.ts";
import { formatNumber, type NumberStyle } from "../format-number.ts";
import { cellText, type Block, type Cell, type Column, type Document, type Inline } from "./model.ts";

/**
 * Inline content as HTML, for HTML written around the document model (a badge in a report card).
 *
 * @example
 * ```ts
 * import { span } from "./model.ts";
 * import { plainStyle } from "../format-number.ts";
 * inlineHTML([span("Cao", "band band-1")], plainStyle()); // '<span class="band band-1">Cao</span>'
 * ```
 */
export function inlineHTML(content: readonly Inline[], numbers: NumberStyle): string {
  return content
    .map((item) => {
      switch (item.kind) {
        case "text":
          return item.className === undefined ? escapeXml(item.text) : `<span class="${escapeXml(item.className)}">${escapeXml(item.text)}</span>`;
        case "number":
          return escapeXml(formatNumber(item.value, numbers, item.format));
        case "code":
          return `<code>${escapeXml(item.text)}</code>`;
        case "strong":
          return `<strong>${inlineHTML(item.content, numbers)}</strong>`;
        case "emphasis":
          return `<em>${inlineHTML(item.content, numbers)}</em>`;
      }
    })
    .join("");
}

/**
 * The attributes of a column's cells: its class (a styled table: the class aligns it; a missing
 * number adds `missing`, a published number its exact text in `data-value`) or else the alignment
 * as a style.
 */
function cellAttributes(column: Column | undefined, cell: Cell | undefined): string {
  if (column?.className === undefined) return column === undefined || column.align === "left" ? "" : ` style="text-align:${column.align}"`;
  if (cell?.kind !== "number") return ` class="${escapeXml(column.className)}"`;
  if (cell.value === null) return ` class="${escapeXml(column.className)} missing"`;
  return ` class="${escapeXml(column.className)}"${typeof cell.value === "string" ? ` data-value="${escapeXml(cell.value)}"` : ""}`;
}

/**
 * A table block as HTML: what {@link documentToHTML} writes for a document of this one table (a
 * writer of a table alone needs no more of the model).
 *
 * @example
 * ```ts
 * import { table } from "./model.ts";
 * import { plainStyle } from "../format-number.ts";
 * tableToHTML(table(["Đơn vị"], [["Huế"]]) as Extract<Block, { kind: "table" }>, plainStyle()); // => "<table>\n<thead><tr><th>Đơn vị</th></tr></thead>\n<tbody>\n<tr><td>Huế</td></tr>\n</tbody>\n</table>"
 * ```
 */
export function tableToHTML(block: Extract<Block, { kind: "table" }>, numbers: NumberStyle): string {
  const styled = block.className !== undefined;
  const head = block.columns.map((c) => {
    const label = inlineHTML(c.header, numbers);
    const title = c.title === undefined ? "" : ` title="${escapeXml(c.title)}"`;
    return `<th${styled ? ' scope="col"' : ""}${cellAttributes(c, undefined)}${title}>${label}</th>`;
  });
  const rows = block.rows.map((r) => {
    const cells = r.map((cell, i) => {
      const column = block.columns[i];
      const tag = column?.rowHeader === true ? "th" : "td";
      const content = cell.kind === "text" ? inlineHTML(cell.content, numbers) : escapeXml(cellText(cell, numbers));
      return `<${tag}${tag === "th" ? ' scope="row"' : ""}${cellAttributes(column, cell)}>${content}</${tag}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const caption = block.caption === undefined ? "" : `<caption>${escapeXml(block.caption)}</caption>\n`;
  return [styled ? `<table class="${escapeXml(block.className)}">` : "<table>", `${caption}<thead><tr>${head.join("")}</tr></thead>`, "<tbody>", ...rows, "</tbody>", "</table>"].join("\n");
}

function blockHTML(block: Block, numbers: NumberStyle): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${inlineHTML(block.content, numbers)}</h${block.level}>`;
    case "paragraph":
      return `<p>${block.lines.map((line) => inlineHTML(line, numbers)).join("<br>\n")}</p>`;
    case "list":
      return `<ul>\n${block.items.map((item) => `<li>${inlineHTML(item, numbers)}</li>`).join("\n")}\n</ul>`;
    case "table":
      return tableToHTML(block, numbers);
  }
}

/**
 * Writes a document as an HTML fragment (no `<html>`, no styles): blocks on their own lines, every
 * text escaped. A table with a class is a styled table: its columns' classes go on the cells and
 * number cells keep their exact value in `data-value`; other tables align cells with a style.
 *
 * @example
 * ```ts
 * documentToHTML(explainDocument(explain(fw, result, "TP. Đà Nẵng"))).split("\n")[0]; // => "<h2>TP. Đà Nẵng: giải thích DTI</h2>"
 * ```
 */
export function documentToHTML(doc: Document): string {
  return doc.blocks.map((b) => blockHTML(b, doc.numbers)).join("\n");
}
