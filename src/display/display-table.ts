/**
 * The ranking of a result as a notebook display: an HTML table and a plain-text summary.
 *
 * @module
 */
import type { ScoreResult } from "../pipeline/types.ts";
import { toHTML, type HtmlTableOptions } from "../report/to-html.ts";
import { defaultLocale } from "../report/format-number.ts";
import { toMarkdown } from "../report/to-markdown.ts";
import { displayLabels } from "../text/labels/index.ts";
import { displayable, type Displayable, type MimeBundle } from "./mime-bundle.ts";
import { localName } from "../text/local-name.ts";

/** Options of {@link display} and {@link tableBundle}. */
export interface DisplayOptions extends HtmlTableOptions {
  /** Units in the HTML table; default 100 (`Infinity` for all). */
  readonly limit?: number;
  /** Units in the plain-text table; default 10 (never more than `limit`). */
  readonly textLimit?: number;
}

/** Default rows of the HTML table in a notebook. */
export const DISPLAY_LIMIT = 100;
/** Default rows of the plain-text table. */
export const DISPLAY_TEXT_LIMIT = 10;

/**
 * The MIME bundle of a result's ranking: `text/html` (the {@link toHTML} table with a caption
 * naming the framework and how many units are shown) and `text/plain` (a Markdown table of the top
 * units with the same columns and number format, for consoles and front ends without HTML).
 *
 * @example
 * ```ts
 * const bundle = tableBundle(result, { limit: 5 });
 * bundle["text/html"]; // => '<table class="dti-ranking">\n<caption>…</caption>…'
 * ```
 */
export function tableBundle(result: ScoreResult, options: DisplayOptions = {}): MimeBundle {
  const L = displayLabels(options.language);
  const total = result.units.length;
  const limit = options.limit ?? DISPLAY_LIMIT;
  const textLimit = options.textLimit ?? Math.min(DISPLAY_TEXT_LIMIT, limit);
  const title = localName(result.framework.title, options.language);
  const shown = (n: number) => L.unitsShown(n, total);
  const caption = options.caption ?? `${title} (${result.framework.id} ${result.framework.version}): ${shown(limit)}`;
  const plain = [
    `${title} (${result.framework.id} ${result.framework.version}): ${shown(textLimit)}`,
    toMarkdown(result, {
      ...(options.columns !== undefined ? { columns: options.columns } : {}),
      ...(options.language !== undefined ? { language: options.language } : {}),
      locale: options.locale ?? defaultLocale(options.language ?? "vi"),
      limit: textLimit,
    }).trimEnd(),
  ].join("\n");
  return {
    "text/plain": plain,
    "text/html": toHTML(result, { ...options, limit, caption }),
  };
}

/**
 * The ranking as something a Deno Jupyter notebook renders (the HTML table, or plain text):
 * make it a cell's last expression. Results from `score()` already render this way; `display`
 * picks the options (language, locale, columns, how many rows).
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * display(result, { language: "en", limit: 10 })
 * ```
 */
export function display(result: ScoreResult, options: DisplayOptions = {}): Displayable {
  return displayable(() => tableBundle(result, options));
}
