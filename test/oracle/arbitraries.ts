/**
 * Generators for the oracle property tests: frameworks and unit data built so that many published
 * values land EXACTLY half-way between two 4-decimal values (k + ½ units of 10^-4), where an
 * evaluator that rounds anything before publishing goes wrong, and with group sizes (3, 6, 7, 9,
 * 11, 13) whose weight shares are repeating decimals.
 *
 * A case's shape ({@link CaseParams}: kind, depth, leaves, units, missing policy, groups, years,
 * merge, views, twin) is drawn by fast-check and shrinks; the details come from a seeded generator.
 *
 * Frameworks:
 * - `points-100`, `points-1000`: the root on 100 or 1000 points, every group's points the sum of
 *   its children's (equal splits such as 45 = 15 + 15 + 15 half the time, some 0-point leaves),
 *   leaves mostly `points` with inputs in 3-decimal points (root 100) or quarter points (root
 *   1000), some `ratio`, `value`, `ladder`, `boolean`, `categorical`;
 * - `weights`: `weight` on every child (whole or one-decimal weights, sometimes 0), or equal
 *   weights; leaves of every per-unit rule, values and ratios with 3 decimals;
 * - `normalise`: a `weights` framework with `normalise` leaves too (minmax with data or fixed
 *   bounds, goalposts, rank with ties, percentile, target with or without `worst`), directions
 *   both ways, ranges [0, 1] or [0, 100], per year or `across: "all"`.
 * Half the cases add bonus and penalty points to the root (a capped group of criteria or one
 * criterion each, blanks allowed under any policy, sometimes another adjusted range).
 * Groups nest 1-4 deep, some harmonic (and, where no negative value can reach a stricter mean,
 * Mazziotta-Pareto); 0-2 views.
 *
 * Data: 2-5 units, optional groups, optional second year (a unit may miss one), blanks under
 * "zero" or "reweight" (and in 0-weight leaves under any policy), numbers as JSON numbers or as
 * text with a decimal point or comma, optional merges, an optional "twin" (a copy of a unit with
 * two interchangeable sibling leaves swapped: the same exact scores reached by another float sum).
 *
 * Half-way construction: for each unit, a target (an inner group, then the root; for merged units
 * the merged root) is an affine function of any one of its `value`, `points` or `ratio` leaves when
 * the path to it is arithmetic: T(s) = T(0) + s·(T(1) − T(0)). A half-way value H = (k + ½)·10^-4
 * inside [T(0), T(1)] is picked, s = (H − T(0)) / (T(1) − T(0)) solved, and the leaf's input
 * written to give s exactly (points: s·max in quarter or 3-decimal points; value: ≤ 6 decimals;
 * ratio: a/b in whole numbers), retrying other k and leaves when s cannot be written. The result
 * is checked on the oracle (so a non-affine path, e.g. under a harmonic mean, just fails the
 * check and the input stays as drawn).
 *
 * Measured share (seed 20261123, 2000 cases with every feature on; without merges the same within
 * a point): 74 % of cases have at least one unit whose published root is exactly half-way, 57 % of
 * all units' roots are, and 7 % of the other nodes' values that are not whole numbers. The test
 * prints the counts of each run.
 *
 * @module
 */
import * as fc from "fast-check";
import { seededGen, type Gen } from "../property/arbitraries.ts";
import {
  buildTree,
  evaluateUnit,
  isBlankCell,
  leafInputKeys,
  leafScore,
  mergeUnits,
  nameKey,
  normaliseUnits,
  readUnitLeaves,
  type OracleFramework,
  type OracleMergeEntry,
  type OracleNodeDef,
  type OracleRecord,
  type OracleRule,
  type OracleTree,
  type OracleUnitLeaves,
} from "./evaluate.ts";
import { compare, decimalText, div, equals, mul, ONE, rational, sub, ZERO, type Rational } from "./rational.ts";

/** What generated cases may contain. */
export interface CaseFeatures {
  /** Merge some units (score() only: the stream and what-if refuse merges). */
  readonly merges: boolean;
  /** Allow `normalise` leaves. */
  readonly normalise: boolean;
  /** Allow a second year. */
  readonly years: boolean;
  /** At least this many units per year (the uncertainty analysis needs 2). */
  readonly minUnits?: number;
  /** Allow bonus and penalty points (default true). */
  readonly adjustments?: boolean;
}

/** Every feature on. */
export const ALL_FEATURES: CaseFeatures = { merges: true, normalise: true, years: true };

