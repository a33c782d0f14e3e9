/**
 * Options and result of the uncertainty and sensitivity analysis.
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import type { Aggregation, NormaliseMethod } from "../framework/types.ts";
import type { ScoreOptions } from "../pipeline/types.ts";

/** How far a weight may move: ± a fraction of its nominal value (0.25 = ±25 %), or [low, high] in the siblings' weight units. */
export type WeightBound = number | readonly [number, number];

/** Weight uncertainty: one fraction for every weight, or a default and bounds per node id (the child whose weight moves). */
export type WeightUncertainty = number | { readonly default?: number; readonly nodes?: Readonly<Record<string, WeightBound>> };

/** A normalisation alternative: "nominal" (the framework as declared) or a data-driven method applied to every leaf. */
export type NormalisationChoice =
  | "nominal"
  | {
      readonly method: Extract<NormaliseMethod, "minmax" | "zscore" | "rank" | "percentile">;
      readonly range?: readonly [number, number];
      readonly mean?: number;
      readonly sd?: number;
    };

/** An aggregation alternative: "nominal" (each group's own) or one mean for every group. */
export type AggregationChoice = "nominal" | Aggregation;

/** Options of {@link uncertainty}: data options as for `score`, plus the uncertain inputs. */
export interface UncertaintyOptions extends Omit<ScoreOptions, "merge" | "ranking" | "ties" | "decimals"> {
  /** Monte Carlo sample size N (default 1000). */
  readonly runs?: number;
  /** Seed of the generator (default 42): the same seed gives the same result. */
  readonly seed?: number;
  /** Weight uncertainty (default none). */
  readonly weights?: WeightUncertainty;
  /** Normalisation alternatives, drawn with equal probability (default: nominal only). */
  readonly normalisation?: readonly NormalisationChoice[];
  /** Aggregation alternatives, drawn with equal probability (default: nominal only). */
  readonly aggregation?: readonly AggregationChoice[];
  /**
   * First-order and total sensitivity indices (Saltelli 2010 / Jansen estimators, N·(d + 2)
   * evaluations): by "stage" (weights, normalisation, aggregation; default), by "node" (each
   * group's weights apart), or false (uncertainty only, N evaluations).
   */
  readonly sensitivity?: false | "stage" | "node";
  /** Which year to analyse when the data has several (default the latest). */
  readonly year?: number;
}

/** One uncertain input of the analysis. */
export interface UncertainInput {
  /** "weights", "weights:<group id>", "normalisation" or "aggregation". */
  readonly name: string;
  /** How many random numbers it takes per run. */
  readonly dimensions: number;
  /** The alternatives (normalisation, aggregation). */
  readonly levels?: readonly string[];
}

/** Sensitivity of a quantity to one input. */
export interface SensitivityIndex {
  readonly input: string;
  /** First-order index Sᵢ = V(E[Y | Xᵢ]) / V(Y) (Saltelli 2010 estimator); `null` when Y does not vary. */
  readonly first: number | null;
  /** Total index STᵢ (Jansen 1999 estimator); `null` when Y does not vary. */
  readonly total: number | null;
  /**
   * Half-width of a 95 % interval of each estimate (1.96 standard errors over the N runs). The
   * true indices lie in [0, 1]; an estimate below 0 or above 1 is this noise (more runs narrow it).
   */
  readonly firstMargin: number | null;
  readonly totalMargin: number | null;
}

/** One unit's rank distribution. */
export interface UnitUncertainty {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  /** Score and rank with every input at its nominal value (floats; equal to `score()`'s ranks but for float ties). */
  readonly nominalScore: number | null;
  readonly nominalRank: number;
  /** Median and 5th / 95th percentiles of the rank over the runs (R's default quantile, type 7). */
  readonly medianRank: number;
  readonly meanRank: number;
  readonly rankLow: number;
  readonly rankHigh: number;
  /** Mean of |rank − nominal rank| over the runs. */
  readonly meanAbsShift: number;
  /** First-order index of this unit's rank to each input (with sensitivity on). */
  readonly sensitivity?: Readonly<Record<string, number | null>>;
}

/** Everything {@link uncertainty} returns. */
export interface UncertaintyResult {
  readonly framework: { readonly id: string; readonly version: string };
  readonly root: string;
  /** The year analysed (when the data has years). */
  readonly year?: number;
  readonly runs: number;
  readonly seed: number;
  /** Model evaluations made: 1 (nominal) + N, or 1 + N·(d + 2) with sensitivity (d inputs). */
  readonly evaluations: number;
  readonly inputs: readonly UncertainInput[];
  /** Units by nominal rank. */
  readonly units: readonly UnitUncertainty[];
  /** Sensitivity of the mean absolute rank shift (over units) to each input (with sensitivity on). */
  readonly sensitivity?: readonly SensitivityIndex[];
  /** Mean over runs of the mean absolute rank shift. */
  readonly meanAbsShift: number;
  /** Runs in which some unit got no score (a mean outside its domain, e.g. geometric over a negative value); those units ranked last. */
  readonly invalidRuns: number;
  readonly warnings: readonly Issue[];
}
