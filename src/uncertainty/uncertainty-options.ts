/**
 * The uncertainty analysis's options checked before anything runs, and the labels its choices of
 * normalisation and aggregation are named by.
 *
 * @module
 */
import { cutText, error, showValue, type Issue } from "../errors.ts";
import { AGGREGATION_CODES } from "../score/compile.ts";
import type { NormalisationChoice, UncertaintyOptions } from "./types.ts";

/** Most Monte Carlo runs accepted. */
export const MAX_UNCERTAINTY_RUNS = 10_000_000;
const DATA_METHODS = ["minmax", "zscore", "rank", "percentile"];

/** A short label for a normalisation or aggregation choice: "nominal", "geometric", "minmax[0,100]", "zscore(100,10)". */
export function choiceLabel(choice: unknown): string {
  if (typeof choice === "string") return choice;
  const c = choice as Exclude<NormalisationChoice, "nominal">;
  if (c.method === "zscore" && (c.mean !== undefined || c.sd !== undefined)) return `zscore(${c.mean ?? 0},${c.sd ?? 1})`;
  return c.range !== undefined ? `${c.method}[${c.range[0]},${c.range[1]}]` : c.method;
}

/** Every problem with the options, as `OPTION_INVALID` errors (empty when they are right). */
export function checkUncertaintyOptions(options: UncertaintyOptions): Issue[] {
  const issues: Issue[] = [];
  const bad = (message: string) => issues.push(error("OPTION_INVALID", message));
  if (options.runs !== undefined && !(Number.isInteger(options.runs) && options.runs >= 1 && options.runs <= MAX_UNCERTAINTY_RUNS)) bad(`runs must be a whole number from 1 to ${MAX_UNCERTAINTY_RUNS} (got ${showValue(options.runs)})`);
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && Math.abs(options.seed) <= 2 ** 53)) bad(`seed must be a whole number (got ${showValue(options.seed)})`);
  if (options.sensitivity !== undefined && ![false, "stage", "node"].includes(options.sensitivity)) bad(`sensitivity must be false, "stage" or "node"`);
  const fraction = (f: unknown, what: string) => {
    if (!(typeof f === "number" && f >= 0 && f <= 1)) bad(`${what} must be a fraction from 0 to 1 (0.25 = ±25 %), got ${showValue(f)}`);
  };
  const w = options.weights;
  if (typeof w === "number") fraction(w, "weights");
  else if (w !== undefined) {
    if (w.default !== undefined) fraction(w.default, "weights.default");
    for (const [id, b] of Object.entries(w.nodes ?? {})) {
      if (typeof b === "number") fraction(b, `weights of ${showValue(id)}`);
      else if (!(Array.isArray(b) && b.length === 2 && b[0] >= 0 && b[1] >= b[0] && Number.isFinite(b[1]))) bad(`weights of ${showValue(id)} must be a fraction or [low, high] with 0 ≤ low ≤ high`);
    }
  }
  for (const c of options.normalisation ?? []) {
    if (c === "nominal") continue;
    if (typeof c !== "object" || c === null || !DATA_METHODS.includes(c.method)) {
      bad(`normalisation alternatives are "nominal" or one of ${DATA_METHODS.join(", ")} (got ${typeof c === "object" && c !== null ? cutText(String(JSON.stringify(c))) : showValue(c)})`);
      continue;
    }
    if (c.range !== undefined && !(c.range[1] > c.range[0])) bad(`normalisation range must be [low, high] with high > low`);
    if (c.method !== "zscore" && (c.mean !== undefined || c.sd !== undefined)) bad(`"mean" and "sd" are for zscore only`);
    if (c.method === "zscore" && c.range !== undefined) bad(`a z-score has no range: give mean and sd`);
    if (c.sd !== undefined && !(c.sd > 0)) bad(`sd must be above 0`);
  }
  if ((options.normalisation ?? []).length === 0 && options.normalisation !== undefined) bad("normalisation needs at least one choice");
  if ((options.aggregation ?? []).length === 0 && options.aggregation !== undefined) bad("aggregation needs at least one choice");
  for (const a of options.aggregation ?? []) {
    if (a !== "nominal" && !AGGREGATION_CODES.includes(a)) bad(`aggregation alternatives are "nominal" or one of ${AGGREGATION_CODES.join(", ")} (got ${showValue(a)})`);
  }
  return issues;
}
