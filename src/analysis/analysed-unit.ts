/**
 * The unit an analysis is about, looked up as reports look it up, with the analyses' error codes.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { unitIn, type UnknownUnitCodes } from "../report/unit-stats.ts";

const CODES: UnknownUnitCodes = { unit: "ANALYSIS_UNKNOWN_UNIT", year: "ANALYSIS_UNKNOWN_YEAR", caller: "the analysis" };

/**
 * The result of the unit named `unit` (its name or its code, matched after NFC normalisation,
 * case-insensitively). With several years and no `year`, the latest year's result. Throws a
 * DtiError (`ANALYSIS_UNKNOWN_UNIT`, `ANALYSIS_UNKNOWN_YEAR`) when there is none.
 *
 * @example
 * ```ts
 * analysedUnit(result, "tp. đà nẵng").unit; // => "TP. Đà Nẵng"
 * analysedUnit(result, "Đà Nẵng"); // throws DtiError ANALYSIS_UNKNOWN_UNIT: no unit "Đà Nẵng" in the result (5 units); did you mean "TP. Đà Nẵng"?
 * ```
 */
export function analysedUnit(result: ScoreResult, unit: string, year?: number): UnitResult {
  return unitIn(result, unit, year, CODES);
}
