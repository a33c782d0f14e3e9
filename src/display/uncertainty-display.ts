/**
 * `uncertainty` as `dti/notebook` exports it: the computation's plain result with a notebook
 * display that renders its document (Markdown and HTML). The computation never imports its renderer; this module
 * joins the two.
 *
 * @module
 */
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import { uncertaintyDocument } from "../uncertainty/to-markdown.ts";
import type { UncertaintyOptions, UncertaintyResult } from "../uncertainty/types.ts";
import { uncertainty as rankUncertainty } from "../uncertainty/uncertainty.ts";
import { withDocumentDisplay } from "./document-bundle.ts";
import type { Displayable } from "./mime-bundle.ts";

/**
 * `uncertainty` of `dti` with a notebook display: in a Deno notebook the result renders as its
 * document (`uncertaintyDocument`, as Markdown and HTML). The display method is not enumerable, so
 * JSON and spreading are unchanged.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, uncertainty } from "dti/notebook";
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, { runs: 50, seed: 42, weights: 0.25 });
 * ua[JUPYTER_DISPLAY]()["text/markdown"] === uncertaintyToMarkdown(ua); // => true
 * ```
 */
export function uncertainty(framework: Framework | FrameworkDefinition, data: ScoreInput, options: UncertaintyOptions = {}): UncertaintyResult & Displayable {
  return withDocumentDisplay(rankUncertainty(framework, data, options), (r) => uncertaintyDocument(r));
}