/** A generated case: a framework definition, wide records and the scoring options to use. */
export interface OracleCase {
  /** A plain framework definition (what `defineFramework` accepts). */
  readonly definition: OracleFramework & { readonly id: string; readonly version: string; readonly title: { readonly vi: string } };
  readonly records: Record<string, unknown>[];
  readonly options: { readonly missing?: "zero" | "reweight"; readonly merge?: readonly OracleMergeEntry[] };
  /** "points-100", "points-1000", "weights" or "normalise" (for reports). */
  readonly kind: string;
  /** The shape it was built from (also the key under which its oracle result is cached). */
  readonly params: CaseParams;
}

const GROUP_SIZES = [3, 6, 7, 9, 11, 13, 2, 4, 5];
const PROVINCES = ["Hà Nội", "Huế", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Ninh", "Bắc Ninh", "Lâm Đồng", "Đắk Lắk", "Gia Lai"];
const REGIONS = ["Miền Bắc", "Miền Trung", "Miền Nam"];
const LABELS = ["Bí thư/Chủ tịch", "Phó Bí thư/Phó Chủ tịch", "Chưa có"];
/** Most leaves in one framework: keeps a case to a few milliseconds. */
const LEAF_BUDGET = 14;

const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });
// An index, not fc.constantFrom: building a constantFrom arbitrary per draw compares every pair of items.
const pick = <T>(g: Gen, items: readonly T[]): T => items[int(g, 0, items.length - 1)]!;
const chance = (g: Gen, oneIn: number): boolean => int(g, 1, oneIn) === 1;

/** How points are written in a points framework: quarter points (root 1000) or thousandths (root 100). */
type PointsStep = "quarter" | "milli";

/** How to draw a leaf's raw inputs (keyed by input key). */
type Recipe = (g: Gen) => Record<string, unknown>;

/** Text of n units of 10^-decimals ("0.430" → "0.43"). */
function fixed(units: number, decimals: number): string {
  return decimalText(rational(BigInt(units), 10n ** BigInt(decimals)), decimals)!;
}

/**
 * A number cell: a JSON number, or text with a decimal point or a decimal comma. Text of one to
 * three digits, a separator and exactly three decimals ("1.757") could be a thousands group, which
 * the reader asks about among counts; a fourth decimal ("1.7570", the same value) is what a person
 * meaning the decimal writes.
 */
function numberCell(g: Gen, text: string): unknown {
  const form = int(g, 0, 2);
  const plain = /^\d{1,3}\.\d{3}$/u.test(text) ? `${text}0` : text;
  return form === 0 ? Number(text) : form === 1 ? plain : plain.replace(".", ",");
}

/** Draws a leaf in a points framework (`points` > 0 its max points, 0 for a leaf without weight). */
function pointsLeaf(g: Gen, id: string, points: number, step: PointsStep, recipes: Map<string, Recipe>): OracleNodeDef {
  const base = { id, name: { vi: `Chỉ tiêu ${id}` }, maxPoints: points };
  if (points === 0) {
    recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, 1000), 3)) }));
    return { ...base, rule: { type: "value" } };
  }
  const type = pick(g, ["points", "points", "points", "points", "points", "ratio", "value", "ladder", "boolean", "categorical"] as const);
  const scale = step === "quarter" ? 4 : 1000;
  switch (type) {
    case "points":
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, points * scale) * (1000 / scale), 3)) }));
      return { ...base, rule: { type: "points" } };
    case "ratio":
      recipes.set(id, ratioRecipe(id));
      return { ...base, rule: { type: "ratio" } };
    case "value":
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, 1000), 3)) }));
      return { ...base, rule: { type: "value" } };
    case "ladder": {
      const steps = [
        { threshold: 1, points: Math.floor(points / 3) },
        { threshold: 2, points: Math.floor((2 * points) / 3) },
        { threshold: 4, points },
      ];
      recipes.set(id, (gg) => ({ [id]: int(gg, 0, 5) }));
      return { ...base, rule: { type: "ladder", direction: "higher", steps } };
    }
    case "boolean":
      recipes.set(id, (gg) => ({ [id]: pick(gg, ["có", "không", true, false, 1, 0, "Đạt"]) }));
      return { ...base, rule: { type: "boolean" } };
    case "categorical": {
      const categories = LABELS.map((label, k) => ({ label, points: k === 0 ? points : k === 1 ? Math.floor(points / 2) : 0 }));
      recipes.set(id, (gg) => ({ [id]: pick(gg, LABELS) }));
      return { ...base, rule: { type: "categorical", categories } };
    }
  }
}

