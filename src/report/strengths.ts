/**
 * A unit's strengths and weaknesses: its main indicators furthest above and below the average.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import { ratCmp, ratFromDecimal, ratScaledHalfUp, ratSub, scaledText } from "../number/rational.ts";
import type { NodeInfo, ScoreResult } from "../pipeline/types.ts";
import { mainIndicators } from "./main-indicators.ts";
import { findUnit, nodeValue, peerStats } from "./unit-stats.ts";

/** One indicator of a unit against the average. */
export interface IndicatorDifference {
  readonly node: NodeInfo;
  /** The unit's published value. */
  readonly value: string;
  /** The average of the units of the same year (exact mean of published values, published). */
  readonly average: string;
  /** value − average, exact ("0.0512", "-0.1033"). */
  readonly difference: string;
}

/** Options of {@link unitStrengths}. */
export interface StrengthOptions {
  /** How many strengths and weaknesses at most; default 3. */
  readonly count?: number;
  /** Indicators considered; default the main indicators. */
  readonly indicators?: readonly string[];
  /** Year of the unit; default its latest. */
  readonly year?: number;
}

/** What {@link unitStrengths} returns. */
export interface UnitStrengths {
  /** Indicators above the average, largest difference first. */
  readonly strengths: IndicatorDifference[];
  /** Indicators below the average, largest shortfall first. */
  readonly weaknesses: IndicatorDifference[];
  /** True when no indicator is above the average: `strengths` are then the relatively best ones. */
  readonly relativeStrengths: boolean;
  /** True when no indicator is below the average: `weaknesses` are then the relatively weakest ones. */
  readonly relativeWeaknesses: boolean;
}

/**
 * A unit's strengths (main indicators above the average, largest difference first) and weaknesses (below
 * the average, largest shortfall first), at most `count` of each; indicators without a value are
 * left out. Gaps are exact differences of published values. A unit above the average everywhere
 * (a leader) still gets its relatively weakest indicators as weaknesses, flagged
 * `relativeWeaknesses` (and the other way round); no indicator is listed on both sides.
 *
 * @example
 * ```ts
 * const { strengths, weaknesses } = unitStrengths(result, "TP. Hồ Chí Minh");
 * strengths[0]; // => { node: { id: "infrastructure", … }, value: "0.8258", average: "0.7643", difference: "0.0615" }
 * ```
 */
export function unitStrengths(result: ScoreResult, unit: string, options: StrengthOptions = {}): UnitStrengths {
  checkArgument(isResultLike(result), "unitStrengths", "the result of score()", result);
  const target = findUnit(result, unit, options.year);
  const count = options.count ?? 3;
  const places = result.framework.decimals;
  const differences: IndicatorDifference[] = [];
  for (const node of mainIndicators(result, options.indicators)) {
    const value = nodeValue(result, target, node.id);
    const average = peerStats(result, target, node.id).average;
    if (value === null || average === null) continue;
    differences.push({ node, value, average, difference: scaledText(ratScaledHalfUp(ratSub(r(value), r(average)), places), places) });
  }
  const desc = [...differences].sort((a, b) => ratCmp(r(b.difference), r(a.difference)));
  const asc = [...desc].reverse();
  const above = desc.filter((g) => r(g.difference).n > 0n);
  const below = asc.filter((g) => r(g.difference).n < 0n);
  const half = Math.min(count, Math.floor(differences.length / 2));
  // Without a real weakness (or strength), the relatively weakest (best) indicators take that side
  // first, so that the other side cannot use them all up.
  let strengths: IndicatorDifference[];
  let weaknesses: IndicatorDifference[];
  if (below.length === 0) {
    weaknesses = asc.slice(0, half);
    strengths = above.filter((g) => !weaknesses.includes(g)).slice(0, count);
    if (strengths.length === 0) strengths = desc.filter((g) => !weaknesses.includes(g)).slice(0, half);
  } else {
    weaknesses = below.slice(0, count);
    strengths = above.length > 0 ? above.slice(0, count) : desc.filter((g) => !weaknesses.includes(g)).slice(0, half);
  }
  return { strengths, weaknesses, relativeStrengths: strengths.some((g) => !(r(g.difference).n > 0n)), relativeWeaknesses: weaknesses.some((g) => !(r(g.difference).n < 0n)) };
}

/** A published value as an exact rational. */
function r(text: string): ReturnType<typeof ratSub> {
  return ratFromDecimal(text)!;
}
