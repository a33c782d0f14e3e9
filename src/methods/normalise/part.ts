/**
 * One normalised column over one partition of units (a year, or every year), as the methods see
 * it: floats with error bounds to overwrite in place, and the exact raw values on demand.
 *
 * @module
 */
import type { NormaliseRule } from "../../framework/types.ts";
import type { Enclosure } from "../../number/enclosure.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { ratCmp, ratFromNumber, type Rational } from "../../number/rational.ts";
import { toRangeFloat } from "./to-range.ts";

/** A leaf column restricted to one partition's units. */
export interface ColumnPart {
  /** Node-major column storage: unit u's raw value (then score) is `value[base + u]`, NaN = missing. */
  readonly value: Float64Array;
  /** Its error bound (Infinity: only the exact evaluator can tell). */
  readonly error: Float64Array;
  readonly base: number;
  /** The partition's units. */
  readonly members: readonly number[];
  /** The exact raw value of unit u (null = missing). */
  exactRaw(u: number): Rational | null;
  /** True when unit u's float is its exact decimal (a JSON number, or text of at most 15 significant digits). */
  short(u: number): boolean;
}

/** What a method did to a part: whether the data could not spread, and the exact score of a unit. */
export interface PartResult {
  readonly degenerate: boolean;
  exact(u: number): Enclosure | null;
}

/** The float minimum and maximum of the present values, and the largest error bound (E). */
export function floatExtremes(part: ColumnPart): { min: number; max: number; errMin: number; errMax: number; count: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  let worst = 0;
  let count = 0;
  for (const u of part.members) {
    const x = part.value[part.base + u]!;
    if (Number.isNaN(x)) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    const e = part.error[part.base + u]!;
    if (e > worst) worst = e;
  }
  // |min x̂ − min x| ≤ max eᵢ: the float minimum is within the largest error of the exact one.
  return count === 0 ? undefined : { min, max, errMin: worst, errMax: worst, count };
}

/**
 * The exact minimum (dir −1) or maximum (dir 1) of the present values, given the float extreme
 * and the largest error bound of the part (`floatExtremes`): only units whose float lies within
 * twice that of the extreme can hold the exact extreme.
 */
export function exactExtreme(part: ColumnPart, extreme: number, dir: -1 | 1, worst: number): Rational {
  let best: Rational | undefined;
  let shortValue: Rational | undefined;
  for (const u of nearExtreme(part, extreme, 2 * worst)) {
    let r: Rational;
    if (part.value[part.base + u] === extreme && part.short(u)) r = shortValue ??= ratFromNumber(extreme);
    else r = part.exactRaw(u)!;
    if (best === undefined || ratCmp(r, best) === dir) best = r;
  }
  return best!;
}

/** The present members whose float lies within `within` of `extreme` (a loop without calls: it runs over every unit). */
function nearExtreme(part: ColumnPart, extreme: number, within: number): number[] {
  const { value, base, members } = part;
  const near: number[] = [];
  for (let k = 0; k < members.length; k++) {
    const u = members[k]!;
    const x = value[base + u]!;
    if (x === x && Math.abs(x - extreme) <= within) near.push(u);
  }
  return near;
}

/**
 * Writes every present member's position t = sign·(x − origin) / span (sign ±1), mapped into the
 * rule's range, with its bound: x and origin are within their bounds (eᵢ, `eOrigin`) of the exact
 * decimals and span within `eSpan`, so the numerator is within eᵢ + eOrigin plus a rounding, and
 * t within (e_num + |t|·e_span) / (|span| − e_span) plus a rounding. A span not clearly above its
 * own error leaves every score to the exact evaluator (infinite bound). Min-max and distance to
 * target run it; the loop stays in its own small function so that it is optimised once.
 */
export function positionsInto(part: ColumnPart, origin: number, eOrigin: number, sign: 1 | -1, span: number, eSpan: number, rule: Pick<NormaliseRule, "range" | "clamp">): void {
  const { value, error, base, members } = part;
  const certain = Math.abs(span) > 4 * eSpan;
  const room = Math.abs(span) - eSpan;
  for (let k = 0; k < members.length; k++) {
    const at = base + members[k]!;
    const x = value[at]!;
    if (x !== x) continue;
    if (!certain) {
      error[at] = Infinity;
      continue;
    }
    const num = sign === 1 ? x - origin : origin - x;
    const t = num / span;
    const eNum = error[at]! + eOrigin + U * Math.abs(num);
    const e = (eNum + Math.abs(t) * eSpan) / room + 2 * U * Math.abs(t);
    toRangeFloat(t, e, rule, value, at, error);
  }
}

/**
 * The present units in increasing order of exact value, as groups of equal values. Floats order
 * them wherever their error bounds keep them apart; units whose bounds overlap are compared
 * exactly (short decimals with equal floats are equal without reading them).
 */
export function exactGroups(part: ColumnPart): number[][] {
  const present = part.members.filter((u) => !Number.isNaN(part.value[part.base + u]!));
  const val = (u: number) => part.value[part.base + u]!;
  const err = (u: number) => part.error[part.base + u]!;
  present.sort((a, b) => val(a) - val(b));
  const groups: number[][] = [];
  let i = 0;
  while (i < present.length) {
    // A cluster: neighbours whose bounds overlap.
    let j = i + 1;
    while (j < present.length && val(present[j]!) - val(present[j - 1]!) <= err(present[j]!) + err(present[j - 1]!)) j++;
    const cluster = present.slice(i, j);
    if (cluster.every((u) => part.short(u))) {
      // Short decimals: equal floats are equal decimals and different floats different ones.
      let k = 0;
      while (k < cluster.length) {
        let m = k + 1;
        while (m < cluster.length && val(cluster[m]!) === val(cluster[k]!)) m++;
        groups.push(cluster.slice(k, m));
        k = m;
      }
    } else {
      const exact = new Map(cluster.map((u) => [u, part.exactRaw(u)!]));
      cluster.sort((a, b) => ratCmp(exact.get(a)!, exact.get(b)!));
      let k = 0;
      while (k < cluster.length) {
        let m = k + 1;
        while (m < cluster.length && ratCmp(exact.get(cluster[m]!)!, exact.get(cluster[k]!)!) === 0) m++;
        groups.push(cluster.slice(k, m));
        k = m;
      }
    }
    i = j;
  }
  return groups;
}
