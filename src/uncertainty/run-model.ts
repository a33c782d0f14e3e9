/**
 * One run of the analysis: a sample row (one number in [0, 1) per dimension) sets the weights and
 * picks the normalisation and the aggregation; every unit is scored and ranked. The buffers are
 * allocated once and reused by every run (the runs are the hot loop).
 *
 * @module
 */
import { enclosureCmp, type Enclosure } from "../number/enclosure.ts";
import { rankFloats } from "../rank/rank-floats.ts";
import { rankValues } from "../rank/rank.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { evaluateNodes, evaluationScratch } from "../score/evaluate-nodes.ts";
import { exactUnit } from "../score/exact-nodes.ts";
import type { Analysis } from "./set-up.ts";

/** Scores and ranks units for a sample row; the nominal scores and ranks. */
export interface RunModel {
  /** Scores every unit for the sample row (undefined: the nominal model) and writes their competition ranks into `ranks`. */
  readonly evaluate: (row: Float64Array | undefined, ranks: Int32Array) => void;
  /** The scores of the nominal model (NaN: no score). */
  readonly nominalScores: Float64Array;
  /** Competition ranks of the nominal model's exact scores. */
  readonly nominalRanks: Int32Array;
  /** Runs in which a unit with a nominal score had none. */
  readonly counts: { invalidRuns: number };
}

/** Competition ranks of the selected units' exact root scores (units without a score rank last). */
function exactRootRanks(
  plan: CompiledFramework,
  selected: readonly number[],
  exactLeaf: (unit: number, leaf: number) => Enclosure | null,
  ranks: Int32Array,
): void {
  // Coverage thresholds are not applied, as in the runs.
  const roots = selected.map((k) => exactUnit(plan, (leaf) => exactLeaf(k, leaf), () => 1, () => 0)(plan.root) ?? null);
  const r = rankValues(roots, enclosureCmp, "competition");
  r.forEach((x, u) => (ranks[u] = x ?? selected.length));
}

/**
 * The model the runs evaluate, its nominal scores and ranks computed. Nominal ranks are those of
 * the exact scores (as score() with ties "exact"): floats of equal scores reached by different
 * sums may differ in the last bit, and a tie must stay a tie.
 */
export function runModel(a: Analysis): RunModel {
  const { compiled, plan, weightSpec, nominalMatrix, matrices, codeSets } = a;
  const U = a.selected.length;
  const normCount = a.normChoices.length;
  const aggCount = a.aggChoices.length;
  const normColumn = weightSpec.positions.length;
  const aggColumn = normColumn + (normCount > 1 ? 1 : 0);
  // Buffers, allocated once.
  const weights = new Float64Array(plan.baseWeight.length);
  const scratch = evaluationScratch(U);
  const scores = new Float64Array(U);
  const sorted = new Float64Array(U);
  const rootAt = compiled.root * U;
  const counts = { invalidRuns: 0 };
  const nominalScores = new Float64Array(U).fill(0);
  const evaluate = (row: Float64Array | undefined, ranks: Int32Array) => {
    weights.set(plan.baseWeight);
    let matrix = nominalMatrix;
    let codes = compiled.layout.code;
    if (row !== undefined) {
      for (let k = 0; k < weightSpec.positions.length; k++) {
        const p = weightSpec.positions[k]!;
        const u = row[k]!;
        weights[p] = weightSpec.mode[k] === 1 ? plan.baseWeight[p]! * (1 + weightSpec.a[k]! * (2 * u - 1)) : weightSpec.a[k]! + u * (weightSpec.b[k]! - weightSpec.a[k]!);
      }
      if (normCount > 1) matrix = matrices[Math.floor(row[normColumn]! * normCount)]!;
      else matrix = matrices[0]!;
      if (aggCount > 1) codes = codeSets[Math.floor(row[aggColumn]! * aggCount)]!;
      else codes = codeSets[0]!;
    }
    evaluateNodes(compiled, matrix, { bounds: false, thresholds: false, weights, codes, scratch });
    scores.set(matrix.value.subarray(rootAt, rootAt + U));
    let invalid = false;
    for (let u = 0; u < U; u++) if (scores[u] !== scores[u] && nominalScores[u] === nominalScores[u]) invalid = true;
    if (invalid && row !== undefined) counts.invalidRuns++;
    // Competition ranks; a unit without a score ranks last.
    rankFloats(scores, U, ranks, U, sorted);
  };
  const nominalRanks = new Int32Array(U);
  evaluate(undefined, nominalRanks);
  exactRootRanks(compiled, a.selected, a.exactLeaf, nominalRanks);
  nominalScores.set(scores);
  return { evaluate, nominalScores, nominalRanks, counts };
}
