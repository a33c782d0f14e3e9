/**
 * Escaping text for HTML and XML (SVG) output.
 *
 * @module
 */

// Characters XML 1.0 forbids (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

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
