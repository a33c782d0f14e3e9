/**
 * The `dti/notebook` sub-path: results that render in a Deno Jupyter notebook. The computations of
 * `dti` and `dti/analysis` return plain data; the functions here are the same computations with a
 * display method attached (`Symbol.for("Jupyter.display")`, non-enumerable, so JSON and spreading
 * are unchanged): a cell ending in a score result shows its ranking table, an analysis its
 * document as Markdown and HTML. The displays of tables, charts and any document are here too. A separate entry
 * so that an app that only scores carries no HTML or Markdown rendering.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * import { display, displayRadar, score } from "dti/notebook";
 *
 * const result = score(getFramework("vn-dti-2022-province"), rows);
 * result[JUPYTER_DISPLAY]()["text/html"].startsWith('<table class="dti-ranking">'); // => true
 * display(result, { language: "en", limit: 3 })[JUPYTER_DISPLAY]()["text/html"].includes("top 3 of 5 units"); // => true
 * ```
 *
 * @module dti/notebook
 */

// Scoring and analyses, each result with its display.
export { score } from "./display/score-display.ts";
export { uncertainty } from "./display/uncertainty-display.ts";
export { applyBands, assessment, compareYears, explain, improvementPriorities, planImprovements, whatIf } from "./display/analysis-display.ts";

// The Jupyter display protocol (Symbol.for("Jupyter.display")), no Deno dependency.
export { attachDisplay, displayable, JUPYTER_DISPLAY } from "./display/mime-bundle.ts";
export type { Displayable, MimeBundle } from "./display/mime-bundle.ts";

// Tables, charts and any document as displays; a result read back from JSON made displayable again.
export { display, DISPLAY_LIMIT, DISPLAY_TEXT_LIMIT, tableBundle } from "./display/display-table.ts";
export type { DisplayOptions } from "./display/display-table.ts";
export { displayRadar, displayRankingBar } from "./display/display-chart.ts";
export { withDisplay } from "./display/with-display.ts";
export { displayDocument, documentBundle, withDocumentDisplay } from "./display/document-bundle.ts";
