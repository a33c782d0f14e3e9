/**
 * An independent test oracle for scoring: framework definition + wide records → for every unit
 * and every node (and view) the exact rational score, the published value, coverage, rank and
 * group rank. Written from the documented semantics (docs/methods.md, docs/frameworks.md,
 * docs/input.md, docs/output.md), with `src/` read only to settle details the docs leave open.
 * It shares no code with `src/`: plain loops over BigInt rationals, no optimisation, no rounding
 * anywhere but the one half-up rounding of each published value.
 *
 * Covered: rules value, points, ratio, ladder, categorical, boolean, goalposts, target and
 * normalise (methods minmax, goalposts, rank, percentile, target: the exact ones; zscore needs a
 * square root); weights from `weight`, `maxPoints` or equal, with `weighting`; arithmetic,
 * harmonic and Mazziotta-Pareto means (geometric is not rational); missing policies error, zero,
 * reweight; bonus and penalty points (root children with `adjust`, capped, added after the
 * weighted total, the index kept in its `adjustedRange`); views; merges; competition ranks ("1224") per year and per (year, group), ties on the
 * published value (default) or on the exact value. Anything else throws {@link OracleUnsupported}
 * rather than guess.
 *
 * @module
 */
import {
  add,
  compare,
  div,
  fromNumber,
  isZero,
  mul,
  ONE,
  parseDecimal,
  rational,
  roundHalfUpScaled,
  scaledText,
  sub,
  ZERO,
  type Rational,
} from "./rational.ts";

// ---------------------------------------------------------------------------------------------
// The framework shape (the plain JSON definition `defineFramework` accepts), declared here so the
// oracle does not depend on the library's types.

/** Which way is better. */
export type Direction = "higher" | "lower";

/** A scoring rule, as written in a framework definition. */
export type OracleRule =
  | { readonly type: "value"; readonly outOfRange?: "error" | "clamp" }
  | { readonly type: "points"; readonly max?: number; readonly outOfRange?: "error" | "clamp" }
  | {
      readonly type: "ratio";
      readonly numerator?: string;
      readonly denominator?: string;
      readonly outOfRange?: "error" | "clamp";
      readonly zeroDenominator?: "error" | "zero" | "one";
    }
  | { readonly type: "ladder"; readonly direction: Direction; readonly steps: readonly { readonly threshold: number; readonly points: number }[]; readonly max?: number }
  | {
      readonly type: "categorical";
      readonly categories: readonly { readonly label: string; readonly aliases?: readonly string[]; readonly points?: number; readonly score?: number }[];
      readonly max?: number;
    }
  | { readonly type: "boolean"; readonly direction?: Direction }
  | { readonly type: "goalposts"; readonly min: number; readonly max: number; readonly direction: Direction }
  | { readonly type: "target"; readonly target: number; readonly direction: Direction; readonly worst?: number }
  | {
      readonly type: "normalise";
      readonly method: "minmax" | "zscore" | "rank" | "percentile" | "goalposts" | "target";
      readonly direction?: Direction;
      readonly range?: readonly [number, number];
      readonly bounds?: { readonly min: number; readonly max: number };
      readonly target?: number;
      readonly worst?: number;
      readonly clamp?: boolean;
      readonly across?: "year" | "all";
    };

/** A node of the framework tree: a leaf (with `rule`) or a group (with `children`). */
export interface OracleNodeDef {
  readonly id: string;
  readonly weight?: number;
  readonly maxPoints?: number;
  readonly rule?: OracleRule;
  readonly children?: readonly OracleNodeDef[];
  readonly aggregation?: "arithmetic" | "geometric" | "harmonic" | "mazziotta-pareto";
  readonly weighting?: "auto" | "manual" | "points" | "equal";
  readonly minCoverage?: number;
  /** A child of the root whose points are added ("bonus") or taken ("penalty") after the weighted total. */
  readonly adjust?: "bonus" | "penalty";
  /** The root only: the bounds of the index once those points are applied (default "total"). */
  readonly adjustedRange?: "total" | "non-negative" | "none";
}

/** A view: a weighted combination of nodes outside the tree. */
export interface OracleViewDef {
  readonly id: string;
  readonly terms: readonly { readonly node: string; readonly weight?: number }[];
  readonly aggregation?: OracleNodeDef["aggregation"];
}

/** The parts of a framework definition the oracle reads. */
export interface OracleFramework {
  readonly root: OracleNodeDef;
  readonly views?: readonly OracleViewDef[];
  readonly decimals?: number;
}

/** One line of a merge mapping: `unit` becomes part of `into`. */
export interface OracleMergeEntry {
  readonly unit: string;
  readonly into: string;
  readonly group?: string;
}

