/**
 * The float evaluator's storage: node-major columns of values, bounds and coverage, and its
 * per-unit working memory.
 *
 * @module
 */

/** Scores, error bounds and coverage of every node for a set of units. */
export interface NodeColumns {
  readonly units: number;
  /** Node-major: node i, unit u at `i · units + u`; NaN = missing. */
  readonly value: Float64Array;
  /** Bound on |value − exact|; Infinity when only the exact evaluator can tell. */
  readonly error: Float64Array;
  /** Share of the node's weight that had data, in [0, 1]. */
  readonly coverage: Float64Array;
}

/** Empty columns for `nodes` nodes and `units` units (values NaN). */
export function nodeColumns(nodes: number, units: number): NodeColumns {
  return {
    units,
    value: new Float64Array(nodes * units).fill(NaN),
    error: new Float64Array(nodes * units),
    coverage: new Float64Array(nodes * units),
  };
}

/** Working memory of the float evaluator (`evaluateNodes`): per-unit accumulators. */
export interface EvaluationScratch {
  readonly units: number;
  readonly acc: Float64Array;
  readonly den: Float64Array;
  readonly cov: Float64Array;
  readonly worst: Float64Array;
  readonly abs: Float64Array;
  readonly aux: Float64Array;
  readonly count: Int32Array;
  /** Per unit: 1 a child is certainly negative, 2 one may be (error bound reaches below 0). */
  readonly neg: Uint8Array;
  /** Per unit: 1 a child is exactly 0, 2 one may be 0. */
  readonly zero: Uint8Array;
}

/** Scratch for `units` units. */
export function evaluationScratch(units: number): EvaluationScratch {
  return {
    units,
    acc: new Float64Array(units),
    den: new Float64Array(units),
    cov: new Float64Array(units),
    worst: new Float64Array(units),
    abs: new Float64Array(units),
    aux: new Float64Array(units),
    count: new Int32Array(units),
    neg: new Uint8Array(units),
    zero: new Uint8Array(units),
  };
}
