/**
 * A small, pure Markdown-to-HTML converter for the Markdown this library writes (the analysis
 * and uncertainty renderers): `##`/`###` headings, paragraphs, GitHub tables with alignment,
 * `**bold**` and `` `code` ``. Not a general Markdown parser: everything else is text. All text is
 * escaped; the entities the renderers write for `&`, `<`, `>` (`&amp;`, `&lt;`, `&gt;`) stay
 * entities, so a name from the data never becomes markup in the HTML either.
 *
 * @module
 */

const ENTITY = /^&(?:amp|lt|gt|quot|#39|#\d{1,7}|#x[\da-f]{1,6});/iu;

/** Escapes text for HTML, keeping entities already written by the Markdown renderers. */
function escapeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "&") out += ENTITY.test(text.slice(i, i + 10)) ? "&" : "&amp;";
    else if (c === "<") out += "&lt;";
    else if (c === ">") out += "&gt;";
    else if (c === '"') out += "&quot;";
    else if (c === "'") out += "&#39;";
    else out += c;
  }
  return out;
}

/** Inline Markdown: backslash escapes, `code`, **bold**; the rest escaped text. */
export function inlineToHTML(text: string): string {
  let out = "";
  const parts = text.split(/(`[^`]*`)/u);
  for (const part of parts) {
    if (part.length >= 2 && part.startsWith("`") && part.endsWith("`")) {
      out += `<code>${escapeText(part.slice(1, -1))}</code>`;
      continue;
    }
    const unescaped = part.replace(/\\([\\|*_`])/gu, (_, ch: string) => `\u0000${ch.charCodeAt(0)}\u0000`);
    out += escapeText(unescaped)
      .replace(/\*\*([^*]+)\*\*/gu, "<strong>$1</strong>")
      .replace(/\u0000(\d+)\u0000/gu, (_, code: string) => escapeText(String.fromCharCode(Number(code))));
  }
  return out;
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
