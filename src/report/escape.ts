/**
 * The escapers of text from the data, one per output format: HTML and XML (SVG), Markdown, CSV.
 * Every renderer writes names, labels and titles through these and nothing else, so a unit named
 * `<img src=x onerror=…>`, `[x](javascript:…)` or `=cmd|' /C calc'!A0` stays text everywhere.
 *
 * @module
 */

// Characters XML 1.0 forbids (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Tests for a character XML 1.0 forbids (see above); not global, so `test` keeps no state. */
export const INVALID_XML_CHARACTER = new RegExp(INVALID_XML.source, "u");

/**
 * Escapes text for HTML or XML content and attribute values: `&`, `<`, `>`, `"` and `'`, and
 * replaces characters XML cannot hold (control characters, lone surrogates) with U+FFFD, so data
 * such as a unit named `<script>` can never become markup and an SVG always stays well-formed.
 * Text is NFC-normalised so Vietnamese diacritics render as single glyphs.
 *
 * @example
 * ```ts
 * escapeXml('<script>alert("x")</script>'); // => "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 * ```
 */
export function escapeXml(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&#39;");
}

// Inline Markdown syntax: escapes, code spans, emphasis, links and images, table cells, GFM
// strikethrough. A backslash before ASCII punctuation makes it a literal character anywhere
// outside code spans (CommonMark), also inside table cells. An underscore between two letters or
// digits can neither open nor close emphasis, so codes such as ASSESSMENT_FINAL_MISSING stay as
// they are.
const MARKDOWN_SYNTAX = /[\\`*[\]|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// Control characters other than tab (C0, DEL, C1): Markdown goes to terminals, where ESC … or
// CSI … in a unit's name would clear the screen or retitle the window. A character reference shows
// the same character to a Markdown viewer and reads back as it (but NUL, which CommonMark and
// `unescapeMarkdown` read as U+FFFD; the readers refuse a NUL in data anyway).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
// Line starts that open a block (heading, list item, thematic break): they matter when a text
// from the data begins a line, as a unit's name begins an explanation's summary. Leading spaces or
// a tab could make an indented code block: the first is written as a character reference.
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=[ \t]|$)/u;
const BLOCK_START = /^(#{1,6}|[-+])(?=[ \t]|$)|^-(?=[ \t]*-[ \t]*-[- \t]*$)/u;
const LEADING_SPACE = /^[ \t]/u;

/**
 * Escapes text from the data for Markdown at the start of a heading, a line of prose or a list item: `&`, `<`
 * and `>` become HTML entities (Markdown passes raw HTML through, so `<img src=x onerror=…>` must
 * not reach a viewer as a tag); backslashes and the inline syntax characters `` ` `` `*` `[` `]`
 * `|` `~` and `_` (at a word's edge) get a backslash (no code span, emphasis, link or extra table
 * cell can form); a leading `#`, `-`, `+`, `1.` or `---` is escaped and a leading space written
 * `&#32;` (no heading, list, rule or code block); line breaks become spaces; control characters
 * (ESC, …) become character references such as `&#27;`, so none reaches a terminal. Every viewer still
 * shows the characters themselves; `unescapeMarkdown` reads them back. Text that does not begin a
 * line (a table cell) needs only {@link markdownCell}.
 *
 * @example
 * ```ts
 * markdownText("<b>Huế</b>"); // => "&lt;b&gt;Huế&lt;/b&gt;"
 * markdownText("[x](javascript:alert(1)) | *a*"); // => "\\[x\\](javascript:alert(1)) \\| \\*a\\*"
 * ```
 */
export function markdownText(text: string): string {
  return markdownCell(text)
    .replace(ORDERED_ITEM, "$1\\$2")
    .replace(BLOCK_START, "\\$&")
    .replace(LEADING_SPACE, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escapes text that does not begin a line, such as a table cell or text after other text on a
 * line: the same as {@link markdownText} without the escapes of a line's start (`#`, `-`, `+`,
 * `1.`, a leading space), which cannot open a block there: a cell `#` stays `#`.
 *
 * @example
 * ```ts
 * markdownCell("a|b"); // => "a\\|b"
 * markdownCell("# 1"); // => "# 1"
 * ```
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/gu, " ")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(MARKDOWN_SYNTAX, "\\$&")
    .replace(CONTROL, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The pattern of one escape in Markdown text: a backslash before ASCII punctuation, or a character
 * reference (`&amp;`, `&lt;`, `&gt;`, written by {@link markdownText}, and `&quot;`, `&#39;`,
 * numeric ones).
 */
const MARKDOWN_ESCAPE = /\\[!-/:-@[-`{-~]|&(?:amp|lt|gt|quot|#39|#\d{1,7}|#x[\da-f]{1,6});/giu;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

function decodeReference(name: string): string {
  const named = NAMED[name.toLowerCase()];
  if (named !== undefined) return named;
  const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

/**
 * Reads escaped Markdown text back as plain text: backslash escapes and character references
 * (`&amp;`, `&lt;`, `&#39;` …) become the characters. The inverse of {@link markdownText} (apart
 * from line breaks, which it wrote as spaces); other Markdown syntax is left as it is.
 *
 * @example
 * ```ts
 * unescapeMarkdown("&lt;b&gt; \\| a\\_b"); // => "<b> | a_b"
 * ```
 */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(MARKDOWN_ESCAPE, (m) => (m.startsWith("\\") ? m.slice(1) : decodeReference(m.slice(1, -1))));
}

/**
 * Text for a Vega-Lite title, axis title or tooltip title: line breaks (LF, CR, U+2028, U+2029)
 * become spaces. Vega-Lite writes tooltip titles into a Vega expression, where a line break in a
 * string is a parse error, so a label such as a node's short label written on two lines would
 * stop the chart from rendering. (Quotes and backslashes it escapes itself; data values are never
 * parsed.)
 *
 * @example
 * ```ts
 * vegaText("Hạ tầng\nsố"); // => "Hạ tầng số"
 * ```
 */
export function vegaText(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/gu, " ");
}

/** A spreadsheet would read the cell as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR. */
function formulaStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * The cell must be quoted: it holds a quote, a line break or the delimiter. One pass over the
 * characters, without a regular expression, for a delimiter of one character: a million-row
 * ranking asks it of every name and code.
 */
function needsQuotes(text: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return text.includes(delimiter) || /["\r\n]/u.test(text);
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13 || c === d) return true;
  }
  return false;
}

/**
 * True when {@link csvCell} leaves `text` as it is: no formula start (`=`, `+`, `-`, `@`, tab,
 * CR first), no quote, line break or delimiter in it.
 *
 * @example
 * ```ts
 * csvPlain("Huế"); // => true
 * csvPlain("Huế, Đà Nẵng"); // => false
 * csvPlain("-5"); // => false
 * ```
 */
export function csvPlain(text: string, delimiter = ","): boolean {
  return !formulaStart(text) && !needsQuotes(text, delimiter);
}

/**
 * Quotes a text cell for CSV (RFC 4180) and neutralises spreadsheet formulas: a cell starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP CSV injection), so
 * `=cmd|' /C calc'!A0` opens as text in Excel or LibreOffice.
 *
 * @example
 * ```ts
 * csvCell("=1+2"); // => "'=1+2"
 * csvCell("a;b", ";"); // => '"a;b"'
 * ```
 */
export function csvCell(text: string, delimiter = ","): string {
  const safe = formulaStart(text) ? `'${text}` : text;
  return needsQuotes(safe, delimiter) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}
