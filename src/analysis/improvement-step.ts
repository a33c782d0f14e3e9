/**
 * One step of improvement of a leaf's raw inputs, and the inputs that earn its maximum, for every
 * scoring rule. Continuous rules step by a fraction of their range (default 0.01: +0.01 for a
 * value in [0, 1], +0.01 × max for points, +0.01 × b for a ratio's numerator, 1 % of the
 * goalposts' span; a `normalise` leaf, scored across units, 1 % of its fixed bounds or of its
 * target, and not at all without them); step ladders, categories and yes/no move to the next
 * better level.
 *
 * @module
 */
import { ruleMax } from "../framework/rule-max.ts";
import type { IndicatorNode, NormaliseRule } from "../framework/types.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import { ratToNumber } from "../number/rational.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { readDecimal } from "./read-decimal.ts";
import { scoreLeaf } from "../score/score-leaf.ts";

/** Raw inputs of a leaf, one per input key (ratio: [a, b]). */
export type LeafInputs = readonly RawValue[];

const text = (d: Decimal) => d.toString();

/** True when the rule is continuous (a step can be any size); false for ladder, categorical, boolean. */
export function isContinuous(leaf: IndicatorNode): boolean {
  return !["ladder", "categorical", "boolean"].includes(leaf.rule.type);
}

/**
 * The inputs after one step of improvement (`fraction` of the rule's range for continuous rules,
 * the next better level otherwise), capped at the maximum; `undefined` when the leaf cannot
 * improve (already at its maximum, or its input is not readable).
 *
 * @example
 * ```ts
 * stepUp({ id: "a", name: { vi: "A" }, rule: { type: "value" } }, ["0.995"], 0.01); // => ["1"]
 * ```
 */
export function stepUp(leaf: IndicatorNode, inputs: LeafInputs, fraction = 0.01): LeafInputs | undefined {
  const rule = leaf.rule;
  const x = readDecimal(inputs[0] as RawValue);
  const f = dec(fraction);
  const up = (value: Decimal, by: Decimal, cap: Decimal): Decimal | undefined => (value.greaterThanOrEqualTo(cap) ? undefined : Decimal_min(value.plus(by), cap));
  switch (rule.type) {
    case "value": {
      if (x === undefined) return undefined;
      const next = up(x, f, dec(1));
      return next === undefined ? undefined : [text(next)];
    }
    case "points": {
      const max = dec(ruleMax(leaf) ?? 1);
      if (x === undefined) return undefined;
      const next = up(x, f.times(max), max);
      return next === undefined ? undefined : [text(next)];
    }
    case "ratio": {
      const b = readDecimal(inputs[1] as RawValue);
      if (x === undefined || b === undefined || b.lessThanOrEqualTo(0)) return undefined;
      const next = up(x, f.times(b), b);
      return next === undefined ? undefined : [text(next), inputs[1] as RawValue];
    }
    case "goalposts": {
      if (x === undefined) return undefined;
      const span = dec(rule.max).minus(rule.min).times(f);
      if (rule.direction === "higher") {
        const next = up(x, span, dec(rule.max));
        return next === undefined ? undefined : [text(next)];
      }
      return x.lessThanOrEqualTo(rule.min) ? undefined : [text(Decimal_max(x.minus(span), dec(rule.min)))];
    }
    case "target": {
      if (x === undefined) return undefined;
      const t = dec(rule.target);
      const span = (rule.worst === undefined ? t.abs() : t.minus(rule.worst).abs()).times(f);
      if (rule.direction === "higher") {
        const next = up(x, span, t);
        return next === undefined ? undefined : [text(next)];
      }
      return x.lessThanOrEqualTo(t) ? undefined : [text(Decimal_max(x.minus(span), t))];
    }
    case "ladder": {
      const reached = ladderPoints(rule.steps, rule.direction, x);
      const better = rule.steps
        .filter((s) => s.points > reached)
        .sort((a, b) => (rule.direction === "higher" ? a.threshold - b.threshold : b.threshold - a.threshold))[0];
      return better === undefined ? undefined : [String(better.threshold)];
    }
    case "categorical": {
      const max = ruleMax(leaf) ?? 1;
      const scoreOf = (c: (typeof rule.categories)[number]) => c.score ?? (c.points ?? 0) / max;
      const now = currentScore(leaf, inputs);
      const better = rule.categories.filter((c) => scoreOf(c) > now).sort((a, b) => scoreOf(a) - scoreOf(b))[0];
      return better === undefined ? undefined : [better.label];
    }
    case "boolean":
      return currentScore(leaf, inputs) >= 1 ? undefined : [rule.direction !== "lower"];
    case "normalise": {
      // Scored across units: a step needs a fixed scale, the bounds or the target.
      const best = normaliseBest(rule);
      if (x === undefined || best === undefined) return undefined;
      const span = normaliseSpan(rule);
      if (span === undefined) return undefined;
      const by = span.times(f);
      if (rule.direction === "lower") return x.lessThanOrEqualTo(best) ? undefined : [text(Decimal_max(x.minus(by), best))];
      const next = up(x, by, best);
      return next === undefined ? undefined : [text(next)];
    }
  }
}

