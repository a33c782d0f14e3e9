/** Shared pieces of the property tests: the run settings and result comparison. */
import type { ScoreResult } from "../../src/pipeline/types.ts";

/**
 * Fixed seed and run counts: every CI run checks the same cases (fast-check prints the seed and
 * the failing path on failure; replay with `{ seed, path }`). Change the seed locally to explore.
 */
export const SEED = 20_261_123;

/** The result without input row numbers (which depend on where a unit sits in the input). */
export function withoutRows(result: ScoreResult): unknown {
  return {
    ...result,
    units: result.units.map(({ row: _row, ...rest }) => rest),
    warnings: result.warnings.map(({ row: _row, ...rest }) => rest),
  };
}

/**
 * Deep equality, fast: compares the JSON texts (results are plain JSON data) and falls back to
 * `toEqual` only to show the difference when they differ.
 */
export function sameJson(actual: unknown, expected: unknown, expectEqual: (a: unknown, b: unknown) => void): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expectEqual(actual, expected);
}
