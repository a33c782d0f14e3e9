/**
 * The years a result has, and the check that a year asked for is one of them, shared by every
 * command and analysis that takes a year (`--year`, `--from`, `--to`).
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import type { ScoreResult } from "../pipeline/types.ts";

/** The result's years, in ascending order (none when the data has no year column). */
export function resultYears(result: ScoreResult): number[] {
  return [...new Set(result.units.map((u) => u.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
}

/**
 * Throws a DtiError `ANALYSIS_UNKNOWN_YEAR` naming the result's years for the first of `years`
 * (undefined ones skipped) the result has no unit in: a chart or comparison of a year that is not
 * there would otherwise be drawn empty.
 *
 * @example
 * ```ts
 * requireYears(result, [1800]); // throws DtiError ANALYSIS_UNKNOWN_YEAR: the result has no year 1800 (years: none: score with a year column)
 * ```
 */
export function requireYears(result: ScoreResult, years: readonly (number | undefined)[]): void {
  const have = resultYears(result);
  for (const y of years) {
    if (y !== undefined && !have.includes(y)) {
      throw new DtiError([error("ANALYSIS_UNKNOWN_YEAR", `the result has no year ${y} (years: ${have.join(", ") || "none: score with a year column"})`)]);
    }
  }
}
