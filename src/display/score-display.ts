/**
 * `score` as `dti/notebook` exports it: the computation's plain result with the notebook display
 * of its ranking table. The computation (src/pipeline/score.ts) never imports a display, so an app
 * that only scores does not carry the HTML and Markdown tables; this module joins the two.
 *
 * @module
 */
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { score as scoreUnits } from "../pipeline/score.ts";
import type { ScoreInput, ScoreOptions, ScoreResult } from "../pipeline/types.ts";
import type { Displayable } from "./mime-bundle.ts";
import { withDisplay } from "./with-display.ts";

/**
 * Scores and ranks units as `score` from `dti` does, and makes the result render as its ranking
 * table in a Deno Jupyter notebook (a non-enumerable `Symbol.for("Jupyter.display")` method, see
 * {@link withDisplay}): a cell ending in `result` shows the table. The data is the same object
 * `score` returns; `JSON.stringify`, spreading and `toJSON` ignore the method.
 *
 * @example
 * ```ts
 * import { getFramework } from "dti";
 * import { JUPYTER_DISPLAY, score } from "dti/notebook";
 * const result = score(getFramework("vn-dti-2020-province"), [
 *   { unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 },
 * ]);
 * result.units[0].value; // => "0.4096"
 * result[JUPYTER_DISPLAY]()["text/html"].startsWith('<table class="dti-ranking">'); // => true
 * ```
 */
export function score(framework: Framework | FrameworkDefinition, data: ScoreInput, options: ScoreOptions = {}): ScoreResult & Displayable {
  return withDisplay(scoreUnits(framework, data, options));
}
