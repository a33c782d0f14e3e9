import { ruleMax } from "../../framework/rule-max.ts";
import type { IndicatorNode } from "../../framework/types.ts";
import { UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import type { RawValue } from "../rules/outcome.ts";
import { scoreLeaf } from "../score-leaf.ts";
import { readFloat, readFloatInto } from "./read-float.ts";
import { ratToNumber } from "../../number/rational.ts";

/** A leaf score as a float with a bound on its distance from the exact score. */
export interface FloatLeaf {
  readonly value: number;
  readonly error: number;
}

const WHOLE = /^\d{1,15}$/u;
const ONE = /^0*1([.,]0*)?$/u;

/** True when the float read from `raw` is the exact value (whole numbers up to 15 digits). */
function isExactWhole(raw: RawValue, x: number): boolean {
  return typeof raw === "number" ? Number.isInteger(x) && Math.abs(x) < 2 ** 53 : typeof raw === "string" && WHOLE.test(raw);
}

/**
 * Scores a leaf in floats with an error bound, or returns `undefined` when only the exact path can
 * decide (a value on or past a range limit, a zero or negative denominator, text that is not a
 * plain number, a failing input). "value", "points" and "ratio" leaves are read as floats; the
 * other rules (ladders, categories, yes/no, goalposts, targets) are scored exactly and converted.
 *
 * Bounds: a correctly rounded read is within u·|x| (u = 2^-53) of the decimal; each float
 * operation adds a relative u; the bounds below take 2u to 8u, more than those sums.
 */
export function floatLeaf(node: IndicatorNode, inputs: readonly RawValue[]): FloatLeaf | undefined {
  const out = new Float64Array(2);
  return floatLeafInto(node, inputs[0] as RawValue, inputs[1], out) ? { value: out[0]!, error: out[1]! } : undefined;
}

/**
 * {@link floatLeaf} without allocation (for hot loops): writes value and error bound into
 * `out[0]`, `out[1]` and returns true, or returns false for "exact path".
 */
export function floatLeafInto(node: IndicatorNode, raw: RawValue, second: RawValue | undefined, out: Float64Array): boolean {
  const rule = node.rule;
  switch (rule.type) {
    case "value": {
      // Read into out[0] first: no boxed float on the hot path.
      if (!readFloatInto(raw, out)) return false;
      const x = out[0]!;
      if (!(x >= 0) || (x === 0 && 1 / x < 0)) return false;
      if (floatPlainInto(node, x, out)) return true;
      if (x === 1 && (typeof raw === "number" || ONE.test(raw as string))) return put(out, 1, 0);
      return false;
    }
    case "points": {
      const m = ruleMax(node);
      const x = readFloat(raw);
      if (m === undefined || !(m > 0) || x === undefined || !(x >= 0) || Object.is(x, -0)) return false;
      const exact = isExactWhole(raw, x) && Number.isInteger(m);
      if (!(exact ? x <= m : x <= m * (1 - 4 * U))) return false;
      const v = x / m;
      return put(out, v, (exact ? 2 : 8) * U * v);
    }
    case "ratio": {
      const a = readFloat(raw);
      const b = second === undefined ? undefined : readFloat(second);
      if (a === undefined || b === undefined || !(a >= 0) || !(b > 0) || Object.is(a, -0)) return false;
      const exact = isExactWhole(raw, a) && isExactWhole(second as RawValue, b);
      if (!(exact ? a <= b : a <= b * (1 - 8 * U))) return false;
      const r = a / b;
      return put(out, r, (exact ? 2 : 8) * U * r);
    }
    case "normalise":
      // The raw number, normalised across units later: a correctly rounded read.
      return readFloatInto(raw, out) && floatPlainInto(node, out[0]!, out);
    default: {
      const outcome = scoreLeaf(node, second === undefined ? [raw] : [raw, second]);
      if (!outcome.ok) return false;
      const v = ratToNumber(outcome.score);
      return put(out, v, 2 * U * Math.abs(v));
    }
  }
}

/**
 * The "value" and "normalise" leaves from a number already read (a correctly rounded read of the
 * cell's decimal, not −0): value and bound into `out`, or false when the rule needs the text
 * ("value" at 1 or above: the exact path decides).
 */
export function floatPlainInto(node: IndicatorNode, x: number, out: Float64Array): boolean {
  return takesPlain(node.rule.type === "value", x) && put(out, x === 0 ? 0 : x, plainBound(x));
}

/**
 * {@link floatPlainInto} over a column: `x[u]` read into `value[at + u]` and `error[at + u]` for
 * u < n, NaN and 0 where the rule needs the text (or the cell was not a plain decimal: NaN).
 * Returns true when every cell was taken.
 */
export function floatPlainColumn(node: IndicatorNode, x: Float64Array, n: number, value: Float64Array, error: Float64Array, at: number): boolean {
  const isValue = node.rule.type === "value";
  if (!isValue && node.rule.type !== "normalise") {
    value.fill(NaN, at, at + n);
    error.fill(0, at, at + n);
    return n === 0;
  }
  let all = true;
  for (let u = 0; u < n; u++) {
    const v = x[u]!;
    if (takesPlain(isValue, v)) {
      value[at + u] = v === 0 ? 0 : v;
      error[at + u] = plainBound(v);
    } else {
      value[at + u] = NaN;
      error[at + u] = 0;
      all = false;
    }
  }
  return all;
}

/**
 * Whether a plain decimal's float `x` is the leaf's value as it is: below 1 for "value" (a float
 * below 1 comes from a decimal below 1: rounding is monotone and 1 is a float), any number for
 * "normalise" (the raw number, normalised across units later).
 */
function takesPlain(isValue: boolean, x: number): boolean {
  return isValue ? x >= 0 && x < 1 : x === x;
}

/** The bound of a correctly rounded read: within u·|x| of the decimal, taken as 2u·|x|. */
function plainBound(x: number): number {
  return 2 * U * Math.abs(x);
}

function put(out: Float64Array, value: number, error: number): true {
  out[0] = value;
  out[1] = error;
  return true;
}
