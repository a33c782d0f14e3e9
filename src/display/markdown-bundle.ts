/**
 * Markdown as a notebook display: `text/markdown`, the same as HTML, and plain text.
 *
 * @module
 */
import { attachDisplay, displayable, type Displayable, type MimeBundle } from "./mime-bundle.ts";
import { markdownToHTML } from "./markdown-to-html.ts";
import { unescapeMarkdown } from "../report/escape.ts";

/** Markdown read as plain text: escapes and character references back to characters. */
function plainText(markdown: string): string {
  return unescapeMarkdown(markdown).trimEnd();
}

/**
 * The MIME bundle of a Markdown text: `text/markdown` (as written), `text/html` (converted with
 * escaping, `markdownToHTML`, wrapped in `<div class="dti-analysis">`) and `text/plain`.
 *
 * @example
 * ```ts
 * markdownBundle("**DTI** 0.8002")["text/html"]; // => '<div class="dti-analysis"><p><strong>DTI</strong> 0.8002</p></div>'
 * ```
 */
export function markdownBundle(markdown: string): MimeBundle {
  return {
    "text/plain": plainText(markdown),
    "text/markdown": markdown,
    "text/html": `<div class="dti-analysis">${markdownToHTML(markdown)}</div>`,
  };
}

/**
 * Any Markdown as something a Deno Jupyter notebook renders, e.g. an analysis in English:
 * `displayMarkdown(explainToMarkdown(ex, { language: "en" }))`.
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * displayMarkdown(uncertaintyToMarkdown(ua, { language: "en", limit: 10 }))
 * ```
 */
export function displayMarkdown(markdown: string): Displayable {
  return displayable(() => markdownBundle(markdown));
}

/**
 * Adds the Jupyter display method (non-enumerable: JSON, spreading and deep equality ignore it)
 * to an analysis result, rendering `toMarkdown(target)` when the notebook asks. Returns `target`.
 *
 * @example
 * ```ts
 * return withMarkdownDisplay(explanation, (ex) => explainToMarkdown(ex));
 * ```
 */
export function withMarkdownDisplay<T extends object>(target: T, toMarkdown: (target: T) => string): T & Displayable {
  return attachDisplay(target, () => markdownBundle(toMarkdown(target)));
}
