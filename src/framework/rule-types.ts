/**
 * The scoring rules a leaf of the framework tree can have: how one unit's raw input becomes a
 * score in [0, 1] (value, points, ratio, ladder, categories, yes/no, goalposts, target, or a
 * normalisation over the units).
 *
 * @module
 */

/** Which way is better for a raw input. */
export type Direction = "higher" | "lower";

/** What to do with an input outside the range a rule accepts. */
export type OutOfRange = "error" | "clamp";

/** Input already a score in [0, 1] (e.g. a published main-indicator value). */
export interface ValueRule {
  readonly type: "value";
  /** Outside [0, 1]: an error (default) or clamped into range. */
  readonly outOfRange?: OutOfRange;
}

/** Input is points in [0, max]; score = points / max. `max` defaults to the node's `maxPoints`. */
export interface PointsRule {
  readonly type: "points";
  readonly max?: number;
  /** Points above max or below 0: an error (default) or capped into range. */
  readonly outOfRange?: OutOfRange;
}

/**
 * Two inputs, a numerator `a` and a denominator `b`; score = a / b (the official
 * "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa"). Inputs are named `<id>.a` and `<id>.b` unless set.
 */
export interface RatioRule {
  readonly type: "ratio";
  /** Input key of the numerator; default `<node id>.a`. */
  readonly numerator?: string;
  /** Input key of the denominator; default `<node id>.b`. */
  readonly denominator?: string;
  /** A ratio above 1 (or a negative input): an error (default) or clamped. */
  readonly outOfRange?: OutOfRange;
  /** b = 0: an error (default), or a score of 0, or of 1 (nothing to do counts as done). */
  readonly zeroDenominator?: "error" | "zero" | "one";
}

/** One step of a ladder: reaching `threshold` earns `points`. */
export interface LadderStep {
  readonly threshold: number;
  readonly points: number;
}

/**
 * A step ladder ("4 meetings a year: 20 points; 3: 15; …"). With direction "higher" the best step
 * whose threshold is ≤ the input counts; with "lower" the best step whose threshold is ≥ the input.
 * Below every step scores 0. Score = points / max, max defaulting to the node's `maxPoints`, else
 * the largest step's points.
 */
export interface LadderRule {
  readonly type: "ladder";
  readonly direction: Direction;
  readonly steps: readonly LadderStep[];
  readonly max?: number;
}

/** A label a categorical input may take, with the points (or the score in [0, 1]) it earns. */
export interface Category {
  readonly label: string;
  /** Other spellings that mean the same (matched like labels: NFC, case-insensitive). */
  readonly aliases?: readonly string[];
  /** Points earned; score = points / max. Give `points` or `score`, not both. */
  readonly points?: number;
  /** Score in [0, 1] earned directly. */
  readonly score?: number;
}

/** Input is one of a set of labels ("Bí thư/Chủ tịch": full marks; "Phó": half; none: 0). */
export interface CategoricalRule {
  readonly type: "categorical";
  readonly categories: readonly Category[];
  /** Max points; defaults to the node's `maxPoints`, else the largest category's points. */
  readonly max?: number;
}

/** Input is yes/no (có/không, true/false, 1/0, x/blank is not accepted: blank is missing). */
export interface BooleanRule {
  readonly type: "boolean";
  /** Which answer is better; "higher" means yes = 1, no = 0. Default "higher". */
  readonly direction?: Direction;
  /**
   * More answers that mean yes or no, in the words the data uses (`{ "yes": ["Đã ban hành"], "no":
   * ["Chưa ban hành"] }`), matched like names (NFC, case, spacing and invisible characters
   * ignored), before the built-in có/không, true/false, 1/0 words.
   */
  readonly aliases?: BooleanAliases;
}

/** The `aliases` of a {@link BooleanRule}. */
export interface BooleanAliases {
  readonly yes?: readonly string[];
  readonly no?: readonly string[];
}

/**
 * Goalposts (min-max with fixed bounds): higher → (x − min) / (max − min), lower → (max − x) /
 * (max − min), clamped to [0, 1]. Fixed bounds keep years comparable (as ITU IDI does).
 */
export interface GoalpostsRule {
  readonly type: "goalposts";
  readonly min: number;
  readonly max: number;
  readonly direction: Direction;
}

/**
 * Distance to a target. With `worst`: linear from worst (0) to target (1), clamped. Without:
 * higher → x / target capped at 1; lower → target / x capped at 1 (x ≤ 0 scores 1).
 */
export interface TargetRule {
  readonly type: "target";
  readonly target: number;
  readonly direction: Direction;
  readonly worst?: number;
}

/**
 * How a {@link NormaliseRule} turns raw values into scores. Data-driven methods (`minmax` without
 * bounds, `zscore`, `rank`, `percentile`, `target` without `worst`) use the other units' values (of
 * the same year, or of every year with `across: "all"`); `goalposts` and `minmax` with `bounds`
 * do not. Formulas: docs/methods.md.
 */
export type NormaliseMethod = "minmax" | "zscore" | "rank" | "percentile" | "goalposts" | "target";

/**
 * Input is a raw number (e.g. "% of households with fibre"), normalised **across units** by
 * `method` into `range` (default [0, 1]). Scored in a stage of its own after every unit is read
 * (see docs/methods.md): min-max, z-score, rank, percentile rank, goalposts, distance to target.
 */
export interface NormaliseRule {
  readonly type: "normalise";
  readonly method: NormaliseMethod;
  /** Which way is better; default "higher". "lower" mirrors the score. */
  readonly direction?: Direction;
  /** Output range [low, high]; default [0, 1] (e.g. [0, 100], or [1, 100] for geometric means). Not for z-scores. */
  readonly range?: readonly [number, number];
  /** Fixed bounds: required by `goalposts`; for `minmax`, bounds fixed across years (DESI) instead of the data's min and max. */
  readonly bounds?: { readonly min: number; readonly max: number };
  /** `target` only: the value that scores the top of the range. */
  readonly target?: number;
  /** `target` only: the value that scores the bottom of the range; default the data's worst value. */
  readonly worst?: number;
  /** Keep scores inside `range` (default true); false lets fixed-bound scores run past it, as DESI's do. */
  readonly clamp?: boolean;
  /** Statistics (min, max, mean, sd, ranks) from the units of the same year (default) or of all years pooled. */
  readonly across?: "year" | "all";
  /** `zscore` only: the output mean (default 0) and standard deviation (default 1), e.g. 100 and 10 for Mazziotta-Pareto. */
  readonly mean?: number;
  readonly sd?: number;
  /** `rank` only: tied units share the average rank (default, R's `rank()`) or the lowest (`"min"`, COINr's `n_rank`). */
  readonly ties?: "average" | "min";
}

/** Every scoring rule a leaf can have. */
export type ScoringRule =
  | NormaliseRule
  | ValueRule
  | PointsRule
  | RatioRule
  | LadderRule
  | CategoricalRule
  | BooleanRule
  | GoalpostsRule
  | TargetRule;

/** The names of the scoring rules. */
export type ScoringRuleType = ScoringRule["type"];