/** A ratio's inputs: 3-decimal or whole a ≤ b, b > 0. */
function ratioRecipe(id: string): Recipe {
  return (gg) => {
    const decimals = int(gg, 0, 1) === 0 ? 0 : 3;
    const b = int(gg, 1, 2000);
    const a = int(gg, 0, b);
    return { [`${id}.a`]: numberCell(gg, fixed(a, decimals)), [`${id}.b`]: numberCell(gg, fixed(b, decimals)) };
  };
}

/** Draws a leaf of a weights framework: any per-unit rule, or a normalise rule when allowed. */
function weightsLeaf(g: Gen, id: string, normalise: boolean, recipes: Map<string, Recipe>): OracleNodeDef {
  const base = { id, name: { vi: `Chỉ tiêu ${id}` } };
  const types = ["value", "value", "ratio", "ratio", "points", "ladder", "categorical", "boolean", "goalposts", "target"] as const;
  const type = normalise && chance(g, 3) ? "normalise" : pick(g, types);
  const direction = pick(g, ["higher", "lower"] as const);
  switch (type) {
    case "value":
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, 1000), 3)) }));
      return { ...base, rule: { type: "value" } };
    case "ratio":
      recipes.set(id, ratioRecipe(id));
      return { ...base, rule: { type: "ratio" } };
    case "points": {
      const max = pick(g, [3, 7, 9, 10, 15, 20, 45]);
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, max * 4) * 250, 3)) }));
      return { ...base, rule: { type: "points", max } };
    }
    case "ladder": {
      const steps = [
        { threshold: 1, points: 1 },
        { threshold: 3, points: 2 },
        { threshold: 5, points: 3 },
      ];
      recipes.set(id, (gg) => ({ [id]: int(gg, 0, 6) }));
      return { ...base, rule: { type: "ladder", direction, steps, max: pick(g, [3, 7]) } };
    }
    case "categorical": {
      const categories = LABELS.map((label, k) => ({ label, score: [1, 0.5, 0][k]! }));
      recipes.set(id, (gg) => ({ [id]: pick(gg, LABELS) }));
      return { ...base, rule: { type: "categorical", categories } };
    }
    case "boolean":
      recipes.set(id, (gg) => ({ [id]: pick(gg, ["có", "không", "yes", "no", true, false]) }));
      return { ...base, rule: { type: "boolean", direction } };
    case "goalposts": {
      const min = int(g, -10, 10);
      const max = min + pick(g, [3, 7, 30, 90]);
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, (min - 5) * 10, (max + 5) * 10), 1)) }));
      return { ...base, rule: { type: "goalposts", min, max, direction } };
    }
    case "target": {
      const target = pick(g, [3, 7, 60, 90]);
      const withWorst = chance(g, 2);
      const worst = direction === "higher" ? target - pick(g, [3, 9, 60]) : target + pick(g, [3, 9, 60]);
      recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, 2000), 1)) }));
      return { ...base, rule: withWorst ? { type: "target", target, direction, worst } : { type: "target", target, direction } };
    }
    case "normalise":
      return normaliseLeaf(g, id, base, direction, recipes);
  }
}

function normaliseLeaf(g: Gen, id: string, base: { id: string; name: { vi: string } }, direction: "higher" | "lower", recipes: Map<string, Recipe>): OracleNodeDef {
  const method = pick(g, ["minmax", "minmax", "rank", "rank", "percentile", "goalposts", "target"] as const);
  const range: readonly [number, number] | undefined = chance(g, 6) ? [0, 100] : undefined;
  const across = chance(g, 4) ? ("all" as const) : undefined;
  // Few distinct raw values, so that ties (and equal columns) happen.
  const spread = pick(g, [3, 7, 30]);
  recipes.set(id, (gg) => ({ [id]: numberCell(gg, fixed(int(gg, 0, spread) * pick(gg, [10, 25]), 1)) }));
  const rule: OracleRule =
    method === "minmax"
      ? { type: "normalise", method, direction, ...(chance(g, 3) ? { bounds: { min: 0, max: 300 } } : {}) }
      : method === "goalposts"
        ? { type: "normalise", method, direction, bounds: { min: 0, max: pick(g, [30, 70, 90]) } }
        : method === "target"
          ? direction === "higher"
            ? { type: "normalise", method, direction, target: pick(g, [60, 70]), ...(chance(g, 2) ? { worst: 10 } : {}) }
            : { type: "normalise", method, direction, target: pick(g, [10, 20]), ...(chance(g, 2) ? { worst: 90 } : {}) }
          : { type: "normalise", method, direction };
  return { ...base, rule: { ...rule, ...(range !== undefined ? { range } : {}), ...(across !== undefined ? { across } : {}) } as OracleRule };
}

