import type { NormaliseRule } from "../../framework/types.ts";
import { midpoint } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { ratFromDecimal, ratFromNumber, ratToNumber, type Rational } from "../../number/rational.ts";
import { parseNumber } from "../../number/parse-number.ts";
import { minMaxPart } from "./minmax.ts";
import type { ColumnPart, PartResult } from "./part.ts";
import { rankPart } from "./rank.ts";
import { targetPart } from "./target.ts";
import { zScorePart } from "./zscore.ts";

/**
 * Normalises one partition of a column in place (floats with bounds) by the rule's method and
 * returns how to compute any unit's score exactly. `goalposts` is min-max with fixed bounds.
 */
export function normalisePart(part: ColumnPart, rule: Omit<NormaliseRule, "type">): PartResult {
  switch (rule.method) {
    case "minmax":
    case "goalposts":
      return minMaxPart(part, rule);
    case "zscore":
      return zScorePart(part, rule);
    case "rank":
      return rankPart(part, rule, false);
    case "percentile":
      return rankPart(part, rule, true);
    case "target":
      return targetPart(part, rule);
  }
}

/** A normalised column: scores in the input's order (`null` = missing), and whether the data could not spread. */
export interface NormalisedColumn {
  /** The exact scores as numbers (the nearest double; z-scores: of a value within 1e-50). */
  readonly scores: (number | null)[];
  /** True when the data could not separate units (one unit, or all values equal): scores are the midpoint (z-score: the output mean). */
  readonly degenerate: boolean;
}

/**
 * Normalises one indicator's column of raw values (numbers, or decimal text such as "72,5";
 * `null` = missing) by the rule's method, exactly.
 *
 * @example
 * ```ts
 * normaliseColumn([40, 60], { type: "normalise", method: "goalposts", bounds: { min: 0, max: 100 } }).scores;
 * // => [0.4, 0.6]
 * ```
 */
export function normaliseColumn(values: readonly (number | string | null)[], rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  const exact: (Rational | null)[] = values.map((v) => {
    if (v === null) return null;
    if (typeof v === "number") return Number.isFinite(v) ? ratFromNumber(v) : null;
    const text = parseNumber(v);
    return text === undefined ? null : (ratFromDecimal(text) ?? null);
  });
  const value = Float64Array.from(exact, (r) => (r === null ? NaN : ratToNumber(r)));
  const error = value.map((x) => (Number.isNaN(x) ? 0 : 2 * U * Math.abs(x)));
  const part: ColumnPart = { value, error, base: 0, members: values.map((_, i) => i), exactRaw: (u) => exact[u] ?? null, short: () => false };
  const result = normalisePart(part, rule);
  return {
    scores: values.map((_, u) => {
      const e = result.exact(u);
      return e === null ? null : ratToNumber(midpoint(e));
    }),
    degenerate: result.degenerate,
  };
}
