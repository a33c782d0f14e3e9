/**
 * Reference points for one unit: the units it is compared with (same year), the average of each
 * node and the leader.
 *
 * @module
 */
import { dec, publish } from "../number/decimal.ts";
import { cutText, DtiError, error, showList, showValue } from "../errors.ts";
import type { NodeInfo, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/**
 * Every result (one per year) of the unit with this name or code, matched after Unicode and case
 * normalisation; the matching shared by {@link findUnit} here and in `dti/analysis`.
 *
 * @example
 * ```ts
 * unitsNamed(result, "48").map((u) => u.unit); // => ["TP. Đà Nẵng"]
 * ```
 */
export function unitsNamed(result: ScoreResult, unit: string): UnitResult[] {
  const key = normalizeKey(unit);
  return result.units.filter((u) => normalizeKey(u.unit) === key || (u.code !== undefined && normalizeKey(u.code) === key));
}

/**
 * Finds a unit by name or code (matched after Unicode and case normalisation), in `year` or, by
 * default, its latest year. An unknown unit throws a {@link DtiError} `REPORT_UNIT_UNKNOWN`.
 *
 * @example
 * ```ts
 * findUnit(result, "tp. đà nẵng").unit; // => "TP. Đà Nẵng"
 * ```
 */
export function findUnit(result: ScoreResult, unit: string, year?: number): UnitResult {
  const matches = unitsNamed(result, unit).filter((u) => year === undefined || u.year === year);
  const found = matches.reduce<UnitResult | undefined>((best, u) => (best === undefined || (u.year ?? 0) > (best.year ?? 0) ? u : best), undefined);
  if (found === undefined) {
    const where = year === undefined ? "" : ` in ${year}`;
    throw new DtiError([error("REPORT_UNIT_UNKNOWN", `no unit ${showValue(unit)}${where} in the result (${result.units.length} units)`, { unit })]);
  }
  return found;
}

/** The units of the same year as `unit` (all units when the result has no years). */
export function peersOf(result: ScoreResult, unit: UnitResult): UnitResult[] {
  return result.units.filter((u) => u.year === unit.year);
}

/**
 * The latest year in a result, or undefined when units carry no year.
 *
 * @example
 * ```ts
 * latestYear(result); // => 2024
 * ```
 */
export function latestYear(result: ScoreResult): number | undefined {
  return result.units.reduce<number | undefined>((y, u) => (u.year !== undefined && (y === undefined || u.year > y) ? u.year : y), undefined);
}

/** A unit's published value of a node (the root's id gives the index value). */
export function nodeValue(result: ScoreResult, unit: UnitResult, id: string): string | null {
  return id === result.root ? unit.value : (unit.nodes[id]?.value ?? null);
}

/** A unit's exact score of a node, as a float (the root's id gives the index score). */
export function nodeScore(result: ScoreResult, unit: UnitResult, id: string): number | null {
  return id === result.root ? unit.score : (unit.nodes[id]?.score ?? null);
}

/**
 * The mean of the units' published values of a node, computed exactly and published half-up to
 * the framework's decimals; `null` when no unit has a value.
 *
 * @example
 * ```ts
 * averageValue(result, result.units, "awareness"); // => "0.7431"
 * ```
 */
export function averageValue(result: ScoreResult, units: readonly UnitResult[], id: string): string | null {
  const values = units.map((u) => nodeValue(result, u, id)).filter((v): v is string => v !== null);
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s.plus(dec(v)), dec(0));
  return publish(sum.div(values.length), result.framework.decimals);
}

/**
 * The first-ranked unit among `units` (the first in result order on a tie); undefined if none is ranked.
 *
 * @example
 * ```ts
 * leaderOf(result.units)?.unit; // => "TP. Đà Nẵng"
 * ```
 */
export function leaderOf(units: readonly UnitResult[]): UnitResult | undefined {
  return units.reduce<UnitResult | undefined>((best, u) => (u.rank !== null && (best === undefined || (best.rank ?? Infinity) > u.rank) ? u : best), undefined);
}

/** A node or view of the result by id; an unknown id throws a {@link DtiError} `REPORT_NODE_UNKNOWN`. */
export function nodeInfo(result: ScoreResult, id: string): NodeInfo {
  const info = result.nodes.find((n) => n.id === id);
  if (info === undefined) throw new DtiError([error("REPORT_NODE_UNKNOWN", `unknown node ${showValue(id)}; known: ${showList(result.nodes.map((n) => n.id), 40, cutText)}`)]);
  return info;
}
