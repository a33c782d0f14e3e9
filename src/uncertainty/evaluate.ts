/**
 * The inner loop of the uncertainty analysis: scores every unit for one replication (a matrix of
 * normalised leaf values, one weight vector, per-group aggregation codes) in plain floats, and
 * ranks them. Values are stored slot-major (all units of one node together) so that each child
 * is one tight loop over units; no allocation: every array is passed in.
 *
 * @module
 */
import type { FloatPlan } from "./float-plan.ts";

/** Leaf values for every unit, slot-major: `values[leaf · units + unit]`, NaN = missing; `logs` their logarithms. */
export interface LeafMatrix {
  readonly values: Float64Array;
  readonly logs: Float64Array;
  /** True when no value is missing: the evaluation then skips its per-value missing checks. */
  readonly complete: boolean;
}

/**
 * A leaf matrix from unit-major rows (`rows[unit][leaf]`, NaN = missing). `weighted(k)` says
 * whether leaf k can carry weight: a missing value elsewhere (e.g. in a 0-point leaf) does not
 * count against `complete`.
 */
export function leafMatrix(rows: readonly ArrayLike<number>[], leaves: number, weighted: (leaf: number) => boolean = () => true): LeafMatrix {
  const units = rows.length;
  const values = new Float64Array(leaves * units);
  let complete = true;
  rows.forEach((row, u) => {
    for (let k = 0; k < leaves; k++) {
      const x = row[k]!;
      values[k * units + u] = x;
      if (x !== x && weighted(k)) complete = false;
    }
  });
  return { values, logs: values.map((x) => (x < 0 ? NaN : Math.log(x))), complete };
}

/** Scratch space for {@link evaluateScores}, allocated once. */
export interface EvaluationBuffers {
  /** Group values, slot-major: `groups[g · units + unit]`. */
  readonly groups: Float64Array;
  readonly acc: Float64Array;
  readonly sw: Float64Array;
  readonly ss: Float64Array;
}

/** Buffers for a plan and a number of units. */
export function evaluationBuffers(plan: FloatPlan, units: number): EvaluationBuffers {
  return { groups: new Float64Array(plan.groups * units), acc: new Float64Array(units), sw: new Float64Array(units), ss: new Float64Array(units) };
}

/**
 * Scores every unit: group by group (children before parents), each group's weighted mean by its
 * code (0 arithmetic, 1 geometric, 2 harmonic, 3 Mazziotta-Pareto, as in `float-plan.ts`).
 * Missing children (NaN) and zero weights are left out, as in the exact pipeline; a group with no
 * child left is NaN; a negative value under codes 1-3 makes the group NaN (out of its domain).
 * Writes the root score of unit u to `scores[u]`.
 */
export function evaluateScores(
  plan: FloatPlan,
  units: number,
  matrix: LeafMatrix,
  weights: Float64Array,
  codes: Uint8Array,
  buffers: EvaluationBuffers,
  scores: Float64Array,
): void {
  const L = plan.leaves;
  const G = plan.groups;
  const { childStart, childCount, childSlot } = plan;
  const { groups, acc, sw, ss } = buffers;
  for (let g = 0; g < G; g++) {
    const code = codes[g]!;
    acc.fill(0);
    sw.fill(0);
    const end = childStart[g]! + childCount[g]!;
    for (let p = childStart[g]!; p < end; p++) {
      const w = weights[p]!;
      if (w === 0) continue;
      const slot = childSlot[p]!;
      const leaf = slot < L;
      // With complete leaves a group is NaN only out of its domain, and that should spread.
      const complete = matrix.complete;
      const src = code === 1 && leaf ? matrix.logs : leaf ? matrix.values : groups;
      const off = (leaf ? slot : slot - L) * units;
      if (complete) {
        if (code === 0 || code === 3 || (code === 1 && leaf)) for (let u = 0; u < units; u++) acc[u]! += w * src[off + u]!;
        else if (code === 1) for (let u = 0; u < units; u++) acc[u]! += w * Math.log(src[off + u]!);
        else {
          for (let u = 0; u < units; u++) {
            const x = src[off + u]!;
            acc[u]! += x < 0 ? NaN : w / x;
          }
        }
        sw[0]! += w;
        continue;
      }
      const vals = leaf ? matrix.values : groups;
      for (let u = 0; u < units; u++) {
        const x = vals[off + u]!;
        if (x !== x) continue;
        sw[u]! += w;
        if (code === 0 || code === 3) acc[u]! += w * x;
        else if (code === 1) acc[u]! += w * (leaf ? src[off + u]! : Math.log(x));
        else acc[u]! += x < 0 ? NaN : w / x;
      }
    }
    if (matrix.complete) sw.fill(sw[0]!);
    const out = g * units;
    if (code === 0) for (let u = 0; u < units; u++) groups[out + u] = sw[u]! > 0 ? acc[u]! / sw[u]! : NaN;
    else if (code === 1) for (let u = 0; u < units; u++) groups[out + u] = sw[u]! > 0 ? Math.exp(acc[u]! / sw[u]!) : NaN;
    else if (code === 2) for (let u = 0; u < units; u++) groups[out + u] = sw[u]! > 0 ? sw[u]! / acc[u]! : NaN;
    else mazziottaParetoPass(plan, units, matrix, weights, g, buffers);
  }
  const root = (G - 1) * units;
  for (let u = 0; u < units; u++) scores[u] = groups[root + u]!;
}

/** Mazziotta-Pareto for group g, once `acc` and `sw` hold the weighted sums: M − S² / M. */
function mazziottaParetoPass(plan: FloatPlan, units: number, matrix: LeafMatrix, weights: Float64Array, g: number, buffers: EvaluationBuffers): void {
  const L = plan.leaves;
  const { groups, acc, sw, ss } = buffers;
  for (let u = 0; u < units; u++) acc[u] = sw[u]! > 0 ? acc[u]! / sw[u]! : NaN; // the mean M
  ss.fill(0);
  const end = plan.childStart[g]! + plan.childCount[g]!;
  for (let p = plan.childStart[g]!; p < end; p++) {
    const w = weights[p]!;
    if (w === 0) continue;
    const slot = plan.childSlot[p]!;
    const src = slot < L ? matrix.values : groups;
    const off = (slot < L ? slot : slot - L) * units;
    for (let u = 0; u < units; u++) {
      const x = src[off + u]!;
      if (x === x) ss[u]! += x < 0 ? NaN : w * (x - acc[u]!) * (x - acc[u]!);
    }
  }
  const out = g * units;
  for (let u = 0; u < units; u++) {
    const m = acc[u]!;
    groups[out + u] = m === 0 ? 0 : m - ss[u]! / sw[u]! / m;
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
