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

export type { Direction, OutOfRange, ValueRule, PointsRule, RatioRule, LadderStep, LadderRule, Category, CategoricalRule, BooleanRule, BooleanAliases, GoalpostsRule, TargetRule, NormaliseMethod, NormaliseRule, ScoringRule, ScoringRuleType } from "./rule-types.ts";
import type { ScoringRule } from "./rule-types.ts";

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
