/**
 * Ranks of every node of a scoring run, as node-major columns (node k, unit u at `k · units + u`;
 * 0 = no rank): on published values (the default) or on exact scores (`ties: "exact"`), overall
 * and within each unit's group, per year. A unit not ranked gets no rank and takes no place.
 *
 * @module
 */
import { enclosureCmp, type Enclosure } from "../number/enclosure.ts";
import { createRankStore } from "./rank-store.ts";
import { compareTies, type TieKey } from "./tie-order.ts";
import { rankValues, type RankMethod } from "./rank.ts";

/** Node-major rank columns: overall (per year) and within the group (per year). */
export interface RankColumns {
  readonly ranks: Int32Array;
  readonly groupRanks: Int32Array;
}

/** What ranking reads of a unit. */
export type RankedUnit = TieKey & { readonly year?: number | undefined; readonly group?: string | undefined };

/**
 * Ranks on published values: whole numbers (0.8002 → 8002, NaN missing), node-major as `scaled`.
 * A unit flagged in `unranked` has no key: its columns are copied with NaN there (the published
 * columns themselves stay as they are).
 *
 * @example
 * ```ts
 * const r = rankPublished(1, Float64Array.from([8002, 9001]), [{ unit: "Huế" }, { unit: "Hà Nội" }], new Uint8Array(2), "competition");
 * Array.from(r.ranks); // => [2, 1]
 * ```
 */
export function rankPublished(nodes: number, scaled: Float64Array, units: readonly RankedUnit[], unranked: Uint8Array, ranking: RankMethod): RankColumns {
  const m = units.length;
  const anyUnranked = unranked.some((f) => f === 1);
  const column = (node: number) => {
    const view = scaled.subarray(node * m, (node + 1) * m);
    if (!anyUnranked) return view;
    const copy = Float64Array.from(view);
    for (let i = 0; i < m; i++) if (unranked[i] === 1) copy[i] = NaN;
    return copy;
  };
  const store = createRankStore(nodes, { columns: Array.from({ length: nodes }, (_, node) => column(node)), units });
  const all = store.rank(ranking);
  const ranks = new Int32Array(nodes * m);
  const groupRanks = new Int32Array(nodes * m);
  for (let node = 0; node < nodes; node++) {
    ranks.set(all[node]!.rank.subarray(0, m), node * m);
    groupRanks.set(all[node]!.groupRank.subarray(0, m), node * m);
  }
  return { ranks, groupRanks };
}

/**
 * Ranks on exact scores (`exact(unit, node)`, null = missing): ties are exactly equal scores,
 * ordered (ordinal ranks) by the tie order, then input order.
 *
 * @example
 * ```ts
 * import { exactly } from "../number/enclosure.ts";
 * import { ratFromDecimal } from "../number/rational.ts";
 * const scores = [ratFromDecimal("0.5")!, ratFromDecimal("0.7")!];
 * const r = rankExact(1, [{ unit: "Huế" }, { unit: "Hà Nội" }], new Uint8Array(2), (u) => exactly(scores[u]!), "competition");
 * Array.from(r.ranks); // => [2, 1]
 * ```
 */
export function rankExact(nodes: number, units: readonly RankedUnit[], unranked: Uint8Array, exact: (unit: number, node: number) => Enclosure | null, ranking: RankMethod): RankColumns {
  const m = units.length;
  const ranks = new Int32Array(nodes * m);
  const groupRanks = new Int32Array(nodes * m);
  const tieBreak = (i: number, j: number) => compareTies(units[i]!, units[j]!) || i - j;
  const byYear = partition(units, (u) => String(u.year ?? ""));
  const byGroup = partition(units, (u) => (u.group === undefined ? undefined : `${u.year ?? ""}\u0000${u.group}`));
  for (let node = 0; node < nodes; node++) {
    const key = (u: number): Enclosure | null => (unranked[u] === 1 ? null : exact(u, node));
    for (const [members, target] of [
      [byYear, ranks],
      [byGroup, groupRanks],
    ] as const) {
      for (const indices of members) {
        const r = rankValues(indices.map(key), enclosureCmp, ranking, (x, y) => tieBreak(indices[x]!, indices[y]!));
        indices.forEach((u, k) => {
          target[node * m + u] = r[k] ?? 0;
        });
      }
    }
  }
  return { ranks, groupRanks };
}

function partition<T>(items: readonly T[], key: (item: T) => string | undefined): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    let list = groups.get(k);
    if (list === undefined) groups.set(k, (list = []));
    list.push(i);
  });
  return [...groups.values()];
}
