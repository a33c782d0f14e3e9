/**
 * `uncertainty` as the core entry exports it: the computation's plain result with a notebook
 * display that renders its Markdown. The computation never imports its renderer; this module
 * joins the two.
 *
 * @module
 */
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import { uncertaintyToMarkdown } from "../uncertainty/to-markdown.ts";
import type { UncertaintyOptions, UncertaintyResult } from "../uncertainty/types.ts";
import { uncertainty as rankUncertainty } from "../uncertainty/uncertainty.ts";
import { withMarkdownDisplay } from "./markdown-bundle.ts";

/**
 * Runs the uncertainty (and, by default, sensitivity) analysis of a framework's ranking on unit
 * data. Each run draws every uncertain input (weights within their bounds, one normalisation and
 * one aggregation from the given sets), scores every unit and ranks them. Per unit: nominal rank,
 * median rank, 5–95 % rank interval, mean absolute rank shift; per input: first-order and total
 * sensitivity indices of the mean absolute rank shift (and first-order per unit).
 *
 * In a Deno notebook the result renders as its Markdown ({@link uncertaintyToMarkdown}); the
 * display method is not enumerable, so JSON and spreading are unchanged.
 *
 * @example
 * ```ts
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, {
 *   runs: 1000, seed: 42, weights: 0.25, aggregation: ["arithmetic", "geometric"],
 * });
 * ua.units[0]; // => { unit: "Hà Nội", nominalRank: 1, medianRank: 1, rankLow: 1, rankHigh: 2, … }
 * ```
 */
export function uncertainty(framework: Framework | FrameworkDefinition, data: ScoreInput, options: UncertaintyOptions = {}): UncertaintyResult {
  return withMarkdownDisplay(rankUncertainty(framework, data, options), (r) => uncertaintyToMarkdown(r));
}
