/**
 * The rank a unit would take among other units whose results do not change.
 *
 * @module
 */
import { dec } from "../number/decimal.ts";
import type { UnitResult } from "../pipeline/types.ts";
import type { RankMethod } from "../rank/rank.ts";
import { compareTies } from "../rank/tie-order.ts";

/** What a unit's rank among others reads: its values, and its name, code and row for ties. */
export type RankedUnit = Pick<UnitResult, "unit" | "score" | "value"> & Partial<Pick<UnitResult, "code" | "row">>;

/** What ranks are judged on, as in `ScoreResult.options`. */
export interface RankRules {
  readonly ranking: RankMethod;
  readonly ties: "published" | "exact";
}

/**
 * The rank of a unit with `score` / `value` (published) named `unit` among `others`, by the same
 * rules as `score()`: competition "1224", dense "1223", ordinal (ties in the order of
 * `compareTies`, then input row); compared on published values or exact scores.
 *
 * @example
 * ```ts
 * rankAmong(others, { unit: "X", score: 0.8, value: "0.8000" }, { ranking: "competition", ties: "published" });
 * ```
 */
export function rankAmong(
  others: readonly RankedUnit[],
  mine: RankedUnit,
  rules: RankRules,
): number | null {
  const key = (u: Pick<UnitResult, "score" | "value">) => (rules.ties === "exact" ? (u.score === null ? null : dec(u.score)) : u.value === null ? null : dec(u.value));
  const m = key(mine);
  if (m === null) return null;
  const keys = others.map((o) => ({ o, k: key(o) })).filter((x) => x.k !== null);
  const above = keys.filter((x) => x.k!.greaterThan(m));
  if (rules.ranking === "dense") return 1 + new Set(above.map((x) => x.k!.toString())).size;
  // Ordinal: a tied unit comes first in the tie order of score(), input row last.
  if (rules.ranking === "ordinal") return 1 + above.length + keys.filter((x) => x.k!.equals(m) && (compareTies(x.o, mine) || (x.o.row ?? 0) - (mine.row ?? 0)) < 0).length;
  return 1 + above.length;
}