/** Scoring options the oracle honours (the same names as the library's). */
export interface OracleOptions {
  readonly missing?: "error" | "zero" | "reweight";
  readonly merge?: readonly OracleMergeEntry[] | Readonly<Record<string, string>>;
  readonly decimals?: number;
  readonly ties?: "published" | "exact";
}

/** A wide record: `{ unit, group?, year?, <input key>: value }`. */
export type OracleRecord = Readonly<Record<string, unknown>>;

/** Thrown for input the oracle refuses to guess about (a feature it does not model). */
export class OracleUnsupported extends Error {}

/** Thrown for data the library must refuse too (a value out of range, a blank under "error"…). */
export class OracleDataError extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading cells.

const BLANK_WORDS = new Set(["", "na", "n/a", "#n/a", "null"]);

/** True for a blank cell: absent, null, empty, white space, or NA, N/A, #N/A, null (docs/input.md). */
export function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && BLANK_WORDS.has(cell.trim().toLowerCase());
}

/** A name compared as the library compares names: NFC, trimmed, white space folded, lower case. */
export function nameKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}

/** A display name as the library keeps it: NFC, trimmed, white space folded. */
function cleanName(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/** A numeric cell as an exact rational: JSON numbers by their shortest text, text as written. */
export function readNumber(cell: unknown): Rational {
  if (typeof cell === "number") return fromNumber(cell);
  if (typeof cell === "string") {
    const r = parseDecimal(cell);
    if (r !== undefined) return r;
  }
  throw new OracleDataError(`${JSON.stringify(cell)} is not a number`);
}

const YES = new Set(["true", "yes", "y", "1", "có", "co", "x", "đạt", "dat", "rồi"]);
const NO = new Set(["false", "no", "n", "0", "không", "khong", "chưa", "chua", "chưa đạt", "không đạt"]);

function readBoolean(cell: unknown): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number" && (cell === 0 || cell === 1)) return cell === 1;
  if (typeof cell === "string") {
    const key = nameKey(cell);
    if (YES.has(key)) return true;
    if (NO.has(key)) return false;
  }
  throw new OracleDataError(`${JSON.stringify(cell)} is not yes/no`);
}

// ---------------------------------------------------------------------------------------------
// Scoring one leaf from its raw inputs (docs/frameworks.md, "Scoring rules").

/** The input keys a leaf reads: its id, or a ratio's numerator and denominator keys. */
export function leafInputKeys(node: OracleNodeDef): readonly string[] {
  const rule = node.rule!;
  if (rule.type === "ratio") return [rule.numerator ?? `${node.id}.a`, rule.denominator ?? `${node.id}.b`];
  return [node.id];
}

/** The points a points, ladder or categorical score is relative to: the rule's max, else the node's, else the largest step or category. */
function pointsMax(node: OracleNodeDef): Rational | undefined {
  const rule = node.rule!;
  const own = "max" in rule && rule.max !== undefined ? rule.max : node.maxPoints;
  if (own !== undefined) return fromNumber(own);
  if (rule.type === "ladder") return fromNumber(Math.max(...rule.steps.map((s) => s.points)));
  if (rule.type === "categorical") {
    const points = rule.categories.flatMap((c) => (c.points === undefined ? [] : [c.points]));
    return points.length > 0 ? fromNumber(Math.max(...points)) : undefined;
  }
  return undefined;
}

function clamp01(x: Rational): Rational {
  if (compare(x, ZERO) < 0) return ZERO;
  if (compare(x, ONE) > 0) return ONE;
  return x;
}

/**
 * A leaf's score from its present raw inputs (one per {@link leafInputKeys} entry). For a
 * `normalise` leaf this is the raw number, normalised across units later. Throws
 * {@link OracleDataError} for input the library refuses (out of range, unknown label…).
 *
 * @example
 * ```ts
 * leafScore({ id: "x", maxPoints: 20, rule: { type: "points" } }, ["15"]); // => 3/4
 * ```
 */
