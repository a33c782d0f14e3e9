import type { Issue } from "../../errors.ts";
import type { UnitInput } from "../../input/read-units.ts";
import { dec, publish, type Decimal } from "../../number/decimal.ts";
import { scaledOrNaN, UNIT_ROUNDOFF as U } from "../../number/publish-float.ts";
import { computeNodes } from "../compute-nodes.ts";
import { nodeFlagIssues } from "../node-flag-issues.ts";
import type { RawValue } from "../rules/outcome.ts";
import { scoreLeaf } from "../score-leaf.ts";
import { scoreLeaves, type MissingPolicy } from "../score-leaves.ts";
import { floatLeafInto } from "./float-leaf.ts";
import type { FastPlan } from "./fast-plan.ts";

/** One unit's scores for every compiled node. */
export interface FloatUnitScores {
  /** Score per compiled node as a float; NaN where missing. */
  readonly scores: Float64Array;
  /** Published value per node as a whole number scaled by 10^places (0.8002 → 8002); NaN where missing. */
  readonly published: Float64Array;
  /** Share of each node's weight that had data. */
  readonly coverage: Float64Array;
  /** True when exact decimals were needed for this unit (a value near a rounding point, or the exact path). */
  readonly exact: boolean;
  /** Scored leaves (compiled indices) with a blank or absent input, for the missing-value warnings. */
  readonly missingLeaves: readonly number[];
  /** The unit's data errors (naming row, column, unit and node; the scores are void when any), and
   *  warnings of nodes left missing by a coverage threshold. */
  readonly issues: readonly Issue[];
}

/** What {@link scoreUnitFloat} needs besides the unit. */
export interface FloatUnitContext {
  /** Input keys that have a column. */
  readonly presentKeys: ReadonlySet<string>;
  readonly missing: MissingPolicy;
  /** Decimals of published values. */
  readonly places: number;
  /** Table shape (default wide): long data has no per-column absence. */
  readonly shape?: "wide" | "long";
  /** Score every unit by the exact decimal path (no float arithmetic). */
  readonly exact?: boolean;
}

/**
 * Scores one unit in floats and publishes exact values. Each node's float carries a proven error
 * bound; a published value is taken from the float only when the bound keeps it away from the
 * rounding half-way point (see `publishedScaled`). Otherwise, and for anything the float path does
 * not decide (a bad or unusual cell, a value on a range limit, a missing value under "error",
 * geometric aggregation), the unit is scored by the exact decimal path, which also writes the
 * issues. Published values are therefore always those of the exact path.
 *
 * Bound of a weighted mean m̂ = fl(Σ ŵᵢx̂ᵢ) / fl(Σ ŵᵢ) of k present children, each x̂ᵢ ≥ 0 within
 * eᵢ of its exact xᵢ and ŵᵢ = wᵢ(1 + δ), |δ| ≤ u: numerator and denominator carry relative errors
 * of at most γ = γ_{k+1} ≈ (k + 1)u each (products, k − 1 additions, the weight's own rounding),
 * the division one more u, so |m̂ − m′| ≤ m′·(2γ + u)/(1 − γ) where m′ = Σ wᵢx̂ᵢ / Σ wᵢ, and
 * |m′ − m| ≤ max eᵢ. Taken as e = max eᵢ + (m̂ + max eᵢ)·4(k + 2)u.
 *
 * @example
 * ```ts
 * const compiled = compileFramework(getFramework("vn-dti-2020-province"));
 * const { units } = readUnits(tableFromRecords([{ unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 }]), compiled.framework);
 * const r = scoreUnitFloat(fastPlan(compiled), units[0], { presentKeys: new Set(["government", "economy", "society"]), missing: "error", places: 4 });
 * r.published[compiled.root]; // => 4096
 * ```
 */
export function scoreUnitFloat(plan: FastPlan, unit: UnitInput, context: FloatUnitContext): FloatUnitScores {
  return scoreCellsFloat(plan, (key) => unit.values.get(key)?.raw, () => unit, context);
}

