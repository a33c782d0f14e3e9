/**
 * A unit's distance to its neighbours in the ranking: how far behind the next rank up it is, and
 * how far ahead of the next rank down.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import { ratFromDecimal, ratNeg, ratScaledHalfUp, ratSign, ratSub, scaledText } from "../number/rational.ts";
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { samePeers } from "./unit-stats.ts";

/** A neighbour in the ranking and its distance: the exact difference of the published index values. */
export interface RankNeighbour {
  readonly unit: UnitResult;
  /** |neighbour − unit| of the published values, exact ("0.0123"). */
  readonly distance: string;
}

/** What {@link rankNeighbours} returns. */
export interface RankNeighbours {
  /** The closest unit ranked better (the first in result order among tied ones), if any. */
  readonly above?: RankNeighbour;
  /** The closest unit ranked worse, if any. */
  readonly below?: RankNeighbour;
}

/** Per list of peers (one per result and year): the ranked units in rank order. */
const ordered = new WeakMap<readonly UnitResult[], readonly UnitResult[]>();

function rankOrder(peers: readonly UnitResult[]): readonly UnitResult[] {
  let list = ordered.get(peers);
  if (list === undefined) {
    list = peers
      .map((u, i) => ({ u, i }))
      .filter((x) => x.u.rank !== null && x.u.value !== null)
      .sort((a, b) => (a.u.rank as number) - (b.u.rank as number) || a.i - b.i)
      .map((x) => x.u);
    ordered.set(peers, list);
  }
  return list;
}

function difference(a: string, b: string, places: number): string {
  const d = ratSub(ratFromDecimal(a)!, ratFromDecimal(b)!);
  return scaledText(ratScaledHalfUp(ratSign(d) < 0 ? ratNeg(d) : d, places), places);
}

/**
 * The units just above and just below `unit` in the ranking of its year (a better and a worse
 * rank; tied units are neither) with their exact distances in published index values: what the unit
 * must gain to reach the next rank up, and its lead over the next rank down. Ranks are read from the
 * result, so they follow its ranking method and ties.
 *
 * @example
 * ```ts
 * const { above, below } = rankNeighbours(result, findUnit(result, "TP. Hồ Chí Minh"));
 * above?.unit.unit; // => "TP. Đà Nẵng"
 * above?.distance; // => "0.0838"  (0.8002 − 0.7164)
 * below?.distance; // => "0.0140"  (its lead over Quảng Ninh, 0.7024)
 * ```
 */
export function rankNeighbours(result: ScoreResult, unit: UnitResult): RankNeighbours {
  checkArgument(isResultLike(result), "rankNeighbours", "the result of score()", result);
  if (unit.rank === null || unit.value === null) return {};
  const list = rankOrder(samePeers(result, unit));
  const places = result.framework.decimals;
  // Binary search for the first unit of this rank and the first of a worse one.
  const firstWith = (better: (r: number) => boolean) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better((list[mid] as UnitResult).rank as number)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rank = unit.rank;
  const start = firstWith((r) => r < rank);
  const end = firstWith((r) => r <= rank);
  const upRank = start > 0 ? (list[start - 1] as UnitResult).rank : null;
  const up = upRank === null ? undefined : list[firstWith((r) => r < upRank)];
  const down = list[end];
  return {
    ...(up !== undefined ? { above: { unit: up, distance: difference(up.value as string, unit.value, places) } } : {}),
    ...(down !== undefined ? { below: { unit: down, distance: difference(unit.value, down.value as string, places) } } : {}),
  };
}
