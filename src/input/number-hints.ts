/**
 * What to write instead of a percentage, said for the rule that reads the cell. A cell "85%" is
 * not read (the same text means 0.85 of a 0-1 score, 85 on 0-100 goalposts, 17 of 20 points), so
 * the hint must name the number in the unit of the column's rule: a single "write 0.85" sent a
 * user with 0-100 goalposts to a score of 0.0085 and no error.
 *
 * @module
 */
import { showValue } from "../errors.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { IndicatorNode } from "../framework/types.ts";
import { ratFromDecimal, ratFromNumber, ratMul, ratToDecimalText } from "../number/rational.ts";
import { parseNumber } from "../number/parse-number.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import type { RawValue, RuleOutcome } from "../score/rules/outcome.ts";

/** A percentage cell read both ways: the share (0.85) and the number before the sign (85). */
interface Percent {
  readonly share: string;
  readonly number: string;
  /** Written with a decimal comma ("44,49%"): the hint answers with one too. */
  readonly comma: boolean;
}

function readPercent(raw: RawValue): Percent | undefined {
  if (typeof raw !== "string" || !raw.trim().endsWith("%")) return undefined;
  const share = parseNumber(raw, { percent: true });
  const number = parseNumber(raw.trim().slice(0, -1));
  if (share === undefined || number === undefined) return undefined;
  return { share, number, comma: /,\d*\s*%\s*$/u.test(raw) };
}

/** True when every bound of a scale is within ±1: the scale is a share (0-1), else a number such as a percentage (0-100). */
const isShareScale = (bounds: readonly (number | undefined)[]): boolean => bounds.every((b) => b === undefined || Math.abs(b) <= 1);

/**
 * The advice after "percentages are not read: " for a percentage cell of `leaf` (input `input`
 * of its inputs), or `undefined` when the cell is no percentage or the rule reads no number.
 *
 * @example
 * ```ts
 * const leaf = { id: "online", name: { vi: "Trực tuyến" }, rule: { type: "goalposts", min: 0, max: 100, direction: "higher" } } as const;
 * percentAdvice(leaf, ["85%"]); // => "write 85, the number on the goalposts' scale (0 to 100)"
 * ```
 */
export function percentAdvice(leaf: IndicatorNode, inputs: readonly RawValue[], input = 0): string | undefined {
  const p = readPercent(inputs[input] as RawValue);
  if (p === undefined) return undefined;
  const w = (text: string) => formatNumber(text, plainStyle(p.comma));
  // A share past exact reach ("1e-100001%") has no count to give: no advice.
  const share = ratFromDecimal(p.share);
  const rule = leaf.rule;
  switch (rule.type) {
    case "value":
      return `write ${w(p.share)} (this column is a score from 0 to 1)`;
    case "points": {
      const max = ruleMax(leaf) as number;
      if (share === undefined) return undefined;
      const points = ratToDecimalText(ratMul(share, ratFromNumber(max)));
      return `${w(p.number)}% of ${w(String(max))} points is ${w(points)}: write ${w(points)} (this column is points from 0 to ${w(String(max))})`;
    }
    case "ratio": {
      if (input === 1) return "write the denominator as a count (the total), not a percentage";
      const denominator = inputs[1];
      const b = typeof denominator === "number" ? String(denominator) : typeof denominator === "string" ? parseNumber(denominator) : undefined;
      if (b === undefined) return `write the numerator as a count, not a percentage (${w(p.share)} only over a denominator of 1)`;
      const denominatorRat = ratFromDecimal(b);
      if (share === undefined || denominatorRat === undefined) return undefined;
      const count = ratToDecimalText(ratMul(share, denominatorRat));
      return `${w(p.number)}% of the denominator ${w(b)} is ${w(count)}: write ${w(count)} (a ratio reads two counts)`;
    }
    case "ladder": {
      const thresholds = rule.steps.map((s) => s.threshold);
      const shown = thresholds.slice(0, 4).map((t) => w(String(t))).join(", ");
      return `write ${w(isShareScale(thresholds) ? p.share : p.number)}, in the unit of the ladder's thresholds (${shown})`;
    }
    case "goalposts":
      return `write ${w(isShareScale([rule.min, rule.max]) ? p.share : p.number)}, the number on the goalposts' scale (${w(String(rule.min))} to ${w(String(rule.max))})`;
    case "target":
      return `write ${w(isShareScale([rule.target, rule.worst]) ? p.share : p.number)}, in the unit of the target (${w(String(rule.target))})`;
    case "normalise": {
      const bounds = [rule.bounds?.min, rule.bounds?.max, rule.target, rule.worst];
      if (bounds.some((b) => b !== undefined)) {
        return `write ${w(isShareScale(bounds) ? p.share : p.number)}, in the unit of the rule's ${rule.bounds !== undefined ? `bounds (${w(String(rule.bounds.min))} to ${w(String(rule.bounds.max))})` : `target (${w(String(rule.target ?? rule.worst))})`}`;
      }
      return `write ${w(p.number)} if the column's other cells are percentages written as numbers (0 to 100), ${w(p.share)} if they are shares (0 to 1)`;
    }
    default:
      return undefined;
  }
}

/**
 * The "not a number" message of a leaf's cell, with the percentage advice for the leaf's rule.
 *
 * @example
 * ```ts
 * const pointsLeafOf20 = { id: "meetings", name: { vi: "Họp" }, rule: { type: "points", max: 20 } } as const;
 * notANumberMessage(pointsLeafOf20, ["85%"]);
 * // => '"85%" is not a number (percentages are not read: 85% of 20 points is 17: write 17 (this column is points from 0 to 20); e.g. format the column as a number before exporting)'
 * ```
 */
export function notANumberMessage(leaf: IndicatorNode, inputs: readonly RawValue[], input = 0): string {
  const raw = inputs[input] as RawValue;
  const advice = percentAdvice(leaf, inputs, input);
  const hint = advice === undefined ? "" : ` (percentages are not read: ${advice}; e.g. format the column as a number before exporting)`;
  return `${showValue(raw)} is not a number${hint}`;
}

/**
 * A leaf's rule outcome with the "not a number" message said for its rule; any other outcome
 * unchanged. Scoring passes each leaf's outcome through it.
 */
export function withNumberHint(leaf: IndicatorNode, inputs: readonly RawValue[], outcome: RuleOutcome): RuleOutcome {
  if (outcome.ok || outcome.code !== "DATA_NOT_A_NUMBER") return outcome;
  return { ...outcome, message: notANumberMessage(leaf, inputs, outcome.input ?? 0) };
}