/** A shuffled copy (Fisher-Yates on the generator). */
function shuffle<T>(g: Gen, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(g, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Splits `total` points into `n` whole parts ≥ 1: equal when it divides, else a random composition. */
function splitPoints(g: Gen, total: number, n: number): number[] {
  if (total % n === 0 && chance(g, 2)) return Array.from({ length: n }, () => total / n);
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(int(g, 1, total - 1));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), total];
  return sorted.slice(1).map((c, k) => c - sorted[k]!);
}

type Aggregation = NonNullable<OracleNodeDef["aggregation"]>;

/** A group's mean: mostly arithmetic; Mazziotta-Pareto (which can go negative) only where no stricter mean sits above. */
function drawAggregation(g: Gen, mpAllowed: boolean): Aggregation {
  const r = int(g, 0, 29);
  if (r < 3) return "harmonic";
  if (r === 3 && mpAllowed) return "mazziotta-pareto";
  return "arithmetic";
}

/** Draws a framework of the given kind. */
export function drawFramework(
  g: Gen,
  kind: CaseParams["kind"],
  shape: Pick<CaseParams, "depth" | "leaves" | "views"> & { readonly adjust?: boolean },
): { definition: OracleCase["definition"]; recipes: Map<string, Recipe> } {
  const recipes = new Map<string, Recipe>();
  const maxDepth = shape.depth;
  let next = 0;
  let budget = shape.leaves;
  const step: PointsStep = kind === "points-1000" ? "quarter" : "milli";

  // A subtree on `points` points (points kinds) at `depth` (root 0).
  const build = (depth: number, points: number, mpAllowed: boolean): OracleNodeDef => {
    const id = `n${next++}`;
    const sizes = GROUP_SIZES.filter((n) => n <= budget && (kind.startsWith("points") ? n <= points : true));
    const leaf = depth > 0 && (depth >= maxDepth || sizes.length === 0 || chance(g, 3));
    if (leaf) {
      budget--;
      return kind.startsWith("points") ? pointsLeaf(g, id, points, step, recipes) : weightsLeaf(g, id, kind === "normalise", recipes);
    }
    const n = pick(g, sizes);
    budget -= n; // reserved: each child is at least one leaf
    const aggregation = depth === 0 && kind.startsWith("points") ? "arithmetic" : drawAggregation(g, mpAllowed);
    const childMp = mpAllowed && aggregation === "arithmetic";
    let children: OracleNodeDef[];
    if (kind.startsWith("points")) {
      const parts = splitPoints(g, points, n);
      children = parts.map((p) => {
        budget++;
        return build(depth + 1, p, childMp);
      });
      // Now and then a leaf without points (no weight, like "Đô thị thông minh"): it may be blank.
      if (chance(g, 6) && budget > 0) {
        budget--;
        children.push(pointsLeaf(g, `n${next++}`, 0, step, recipes));
      }
    } else {
      const mode = pick(g, ["whole", "whole", "tenths", "equal"] as const);
      children = Array.from({ length: n }, () => {
        budget++;
        return build(depth + 1, 0, childMp);
      });
      if (mode !== "equal") {
        const weights = children.map(() => (mode === "whole" ? int(g, 0, 10) : int(g, 0, 9) / 10));
        if (chance(g, 2)) weights.forEach((w, k) => w === 0 && (weights[k] = 1));
        if (!weights.some((w) => w > 0)) weights[0] = 1;
        children = children.map((c, k) => ({ ...c, weight: weights[k]! }));
      }
    }
    return {
      id,
      name: { vi: `Nhóm ${id}` },
      ...(kind.startsWith("points") ? { maxPoints: points } : {}),
      ...(aggregation !== "arithmetic" ? { aggregation } : {}),
      children,
    } as OracleNodeDef;
  };
  let root = build(0, kind === "points-100" ? 100 : kind === "points-1000" ? 1000 : 0, true);
  if (shape.adjust === true) root = withAdjustments(g, root, () => `n${next++}`, recipes);

  const ids: string[] = [];
  const collect = (n: OracleNodeDef) => {
    ids.push(n.id);
    n.children?.forEach(collect);
  };
  collect(root);
  const views = Array.from({ length: shape.views }, (_, v) => {
    const terms = shuffle(g, ids).slice(0, int(g, 1, Math.min(4, ids.length)));
    // Unweighted terms take the nodes' maxPoints: all zero (a 0-point leaf alone) would be refused.
    // With bonus and penalty points a weights framework's root has maxPoints and its children none.
    const weighted = chance(g, 2) || shape.adjust === true || terms.every((t) => findNode(root, t)?.maxPoints === 0);
    return { id: `v${v}`, name: { vi: `Trụ cột ${v}` }, terms: terms.map((node) => (weighted ? { node, weight: int(g, 1, 5) } : { node })) };
  });
  const definition = { id: "oracle-generated", version: "1.0.0", title: { vi: "Khung sinh ngẫu nhiên" }, root, ...(views.length > 0 ? { views } : {}) };
  return { definition: definition as OracleCase["definition"], recipes };
}

