/**
 * What the columns of a ranking table depend on, apart from the units' numbers: the root, the
 * nodes, and which identity fields (code, group, year, members) some unit has. A result gives it
 * ({@link rankingShape}); the streamed CLI knows it after its first pass, so both write the same
 * columns.
 *
 * @module
 */
import type { NodeInfo, ScoreResult, UnitResult } from "../pipeline/types.ts";

/** The root, the nodes and the identity fields some unit has. */
export interface RankingShape {
  readonly root: string;
  /** Nodes in tree pre-order (root first), then views, as in `ScoreResult.nodes`. */
  readonly nodes: readonly NodeInfo[];
  /** Which identity fields some unit has, and whether some unit is assessed but not ranked. */
  readonly has: { readonly code: boolean; readonly group: boolean; readonly year: boolean; readonly members: boolean; readonly unranked: boolean };
}

/** What a ranking row reads of a unit (a `UnitResult` is one): identity, the index's value, rank and coverage. */
export type RankingUnit = Pick<UnitResult, "unit" | "code" | "group" | "year" | "members" | "value" | "rank" | "groupRank" | "coverage" | "ranked" | "rankNote">;

/**
 * The shape of a result's ranking table.
 *
 * @example
 * ```ts
 * rankingShape(result).has; // => { code: false, group: false, year: false, members: false, unranked: false }
 * ```
 */
export function rankingShape(result: ScoreResult): RankingShape {
  const has = (f: (u: UnitResult) => unknown) => result.units.some((u) => f(u) !== undefined && f(u) !== null);
  return { root: result.root, nodes: result.nodes, has: { code: has((u) => u.code), group: has((u) => u.group), year: has((u) => u.year), members: has((u) => u.members), unranked: result.units.some((u) => u.ranked === false) } };
}