/**
 * {@link scoreUnitFloat} on a reader of raw inputs by key, or by compiled leaf index and input
 * number (0, or 1 for a ratio's denominator); `undefined` = blank or absent. Builds
 * the unit (for the exact path) only when needed: streaming reads cells without making a unit.
 */
export function scoreCellsFloat(
  plan: FastPlan,
  read: (key: string, leafIndex: number, input: number) => RawValue | undefined,
  unitOf: () => UnitInput,
  context: FloatUnitContext,
  scratch: FloatScratch = floatScratch(plan),
): FloatUnitScores {
  const { compiled } = plan;
  const n = compiled.nodes.length;
  const [scores, published, coverage] = takeArrays(scratch, n);
  scores.fill(NaN);
  published.fill(NaN);
  const errors = scratch.errors.fill(0);
  const leafOut = scratch.leafOut;
  const missingLeaves: number[] = [];
  let needsExact = !plan.floatable || context.exact === true;

  for (const leafIndex of compiled.leaves) {
    const node = compiled.nodes[leafIndex]!;
    const keys = node.inputs;
    const first = read(keys[0]!, leafIndex, 0);
    const second = keys.length > 1 ? read(keys[1]!, leafIndex, 1) : undefined;
    const blank = first === undefined || (keys.length > 1 && second === undefined);
    if (blank) {
      if (!node.scored) continue;
      missingLeaves.push(leafIndex);
      if (context.missing === "error") needsExact = true;
      else if (context.missing === "zero") scores[leafIndex] = 0;
      continue;
    }
    if (needsExact) continue;
    if (!floatLeafInto(node.leaf!, first, second, leafOut)) {
      needsExact = true;
      continue;
    }
    scores[leafIndex] = leafOut[0]!;
    errors[leafIndex] = leafOut[1]!;
    coverage[leafIndex] = 1;
  }
  if (needsExact) return exactUnit(plan, unitOf(), context, missingLeaves);

  const scale = SCALES[context.places] ?? 10 ** context.places;
  let undecided = false;
  for (let i = 0; i < n; i++) {
    const node = compiled.nodes[i]!;
    if (node.kind !== "leaf") {
      const children = plan.children[i]!;
      const weights = plan.weights[i]!;
      let num = 0;
      let den = 0;
      let covered = 0;
      let total = 0;
      let worst = 0;
      let k = 0;
      for (let c = 0; c < children.length; c++) {
        const w = weights[c]!;
        if (w === 0) continue;
        const child = children[c]!;
        total += w;
        covered += w * coverage[child]!;
        const s = scores[child]!;
        if (Number.isNaN(s)) continue;
        num += w * s;
        den += w;
        if (errors[child]! > worst) worst = errors[child]!;
        k++;
      }
      coverage[i] = total > 0 ? covered / total : 0;
      if (k === 0) continue;
      const m = num / den;
      scores[i] = m;
      errors[i] = worst + (m + worst) * 4 * (k + 2) * U;
    }
    const s = scores[i]!;
    if (Number.isNaN(s)) continue;
    const p = scaledOrNaN(s, errors[i]!, scale);
    if (Number.isNaN(p)) undecided = true;
    else published[i] = p;
  }
  if (undecided) return refine(plan, read, unitOf, context, missingLeaves, scores, published, coverage);
  return { scores, published, coverage, exact: false, missingLeaves, issues: [] };
}

/**
 * Some node's float is too close to a half-way point: compute the unit's exact decimals (leaves
 * from the input text, then every node, as the exact path does) and publish those nodes from
 * them. The other nodes keep their float-published values (equal, as proven); the valid inputs
 * need no checks again (the float path accepted them, so the exact rules accept them too).
 */
