import type { NormaliseRule } from "../../framework/types.ts";
import { exactly } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { RAT_ONE, ratCmp, ratDiv, ratFromNumber, ratSub, type Rational } from "../../number/rational.ts";
import { fillExact } from "./minmax.ts";
import { exactExtreme, floatExtremes, positionsInto, type ColumnPart, type PartResult } from "./part.ts";
import { toRange } from "./to-range.ts";

/**
 * Distance to target (COINr `n_dist2targ`): t = (x − ref) / (target − ref), where ref is `worst`
 * when given, else the data's worst value (its minimum when higher is better, its maximum when
 * lower is better); t is capped to [0, 1] (unless `clamp` is false) and mapped into `range`.
 * Reaching the target scores the top of the range. If the worst value already reaches the target,
 * every unit does and scores the top. Float bounds as for min-max.
 */
export function targetPart(part: ColumnPart, rule: Omit<NormaliseRule, "type">): PartResult {
  const ext = floatExtremes(part);
  if (ext === undefined) return { degenerate: false, exact: () => null };
  const lower = rule.direction === "lower";
  const target = rule.target ?? 0;
  const fixed = rule.worst !== undefined;
  let exactRef: Rational | undefined;
  const refExact = () => (exactRef ??= fixed ? ratFromNumber(rule.worst!) : exactExtreme(part, lower ? ext.max : ext.min, lower ? 1 : -1, ext.errMin));
  const targetExact = ratFromNumber(target);
  // Found before the floats are overwritten by the scores.
  const c = ratCmp(refExact(), targetExact);
  if (lower ? c <= 0 : c >= 0) {
    const top = toRange(RAT_ONE, rule);
    fillExact(part, top);
    return { degenerate: false, exact: (u) => (Number.isNaN(part.value[part.base + u]!) ? null : exactly(top)) };
  }
  const ref = fixed ? rule.worst! : lower ? ext.max : ext.min;
  const eRef = fixed ? U * Math.abs(ref) : ext.errMin;
  const span = target - ref;
  positionsInto(part, ref, eRef, 1, span, eRef + U * Math.abs(target) + U * Math.abs(span), rule);
  return {
    degenerate: false,
    exact: (u) => {
      const x = part.exactRaw(u);
      if (x === null) return null;
      const r = refExact();
      return exactly(toRange(ratDiv(ratSub(x, r), ratSub(targetExact, r)), rule));
    },
  };
}
