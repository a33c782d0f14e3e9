/**
 * The Monte Carlo loop: N sample rows drawn from the seeded generator, each evaluated and its
 * ranks added up; with sensitivity, a second row B and one row per input mixing A and B (Saltelli's
 * design, see `sensitivity.ts`). Everything is summed in typed arrays allocated once.
 *
 * @module
 */
import { createRandom } from "./prng.ts";
import type { RunModel } from "./run-model.ts";
import { addSample, sensitivitySums, type SensitivitySums } from "./sensitivity.ts";
import type { UncertaintyOptions } from "./types.ts";
import type { Analysis } from "./set-up.ts";

/** What the runs add up, per unit and over all units. */
export interface RunSums {
  readonly runs: number;
  readonly seed: number;
  /** Whether sensitivity indices were estimated. */
  readonly withSA: boolean;
  /** units × units counts: how often unit u got rank r (at u * U + r - 1). */
  readonly histogram: Int32Array;
  readonly rankSum: Float64Array;
  readonly shiftSum: Float64Array;
  /** Sum over the runs of the mean absolute rank shift. */
  readonly meanShiftSum: number;
  readonly global: SensitivitySums;
  readonly perUnit: readonly SensitivitySums[];
}

/** Runs the analysis `options.runs` times (default 1000) from `options.seed` (default 42). */
export function monteCarlo(a: Analysis, model: RunModel, options: UncertaintyOptions): RunSums {
  const { evaluate, nominalRanks } = model;
  const { inputs, dimensions: D } = a;
  const U = a.selected.length;
  const N = options.runs ?? 1000;
  const seed = options.seed ?? 42;
  const random = createRandom(seed);
  const withSA = options.sensitivity !== false && inputs.length > 0;
  const d = inputs.length;
  const rowA = new Float64Array(D);
  const rowB = new Float64Array(D);
  const rowAB = new Float64Array(D);
  const ranksA = new Int32Array(U);
  const ranksB = new Int32Array(U);
  const ranksAB = new Int32Array(U * d);
  const histogram = new Int32Array(U * U);
  const rankSum = new Float64Array(U);
  const shiftSum = new Float64Array(U);
  const global = sensitivitySums(d);
  const perUnit = withSA ? Array.from({ length: U }, () => sensitivitySums(d)) : [];
  const yAB = new Float64Array(d);
  const shift = (ranks: Int32Array, offset: number) => {
    let s = 0;
    for (let u = 0; u < U; u++) s += Math.abs(ranks[offset + u]! - nominalRanks[u]!);
    return s / U;
  };
  let meanShiftSum = 0;
  for (let j = 0; j < N; j++) {
    for (let c = 0; c < D; c++) rowA[c] = random();
    if (withSA) for (let c = 0; c < D; c++) rowB[c] = random();
    evaluate(rowA, ranksA);
    for (let u = 0; u < U; u++) {
      const r = ranksA[u]!;
      histogram[u * U + r - 1]!++;
      rankSum[u]! += r;
      shiftSum[u]! += Math.abs(r - nominalRanks[u]!);
    }
    const yA = shift(ranksA, 0);
    meanShiftSum += yA;
    if (!withSA) continue;
    evaluate(rowB, ranksB);
    for (let i = 0; i < d; i++) {
      rowAB.set(rowA);
      for (const c of inputs[i]!.columns) rowAB[c] = rowB[c]!;
      evaluate(rowAB, ranksAB.subarray(i * U, (i + 1) * U));
      yAB[i] = shift(ranksAB, i * U);
    }
    addSample(global, yA, shift(ranksB, 0), yAB);
    for (let u = 0; u < U; u++) {
      for (let i = 0; i < d; i++) yAB[i] = ranksAB[i * U + u]!;
      addSample(perUnit[u]!, ranksA[u]!, ranksB[u]!, yAB);
    }
  }
  return { runs: N, seed, withSA, histogram, rankSum, shiftSum, meanShiftSum, global, perUnit };
}
