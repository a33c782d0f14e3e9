import type { NormaliseRule } from "../../framework/types.ts";
import type { Column, NormalisedColumn } from "./column.ts";
import { minMax } from "./minmax.ts";
import { percentileRank, rankScore } from "./rank.ts";
import { distanceToTarget } from "./target.ts";
import { zScore } from "./zscore.ts";

/**
 * Normalises one indicator's column of raw values (one year's units, or all years') by the rule's
 * method, exactly. `goalposts` is min-max with the rule's fixed bounds.
 *
 * @example
 * ```ts
 * normaliseColumn([dec(40), dec(60)], { type: "normalise", method: "goalposts", bounds: { min: 0, max: 100 } }).scores.map(String);
 * // => ["0.4", "0.6"]
 * ```
 */
export function normaliseColumn(values: Column, rule: Omit<NormaliseRule, "type">): NormalisedColumn {
  switch (rule.method) {
    case "minmax":
    case "goalposts":
      return minMax(values, rule);
    case "zscore":
      return zScore(values, rule);
    case "rank":
      return rankScore(values, rule);
    case "percentile":
      return percentileRank(values, rule);
    case "target":
      return distanceToTarget(values, rule);
  }
}
