/**
 * A small, pure Markdown-to-HTML converter for the Markdown this library writes (the analysis
 * and uncertainty renderers): `##`/`###` headings, paragraphs, GitHub tables with alignment,
 * `**bold**` and `` `code` ``. Not a general Markdown parser: everything else is text. Backslash
 * escapes and character references (what `markdownText` writes for names from the data) are read
 * as the characters they stand for and escaped again for HTML with `escapeXml`, the one HTML
 * escaper, so a name from the data never becomes markup in the HTML either.
 *
 * @module
 */
import { escapeXml, MARKDOWN_ESCAPE_SOURCE, unescapeMarkdown } from "../report/escape.ts";

// One inline token: an escape or character reference, a code span, a bold marker.
const INLINE = new RegExp(`(${MARKDOWN_ESCAPE_SOURCE})|(\`[^\`]*\`)|(\\*\\*)`, "giu");

/** Inline Markdown: backslash escapes and character references, `code`, **bold**; the rest text. */
export function inlineToHTML(text: string): string {
  // Literal text and bold markers in order; markers become <strong> in pairs.
  const parts: (string | null)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(escapeXml(text.slice(last, at)));
    if (m[1] !== undefined) parts.push(escapeXml(unescapeMarkdown(m[1])));
    else if (m[2] !== undefined) parts.push(`<code>${escapeXml(m[2].slice(1, -1))}</code>`);
    else parts.push(null);
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(escapeXml(text.slice(last)));
  const markers = parts.filter((p) => p === null).length;
  let seen = 0;
  return parts
    .map((p) => {
      if (p !== null) return p;
      seen++;
      // An odd last marker has no partner: it stays text.
      if (seen === markers && markers % 2 === 1) return "**";
      return seen % 2 === 1 ? "<strong>" : "</strong>";
    })
    .join("");
}

/** Splits a table row on unescaped pipes, dropping the outer ones. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/u, "").replace(/(?<!\\)\|$/u, "");
  const out: string[] = [];
  let cell = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] as string;
    if (c === "\\" && i + 1 < inner.length) {
      cell += c + (inner[i + 1] as string);
      i++;
    } else if (c === "|") {
      out.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

const isTableRow = (line: string) => line.trim().startsWith("|");
const isSeparator = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u.test(line.trim());

function table(lines: readonly string[]): string {
  const head = cells(lines[0] as string);
  const align = cells(lines[1] as string).map((s) => (s.startsWith(":") && s.endsWith(":") ? "center" : s.endsWith(":") ? "right" : "left"));
  const cell = (tag: "th" | "td", text: string, i: number) => {
    const a = align[i] ?? "left";
    return `<${tag}${a === "left" ? "" : ` style="text-align:${a}"`}>${inlineToHTML(text)}</${tag}>`;
  };
  const body = lines.slice(2).map((l) => `<tr>${cells(l).map((c, i) => cell("td", c, i)).join("")}</tr>`);
  return `<table>\n<thead><tr>${head.map((c, i) => cell("th", c, i)).join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

/**
 * Converts the Markdown written by the analysis renderers (`explainToMarkdown`,
 * `uncertaintyToMarkdown`, …) to an HTML fragment; every text is escaped.
 *
 * @example
 * ```ts
 * markdownToHTML("## A & B\n\n| x | y |\n| :--- | ---: |\n| &lt;b&gt; | 1 |\n");
 * // => '<h2>A &amp; B</h2>\n<table>…<td>&lt;b&gt;</td><td style="text-align:right">1</td>…'
 * ```
 */
export function markdownToHTML(markdown: string): string {
  const lines = markdown.replace(/\r\n?/gu, "\n").split("\n");
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inlineToHTML).join("<br>\n")}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading !== null) {
      flush();
      const level = (heading[1] as string).length;
      out.push(`<h${level}>${inlineToHTML(heading[2] as string)}</h${level}>`);
    } else if (isTableRow(line) && i + 1 < lines.length && isSeparator(lines[i + 1] as string)) {
      flush();
      let end = i + 2;
      while (end < lines.length && isTableRow(lines[end] as string)) end++;
      out.push(table(lines.slice(i, end)));
      i = end - 1;
    } else if (line.trim() === "") flush();
    else paragraph.push(line);
  }
  flush();
  return out.join("\n");
}
