/**
 * Year-over-year change of every unit's value and rank, for the index and every node.
 *
 * @module
 */
import { checkArgument, isObject, isResultLike } from "../errors.ts";
import { requireYears } from "./result-years.ts";
import { dec } from "../number/decimal.ts";
import type { NodeResult, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { compareVi } from "../text/collator.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { formatSigned } from "./format.ts";

/** One node's (or the index's) change between the two years. */
export interface NodeYearChange {
  readonly from: string | null;
  readonly to: string | null;
  /** to − from on the published values, signed ("+0.0123"); null when either is missing. */
  readonly delta: string | null;
  /** Exact scores' change as a number (null when either is missing). */
  readonly deltaScore: number | null;
  readonly rankFrom: number | null;
  readonly rankTo: number | null;
  /** rankFrom − rankTo: positive = moved up. */
  readonly rankChange: number | null;
}

/** A unit present in both years. */
export interface UnitYearChange extends NodeYearChange {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
  /** Every node and view, by id. */
  readonly nodes: Readonly<Record<string, NodeYearChange>>;
}

/** A unit present in one year only. */
export interface UnitInOneYear {
  readonly unit: string;
  readonly code?: string;
  readonly value: string | null;
  readonly rank: number | null;
}

/** What {@link compareYears} returns (JSON-serialisable). */
export interface YearComparison {
  readonly from: number;
  readonly to: number;
  readonly decimals: number;
  /** Units in both years, largest rise of the index value first. */
  readonly units: readonly UnitYearChange[];
  /** In `to` only. */
  readonly added: readonly UnitInOneYear[];
  /** In `from` only. */
  readonly dropped: readonly UnitInOneYear[];
  /** The `top` units with the largest rise of the value (ties: larger rank gain, then name). */
  readonly mostImproved: readonly string[];
  /** The `top` units that climbed most places. */
  readonly mostClimbed: readonly string[];
  /** The `top` units with the largest fall of the value. */
  readonly mostDeclined: readonly string[];
  readonly counts: { readonly improved: number; readonly declined: number; readonly unchanged: number };
  /** Mean change of the index value over the units in both years (published values), signed. */
  readonly meanDelta: string | null;
}

/** Options of {@link compareYears}. */
export interface CompareYearsOptions {
  readonly from: number;
  readonly to: number;
  /** Length of the most-improved lists. Default 5. */
  readonly top?: number;
}

function change(a: NodeResult | undefined, b: NodeResult | undefined, decimals: number): NodeYearChange {
  const from = a?.value ?? null;
  const to = b?.value ?? null;
  const rankFrom = a?.rank ?? null;
  const rankTo = b?.rank ?? null;
  return {
    from,
    to,
    delta: from === null || to === null ? null : formatSigned(dec(to).minus(from), decimals),
    deltaScore: a?.score == null || b?.score == null ? null : dec(b.score).minus(a.score).toNumber(),
    rankFrom,
    rankTo,
    rankChange: rankFrom === null || rankTo === null ? null : rankFrom - rankTo,
  };
}

/**
 * Compares two years of a result scored with a year column: for every unit in both years the
 * change of the published index value (exact decimal difference, e.g. "+0.0123") and of its rank,
 * the same for every node and view, the units new in `to` or gone since `from`, and the
 * most-improved lists. Units are matched by name (NFC, case-insensitive), then by code.
 *
 * Plain data; `compareYears` from `dti/notebook` also renders it in a notebook as its {@link yearsToMarkdown}.
 *
 * @example
 * ```ts
 * // twoYears: the 63-province sample scored for 2022 and 2023 (a "year" column).
 * const cmp = compareYears(twoYears, { from: 2022, to: 2023 });
 * cmp.mostImproved[0]; // => "Vĩnh Phúc"
 * ```
 */
export function compareYears(result: ScoreResult, options: CompareYearsOptions): YearComparison {
  checkArgument(isResultLike(result), "compareYears", "the result of score()", result);
  checkArgument(isObject(options), "compareYears", "options with the years to compare, e.g. { from: 2022, to: 2023 }", options);
  const inYear = (y: number) => result.units.filter((u) => u.year === y);
  const a = inYear(options.from);
  const b = inYear(options.to);
  requireYears(result, [options.from, options.to]);
  const d = result.framework.decimals;
  const byName = new Map(a.map((u) => [normalizeKey(u.unit), u]));
  const byCode = new Map(a.filter((u) => u.code !== undefined).map((u) => [u.code as string, u]));
  const matched = new Set<UnitResult>();
  const pairs: [UnitResult, UnitResult][] = [];
  const added: UnitInOneYear[] = [];
  for (const u of b) {
    let prev = byName.get(normalizeKey(u.unit));
    if (prev === undefined || matched.has(prev)) prev = u.code === undefined ? undefined : byCode.get(u.code);
    if (prev !== undefined && !matched.has(prev)) {
      matched.add(prev);
      pairs.push([prev, u]);
    } else added.push(oneYear(u));
  }
  const dropped = a.filter((u) => !matched.has(u)).map(oneYear);
  const ids = result.nodes.filter((n) => n.id !== result.root).map((n) => n.id);
  const units: UnitYearChange[] = pairs.map(([x, y]) => {
    const nodes: Record<string, NodeYearChange> = {};
    for (const id of ids) nodes[id] = change(x.nodes[id], y.nodes[id], d);
    return {
      unit: y.unit,
      ...(y.code !== undefined ? { code: y.code } : {}),
      ...(y.group !== undefined ? { group: y.group } : {}),
      ...change(x, y, d),
      nodes,
    };
  });
  const deltaOf = (u: UnitYearChange) => (u.delta === null ? null : dec(u.delta));
  const byRise = [...units].sort((p, q) => {
    const dp = deltaOf(p);
    const dq = deltaOf(q);
    if (dp === null || dq === null) return dp === null ? (dq === null ? 0 : 1) : -1;
    return dq.comparedTo(dp) || (q.rankChange ?? 0) - (p.rankChange ?? 0) || compareVi(p.unit, q.unit);
  });
  const top = options.top ?? 5;
  const withDelta = byRise.filter((u) => u.delta !== null);
  const deltas = withDelta.map((u) => dec(u.delta as string));
  const mean = deltas.length === 0 ? null : deltas.reduce((s, x) => s.plus(x), dec(0)).dividedBy(deltas.length);
  const comparison: YearComparison = {
    from: options.from,
    to: options.to,
    decimals: d,
    units: byRise,
    added,
    dropped,
    mostImproved: withDelta.filter((u) => dec(u.delta as string).greaterThan(0)).slice(0, top).map((u) => u.unit),
    mostClimbed: [...units]
      .filter((u) => (u.rankChange ?? 0) > 0)
      .sort((p, q) => (q.rankChange ?? 0) - (p.rankChange ?? 0) || compareVi(p.unit, q.unit))
      .slice(0, top)
      .map((u) => u.unit),
    mostDeclined: [...withDelta].reverse().filter((u) => dec(u.delta as string).lessThan(0)).slice(0, top).map((u) => u.unit),
    counts: {
      improved: deltas.filter((x) => x.greaterThan(0)).length,
      declined: deltas.filter((x) => x.lessThan(0)).length,
      unchanged: deltas.filter((x) => x.isZero()).length,
    },
    meanDelta: mean === null ? null : formatSigned(mean, d),
  };
  return comparison;
}

function oneYear(u: UnitResult): UnitInOneYear {
  return { unit: u.unit, ...(u.code !== undefined ? { code: u.code } : {}), value: u.value, rank: u.rank };
}
