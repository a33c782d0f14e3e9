/**
 * A document (src/report/document/) as a notebook display: `text/markdown`, `text/html` and
 * plain text, each written from the document itself.
 *
 * @module
 */
import type { Document } from "../report/document/model.ts";
import { documentToHTML } from "../report/document/to-html.ts";
import { documentToMarkdown } from "../report/document/to-markdown.ts";
import { unescapeMarkdown } from "../report/escape.ts";
import { attachDisplay, displayable, type Displayable, type MimeBundle } from "./mime-bundle.ts";

/**
 * The MIME bundle of a document: `text/markdown` (`documentToMarkdown`), `text/html`
 * (`documentToHTML`, wrapped in `<div class="dti-analysis">`) and `text/plain` (the Markdown with
 * its escapes read back).
 *
 * @example
 * ```ts
 * import { document, num, paragraph, strong } from "../report/document/model.ts";
 * documentBundle(document([paragraph(strong("DTI"), " ", num("0.8002"))]))["text/html"];
 * // => '<div class="dti-analysis"><p><strong>DTI</strong> 0.8002</p></div>'
 * ```
 */
export function documentBundle(doc: Document): MimeBundle {
  const markdown = documentToMarkdown(doc);
  return {
    "text/plain": unescapeMarkdown(markdown).trimEnd(),
    "text/markdown": markdown,
    "text/html": `<div class="dti-analysis">${documentToHTML(doc)}</div>`,
  };
}

/**
 * Any document as something a Deno Jupyter notebook renders, e.g. an analysis in English:
 * `displayDocument(explainDocument(ex, { language: "en" }))`.
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * displayDocument(uncertaintyDocument(ua, { language: "en", limit: 10 }))
 * ```
 */
export function displayDocument(doc: Document): Displayable {
  return displayable(() => documentBundle(doc));
}

/**
 * Adds the Jupyter display method (non-enumerable: JSON, spreading and deep equality ignore it)
 * to an analysis result, rendering `toDocument(target)` when the notebook asks. Returns `target`.
 *
 * @example
 * ```ts
 * return withDocumentDisplay(explanation, (ex) => explainDocument(ex));
 * ```
 */
export function withDocumentDisplay<T extends object>(target: T, toDocument: (target: T) => Document): T & Displayable {
  return attachDisplay(target, () => documentBundle(toDocument(target)));
}
