/**
 * Reference points for one unit: the units it is compared with (same year), the average of each
 * node and the leader.
 *
 * @module
 */
import { RAT_ZERO, pow10, rat, ratAdd, ratDiv, ratFromDecimal, ratScaledHalfUp, scaledText } from "../number/rational.ts";
import { checkArgument, cutText, DtiError, error, isResultLike, type IssueCode, showList, showValue } from "../errors.ts";
import type { NodeInfo, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { withoutDiacritics } from "../text/without-diacritics.ts";

/**
 * Every result (one per year) of the unit with this name or code, matched after Unicode and case
 * normalisation; the matching of {@link findUnit}.
 *
 * @example
 * ```ts
 * unitsNamed(twoYears, "48").map((u) => `${u.unit} ${u.year}`); // => ["TP. Đà Nẵng 2022", "TP. Đà Nẵng 2023"]
 * ```
 */
export function unitsNamed(result: ScoreResult, unit: string): UnitResult[] {
  return [...(nameIndex(result).get(normalizeKey(unit)) ?? [])];
}

// Results are not changed once made, so what is derived from one is kept with it: a report of
// 150,000 units looks up 100 card units and their peers' averages, and each look-up must not
// walk every unit again (that made `dti report` quadratic: hours).
const names = new WeakMap<ScoreResult, Map<string, UnitResult[]>>();
const years = new WeakMap<ScoreResult, Map<number | undefined, readonly UnitResult[]>>();
const averages = new WeakMap<readonly UnitResult[], Map<string, string | null>>();

/** Units by normalised name and by normalised code, each list in result order. */
function nameIndex(result: ScoreResult): Map<string, UnitResult[]> {
  let index = names.get(result);
  if (index === undefined) {
    index = new Map();
    for (const u of result.units) {
      const name = normalizeKey(u.unit);
      const list = index.get(name);
      if (list === undefined) index.set(name, [u]);
      else list.push(u);
      if (u.code === undefined) continue;
      const code = normalizeKey(u.code);
      if (code === name) continue;
      const byCode = index.get(code);
      if (byCode === undefined) index.set(code, [u]);
      else if (byCode.at(-1) !== u) byCode.push(u);
    }
    // A name of one unit may be the code of an earlier one: keep every list in result order.
    const order = new Map(result.units.map((u, i) => [u, i]));
    for (const list of index.values()) if (list.length > 1) list.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
    names.set(result, index);
  }
  return index;
}

/** The codes a stage reports a unit, or a year of it, that the result does not have. */
export interface UnknownUnitCodes {
  readonly unit: IssueCode;
  readonly year: IssueCode;
  /** Who asks, as a message about a wrong argument names it (`findUnit`, `the analysis`). */
  readonly caller: string;
}

const REPORT_CODES: UnknownUnitCodes = { unit: "REPORT_UNIT_UNKNOWN", year: "REPORT_UNIT_UNKNOWN", caller: "findUnit" };

/**
 * The result of a unit by name or code (matched after Unicode and case normalisation), in `year`
 * or, by default, its latest year. A unit the result does not have throws a {@link DtiError}
 * `REPORT_UNIT_UNKNOWN` with the names it may have meant.
 *
 * @example
 * ```ts
 * findUnit(result, "tp. đà nẵng").unit; // => "TP. Đà Nẵng"
 * findUnit(twoYears, "48", 2022).year; // => 2022
 * findUnit(result, "Đà Nẵng"); // throws DtiError REPORT_UNIT_UNKNOWN: no unit "Đà Nẵng" in the result (5 units); did you mean "TP. Đà Nẵng"?
 * ```
 */
export function findUnit(result: ScoreResult, unit: string, year?: number): UnitResult {
  return unitIn(result, unit, year, REPORT_CODES);
}

/** {@link findUnit} with a stage's own codes (the analyses report `ANALYSIS_UNKNOWN_UNIT` / `_YEAR`). */
export function unitIn(result: ScoreResult, unit: string, year: number | undefined, codes: UnknownUnitCodes): UnitResult {
  checkArgument(isResultLike(result), codes.caller, "the result of score()", result);
  checkArgument(typeof unit === "string", codes.caller, "the unit's name or code as a string", unit);
  const matches = unitsNamed(result, unit);
  if (matches.length === 0) {
    const near = nearNames(result.units.map((u) => u.unit), unit);
    const hint = near.length > 0 ? `; did you mean ${near.slice(0, 3).map((n) => showValue(n)).join(", ")}?` : "";
    throw new DtiError([error(codes.unit, `no unit ${showValue(unit)} in the result (${result.units.length} units)${hint}`, { unit })]);
  }
  if (year !== undefined) {
    const inYear = matches.find((u) => u.year === year);
    if (inYear === undefined) {
      const years = matches.map((u) => u.year).filter((y) => y !== undefined);
      throw new DtiError([error(codes.year, `unit ${showValue(unit)} has no result for ${year} (years: ${years.join(", ") || "none"})`, { unit })]);
    }
    return inYear;
  }
  return matches.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a));
}