/**
 * Bonus and penalty points on the root: a bonus group of 1-3 criteria (points, ratio, ladder …
 * on 1-5 points each) capped at their sum or below it, and/or a penalty criterion or group; the
 * root on 100 points when it had none (a framework of weights); sometimes another adjusted range.
 */
function withAdjustments(g: Gen, root: OracleNodeDef, newId: () => string, recipes: Map<string, Recipe>): OracleNodeDef {
  const group = (adjust: "bonus" | "penalty"): OracleNodeDef => {
    const items = Array.from({ length: int(g, 1, 3) }, () => pointsLeaf(g, newId(), int(g, 1, 5), "milli", recipes));
    const sum = items.reduce((a, c) => a + c.maxPoints!, 0);
    const cap = pick(g, [undefined, sum, Math.max(1, sum - int(g, 1, 3))]);
    return { id: newId(), name: { vi: adjust === "bonus" ? "Điểm thưởng" : "Điểm trừ" }, adjust, ...(cap !== undefined ? { maxPoints: cap } : {}), children: items } as OracleNodeDef;
  };
  const leaf = (adjust: "bonus" | "penalty"): OracleNodeDef => ({ ...pointsLeaf(g, newId(), int(g, 1, 10), "milli", recipes), adjust });
  const which = pick(g, ["bonus", "penalty", "both", "both"] as const);
  const extra: OracleNodeDef[] = [];
  if (which !== "penalty") extra.push(chance(g, 3) ? leaf("bonus") : group("bonus"));
  if (which !== "bonus") extra.push(chance(g, 2) ? leaf("penalty") : group("penalty"));
  const range = pick(g, [undefined, undefined, undefined, "non-negative", "none"] as const);
  return { ...root, ...(root.maxPoints === undefined ? { maxPoints: 100 } : {}), ...(range !== undefined ? { adjustedRange: range } : {}), children: [...root.children!, ...extra] } as OracleNodeDef;
}