/** The raw value a `normalise` leaf scores best at, when the rule fixes one (bounds or target). */
function normaliseBest(rule: NormaliseRule): Decimal | undefined {
  if (rule.target !== undefined) return dec(rule.target);
  if (rule.bounds === undefined) return undefined;
  return dec(rule.direction === "lower" ? rule.bounds.min : rule.bounds.max);
}

function normaliseSpan(rule: NormaliseRule): Decimal | undefined {
  if (rule.bounds !== undefined) return dec(rule.bounds.max).minus(rule.bounds.min).abs();
  if (rule.target !== undefined) return (rule.worst === undefined ? dec(rule.target) : dec(rule.target).minus(rule.worst)).abs();
  return undefined;
}

/** The leaf's score from its inputs (-Infinity when they cannot be scored). */
function currentScore(leaf: IndicatorNode, inputs: LeafInputs): number {
  const outcome = scoreLeaf(leaf, inputs);
  return outcome.ok ? ratToNumber(outcome.score) : -Infinity;
}

/**
 * The inputs that earn the leaf's full score (value 1, max points, a = b, the best step, the best
 * category, the better answer, the goalpost or the target).
 *
 * @example
 * ```ts
 * maxInputs({ id: "a", name: { vi: "A" }, maxPoints: 20, rule: { type: "points" } }, ["12"]); // => ["20"]
 * ```
 */
export function maxInputs(leaf: IndicatorNode, inputs: LeafInputs): LeafInputs {
  const rule = leaf.rule;
  switch (rule.type) {
    case "value":
      return ["1"];
    case "points":
      return [String(ruleMax(leaf) ?? 1)];
    case "ratio":
      return [inputs[1] as RawValue, inputs[1] as RawValue];
    case "goalposts":
      return [String(rule.direction === "higher" ? rule.max : rule.min)];
    case "target":
      return [String(rule.target)];
    case "ladder": {
      const top = rule.steps.reduce((m, s) => Math.max(m, s.points), -Infinity);
      const candidates = rule.steps.filter((s) => s.points === top).map((s) => s.threshold);
      return [String(rule.direction === "higher" ? candidates.reduce((m, t) => Math.min(m, t), Infinity) : candidates.reduce((m, t) => Math.max(m, t), -Infinity))];
    }
    case "categorical": {
      const max = ruleMax(leaf) ?? 1;
      const best = [...rule.categories].sort((a, b) => (b.score ?? (b.points ?? 0) / max) - (a.score ?? (a.points ?? 0) / max))[0];
      return [best?.label ?? String(inputs[0])];
    }
    case "boolean":
      return [rule.direction !== "lower"];
    case "normalise": {
      const best = normaliseBest(rule);
      return best === undefined ? [...inputs] : [text(best)];
    }
  }
}

function ladderPoints(steps: readonly { threshold: number; points: number }[], direction: "higher" | "lower", x: Decimal | undefined): number {
  if (x === undefined) return -Infinity;
  const reached = steps.filter((s) => (direction === "higher" ? x.greaterThanOrEqualTo(s.threshold) : x.lessThanOrEqualTo(s.threshold)));
  return reached.length === 0 ? 0 : reached.reduce((m, s) => Math.max(m, s.points), -Infinity);
}

function Decimal_min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

function Decimal_max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
