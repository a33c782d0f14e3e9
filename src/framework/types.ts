/**
 * The framework model: an index is data, a validated tree of nodes.
 *
 * A **group** node aggregates its children; a **leaf** (an indicator) turns one unit's raw input
 * into a score in [0, 1] with a scoring rule. Every node may carry a weight or max points; siblings
 * are weighted by `weight` when they declare one, else by `maxPoints` (so DTI "points / 1000" is a
 * weighted mean of indicator values), else equally.
 *
 * @module
 */

/** A name in Vietnamese (required) and English (optional). */
export interface LocalizedName {
  /** The official Vietnamese name, e.g. "Nhận thức số". */
  readonly vi: string;
  /** The English name, e.g. "Digital awareness". */
  readonly en?: string;
}

/** How sure the sources are of a fact the framework encodes. */
export type Confidence = "high" | "medium" | "low" | "unverified";

/** A fact in a framework that the public sources do not settle: shown in docs and `dti frameworks`. */
export interface Uncertainty {
  /** What is uncertain, in plain words. */
  readonly fact: string;
  /** How sure we are of the value the framework uses. */
  readonly confidence: Confidence;
  /** Node or view ids the fact applies to. */
  readonly nodes?: readonly string[];
}

/** Where a framework comes from. */
export interface FrameworkSource {
  /** The decision that defines it, e.g. "922/QĐ-BTTTT". */
  readonly decision?: string;
  /** Date of the decision, ISO 8601 (YYYY-MM-DD). */
  readonly date?: string;
  /** The issuing body. */
  readonly issuer?: string;
  /** Which assessment years it applies to, e.g. "DTI 2021-2023". */
  readonly appliesTo?: string;
  /** Public pages the facts were taken from. */
  readonly references?: readonly string[];
}

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

/**
 * How a group combines its children's scores: weighted arithmetic, geometric or harmonic mean, or
 * the Mazziotta-Pareto index (mean minus a penalty for unbalance). Formulas: docs/methods.md.
 */
export type Aggregation = "arithmetic" | "geometric" | "harmonic" | "mazziotta-pareto";

/**
 * Where a group's child weights come from: "auto" (default: `weight` if every child sets it, else
 * `maxPoints` if every child sets it, else equal), "manual" (every child's `weight`), "points"
 * (every child's `maxPoints`), "equal" (all alike, whatever the children set).
 */
export type Weighting = "auto" | "manual" | "points" | "equal";

interface NodeBase {
  /** Unique id across the framework's nodes and views: a short slug such as `awareness`. */
  readonly id: string;
  /** Official name (vi) and English name. */
  readonly name: LocalizedName;
  /** Short label for tables (e.g. "NTS"). */
  readonly short?: string;
  /** Weight among siblings (non-negative). */
  readonly weight?: number;
  /** Max points (non-negative); the sibling weight when no sibling sets `weight`. */
  readonly maxPoints?: number;
  /** Unit of measure of the input, as the decision writes it ("%", "hồ sơ", "văn bản"): shown in tables and templates. */
  readonly measure?: string;
  /** Free notes (e.g. "Không tính điểm"). */
  readonly note?: string;
}

/**
 * Points added to or taken from the index after the weighted total, as local decisions write
 * "điểm thưởng" and "điểm trừ": a child of the root marked `adjust` is left out of the root's
 * weighted mean; its points (its score × its `maxPoints`, the cap) are added ("bonus") or
 * subtracted ("penalty") after it, on the framework's total points. Formulas: docs/methods.md.
 */
export type Adjustment = "bonus" | "penalty";

/**
 * Where the index may go once bonus and penalty points are applied: "total" (default) keeps it
 * in [0, total points] (an index out of 100 stays out of 100); "non-negative" lets bonus points
 * carry it above the total but never below 0; "none" applies no bound.
 */
export type AdjustedRange = "total" | "non-negative" | "none";

/** A leaf: one indicator scored from a unit's input by a rule. */
export interface IndicatorNode extends NodeBase {
  readonly rule: ScoringRule;
  readonly children?: undefined;
  /**
   * Root children only: the leaf's points (score × `maxPoints`) are added (bonus) or subtracted
   * (penalty) after the weighted total. A blank cell is no bonus or penalty, never an error.
   */
  readonly adjust?: Adjustment;
}

/** A group: pillar, main indicator with sub-indicators, or the root. */
export interface GroupNode extends NodeBase {
  readonly children: readonly FrameworkNode[];
  /** Default "arithmetic" (weighted mean). */
  readonly aggregation?: Aggregation;
  /** Where the children's weights come from; default "auto". */
  readonly weighting?: Weighting;
  /**
   * Least share of the children's weight that must have data, in [0, 1]: below it the group is
   * missing for that unit (and a warning names it). Default: none (any data will do).
   */
  readonly minCoverage?: number;
  /**
   * Root children only: a group of bonus (or penalty) criteria, each a leaf with its own
   * `maxPoints`; their points add up, capped at this group's `maxPoints` (default: the sum of
   * theirs), and are added to (or subtracted from) the index after the weighted total.
   */
  readonly adjust?: Adjustment;
  /** Root only, with bonus or penalty children: the bounds of the adjusted index (default "total"). */
  readonly adjustedRange?: AdjustedRange;
  readonly rule?: undefined;
}

/** A node of the framework tree. */
export type FrameworkNode = IndicatorNode | GroupNode;

/** A term of a view: a node and, optionally, its weight in the view. */
export interface ViewTerm {
  readonly node: string;
  readonly weight?: number;
}

/**
 * An extra score computed from any set of nodes, outside the tree: e.g. the DTI 922 pillar
 * "Chính quyền số" = (the five foundation indicators' points + digital-government points) / 700.
 * Terms are weighted like siblings: by `weight` if every term sets one, else by the node's
 * `maxPoints`, else equally.
 */
export interface View {
  readonly id: string;
  readonly name: LocalizedName;
  readonly short?: string;
  readonly terms: readonly ViewTerm[];
  readonly aggregation?: Aggregation;
  readonly note?: string;
}

/** A whole framework, as authored (JSON or `defineFramework`). */
export interface FrameworkDefinition {
  /**
   * The JSON Schema a framework file names for editors (`"./node_modules/dti/schema/framework.schema.json"`);
   * accepted and ignored.
   */
  readonly $schema?: string;
  /** Stable id, e.g. `vn-dti-2022-province`. */
  readonly id: string;
  /** Version of this encoding (semver-like string). */
  readonly version: string;
  readonly title: LocalizedName;
  /** Who is assessed: province, ministry, ward, enterprise … (free text). */
  readonly level?: string;
  readonly source?: FrameworkSource;
  /** The root node; its score is the index ("DTI"). */
  readonly root: GroupNode;
  readonly views?: readonly View[];
  /** Facts the sources do not settle, flagged for users. */
  readonly uncertain?: readonly Uncertainty[];
  /** Decimals of published values; default 4. */
  readonly decimals?: number;
}

/** A validated framework: the definition, frozen. */
export interface Framework extends FrameworkDefinition {
  /** Marks objects that passed validation (non-enumerable, so JSON output is a plain definition). */
  readonly validated: true;
}