function findNode(node: OracleNodeDef, id: string): OracleNodeDef | undefined {
  if (node.id === id) return node;
  for (const c of node.children ?? []) {
    const found = findNode(c, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Half-way construction.

/** The leaves whose input can be solved for: value, points, ratio (their score is affine in the input). */
function solvable(node: OracleNodeDef): boolean {
  const t = node.rule?.type;
  return t === "value" || t === "points" || t === "ratio";
}

/** Leaf ids under a node (itself when a leaf). */
function leafIdsUnder(node: OracleNodeDef): string[] {
  return node.rule !== undefined ? [node.id] : (node.children ?? []).flatMap(leafIdsUnder);
}

/**
 * The raw inputs that give `node` the score s exactly, or `undefined` when s cannot be written
 * (points: s·max in the framework's step; value: at most 6 decimals; ratio: whole numbers < 2^53).
 */
function encode(g: Gen, node: OracleNodeDef, s: Rational, step: PointsStep | undefined): Record<string, unknown> | undefined {
  const rule = node.rule!;
  if (rule.type === "value") {
    const text = decimalText(s, 6);
    return text === undefined ? undefined : { [node.id]: numberCell(g, text) };
  }
  if (rule.type === "points") {
    const max = rational(BigInt(rule.max ?? node.maxPoints!));
    const x = mul(s, max);
    const text = step === "quarter" ? (mul(x, rational(4n)).den === 1n ? decimalText(x, 2) : undefined) : decimalText(x, 3);
    return text === undefined ? undefined : { [node.id]: numberCell(g, text) };
  }
  if (rule.type === "ratio") {
    const m = BigInt(int(g, 1, 3));
    const a = s.num * m;
    const b = s.den * m;
    if (b > 2n ** 53n) return undefined;
    const cell = (x: bigint) => (int(g, 0, 1) === 0 ? Number(x) : x.toString());
    return { [`${node.id}.a`]: cell(a), [`${node.id}.b`]: cell(b) };
  }
  return undefined;
}

/** The value of a target (a node of one unit of the final, possibly merged, units) with one raw leaf score replaced. */
type Target = (s: Rational) => Rational | null;

/**
 * Sets `record`'s inputs of `leaf` so that `target` lands exactly half-way at `places` decimals.
 * Returns true on success (the record is changed), false when no writable input does it.
 */
function solveHalfWay(g: Gen, record: Record<string, unknown>, leaf: OracleNodeDef, target: Target, places: number, step: PointsStep | undefined): boolean {
  const t0 = target(ZERO);
  const t1 = target(ONE);
  if (t0 === null || t1 === null || equals(t0, t1)) return false;
  const lo = compare(t0, t1) < 0 ? t0 : t1;
  const hi = compare(t0, t1) < 0 ? t1 : t0;
  const scale = 10n ** BigInt(places);
  // k + ½ inside [lo, hi]: k from ceil(lo·10^p − ½) to floor(hi·10^p − ½).
  const kLo = ceilDiv(2n * lo.num * scale - lo.den, 2n * lo.den);
  const kHi = floorDiv(2n * hi.num * scale - hi.den, 2n * hi.den);
  if (kLo > kHi) return false;
  for (let attempt = 0; attempt < 12; attempt++) {
    const span = kHi - kLo;
    const k = kLo + (span === 0n ? 0n : BigInt(int(g, 0, Number(span > 1_000_000n ? 1_000_000n : span))));
    const h = rational(2n * k + 1n, 2n * scale);
    const s = div(sub(h, t0), sub(t1, t0));
    const inputs = encode(g, leaf, s, step);
    if (inputs === undefined) continue;
    // Check on the oracle: the written input gives s, and s gives the half-way value.
    const written = leafScore(leaf, leafInputKeys(leaf).map((key) => inputs[key]));
    const reached = target(written);
    if (reached === null || !equals(reached, h)) continue;
    Object.assign(record, inputs);
    return true;
  }
  return false;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** The oracle's leaf values of every record (normalised per year), for building targets. */
function leafValues(tree: OracleTree, records: readonly OracleRecord[], missing: "error" | "zero" | "reweight"): OracleUnitLeaves[] {
  const units = records.map((r) => readUnitLeaves(tree, r, missing));
  normaliseUnits(tree, units);
  return units;
}

/** The tree cut down to the subtree of `nodeId` (its groups only, no views): all a target needs. */
function subtree(tree: OracleTree, nodeId: string): OracleTree {
  const inside = new Set<string>();
  const walk = (n: OracleNodeDef) => {
    inside.add(n.id);
    n.children?.forEach(walk);
  };
  walk(tree.byId.get(nodeId)!);
  return { ...tree, aggregates: tree.aggregates.filter((a) => a.kind === "group" && inside.has(a.id)) };
}

/**
 * The target "node `nodeId` of raw unit `index`", as a function of its leaf `leafId`'s score.
 * Normalised leaves do not move (the solved leaf is never a normalise leaf).
 */
function unitTarget(tree: OracleTree, units: readonly OracleUnitLeaves[], index: number, leafId: string, nodeId: string): Target {
  const small = subtree(tree, nodeId);
  return (s) => {
    const leaves = new Map(units[index]!.leaves);
    leaves.set(leafId, { score: s, coverage: ONE });
    return evaluateUnit(small, leaves).get(nodeId)!.score;
  };
}

/**
 * The target "root of the merged unit `name` (year)", as a function of member `index`'s leaf
 * `leafId`: the merge of that year's members alone (the other units do not enter a merged unit).
 */
function mergedTarget(tree: OracleTree, units: readonly OracleUnitLeaves[], merge: readonly OracleMergeEntry[], index: number, leafId: string, name: string, year: number | undefined): Target {
  const small = subtree(tree, tree.rootId);
  const names = new Set([...merge.flatMap((e) => [nameKey(e.unit), nameKey(e.into)])]);
  const members = units.flatMap((u, k) => (u.year === year && names.has(nameKey(u.unit)) ? [k] : []));
  return (s) => {
    const changed = members.map((k) => (k === index ? { ...units[k]!, leaves: new Map(units[k]!.leaves).set(leafId, { score: s, coverage: ONE }) } : units[k]!));
    const merged = mergeUnits(tree, changed, merge).find((u) => nameKey(u.unit) === nameKey(name))!;
    return evaluateUnit(small, merged.leaves).get(tree.rootId)!.score;
  };
}

/** Present, solvable leaves of a record among `ids`. */
function candidates(tree: OracleTree, record: OracleRecord, ids: readonly string[]): OracleNodeDef[] {
  return ids
    .map((id) => tree.byId.get(id)!)
    .filter((n) => solvable(n) && tree.scored.get(n.id) === true && !leafInputKeys(n).some((k) => isBlankCell(record[k])));
}

/** Tries up to three leaves of `pool` to put `target` half-way. */
function solveWithAny(g: Gen, tree: OracleTree, record: Record<string, unknown>, pool: readonly OracleNodeDef[], target: (leafId: string) => Target, step: PointsStep | undefined): OracleNodeDef | undefined {
  const order = [...pool];
  for (let tries = 0; tries < 3 && order.length > 0; tries++) {
    const leaf = order.splice(int(g, 0, order.length - 1), 1)[0]!;
    if (solveHalfWay(g, record, leaf, target(leaf.id), tree.decimals, step)) return leaf;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cases.

/**
 * The shape of a case, drawn by fast-check: everything else follows from `seed`. Shrinking these
 * (fewer leaves, units, levels; features off) gives small counterexamples while the details come
 * from a fast seeded generator (fast-check's `fc.gen()` costs a lookup per draw, too slow for the
 * tens of thousands of cases run here).
 */
export interface CaseParams {
  readonly seed: number;
  readonly kind: "points-100" | "points-1000" | "weights" | "normalise";
  readonly depth: number;
  readonly leaves: number;
  readonly units: number;
  readonly missing: "error" | "zero" | "reweight";
  readonly groups: boolean;
  readonly years: boolean;
  readonly merge: boolean;
  readonly views: number;
  readonly twin: boolean;
  /** Bonus and penalty points after the weighted total. */
  readonly adjust: boolean;
}

/** fast-check arbitrary of case shapes for the given features. */
export function caseParams(features: CaseFeatures = ALL_FEATURES): fc.Arbitrary<CaseParams> {
  const kinds = ["points-100", "points-1000", "weights", ...(features.normalise ? (["normalise"] as const) : [])] as const;
  return fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    kind: fc.constantFrom(...kinds),
    depth: fc.integer({ min: 1, max: 4 }),
    leaves: fc.integer({ min: 3, max: LEAF_BUDGET }),
    units: fc.integer({ min: features.minUnits ?? 2, max: 5 }),
    missing: fc.constantFrom("error", "error", "zero", "reweight"),
    groups: fc.boolean(),
    years: features.years ? fc.boolean() : fc.constant(false),
    merge: features.merges ? fc.boolean() : fc.constant(false),
    views: fc.integer({ min: 0, max: 2 }),
    twin: fc.boolean(),
    adjust: features.adjustments === false ? fc.constant(false) : fc.boolean(),
  }) as fc.Arbitrary<CaseParams>;
}

/** fast-check arbitrary of whole cases (the value shown on failure is the framework and the data). */
export function oracleCases(features: CaseFeatures = ALL_FEATURES): fc.Arbitrary<OracleCase> {
  return caseParams(features).map(buildCase);
}

/**
 * Builds a case from its shape: a framework, data, then inputs moved so that many roots and
 * inner groups land exactly half-way (see the module comment).
 */
export function buildCase(params: CaseParams): OracleCase {
  const d = seededGen(params.seed);
  const kind = params.kind;
  const { definition, recipes } = drawFramework(d, kind, params);
  const tree = buildTree(definition);
  const step: PointsStep | undefined = kind === "points-1000" ? "quarter" : kind === "points-100" ? "milli" : undefined;

  const missing = params.missing === "error" ? undefined : params.missing;
  const years = params.years ? [2023, 2024] : [undefined];
  const names = PROVINCES.slice(0, params.units);

  const records: Record<string, unknown>[] = [];
  for (const year of years) {
    for (const name of names) {
      if (year === 2023 && chance(d, 6)) continue; // a unit missing from one year
      const record: Record<string, unknown> = { unit: name };
      if (params.groups) record["group"] = REGIONS[names.indexOf(name) % REGIONS.length];
      if (year !== undefined) record["year"] = year;
      for (const leaf of tree.leaves) {
        const weighted = tree.scored.get(leaf.id) === true && !tree.adjustPart.has(leaf.id);
        // Blanks: under zero / reweight, and always allowed in a leaf without weight or a bonus or penalty.
        const mayBlank = !weighted || missing !== undefined;
        if (mayBlank && chance(d, weighted ? 7 : 2)) {
          for (const key of leafInputKeys(leaf)) record[key] = pick(d, [null, "", "NA", " "]);
          continue;
        }
        Object.assign(record, recipes.get(leaf.id)!(d));
      }
      records.push(record);
    }
  }

  // Half-way targets on every raw unit: one inner group (when it has a solvable leaf and the root
  // has another outside it), then the root.
  const policy = params.missing;
  const groups = tree.aggregates.filter((a) => a.kind === "group" && a.id !== tree.rootId);
  // The oracle's leaf values of every record; a solved record's are read again after each change
  // (its normalised leaves cannot change: only value, points and ratio leaves are solved).
  const units = leafValues(tree, records, policy);
  const reread = (index: number) => {
    const fresh = readUnitLeaves(tree, records[index]!, policy);
    for (const [id, v] of fresh.leaves) if (tree.byId.get(id)!.rule!.type !== "normalise") units[index]!.leaves.set(id, v);
  };
  const allLeaves = tree.leaves.map((l) => l.id);
  records.forEach((record, index) => {
    let exclude = new Set<string>();
    if (groups.length > 0) {
      const group = pick(d, groups);
      const inside = candidates(tree, record, leafIdsUnder(tree.byId.get(group.id)!));
      const outside = candidates(tree, record, allLeaves).filter((l) => !inside.includes(l));
      if (inside.length > 0 && outside.length > 0) {
        if (solveWithAny(d, tree, record, inside, (leafId) => unitTarget(tree, units, index, leafId, group.id), step) !== undefined) {
          exclude = new Set(leafIdsUnder(tree.byId.get(group.id)!));
          reread(index);
        }
      }
    }
    const pool = candidates(tree, record, allLeaves).filter((l) => !exclude.has(l.id));
    if (solveWithAny(d, tree, record, pool, (leafId) => unitTarget(tree, units, index, leafId, tree.rootId), step) !== undefined) reread(index);
  });

  // Merges: 2-3 units of the first listed names become one (a new unit, or one of them), in
  // every year; then each merged root is put half-way through one of its members' leaves.
  let merge: OracleMergeEntry[] | undefined;
  if (params.merge && params.units >= 3) {
    const members = names.slice(0, int(d, 2, Math.min(3, params.units - 1)));
    const into = chance(d, 2) ? "Tỉnh hợp nhất" : members[0]!;
    const group = params.groups && chance(d, 2) ? REGIONS[2] : undefined;
    merge = members.filter((m) => m !== into).map((unit) => ({ unit, into, ...(group !== undefined ? { group } : {}) }));
    for (const year of years) {
      const memberIndices = records.flatMap((r, k) => (r["year"] === year && members.includes(r["unit"] as string) ? [k] : []));
      if (memberIndices.length === 0) continue;
      const index = pick(d, memberIndices);
      const pool = candidates(tree, records[index]!, allLeaves);
      const target = (leafId: string) => mergedTarget(tree, units, merge!, index, leafId, into, year);
      if (solveWithAny(d, tree, records[index]!, pool, target, step) !== undefined) reread(index);
    }
  }

  // A twin: a copy of a unit (new name, same group and year) with two interchangeable sibling
  // leaves' inputs swapped, so its exact scores are equal but reached by another sum.
  if (params.twin && records.length > 0) {
    const twin: Record<string, unknown> = { ...pick(d, records), unit: "Tỉnh sinh đôi" };
    swapSiblings(d, tree, twin);
    records.push(twin);
  }

  return { definition, records, options: { ...(missing !== undefined ? { missing } : {}), ...(merge !== undefined ? { merge } : {}) }, kind, params };
}

/** Swaps the inputs of two sibling leaves with the same rule and weight, when a group has such a pair. */
function swapSiblings(g: Gen, tree: OracleTree, record: Record<string, unknown>): void {
  const pairs: [OracleNodeDef, OracleNodeDef][] = [];
  for (const agg of tree.aggregates) {
    if (agg.kind !== "group") continue;
    agg.children.forEach((a, i) =>
      agg.children.forEach((b, j) => {
        const x = tree.byId.get(a)!;
        const y = tree.byId.get(b)!;
        const same = i < j && x.rule !== undefined && y.rule !== undefined && JSON.stringify(x.rule) === JSON.stringify(y.rule) && x.maxPoints === y.maxPoints && equals(agg.weights[i]!, agg.weights[j]!);
        if (same && x.rule!.type !== "ratio" && x.rule!.type !== "normalise") pairs.push([x, y]);
      }),
    );
  }
  if (pairs.length === 0) return;
  const [x, y] = pick(g, pairs);
  [record[x.id], record[y.id]] = [record[y.id], record[x.id]];
}
