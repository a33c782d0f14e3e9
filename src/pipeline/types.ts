/**
 * The result of scoring: plain, serialisable data (report generators rely on its JSON form,
 * documented in docs/output.md).
 *
 * @module
 */
import type { Issue } from "../errors.ts";
import type { Adjustment, LocalizedName } from "../framework/types.ts";
import type { ResolveOptions } from "../input/resolve-columns.ts";
import type { RawTable } from "../input/table.ts";
import type { ImputeMethod } from "../methods/impute/imputer.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { UnrankedOption } from "../rank/unranked.ts";
import type { MergeMapping } from "../score/merge-units.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";

/** Options of {@link score} and {@link validate}. */
export interface ScoreOptions extends ResolveOptions {
  /** Missing values: "error" (default), "zero" (no evidence, no points: the official practice), "reweight". */
  readonly missing?: MissingPolicy;
  /** Rank style: "competition" (default, "1224"), "dense", "ordinal". */
  readonly ranking?: RankMethod;
  /** Ties judged on the published (rounded) value (default) or the exact value. */
  readonly ties?: "published" | "exact";
  /** Merge units (e.g. 63 → 34 provinces): merged leaf scores are the members' unweighted mean. */
  readonly merge?: MergeMapping;
  /** Decimals of published values; default the framework's (4). */
  readonly decimals?: number;
  /**
   * Fill blank values before the missing policy applies: "previous-year" (the unit's latest earlier
   * value), "group-mean" (its group's mean that year), or both in the order given. Every filled
   * value is listed in `result.imputed` and summed up in a warning per indicator.
   */
  readonly impute?: ImputeMethod | readonly ImputeMethod[];
  /**
   * Units assessed but not ranked, by name or code (a list, or names mapped to the reason): they
   * are scored as the others and get no rank, nor take a place in the others' ranks. The data's
   * ranked column ("Được xếp hạng": có/không) marks them too.
   */
  readonly unranked?: UnrankedOption;
  /** Least coverage for every group (a group's own `minCoverage` wins): below it the group is missing. Default 0. */
  readonly minCoverage?: number;
  /**
   * "exact" (default): decimals throughout. "float": floats with proven error bounds, falling back
   * to decimals per unit near a rounding point, so published values (and ranks on them) are the
   * same and `score` floats may differ in the last digits; many times faster on large inputs.
   * Ignored (exact) with `merge` or `ties: "exact"`. See docs/performance.md.
   */
  readonly arithmetic?: "exact" | "float";
}

/** A value filled in by imputation. */
export interface ImputedCell {
  readonly unit: string;
  readonly year?: number;
  /** The leaf (indicator) id. */
  readonly node: string;
  /** The value filled in, before normalisation (a rule's score, or a `normalise` leaf's raw value). */
  readonly value: number;
  readonly method: ImputeMethod;
  /** Where it came from: the year ("2022") or the group ("group Miền Bắc (3 units)"). */
  readonly from: string;
}

/** Unit data accepted by {@link score}: a raw table (from `dti/csv` or {@link tableFromRecords}) or JSON records. */
export type ScoreInput = RawTable | readonly unknown[];

/** A node's (or view's) result for one unit. */
export interface NodeResult {
  /** Exact score as a float, in [0, 1] (or the output range of `normalise` leaves); `null` when missing. */
  readonly score: number | null;
  /** Published value: exact score rounded half-up to the framework's decimals, as text ("0.8002"). */
  readonly value: string | null;
  /** Rank among all units (of the same year). */
  readonly rank: number | null;
  /** Rank within the unit's group (of the same year); `null` without a group. */
  readonly groupRank: number | null;
  /** Share of the node's weight that had data, in [0, 1]. */
  readonly coverage: number;
}

/** One unit's result: the index (root) score at top level, every other node and view in `nodes`. */
export interface UnitResult extends NodeResult {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  /** For a merged unit, the units it was made of. */
  readonly members?: readonly string[];
  /** First input row of the unit. */
  readonly row: number;
  /** False for a unit assessed but not ranked: every `rank` and `groupRank` is null. */
  readonly ranked?: false;
  /** Why it is not ranked, where the data or the `unranked` option says. */
  readonly rankNote?: string;
  /** Keyed by node or view id (every node but the root, then the views). */
  readonly nodes: Readonly<Record<string, NodeResult>>;
}

/** Describes a node or view of the framework, for reports: id, names, kind, depth. */
export interface NodeInfo {
  readonly id: string;
  readonly kind: "group" | "leaf" | "view";
  readonly name: LocalizedName;
  readonly short?: string;
  /** Tree depth (root 0); views -1. */
  readonly depth: number;
  /** Parent node id (views and the root have none). */
  readonly parent?: string;
  /** False for a node that carries no weight (e.g. "Đô thị thông minh"). */
  readonly scored: boolean;
  /** Bonus ("điểm thưởng") or penalty ("điểm trừ") points, added to the index after its weighted total. */
  readonly adjust?: Adjustment;
}

/** Everything `score()` returns. */
export interface ScoreResult {
  readonly framework: {
    readonly id: string;
    readonly version: string;
    readonly title: LocalizedName;
    readonly level?: string;
    readonly decimals: number;
  };
  /** The root's id (its score is each unit's `score`). */
  readonly root: string;
  /** Nodes in tree pre-order (root first), then views. */
  readonly nodes: readonly NodeInfo[];
  readonly options: {
    readonly missing: MissingPolicy;
    readonly ranking: RankMethod;
    readonly ties: "published" | "exact";
  };
  /** Units ordered by year, then rank, then Vietnamese name order. */
  readonly units: readonly UnitResult[];
  readonly coverage: {
    /** Number of units scored. */
    readonly units: number;
    /** Units with every scored input present. */
    readonly complete: number;
    /** Mean of the units' coverage. */
    readonly mean: number;
  };
  /** Problems that did not stop scoring. */
  readonly warnings: readonly Issue[];
  /** Every value filled by imputation (present when the `impute` option was given). */
  readonly imputed?: readonly ImputedCell[];
}

/** What {@link validate} returns: every problem, and how many units were read. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly units: number;
}
