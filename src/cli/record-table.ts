/**
 * A unit's record of pass 1, read by pass 2 as the node table of `unitResult`: its published
 * values, scores, coverage and ranks, the unit being whichever record is current.
 *
 * @module
 */
import { formatScaled } from "../number/publish-float.ts";
import type { UnitTable } from "../pipeline/unit-nodes.ts";
import type { RankCounts } from "../rank/rank-counts.ts";
import type { NodeRanks } from "../rank/rank-store.ts";
import type { Records } from "./stream-records.ts";

/** The record of the unit being written (a view into the records read in result order). */
export interface Current {
  record: Float64Array;
}

/** The partitions the unit being written is ranked in: its year's, and its year and group's (−1: none). */
export interface Parts {
  year: number;
  group: number;
}

/** The rank of node `k` for unit `i`, overall (`yearPart` ≥ 0) or in its group (`groupPart` ≥ 0). */
export type RankOf = (i: number, k: number, yearPart: number, groupPart: number) => number;

/**
 * The record in `current` as a {@link UnitTable}: published values as text, scores, coverage, and
 * ranks (the index's from `root`, every other node's from `rankOf`). A short record (CSV,
 * Markdown) has the index's score and coverage only, all that those rows show.
 */
export function recordTable(
  current: Current,
  records: Pick<Records, "nodes" | "full">,
  rootPosition: number,
  decimals: number,
  root: NodeRanks,
  rankOf: RankOf,
  parts: Parts,
): UnitTable {
  const n = records.nodes;
  const full = records.full;
  const scoreAt = (k: number) => (full ? n + k : k === rootPosition ? n : missingCell("score", k));
  const coverageAt = (k: number) => (full ? 2 * n + k : k === rootPosition ? n + 1 : missingCell("coverage", k));
  return {
    score: (_, k) => (Number.isNaN(current.record[scoreAt(k)]!) ? null : current.record[scoreAt(k)]!),
    value: (_, k) => (Number.isNaN(current.record[k]!) ? null : formatScaled(current.record[k]!, decimals)),
    coverage: (_, k) => current.record[coverageAt(k)]!,
    rank: (i, k) => (k === rootPosition ? root.rank[i]! : rankOf(i, k, parts.year, -1)) || null,
    // A unit without a group has no group rank (read nothing at its place).
    groupRank: (i, k) => (parts.group < 0 ? 0 : k === rootPosition ? root.groupRank[i]! : rankOf(i, k, -1, parts.group)) || null,
  };
}

/** A node's score or coverage asked of a short record, which has only the index's: a bug, said plainly. */
function missingCell(what: string, k: number): never {
  throw new Error(`the records of pass 1 hold no ${what} of node ${k}`);
}

/**
 * Ranks read from finished counts by the current record's published values: one node's (`one`),
 * or every node's overall rank at once (`all`).
 */
export function countedRanks(year: RankCounts, group: RankCounts, current: Current): { one: RankOf; all: (i: number, yearPart: number, into: Int32Array) => void } {
  return {
    one: (_, k, yearPart, groupPart) => (groupPart >= 0 ? group.rank(groupPart, k, current.record[k]!) : year.rank(yearPart, k, current.record[k]!)),
    all: (_, yearPart, into) => year.ranks(yearPart, current.record, into),
  };
}
