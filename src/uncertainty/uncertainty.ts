/**
 * Monte Carlo uncertainty and variance-based sensitivity of the ranking: how far each unit's rank
 * moves when the weights, the normalisation and the aggregation vary within given choices.
 * Runs in plain floats over typed arrays (see `run-model.ts`, `monte-carlo.ts` and the compiled
 * plan's `evaluate-nodes.ts`), seeded and reproducible. Method and estimators: docs/uncertainty.md.
 *
 * @module
 */
import { warning } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import { compareVi } from "../text/collator.ts";
import { monteCarlo, type RunSums } from "./monte-carlo.ts";
import { rankQuantile } from "./rank-quantile.ts";
import { runModel, type RunModel } from "./run-model.ts";
import { sensitivityIndices } from "./sensitivity.ts";
import type { UncertaintyOptions, UncertaintyResult, UnitUncertainty } from "./types.ts";
import { setUpAnalysis, type Analysis } from "./set-up.ts";

export { MAX_UNCERTAINTY_RUNS } from "./uncertainty-options.ts";
export { MAX_UNCERTAINTY_UNITS } from "./set-up.ts";

/**
 * Runs the uncertainty (and, by default, sensitivity) analysis of a framework's ranking on unit
 * data. Each run draws every uncertain input (weights within their bounds, one normalisation and
 * one aggregation from the given sets), scores every unit and ranks them. Per unit: nominal rank,
 * median rank, 5–95 % rank interval, mean absolute rank shift; per input: first-order and total
 * sensitivity indices of the mean absolute rank shift (and first-order per unit).
 *
 * Plain data; `uncertainty` from `dti/notebook` also renders it in a notebook as its
 * {@link uncertaintyToMarkdown}.
 *
 * @example
 * ```ts
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, {
 *   runs: 1000, seed: 42, weights: 0.25, aggregation: ["arithmetic", "geometric"],
 * });
 * ua.units[0]; // => { unit: "TP. Đà Nẵng", nominalRank: 1, medianRank: 1, rankLow: 1, rankHigh: 1, … }
 * ```
 */
export function uncertainty(framework: Framework | FrameworkDefinition, data: ScoreInput, options: UncertaintyOptions = {}): UncertaintyResult {
  const analysis = setUpAnalysis(framework, data, options);
  const model = runModel(analysis);
  const sums = monteCarlo(analysis, model, options);
  return uncertaintyResult(analysis, model, sums);
}

/** Each unit's rank statistics and sensitivity, and the analysis's summary, from the runs' sums. */
function uncertaintyResult(a: Analysis, model: RunModel, sums: RunSums): UncertaintyResult {
  const { runs: N, withSA } = sums;
  const U = a.selected.length;
  const warnings = [...a.warnings];
  if (model.counts.invalidRuns > 0) {
    warnings.push(warning("DATA_AGGREGATION_DOMAIN", `${model.counts.invalidRuns} run(s) had a unit without a score (a geometric, harmonic or Mazziotta-Pareto mean met a negative value); those units ranked last`));
  }
  const globalIdx = withSA ? sensitivityIndices(sums.global) : undefined;
  const units: UnitUncertainty[] = a.selected.map((k, u): UnitUncertainty => {
    const input = a.prepared.units[k]!;
    const idx = withSA ? sensitivityIndices(sums.perUnit[u]!).first : undefined;
    return {
      unit: input.unit,
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.group !== undefined ? { group: input.group } : {}),
      nominalScore: Number.isNaN(model.nominalScores[u]!) ? null : model.nominalScores[u]!,
      nominalRank: model.nominalRanks[u]!,
      medianRank: rankQuantile(sums.histogram, u * U, U, N, 0.5),
      meanRank: sums.rankSum[u]! / N,
      rankLow: rankQuantile(sums.histogram, u * U, U, N, 0.05),
      rankHigh: rankQuantile(sums.histogram, u * U, U, N, 0.95),
      meanAbsShift: sums.shiftSum[u]! / N,
      ...(idx !== undefined ? { sensitivity: Object.fromEntries(a.inputs.map((inp, i) => [inp.name, idx[i] ?? null])) } : {}),
    };
  });
  units.sort((x, y) => x.nominalRank - y.nominalRank || compareVi(x.unit, y.unit));
  return {
    framework: { id: a.compiled.framework.id, version: a.compiled.framework.version },
    root: a.compiled.nodes[a.compiled.root]!.id,
    ...(a.year !== undefined ? { year: a.year } : {}),
    runs: N,
    seed: sums.seed,
    evaluations: 1 + N * (withSA ? a.inputs.length + 2 : 1),
    inputs: a.inputs.map(({ columns: _c, ...rest }) => rest),
    units,
    ...(globalIdx !== undefined
      ? {
          sensitivity: a.inputs.map((inp, i) => ({
            input: inp.name,
            first: globalIdx.first[i] ?? null,
            total: globalIdx.total[i] ?? null,
            firstMargin: globalIdx.firstMargin[i] ?? null,
            totalMargin: globalIdx.totalMargin[i] ?? null,
          })),
        }
      : {}),
    meanAbsShift: sums.meanShiftSum / N,
    invalidRuns: model.counts.invalidRuns,
    warnings,
  };
}
