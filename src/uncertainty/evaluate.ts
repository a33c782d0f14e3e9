/**
 * The inner loop of the uncertainty analysis: scores every unit for one replication (one matrix
 * of normalised leaf values, one weight vector, per-group aggregation codes) in plain floats, and
 * ranks them. No allocation: every array is passed in.
 *
 * @module
 */
import type { FloatPlan } from "./float-plan.ts";

/**
 * Aggregates children `values[childSlot[p]]`, p in [start, start + count), with weights `w[p]`, by
 * `code` (0 arithmetic, 1 geometric, 2 harmonic, 3 Mazziotta-Pareto). Missing children (NaN) and
 * zero weights are left out; no child left gives NaN; a negative value under codes 1-3 gives NaN.
 */
export function aggregateFloat(
  code: number,
  values: Float64Array,
  childSlot: Int32Array,
  w: Float64Array,
  start: number,
  count: number,
): number {
  let sw = 0;
  let acc = 0;
  let zero = false;
  const end = start + count;
  for (let p = start; p < end; p++) {
    const wp = w[p]!;
    const x = values[childSlot[p]!]!;
    if (wp === 0 || x !== x) continue;
    sw += wp;
    if (code === 0 || code === 3) acc += wp * x;
    else if (x < 0) return NaN;
    else if (x === 0) zero = true;
    else acc += code === 1 ? wp * Math.log(x) : wp / x;
  }
  if (sw === 0) return NaN;
  if (code === 0) return acc / sw;
  if (code === 1) return zero ? 0 : Math.exp(acc / sw);
  if (code === 2) return zero ? 0 : sw / acc;
  // Mazziotta-Pareto: M − S² / M with weighted population variance.
  const m = acc / sw;
  if (m === 0) return 0;
  let ss = 0;
  for (let p = start; p < end; p++) {
    const wp = w[p]!;
    const x = values[childSlot[p]!]!;
    if (wp === 0 || x !== x) continue;
    if (x < 0) return NaN;
    ss += wp * (x - m) * (x - m);
  }
  return m - ss / sw / m;
}

/**
 * Scores every unit: `matrix` holds units × leaves normalised values (row-major), `weights` one
 * weight per child position, `codes` one aggregation code per group. Writes the root score of unit
 * u to `scores[u]`, using `scratch` (length L + G).
 */
export function evaluateScores(
  plan: FloatPlan,
  units: number,
  matrix: Float64Array,
  weights: Float64Array,
  codes: Uint8Array,
  scratch: Float64Array,
  scores: Float64Array,
): void {
  const L = plan.leaves;
  const G = plan.groups;
  const { childStart, childCount, childSlot } = plan;
  for (let u = 0; u < units; u++) {
    const row = u * L;
    for (let k = 0; k < L; k++) scratch[k] = matrix[row + k]!;
    for (let g = 0; g < G; g++) scratch[L + g] = aggregateFloat(codes[g]!, scratch, childSlot, weights, childStart[g]!, childCount[g]!);
    scores[u] = scratch[L + G - 1]!;
  }
}

/**
 * Competition ranks ("1224"), highest score first: rank = 1 + the number of units scoring more.
 * A unit without a score (NaN) ranks last (= number of units).
 */
export function rankScores(scores: Float64Array, units: number, ranks: Int32Array): void {
  for (let u = 0; u < units; u++) {
    const s = scores[u]!;
    if (s !== s) {
      ranks[u] = units;
      continue;
    }
    let r = 1;
    for (let v = 0; v < units; v++) if (scores[v]! > s) r++;
    ranks[u] = r;
  }
}