function refine(
  plan: FastPlan,
  read: (key: string, leafIndex: number, input: number) => RawValue | undefined,
  unitOf: () => UnitInput,
  context: FloatUnitContext,
  missingLeaves: readonly number[],
  scores: Float64Array,
  published: Float64Array,
  coverage: Float64Array,
): FloatUnitScores {
  const { compiled } = plan;
  const leafScores = new Map<number, Decimal | null>();
  const leafCoverage = new Map<number, number>();
  for (const leafIndex of compiled.leaves) {
    const node = compiled.nodes[leafIndex]!;
    leafCoverage.set(leafIndex, coverage[leafIndex]!);
    if (coverage[leafIndex] === 0) {
      leafScores.set(leafIndex, Number.isNaN(scores[leafIndex]!) ? null : dec(0));
      continue;
    }
    const raws = node.inputs.map((key, k) => read(key, leafIndex, k) as RawValue);
    const outcome = scoreLeaf(node.leaf!, raws);
    if (!outcome.ok) return exactUnit(plan, unitOf(), context, missingLeaves);
    leafScores.set(leafIndex, outcome.score);
  }
  const exact = computeNodes(compiled, leafScores, leafCoverage);
  for (let i = 0; i < compiled.nodes.length; i++) {
    const d = exact.scores[i];
    if (Number.isNaN(published[i]!) && d !== null && d !== undefined) published[i] = Number(publish(d, context.places).replace(".", ""));
  }
  return { scores, published, coverage, exact: true, missingLeaves, issues: [] };
}

/** The exact decimal path for one unit (the same stages as `score` with exact arithmetic). */
function exactUnit(plan: FastPlan, unit: UnitInput, context: FloatUnitContext, missingLeaves: readonly number[]): FloatUnitScores {
  const { compiled } = plan;
  const n = compiled.nodes.length;
  const leaves = scoreLeaves(compiled, [unit], context.presentKeys, context.missing, context.shape ?? "wide");
  // Column-level issues and the missing-value summaries are the caller's (once per table).
  const issues = leaves.issues.filter((i) => i.severity === "error" && i.code !== "DATA_MISSING_COLUMN");
  const scores = new Float64Array(n).fill(NaN);
  const published = new Float64Array(n).fill(NaN);
  const coverage = new Float64Array(n);
  const leaf = leaves.results[0]!;
  if (issues.length === 0) {
    const exact = computeNodes(compiled, leaf.scores, leaf.coverage);
    // Coverage thresholds and means that cannot take a value (the exact path's flags).
    issues.push(...nodeFlagIssues(compiled, [{ input: unit }], [exact]));
    for (let i = 0; i < n; i++) {
      coverage[i] = exact.coverage[i] ?? 0;
      const d = exact.scores[i];
      if (d === null || d === undefined) continue;
      scores[i] = d.toNumber();
      published[i] = Number(publish(d, context.places).replace(".", ""));
    }
  }
  return { scores, published, coverage, exact: true, missingLeaves, issues };
}

/**
 * Working memory of {@link scoreCellsFloat}, made once per table or stream: the error bounds, and
 * blocks of float arrays handed out to units as views (one allocation per 64 units instead of
 * three per unit; a block is freed once no unit of it is referenced).
 */
export interface FloatScratch {
  readonly errors: Float64Array;
  readonly leafOut: Float64Array;
  block: Float64Array;
  used: number;
}

const BLOCK_UNITS = 64;

/** 10^0 … 10^12 (a lookup: `10 ** places` in the hot loop measured slower). */
const SCALES = Array.from({ length: 13 }, (_, k) => 10 ** k);

/** A fresh {@link FloatScratch} for a plan. */
export function floatScratch(plan: FastPlan): FloatScratch {
  const n = plan.compiled.nodes.length;
  return { errors: new Float64Array(n), leafOut: new Float64Array(2), block: new Float64Array(0), used: 0 };
}

function takeArrays(scratch: FloatScratch, n: number): [Float64Array, Float64Array, Float64Array] {
  if (scratch.used + 3 * n > scratch.block.length) {
    scratch.block = new Float64Array(3 * n * BLOCK_UNITS);
    scratch.used = 0;
  }
  const at = scratch.used;
  scratch.used += 3 * n;
  const b = scratch.block;
  return [b.subarray(at, at + n), b.subarray(at + n, at + 2 * n), b.subarray(at + 2 * n, at + 3 * n)];
}
