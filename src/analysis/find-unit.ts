/**
 * Finds one unit's result by name or code (and year).
 *
 * @module
 */
import { DtiError, error, showValue } from "../errors.ts";
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { peersOf, unitsNamed } from "../report/unit-stats.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/**
 * The result of the unit named `unit` (its name or its code, matched after NFC normalisation,
 * case-insensitively). With several years and no `year`, the latest year's result. Throws a
 * {@link DtiError} (`ANALYSIS_UNKNOWN_UNIT`, `ANALYSIS_UNKNOWN_YEAR`) when there is none.
 *
 * @example
 * ```ts
 * findUnit(result, "tp. đà nẵng").unit; // => "TP. Đà Nẵng"
 * ```
 */
export function findUnit(result: ScoreResult, unit: string, year?: number): UnitResult {
  const matches = unitsNamed(result, unit);
  if (matches.length === 0) {
    const key = normalizeKey(unit);
    const near = result.units.filter((u) => normalizeKey(u.unit).includes(key)).map((u) => u.unit);
    const hint = near.length > 0 ? `; did you mean ${[...new Set(near)].slice(0, 3).map((n) => showValue(n)).join(", ")}?` : "";
    throw new DtiError([error("ANALYSIS_UNKNOWN_UNIT", `no unit named ${showValue(unit)} in the result${hint}`, { unit })]);
  }
  if (year !== undefined) {
    const inYear = matches.find((u) => u.year === year);
    if (inYear === undefined) {
      const years = matches.map((u) => u.year).filter((y) => y !== undefined);
      throw new DtiError([error("ANALYSIS_UNKNOWN_YEAR", `unit ${showValue(unit)} has no result for ${year} (years: ${years.join(", ") || "none"})`, { unit })]);
    }
    return inYear;
  }
  return matches.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a));
}

/** The units of the same year as `unit` (all units when there is no year column). */
export const sameYear: (result: ScoreResult, unit: UnitResult) => UnitResult[] = peersOf;
