import type { NormaliseRule } from "../../framework/types.ts";
import { exactly } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { ratCmp, ratDiv, ratFromNumber, ratSub, ratToNumber, type Rational } from "../../number/rational.ts";
import type { ColumnPart, PartResult } from "./part.ts";
import { exactExtreme, floatExtremes, positionsInto } from "./part.ts";
import { midRange, toRange } from "./to-range.ts";

/**
 * Min-max normalisation (COINr `n_minmax`, NRI, DESI): t = (x − min) / (max − min), or
 * (max − x) / (max − min) when lower is better, mapped into `range`. min and max come from the
 * data, or from `bounds` (fixed across years, as DESI fixes them); `goalposts` is the same formula
 * with required bounds. With data bounds and all values equal, every unit gets the midpoint.
 *
 * In floats each score carries a bound: x, min and max are each within their read error E of the
 * exact decimals, so the numerator and the span are within 2E plus a rounding, and
 * t = num / span within (e_num + |t|·e_span) / (span − e_span) plus a rounding. A span not clearly
 * above its own error leaves every score to the exact evaluator.
 */
export function minMaxPart(part: ColumnPart, rule: Omit<NormaliseRule, "type">): PartResult {
  const ext = floatExtremes(part);
  if (ext === undefined) return { degenerate: false, exact: () => null };
  const fixed = rule.bounds !== undefined;
  const lower = rule.direction === "lower";
  const min = fixed ? rule.bounds!.min : ext.min;
  const max = fixed ? rule.bounds!.max : ext.max;
  const eMin = fixed ? U * Math.abs(min) : ext.errMin;
  const eMax = fixed ? U * Math.abs(max) : ext.errMax;
  // Exact statistics, found before the floats are overwritten by the scores.
  const stats: { min: Rational; max: Rational } = fixed
    ? { min: ratFromNumber(rule.bounds!.min), max: ratFromNumber(rule.bounds!.max) }
    : { min: exactExtreme(part, ext.min, -1, ext.errMin), max: exactExtreme(part, ext.max, 1, ext.errMax) };
  // Degenerate only when the exact span is 0 (floats can tie where decimals differ).
  if (!fixed && ext.min === ext.max && ratCmp(stats.min, stats.max) === 0) {
    const mid = midRange(rule);
    fillExact(part, mid);
    return { degenerate: true, exact: (u) => (Number.isNaN(part.value[part.base + u]!) ? null : exactly(mid)) };
  }
  const span = max - min;
  // (max − x) / span when lower is better: the position from the maximum, downwards.
  positionsInto(part, lower ? max : min, lower ? eMax : eMin, lower ? -1 : 1, span, eMin + eMax + U * Math.abs(span), rule);
  return {
    degenerate: false,
    exact: (u) => {
      const x = part.exactRaw(u);
      if (x === null) return null;
      const { min: lo, max: hi } = stats;
      return exactly(toRange(ratDiv(lower ? ratSub(hi, x) : ratSub(x, lo), ratSub(hi, lo)), rule));
    },
  };
}

/** Writes one exact value to every present member (as a float with its rounding bound). */
export function fillExact(part: ColumnPart, r: Rational): void {
  const v = ratToNumber(r);
  for (const u of part.members) {
    const at = part.base + u;
    if (Number.isNaN(part.value[at]!)) continue;
    part.value[at] = v;
    part.error[at] = 2 * U * Math.abs(v);
  }
}