export function leafScore(node: OracleNodeDef, inputs: readonly unknown[]): Rational {
  const rule = node.rule!;
  const raw = inputs[0];
  switch (rule.type) {
    case "value": {
      const x = readNumber(raw);
      if (compare(x, ZERO) >= 0 && compare(x, ONE) <= 0) return x;
      if (rule.outOfRange === "clamp") return clamp01(x);
      throw new OracleDataError(`value ${JSON.stringify(raw)} outside [0, 1]`);
    }
    case "points": {
      const x = readNumber(raw);
      const max = pointsMax(node)!;
      if (compare(x, ZERO) < 0 || compare(x, max) > 0) {
        if (rule.outOfRange !== "clamp") throw new OracleDataError(`points ${JSON.stringify(raw)} outside [0, max]`);
        return compare(x, ZERO) < 0 ? ZERO : ONE;
      }
      return div(x, max);
    }
    case "ratio": {
      const a = readNumber(raw);
      const b = readNumber(inputs[1]);
      const clamp = rule.outOfRange === "clamp";
      if (!clamp && (compare(a, ZERO) < 0 || compare(b, ZERO) < 0)) throw new OracleDataError("negative ratio input");
      if (isZero(b)) {
        if (rule.zeroDenominator === "zero") return ZERO;
        if (rule.zeroDenominator === "one") return ONE;
        throw new OracleDataError("zero denominator");
      }
      const r = div(a, b);
      if (!clamp && compare(r, ONE) > 0) throw new OracleDataError("ratio above 1");
      return clamp01(r);
    }
    case "ladder": {
      const x = readNumber(raw);
      // The most points among the steps reached; none reached scores 0.
      let best: Rational | undefined;
      for (const step of rule.steps) {
        const t = fromNumber(step.threshold);
        const reached = rule.direction === "higher" ? compare(x, t) >= 0 : compare(x, t) <= 0;
        const p = fromNumber(step.points);
        if (reached && (best === undefined || compare(p, best) > 0)) best = p;
      }
      return best === undefined ? ZERO : div(best, pointsMax(node)!);
    }
    case "categorical": {
      const key = nameKey(String(raw));
      for (const c of rule.categories) {
        if (![c.label, ...(c.aliases ?? [])].some((l) => nameKey(l) === key)) continue;
        if (c.score !== undefined) return fromNumber(c.score);
        return div(fromNumber(c.points ?? 0), pointsMax(node) ?? ONE);
      }
      throw new OracleDataError(`${JSON.stringify(raw)} is no category`);
    }
    case "boolean": {
      const yes = readBoolean(raw);
      return (rule.direction === "lower" ? !yes : yes) ? ONE : ZERO;
    }
    case "goalposts": {
      const x = readNumber(raw);
      const lo = fromNumber(rule.min);
      const hi = fromNumber(rule.max);
      const t = rule.direction === "higher" ? sub(x, lo) : sub(hi, x);
      return clamp01(div(t, sub(hi, lo)));
    }
    case "target": {
      const x = readNumber(raw);
      const target = fromNumber(rule.target);
      if (rule.worst !== undefined) {
        const worst = fromNumber(rule.worst);
        return clamp01(div(sub(x, worst), sub(target, worst)));
      }
      if (rule.direction === "higher") return clamp01(div(x, target));
      // Lower is better without a worst value: target / x, and x ≤ 0 already beats any target.
      if (compare(x, ZERO) <= 0) return ONE;
      return clamp01(div(target, x));
    }
    case "normalise":
      return readNumber(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// Normalisation across units (docs/methods.md, "Normalisation across units").

type NormaliseRule = Extract<OracleRule, { type: "normalise" }>;

function outputRange(rule: NormaliseRule): [Rational, Rational] {
  const [lo, hi] = rule.range ?? [0, 1];
  return [fromNumber(lo), fromNumber(hi)];
}

/** low + t·(high − low), t clamped to [0, 1] unless `clamp: false`. */
function toRange(t: Rational, rule: NormaliseRule): Rational {
  const [lo, hi] = outputRange(rule);
  const p = rule.clamp === false ? t : clamp01(t);
  return add(lo, mul(p, sub(hi, lo)));
}

function midRange(rule: NormaliseRule): Rational {
  const [lo, hi] = outputRange(rule);
  return div(add(lo, hi), rational(2n));
}

/**
 * Normalises one column (the raw values of one leaf over the units of one year, or of all years),
 * `null` for a missing value (left missing). Exact formulas of docs/methods.md.
 *
 * @example
 * ```ts
 * normaliseColumn({ type: "normalise", method: "rank" }, [5, 7, 7, 9].map((x) => rational(BigInt(x))));
 * // => [0, 1/2, 1/2, 1]
 * ```
 */
export function normaliseColumn(rule: NormaliseRule, column: readonly (Rational | null)[]): (Rational | null)[] {
  const xs = column.filter((v): v is Rational => v !== null);
  const n = xs.length;
  const lower = rule.direction === "lower";
  const each = (f: (x: Rational) => Rational) => column.map((v) => (v === null ? null : f(v)));
  // B: units with a worse value; E: units with an equal value (itself included).
  const worse = (x: Rational) => xs.filter((y) => (lower ? compare(y, x) > 0 : compare(y, x) < 0)).length;
  const equal = (x: Rational) => xs.filter((y) => compare(y, x) === 0).length;
  switch (rule.method) {
    case "minmax":
    case "goalposts": {
      if (n === 0) return each(() => ZERO);
      const fixed = rule.bounds !== undefined;
      const lo = fixed ? fromNumber(rule.bounds!.min) : xs.reduce((a, b) => (compare(b, a) < 0 ? b : a));
      const hi = fixed ? fromNumber(rule.bounds!.max) : xs.reduce((a, b) => (compare(b, a) > 0 ? b : a));
      const span = sub(hi, lo);
      if (isZero(span)) return each(() => midRange(rule));
      return each((x) => toRange(div(lower ? sub(hi, x) : sub(x, lo), span), rule));
    }
    case "rank": {
      // Ranks from the worst (= 1), ties sharing the average rank r = B + (E + 1) / 2; t = (r − 1) / (n − 1).
      if (n < 2) return each(() => midRange(rule));
      return each((x) => toRange(rational(BigInt(2 * worse(x) + equal(x) - 1), BigInt(2 * (n - 1))), rule));
    }
    case "percentile":
      // (B + E / 2) / n, the mid-point percentile rank.
      return each((x) => toRange(rational(BigInt(2 * worse(x) + equal(x)), BigInt(2 * n)), rule));
    case "target": {
      if (n === 0) return each(() => ZERO);
      const target = fromNumber(rule.target ?? 0);
      const ref =
        rule.worst !== undefined
          ? fromNumber(rule.worst)
          : xs.reduce((a, b) => ((lower ? compare(b, a) > 0 : compare(b, a) < 0) ? b : a));
      // The worst already reaches the target: every unit does, and scores the top.
      const reached = lower ? compare(ref, target) <= 0 : compare(ref, target) >= 0;
      if (reached) return each(() => toRange(ONE, rule));
      return each((x) => toRange(div(sub(x, ref), sub(target, ref)), rule));
    }
    case "zscore":
      throw new OracleUnsupported("z-scores need a square root: not rational");
  }
}

// ---------------------------------------------------------------------------------------------
// The tree: weights, evaluation order, aggregation.

/** A group or view ready to evaluate: its children (node ids) with exact weights. */
export interface OracleAggregate {
  readonly id: string;
  readonly kind: "group" | "view";
  readonly children: readonly string[];
  readonly weights: readonly Rational[];
  readonly aggregation: NonNullable<OracleNodeDef["aggregation"]>;
  /** A bonus or penalty group: the cap its criteria's points (the weights) add up to at most. */
  readonly cap?: Rational;
  /** The root with bonus and penalty points: each term's signed cap, the total points, the bounds. */
  readonly adjust?: { readonly terms: readonly { readonly id: string; readonly points: Rational }[]; readonly total: Rational; readonly range: NonNullable<OracleNodeDef["adjustedRange"]> };
}

/** A framework laid out for the oracle: leaves, groups children-first, then views. */
export interface OracleTree {
  readonly rootId: string;
  readonly decimals: number;
  readonly leaves: readonly OracleNodeDef[];
  /** Groups in post-order (children before parents), then views. */
  readonly aggregates: readonly OracleAggregate[];
  /** Every node id (tree pre-order) and then the view ids. */
  readonly ids: readonly string[];
  /** False for a node under a zero weight somewhere on its path (it carries no weight in the index). */
  readonly scored: ReadonlyMap<string, boolean>;
  readonly byId: ReadonlyMap<string, OracleNodeDef>;
  /** Bonus and penalty nodes and their criteria: a blank is no points, never an error. */
  readonly adjustPart: ReadonlySet<string>;
}

/**
 * Sibling weights (docs/frameworks.md, "Weights"; the `weighting` table of docs/methods.md):
 * "auto" takes `weight` when every item has one, else `maxPoints` when every item has them,
 * else equal weights; "manual", "points", "equal" force one source.
 */
export function siblingWeights(
  items: readonly { readonly weight?: number | undefined; readonly maxPoints?: number | undefined }[],
  weighting: OracleNodeDef["weighting"] = "auto",
): Rational[] {
  const all = (f: (i: (typeof items)[number]) => number | undefined) => items.every((i) => f(i) !== undefined);
  const take = (f: (i: (typeof items)[number]) => number | undefined) => items.map((i) => fromNumber(f(i)!));
  if (weighting === "equal") return items.map(() => ONE);
  if (weighting === "manual") return take((i) => i.weight);
  if (weighting === "points") return take((i) => i.maxPoints);
  if (all((i) => i.weight)) return take((i) => i.weight);
  if (items.some((i) => i.weight !== undefined)) throw new OracleUnsupported("mixed weights (the library refuses them)");
  if (all((i) => i.maxPoints)) return take((i) => i.maxPoints);
  if (items.some((i) => i.maxPoints !== undefined)) throw new OracleUnsupported("mixed maxPoints (the library refuses them)");
  return items.map(() => ONE);
}

/** Lays out a framework definition for evaluation. */
export function buildTree(framework: OracleFramework): OracleTree {
  const leaves: OracleNodeDef[] = [];
  const aggregates: OracleAggregate[] = [];
  const ids: string[] = [];
  const scored = new Map<string, boolean>();
  const byId = new Map<string, OracleNodeDef>();
  const adjustPart = new Set<string>();
  const walk = (node: OracleNodeDef, isScored: boolean, inAdjust: boolean) => {
    ids.push(node.id);
    byId.set(node.id, node);
    scored.set(node.id, isScored);
    if (inAdjust) adjustPart.add(node.id);
    if (node.rule !== undefined) {
      leaves.push(node);
      return;
    }
    if (node.minCoverage !== undefined && node.minCoverage > 0) throw new OracleUnsupported("minCoverage");
    const all = node.children ?? [];
    if (node.adjust !== undefined) {
      // Bonus or penalty criteria: points (score × maxPoints) that add up to at most the cap.
      const weights = all.map((c) => fromNumber(c.maxPoints!));
      const cap = node.maxPoints !== undefined ? fromNumber(node.maxPoints) : weights.reduce(add, ZERO);
      all.forEach((c) => walk(c, isScored, true));
      aggregates.push({ id: node.id, kind: "group", children: all.map((c) => c.id), weights, aggregation: "arithmetic", cap });
      return;
    }
    // Bonus and penalty children are no part of the mean (weight 0) and are added after it.
    const children = all.filter((c) => c.adjust === undefined);
    const weights = siblingWeights(children, node.weighting);
    children.forEach((c, k) => walk(c, isScored && compare(weights[k]!, ZERO) > 0, false));
    const adjusters = all.filter((c) => c.adjust !== undefined);
    adjusters.forEach((c) => walk(c, isScored, true));
    let adjust: OracleAggregate["adjust"];
    if (adjusters.length > 0) {
      const total = node.maxPoints !== undefined ? fromNumber(node.maxPoints) : children.map((c) => fromNumber(c.maxPoints!)).reduce(add, ZERO);
      const capOf = (c: OracleNodeDef) => (c.maxPoints !== undefined ? fromNumber(c.maxPoints) : (c.children ?? []).map((k) => fromNumber(k.maxPoints!)).reduce(add, ZERO));
      adjust = { terms: adjusters.map((c) => ({ id: c.id, points: c.adjust === "bonus" ? capOf(c) : sub(ZERO, capOf(c)) })), total, range: node.adjustedRange ?? "total" };
    }
    aggregates.push({ id: node.id, kind: "group", children: children.map((c) => c.id), weights, aggregation: node.aggregation ?? "arithmetic", ...(adjust !== undefined ? { adjust } : {}) });
  };
  walk(framework.root, true, false);
  for (const view of framework.views ?? []) {
    // Terms are weighted like siblings: their own `weight`, else the nodes' `maxPoints`, else equally.
    const weights = siblingWeights(view.terms.map((t) => ({ weight: t.weight, maxPoints: byId.get(t.node)?.maxPoints })));
    ids.push(view.id);
    aggregates.push({ id: view.id, kind: "view", children: view.terms.map((t) => t.node), weights, aggregation: view.aggregation ?? "arithmetic" });
  }
  return { rootId: framework.root.id, decimals: framework.decimals ?? 4, leaves, aggregates, ids, scored, byId, adjustPart };
}

/** Weighted mean of present (weight, value) pairs by `method` (docs/methods.md, "Aggregation per node"). */
export function aggregateValues(method: OracleAggregate["aggregation"], pairs: readonly (readonly [Rational, Rational])[]): Rational {
  if (method !== "arithmetic" && pairs.some(([, x]) => compare(x, ZERO) < 0)) {
    throw new OracleDataError(`a ${method} mean met a negative value`);
  }
  let sw = ZERO;
  let swx = ZERO;
  for (const [w, x] of pairs) {
    sw = add(sw, w);
    swx = add(swx, mul(w, x));
  }
  switch (method) {
    case "arithmetic":
      return div(swx, sw);
    case "harmonic": {
      // Σw / Σ(w/x); a 0 gives 0 (the limit as x → 0).
      if (pairs.some(([, x]) => isZero(x))) return ZERO;
      let s = ZERO;
      for (const [w, x] of pairs) s = add(s, div(w, x));
      return div(sw, s);
    }
    case "mazziotta-pareto": {
      // M − S² / M, S² the weighted population variance; a mean of 0 gives 0.
      const m = div(swx, sw);
      if (isZero(m)) return ZERO;
      let ss = ZERO;
      for (const [w, x] of pairs) ss = add(ss, mul(w, mul(sub(x, m), sub(x, m))));
      return sub(m, div(div(ss, sw), m));
    }
    case "geometric":
      throw new OracleUnsupported("geometric means are not rational");
  }
}

/** x kept in [lo, hi] (hi null: no upper bound). */
function clampTo(x: Rational, lo: Rational, hi: Rational | null): Rational {
  if (compare(x, lo) < 0) return lo;
  if (hi !== null && compare(x, hi) > 0) return hi;
  return x;
}

/** A node's exact score (`null` = missing) and coverage (share of its weight with data). */
export interface OracleValue {
  readonly score: Rational | null;
  readonly coverage: Rational;
}

/**
 * Evaluates every group and view of one unit from its leaf scores and leaf coverage. A child with
 * zero weight is ignored; a missing child is left out of the mean (the remaining weights are the
 * weights); a node with no child present is missing. Coverage = Σ w·coverage(child) / Σ w over
 * the children with weight.
 */
export function evaluateUnit(tree: OracleTree, leaves: ReadonlyMap<string, OracleValue>): Map<string, OracleValue> {
  const out = new Map<string, OracleValue>(leaves);
  for (const agg of tree.aggregates) {
    let total = ZERO;
    let covered = ZERO;
    const present: [Rational, Rational][] = [];
    agg.children.forEach((child, k) => {
      const w = agg.weights[k]!;
      if (isZero(w)) return;
      const v = out.get(child)!;
      total = add(total, w);
      covered = add(covered, mul(w, v.coverage));
      if (v.score !== null) present.push([w, v.score]);
    });
    let score: Rational | null;
    if (agg.cap !== undefined) {
      // Σ points / cap within [0, 1]; no criterion given is no points (0), never missing.
      let points = ZERO;
      for (const [w, x] of present) points = add(points, mul(w, x));
      score = clampTo(div(points, agg.cap), ZERO, ONE);
    } else score = present.length === 0 ? null : aggregateValues(agg.aggregation, present);
    if (score !== null && agg.adjust !== undefined) {
      for (const t of agg.adjust.terms) {
        const v = out.get(t.id)!.score;
        if (v !== null) score = add(score, div(mul(t.points, v), agg.adjust.total));
      }
      if (agg.adjust.range !== "none") score = clampTo(score, ZERO, agg.adjust.range === "total" ? ONE : null);
    }
    out.set(agg.id, { score, coverage: isZero(total) ? ZERO : div(covered, total) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Units: reading, leaf scores, normalisation, merging.

/** A unit as read, with its leaf values before normalisation (a normalise leaf: its raw number). */
export interface OracleUnitLeaves {
  readonly unit: string;
  readonly group?: string;
  readonly year?: number;
  readonly members?: readonly string[];
  readonly leaves: Map<string, OracleValue>;
}

/**
 * Reads a record's identity and leaf values. Blank inputs follow the missing policy: a leaf with
 * no weight in the index is simply missing; otherwise "error" refuses, "zero" scores 0, "reweight"
 * leaves it missing. Coverage of a leaf: 1 with data, 0 without (a zero is not data).
 */
export function readUnitLeaves(tree: OracleTree, record: OracleRecord, missing: NonNullable<OracleOptions["missing"]>): OracleUnitLeaves {
  const unit = cleanName(String(record["unit"]));
  const group = isBlankCell(record["group"]) ? undefined : cleanName(String(record["group"]));
  const year = isBlankCell(record["year"]) ? undefined : Number(record["year"]);
  const leaves = new Map<string, OracleValue>();
  for (const leaf of tree.leaves) {
    const inputs = leafInputKeys(leaf).map((k) => record[k]);
    if (inputs.some(isBlankCell)) {
      // A blank bonus or penalty criterion is no points, under any policy.
      const weighted = tree.scored.get(leaf.id) === true && !tree.adjustPart.has(leaf.id);
      if (weighted && missing === "error") throw new OracleDataError(`blank "${leaf.id}" of ${unit} under missing: "error"`);
      // Under "zero" a blank normalise leaf is the raw value 0, normalised with the others
      // (docs/input.md).
      leaves.set(leaf.id, { score: weighted && missing === "zero" ? ZERO : null, coverage: ZERO });
      continue;
    }
    leaves.set(leaf.id, { score: leafScore(leaf, inputs), coverage: ONE });
  }
  return { unit, ...(group !== undefined ? { group } : {}), ...(year !== undefined ? { year } : {}), leaves };
}

/** Normalises every `normalise` leaf over the units of each year (or of all years with `across: "all"`). */
export function normaliseUnits(tree: OracleTree, units: readonly OracleUnitLeaves[]): void {
  for (const leaf of tree.leaves) {
    const rule = leaf.rule!;
    if (rule.type !== "normalise") continue;
    const parts = new Map<string, OracleUnitLeaves[]>();
    for (const u of units) {
      const key = rule.across === "all" ? "" : String(u.year ?? "");
      parts.set(key, [...(parts.get(key) ?? []), u]);
    }
    for (const members of parts.values()) {
      const scores = normaliseColumn(rule, members.map((u) => u.leaves.get(leaf.id)!.score));
      members.forEach((u, k) => u.leaves.set(leaf.id, { score: scores[k]!, coverage: u.leaves.get(leaf.id)!.coverage }));
    }
  }
}

function mergeEntries(mapping: NonNullable<OracleOptions["merge"]>): OracleMergeEntry[] {
  const entries = Array.isArray(mapping)
    ? (mapping as readonly OracleMergeEntry[])
    : Object.entries(mapping as Readonly<Record<string, string>>).map(([unit, into]) => ({ unit, into }));
  return entries.map((e) => ({ ...e, unit: cleanName(e.unit), into: cleanName(e.into) }));
}

/**
 * Merges units (docs/input.md, "Merging units"), within each year: a unit named in the mapping
 * joins its target, a unit named like a target joins it too, the others stay. A merged unit's leaf
 * score is the unweighted mean of its members' present leaf scores (missing when none has one),
 * its leaf coverage the mean of theirs; its group is the mapping's, else the members' common one.
 */
export function mergeUnits(tree: OracleTree, units: readonly OracleUnitLeaves[], mapping: NonNullable<OracleOptions["merge"]>): OracleUnitLeaves[] {
  const entries = mergeEntries(mapping);
  const into = new Map(entries.map((e) => [nameKey(e.unit), e.into]));
  const targets = new Map(entries.map((e) => [nameKey(e.into), e.into]));
  const buckets = new Map<string, { name: string; year: number | undefined; members: OracleUnitLeaves[] }>();
  for (const u of units) {
    const target = into.get(nameKey(u.unit)) ?? targets.get(nameKey(u.unit));
    const key = `${u.year ?? ""}|${target === undefined ? `unit:${nameKey(u.unit)}` : `into:${nameKey(target)}`}`;
    const bucket = buckets.get(key) ?? { name: target ?? u.unit, year: u.year, members: [] };
    bucket.members.push(u);
    buckets.set(key, bucket);
  }
  const out: OracleUnitLeaves[] = [];
  for (const { name, year, members } of buckets.values()) {
    if (!targets.has(nameKey(name))) {
      out.push(members[0]!);
      continue;
    }
    const leaves = new Map<string, OracleValue>();
    for (const leaf of tree.leaves) {
      const values = members.map((m) => m.leaves.get(leaf.id)!);
      const present = values.flatMap((v) => (v.score === null ? [] : [v.score]));
      let total = ZERO;
      for (const s of present) total = add(total, s);
      let covered = ZERO;
      for (const v of values) covered = add(covered, v.coverage);
      leaves.set(leaf.id, {
        score: present.length === 0 ? null : div(total, rational(BigInt(present.length))),
        coverage: div(covered, rational(BigInt(values.length))),
      });
    }
    const entryGroup = entries.find((e) => nameKey(e.into) === nameKey(name) && e.group !== undefined)?.group;
    const groups = new Set(members.map((m) => m.group));
    const group = entryGroup ?? (groups.size === 1 ? members[0]!.group : undefined);
    out.push({ unit: name, ...(group !== undefined ? { group } : {}), ...(year !== undefined ? { year } : {}), members: members.map((m) => m.unit), leaves });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Publishing and ranking.

/** One node of one unit, as the oracle publishes it. */
export interface OracleNodeResult {
  readonly score: Rational | null;
  /** The published value scaled by 10^decimals (0.0598 → 598n), `null` when missing. */
  readonly scaled: bigint | null;
  /** The published value as text ("0.0598"), `null` when missing. */
  readonly value: string | null;
  readonly coverage: Rational;
  /** Competition rank among the units of the same year, `null` when missing. */
  readonly rank: number | null;
  /** Competition rank within the unit's (year, group), `null` without a group or a score. */
  readonly groupRank: number | null;
}

/** One unit of the oracle's result; `nodes` has every node (the root too) and every view. */
export interface OracleUnitResult {
  readonly unit: string;
  readonly group?: string;
  readonly year?: number;
  readonly members?: readonly string[];
  readonly nodes: ReadonlyMap<string, OracleNodeResult>;
}

/** The oracle's result: units in input order (a merged unit where its first member was). */
export interface OracleResult {
  readonly root: string;
  readonly decimals: number;
  /** Node ids in tree pre-order, then view ids. */
  readonly ids: readonly string[];
  readonly units: readonly OracleUnitResult[];
}

/**
 * Competition ranks ("1224"), highest first: 1 + the number of values strictly above; `null`
 * values are not ranked.
 *
 * @example
 * ```ts
 * competitionRanks([8n, 7n, 8n, null, 6n], (a, b) => (a < b ? -1 : a > b ? 1 : 0)); // => [1, 3, 1, null, 4]
 * ```
 */
export function competitionRanks<T>(keys: readonly (T | null)[], cmp: (a: T, b: T) => number): (number | null)[] {
  return keys.map((k) => (k === null ? null : 1 + keys.filter((o) => o !== null && cmp(o, k) > 0).length));
}

/**
 * Scores wide records with a framework, exactly: the oracle's whole pipeline (read → leaf scores
 * → normalise per year → merge → nodes and views → publish half-up → rank).
 *
 * @example
 * ```ts
 * const r = oracleScore(framework, [{ unit: "X", a: 4.841, b: 0.43, c: 0.67, d: 0.034 }]);
 * r.units[0].nodes.get("root")?.value; // => "0.0598"
 * ```
 */
export function oracleScore(framework: OracleFramework, records: readonly OracleRecord[], options: OracleOptions = {}): OracleResult {
  const tree = buildTree(framework);
  const decimals = options.decimals ?? tree.decimals;
  let units = records.map((r) => readUnitLeaves(tree, r, options.missing ?? "error"));
  normaliseUnits(tree, units);
  if (options.merge !== undefined) units = mergeUnits(tree, units, options.merge);
  const values = units.map((u) => evaluateUnit(tree, u.leaves));
  const published = values.map((v) => new Map([...v].map(([id, x]) => [id, x.score === null ? null : roundHalfUpScaled(x.score, decimals)])));

  // Ranks per year, group ranks per (year, group); on published values unless ties are exact.
  const rankOf = new Map<string, (number | null)[]>();
  const groupRankOf = new Map<string, (number | null)[]>();
  for (const id of tree.ids) {
    const ranks: (number | null)[] = units.map(() => null);
    const groupRanks: (number | null)[] = units.map(() => null);
    const partitions = (key: (u: OracleUnitLeaves) => string | undefined, into: (number | null)[]) => {
      const parts = new Map<string, number[]>();
      units.forEach((u, i) => {
        const k = key(u);
        if (k !== undefined) parts.set(k, [...(parts.get(k) ?? []), i]);
      });
      for (const members of parts.values()) {
        const r =
          options.ties === "exact"
            ? competitionRanks(members.map((i) => values[i]!.get(id)!.score), compare)
            : competitionRanks(members.map((i) => published[i]!.get(id)!), (a, b) => (a < b ? -1 : a > b ? 1 : 0));
        members.forEach((i, k) => (into[i] = r[k]!));
      }
    };
    partitions((u) => String(u.year ?? ""), ranks);
    partitions((u) => (u.group === undefined ? undefined : `${u.year ?? ""}|${u.group}`), groupRanks);
    rankOf.set(id, ranks);
    groupRankOf.set(id, groupRanks);
  }

  return {
    root: tree.rootId,
    decimals,
    ids: tree.ids,
    units: units.map((u, i) => {
      const nodes = new Map<string, OracleNodeResult>();
      for (const id of tree.ids) {
        const v = values[i]!.get(id)!;
        const p = published[i]!.get(id)!;
        nodes.set(id, {
          score: v.score,
          scaled: p,
          value: p === null ? null : scaledText(p, decimals),
          coverage: v.coverage,
          rank: rankOf.get(id)![i]!,
          groupRank: groupRankOf.get(id)![i]!,
        });
      }
      return {
        unit: u.unit,
        ...(u.group !== undefined ? { group: u.group } : {}),
        ...(u.year !== undefined ? { year: u.year } : {}),
        ...(u.members !== undefined ? { members: u.members } : {}),
        nodes,
      };
    }),
  };
}
