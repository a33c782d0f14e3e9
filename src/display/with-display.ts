/**
 * Makes a result render as its ranking table in a Deno Jupyter notebook.
 *
 * @module
 */
import type { ScoreResult } from "../pipeline/types.ts";
import { tableBundle, type DisplayOptions } from "./display-table.ts";
import { attachDisplay, type Displayable } from "./mime-bundle.ts";

/**
 * Adds the Jupyter display method (`Symbol.for("Jupyter.display")`, non-enumerable) to a result,
 * so that a notebook cell ending in `result` shows the ranking table ({@link tableBundle}).
 * `score()` applies it to every result it returns; the data is unchanged (`JSON.stringify`,
 * spreading and `toJSON` ignore the method). Returns the same object.
 *
 * @example
 * ```ts
 * const result = withDisplay(JSON.parse(savedJson)); // a result read back from JSON renders again
 * ```
 */
export function withDisplay<T extends ScoreResult>(result: T, options: DisplayOptions = {}): T & Displayable {
  return attachDisplay(result, () => tableBundle(result, options));
}
