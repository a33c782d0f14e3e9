/**
 * The working memory of a stream's full batches, reused from one batch to the next: a batch of
 * 1,024 units × 106 nodes needs about 3 MB of columns (values, bounds, coverage, cell states,
 * published values), and allocating them afresh for every batch cost the scoring thread as much in
 * allocation and garbage collection as scoring the batch's cells.
 *
 * @module
 */
import type { CompiledFramework } from "../score/compile.ts";
import { nodeColumns } from "../score/evaluate-nodes.ts";
import { readsByColumn, type LeafScratch } from "../score/leaf-columns.ts";

/**
 * Buffers for leaf stages of `units` units of a plan of `nodes` nodes (`leafColumns(…, reuse)`),
 * made as new.
 *
 * @example
 * ```ts
 * const scratch = leafScratch(3, 1024);
 * scratch.cols.value.length; // => 3072
 * ```
 */
export function leafScratch(nodes: number, units: number): LeafScratch {
  return { cols: nodeColumns(nodes, units), status: new Uint8Array(nodes * units), plain: new Uint8Array(nodes * units) };
}

/**
 * Makes `scratch` as new again for a leaf stage of `leaves` read from a source of pre-read plain
 * decimals: every node but the leaves the stage reads by column, which it writes whole.
 */
export function clearScratch(scratch: LeafScratch, plan: CompiledFramework, leaves: readonly number[]): void {
  const n = scratch.cols.units;
  const { value, error, coverage } = scratch.cols;
  const skip = new Uint8Array(plan.nodes.length);
  for (const leaf of leaves) if (readsByColumn(plan.nodes[leaf]!)) skip[leaf] = 1;
  for (let node = 0; node < skip.length; node++) {
    if (skip[node] === 1) continue;
    const from = node * n;
    value.fill(NaN, from, from + n);
    error.fill(0, from, from + n);
    coverage.fill(0, from, from + n);
    scratch.status.fill(0, from, from + n);
    scratch.plain.fill(0, from, from + n);
  }
}