/**
 * The names that contain `name` (by {@link normalizeKey}), or else those that contain it once
 * diacritics and punctuation are taken off both ("Ha Noi" for "TP. Hà Nội"), for a "did you mean"
 * hint.
 */
function nearNames(names: readonly string[], name: string): string[] {
  const key = normalizeKey(name);
  if (key === "") return [];
  const near = names.filter((n) => normalizeKey(n).includes(key));
  if (near.length > 0) return [...new Set(near)];
  // Letters and digits alone: "TP Da Nang" is near "TP. Đà Nẵng".
  const bare = (text: string) => withoutDiacritics(normalizeKey(text)).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const plain = bare(name);
  return plain === "" ? [] : [...new Set(names.filter((n) => bare(n).includes(plain)))];
}

/** The units of the same year as `unit` (all units when the result has no years). */
export function peersOf(result: ScoreResult, unit: UnitResult): UnitResult[] {
  return [...samePeers(result, unit)];
}

/** {@link peersOf} without the copy: one shared array per result and year (never change it). */
export function samePeers(result: ScoreResult, unit: UnitResult): readonly UnitResult[] {
  let byYear = years.get(result);
  if (byYear === undefined) {
    byYear = new Map();
    for (const u of result.units) {
      const list = byYear.get(u.year) as UnitResult[] | undefined;
      if (list === undefined) byYear.set(u.year, [u]);
      else list.push(u);
    }
    years.set(result, byYear);
  }
  return byYear.get(unit.year) ?? [];
}

/**
 * The number of units of the same year as `unit` and the {@link averageValue} of node `id` among
 * them, computed once per result, year and node (a report asks for each card).
 */
export function peerStats(result: ScoreResult, unit: UnitResult, id: string): { readonly count: number; readonly average: string | null } {
  const peers = samePeers(result, unit);
  let byNode = averages.get(peers);
  if (byNode === undefined) {
    byNode = new Map();
    averages.set(peers, byNode);
  }
  if (!byNode.has(id)) byNode.set(id, averageValue(result, peers, id));
  return { count: peers.length, average: byNode.get(id) ?? null };
}

/**
 * The latest year in a result, or undefined when units carry no year.
 *
 * @example
 * ```ts
 * latestYear(twoYears); // => 2023
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
 * averageValue(result, result.units, "awareness"); // => "0.9400"
 * ```
 */
export function averageValue(result: ScoreResult, units: readonly UnitResult[], id: string): string | null {
  const places = result.framework.decimals;
  // Published values have `places` decimals: their sum in units of the last decimal is a whole
  // number, exact in a float while it stays a safe integer (a million values of 4 decimals do),
  // and the same sum decimal.js would reach value by value, in a fraction of the time.
  const shape = places === 0 ? /^-?\d+$/u : new RegExp(`^-?\\d+\\.\\d{${places}}$`, "u");
  let whole = 0;
  let count = 0;
  let exact = true;
  for (const u of units) {
    const v = nodeValue(result, u, id);
    if (v === null) continue;
    count++;
    if (exact && shape.test(v)) {
      whole += Number(v.replace(".", ""));
      if (!Number.isSafeInteger(whole)) exact = false;
    } else exact = false;
  }
  if (count === 0) return null;
  if (exact) return scaledText(ratScaledHalfUp(ratDiv(rat(BigInt(whole)), rat(pow10(places) * BigInt(count))), places), places);
  const values = units.map((u) => nodeValue(result, u, id)).filter((v): v is string => v !== null);
  const sum = values.reduce((s, v) => ratAdd(s, ratFromDecimal(v)!), RAT_ZERO);
  return scaledText(ratScaledHalfUp(ratDiv(sum, rat(BigInt(values.length))), places), places);
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
