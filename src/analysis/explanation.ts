/**
 * The shape of an explanation: what `explain` computes and what the summary and the Markdown
 * renderer read. Types only, in a module of their own, so that readers of an explanation do not
 * import the code that computes it.
 *
 * @module
 */
import type { Adjustment, LocalizedName } from "../framework/types.ts";

/** A reference value and the unit's gap to it (reference − unit: positive = behind). */
export interface Gap {
  readonly score: number;
  readonly gap: number;
}

/** One node of the tree, explained for the unit. */
export interface NodeExplanation {
  readonly id: string;
  readonly name: LocalizedName;
  readonly short?: string;
  readonly kind: "group" | "leaf";
  readonly depth: number;
  readonly parent?: string;
  /** Bonus or penalty points, added after the weighted total (share: ± its cap over the total points). */
  readonly adjust?: Adjustment;
  readonly score: number | null;
  readonly value: string | null;
  readonly rank: number | null;
  /** Effective share of the index weight (awareness in DTI 2022: 0.1). */
  readonly share: number;
  /** Share × the index's max points (awareness: 100 of 1000); null when the index has no points. */
  readonly maxPoints: number | null;
  /** Share × score: what this node adds to the index (index units). */
  readonly contribution: number;
  /** Contribution in points; null when the index has no points. */
  readonly points: number | null;
  /** Contribution / the unit's index score (0..1). */
  readonly percent: number;
  /** The best score the node can reach: 1, or the top of a normalised leaf's range; null for a z-score. */
  readonly maxScore: number | null;
  /** maxScore − score (null without a maximum). */
  readonly gapToMax: number | null;
  /** Index points left on the table: share × (maxScore − score) × index points (null without points). */
  readonly gapToMaxPoints: number | null;
  /** The index leader's score on this node. */
  readonly leader: Gap | null;
  /** The best score any unit (of the same year) has on this node. */
  readonly best: (Gap & { readonly unit: string }) | null;
  /** Mean over the units of the same year. */
  readonly average: Gap | null;
  /** Mean over the units of the same year and group. */
  readonly groupAverage: Gap | null;
  readonly target: Gap | null;
  /** Index gain if this node rose by `step` (capped at its maximum): share × min(step, maxScore − score). */
  readonly gainPerStep: number;
}

/** A view (pillar such as "Chính quyền số") of the unit: value, rank, and gaps. */
export interface ViewExplanation {
  readonly id: string;
  readonly name: LocalizedName;
  readonly short?: string;
  readonly score: number | null;
  readonly value: string | null;
  readonly rank: number | null;
  readonly leader: Gap | null;
  readonly average: Gap | null;
}

/** What `explain` returns (JSON-serialisable). */
export interface Explanation {
  readonly framework: { readonly id: string; readonly title: LocalizedName };
  readonly index: { readonly id: string; readonly name: LocalizedName; readonly short?: string };
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  readonly year?: number;
  readonly score: number | null;
  readonly value: string | null;
  readonly rank: number | null;
  readonly groupRank: number | null;
  /** False for a unit assessed but not ranked (its ranks are null). */
  readonly ranked?: false;
  /** Why it is not ranked, where the data or the `unranked` option says. */
  readonly rankNote?: string;
  /** Units ranked with it (same year). */
  readonly units: number;
  /** Units of its group (same year), when it has one. */
  readonly groupUnits: number | null;
  readonly decimals: number;
  /** Score × the index's max points (DTI 2022 Đà Nẵng: 800.175 of 1000). */
  readonly points: number | null;
  readonly maxPoints: number | null;
  readonly leader: { readonly unit: string; readonly score: number | null; readonly value: string | null } | null;
  readonly average: { readonly score: number; readonly value: string } | null;
  readonly target: { readonly score: number; readonly gap: number; readonly gapValue: string; readonly gapPoints: number | null; readonly reached: boolean } | null;
  readonly band: { readonly set: string; readonly id: string; readonly label: LocalizedName } | null;
  /** True when contributions add up to the index exactly (no geometric aggregation). */
  readonly additive: boolean;
  readonly step: number;
  /** Every scored node but the root, in tree order. */
  readonly nodes: readonly NodeExplanation[];
  /** The framework's views (pillars), outside the tree: value, rank and gaps, no contribution. */
  readonly views: readonly ViewExplanation[];
  /** Scored leaf ids, best first. */
  readonly strongest: readonly string[];
  /** Scored leaf ids, weakest first. */
  readonly weakest: readonly string[];
  /** Scored leaf ids by `gainPerStep`, largest first: what to improve first (a linear estimate; `whatIf` re-scores exactly). */
  readonly priorities: readonly string[];
  readonly summary: { readonly vi: string; readonly en: string };
}
