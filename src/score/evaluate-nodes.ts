/**
 * The one float evaluator of the scoring plan: every group and view of every unit, over columns
 * (node-major typed arrays: unit u of node i at `i · units + u`), children before parents. Each
 * value carries a proven bound on its distance from the exact result, so that a published value is
 * taken from the float only where the bound decides the rounding (see `publish-columns.ts`); an
 * infinite bound hands that unit's node to the exact evaluator. Scoring, streaming, what-if and the
 * uncertainty analysis (bounds off, weights and aggregations varied) all run it.
 *
 * @module
 */
import type { CompiledFramework } from "./compile.ts";
import { evaluationScratch, type EvaluationScratch, type NodeColumns } from "./node-columns.ts";
import { applyAdjustments, cappedSum } from "./evaluate-adjust.ts";
import { mazziottaPareto } from "./evaluate-mazziotta.ts";

export { evaluationScratch, nodeColumns, type EvaluationScratch, type NodeColumns } from "./node-columns.ts";
import { UNIT_ROUNDOFF as U } from "../number/publish-float.ts";

/** Why a group with data was left missing: too little coverage, or a value its mean cannot take. */
export interface NodeFlag {
  readonly node: number;
  readonly unit: number;
  readonly reason: "coverage" | "domain";
  /** The node's coverage (reason "coverage"). */
  readonly coverage: number;
  /** The threshold it fell below (reason "coverage"). */
  readonly threshold: number;
}

/** Options of {@link evaluateNodes}. */
export interface EvaluateOptions {
  /** Least coverage for a group without its own `minCoverage` (the `minCoverage` option). */
  readonly minCoverage?: number;
  /** Track error bounds (default true; the uncertainty analysis turns them off). */
  readonly bounds?: boolean;
  /** Apply coverage thresholds (default true). */
  readonly thresholds?: boolean;
  /** Weights per child position, instead of the plan's (the uncertainty analysis). */
  readonly weights?: Float64Array;
  /** Aggregation codes per node, instead of the plan's. */
  readonly codes?: Uint8Array;
  /** Where flags of groups left missing go. */
  readonly flags?: NodeFlag[];
  /** Reused working memory (see {@link evaluationScratch}). */
  readonly scratch?: EvaluationScratch;
}

/**
 * Assumed relative accuracy of `Math.log` and `Math.exp` (the language leaves their precision to
 * the engine; every engine in use is within one unit in the last place, 2^-52: this allows 2^12
 * times that).
 */
export const LOG_EXP_ACCURACY = 2 ** -40;

/**
 * Evaluates every group and view from the leaf columns (already filled). A child with zero
 * weight is left out; a missing child (NaN) is left out of its parent's mean (reweighting); a node
 * none of whose weighted children is present is missing. A group below its coverage threshold is
 * missing and flagged, as is a group whose mean cannot take a child's value (a negative value
 * under geometric, harmonic, Mazziotta-Pareto).
 *
 * Bounds, with k present children, eᵢ their bounds, E = max eᵢ, u = 2^-53:
 * - arithmetic m = Σwx/Σw: |m̂ − m| ≤ E + (Σw|x|/Σw + E)·4(k + 2)u (products, sums and the
 *   division each add a relative u; the weights' own rounding another);
 * - harmonic and geometric: ρ = max eᵢ/(xᵢ − eᵢ), the children's relative error; the result is
 *   within (2ρ + 4(k + 3)u)·H of the exact mean (geometric: plus 4α(1 + max|ln x|) for log and exp
 *   within α = {@link LOG_EXP_ACCURACY}), for ρ < 1/100, else infinite;
 * - Mazziotta-Pareto M − S²/M: |∂/∂xᵢ| ≤ (wᵢ/Σw)(1 + D/M)², D = max|xᵢ − M|, doubled for the
 *   second-order terms, plus 8(k + 4)u(|M| + S²/|M| + mean|x|) for the roundings;
 * - a bonus or penalty group Σwx / cap (w the criteria's points): (Σw·e + Σw|x|·4(k + 3)u) / cap;
 * - the root with bonus and penalty points m + Σpₖxₖ / T: e(m) + Σ|pₖ|eₖ/T + (|m| + Σ|pₖxₖ|/T)·4(K + 3)u.
 *   Clamping into the adjusted range moves no value further from the exact one.
 */
export function evaluateNodes(plan: CompiledFramework, cols: NodeColumns, options: EvaluateOptions = {}): void {
  const { isLeaf, minCoverage: ownMin } = plan.layout;
  const weights = options.weights ?? plan.layout.weight;
  const codes = options.codes ?? plan.layout.code;
  const bounds = options.bounds !== false;
  const thresholds = options.thresholds !== false;
  const optMin = options.minCoverage ?? 0;
  const n = cols.units;
  const s = options.scratch !== undefined && options.scratch.units === n ? options.scratch : evaluationScratch(n);
  const nodes = plan.nodes;
  const adjust = plan.layout.adjust;
  for (let i = 0; i < nodes.length; i++) {
    if (isLeaf[i] === 1) continue;
    if (adjust !== undefined && adjust.cap[i]! > 0) {
      cappedSum(plan, cols, i, adjust.cap[i]!, s, bounds);
      continue;
    }
    const code = codes[i]!;
    const total = accumulateChildren(plan, cols, i, code, weights, s, bounds);
    const threshold = !thresholds ? 0 : nodes[i]!.kind === "group" ? (ownMin[i]! > 0 ? ownMin[i]! : optMin) : 0;
    finishNode(cols, i, code, total, threshold, s, bounds, options.flags);
    if (code === 3) mazziottaPareto(plan, cols, i, weights, s, bounds, threshold);
    if (adjust !== undefined && i === adjust.target) applyAdjustments(adjust, cols, i, bounds);
  }
}

/**
 * The children of node i into the scratch, unit by unit (one pass over each child's column):
 * weighted sums of values (arithmetic, Mazziotta-Pareto), of reciprocals (harmonic) or of logs
 * (geometric), of weights present and of coverage, and the bounds' ingredients. Returns the total
 * weight. The loops over units are the evaluator's hot path: each stays whole, with no call in it
 * but the rare `markNegative`.
 */
function accumulateChildren(plan: CompiledFramework, cols: NodeColumns, i: number, code: number, weights: Float64Array, s: EvaluationScratch, bounds: boolean): number {
  const { childStart, childCount, child } = plan.layout;
  const n = cols.units;
  const { acc, den, cov, worst, abs, count, neg, zero } = s;
  const V = cols.value;
  const E = cols.error;
  const C = cols.coverage;
  acc.fill(0);
  den.fill(0);
  cov.fill(0);
  count.fill(0);
  if (bounds) {
    worst.fill(0);
    abs.fill(0);
  }
  if (code !== 0) {
    neg.fill(0);
    zero.fill(0);
  }
  let total = 0;
  const end = childStart[i]! + childCount[i]!;
  for (let p = childStart[i]!; p < end; p++) {
    const w = weights[p]!;
    if (w === 0) continue;
    const cb = child[p]! * n;
    total += w;
    // An arithmetic mean takes this child and the next weighted one together, when there is one:
    // half the reads and writes of the units' sums.
    const q = code === 0 ? nextWeighted(weights, p + 1, end) : end;
    if (q < end) {
      arithmeticPair(cols, s, w, cb, weights[q]!, child[q]! * n, bounds);
      total += weights[q]!;
      p = q;
      continue;
    }
    for (let u = 0; u < n; u++) cov[u]! += w * C[cb + u]!;
    if (code === 0 || code === 3) {
      for (let u = 0; u < n; u++) {
        const x = V[cb + u]!;
        if (x !== x) continue;
        acc[u]! += w * x;
        den[u]! += w;
        count[u]!++;
        if (bounds) {
          const e = E[cb + u]!;
          if (e > worst[u]!) worst[u] = e;
          abs[u]! += w * (x < 0 ? -x : x);
        }
        if (code === 3 && x < 0) markNegative(neg, u, x, bounds ? E[cb + u]! : 0);
      }
    } else {
      for (let u = 0; u < n; u++) {
        const x = V[cb + u]!;
        if (x !== x) continue;
        den[u]! += w;
        count[u]!++;
        const e = bounds ? E[cb + u]! : 0;
        if (x < 0) {
          markNegative(neg, u, x, e);
          continue;
        }
        if (x <= e || x === 0) {
          if (x === 0 && e === 0) zero[u] = 1;
          else if (zero[u] === 0) zero[u] = 2;
          continue;
        }
        if (code === 2) acc[u]! += w / x;
        else {
          const l = Math.log(x);
          acc[u]! += w * l;
          if (bounds && (l < 0 ? -l : l) > abs[u]!) abs[u] = l < 0 ? -l : l;
        }
        if (bounds) {
          const rho = e / (x - e);
          if (rho > worst[u]!) worst[u] = rho;
        }
      }
    }
  }
  return total;
}

/** The first position from `p` before `end` whose weight is not zero, or `end`. */
function nextWeighted(weights: Float64Array, p: number, end: number): number {
  while (p < end && weights[p] === 0) p++;
  return p;
}

/**
 * Two children of an arithmetic mean added to every unit's sums, the first then the second: the
 * same additions in the same order as one child after the other.
 */
function arithmeticPair(cols: NodeColumns, s: EvaluationScratch, w1: number, c1: number, w2: number, c2: number, bounds: boolean): void {
  const n = cols.units;
  const { acc, den, cov, worst, abs, count } = s;
  const V = cols.value;
  const E = cols.error;
  const C = cols.coverage;
  for (let u = 0; u < n; u++) {
    cov[u] = cov[u]! + w1 * C[c1 + u]! + w2 * C[c2 + u]!;
    const x1 = V[c1 + u]!;
    const x2 = V[c2 + u]!;
    let sum = acc[u]!;
    let weight = den[u]!;
    let present = count[u]!;
    if (x1 === x1) {
      sum += w1 * x1;
      weight += w1;
      present++;
    }
    if (x2 === x2) {
      sum += w2 * x2;
      weight += w2;
      present++;
    }
    acc[u] = sum;
    den[u] = weight;
    count[u] = present;
    if (bounds) {
      let far = worst[u]!;
      let size = abs[u]!;
      if (x1 === x1) {
        const e = E[c1 + u]!;
        if (e > far) far = e;
        size += w1 * (x1 < 0 ? -x1 : x1);
      }
      if (x2 === x2) {
        const e = E[c2 + u]!;
        if (e > far) far = e;
        size += w2 * (x2 < 0 ? -x2 : x2);
      }
      worst[u] = far;
      abs[u] = size;
    }
  }
}

/**
 * Node i's coverage, value and bound for every unit from the accumulated scratch (see
 * {@link evaluateNodes} for the bounds); a Mazziotta-Pareto node keeps its means in `aux` for its
 * second pass. Units below the coverage threshold, or certainly out of the mean's domain, are
 * flagged and left missing.
 */
function finishNode(cols: NodeColumns, i: number, code: number, total: number, threshold: number, s: EvaluationScratch, bounds: boolean, flags: NodeFlag[] | undefined): void {
  const n = cols.units;
  const { acc, den, cov, worst, abs, aux, count, neg, zero } = s;
  const V = cols.value;
  const E = cols.error;
  const C = cols.coverage;
  const base = i * n;
  for (let u = 0; u < n; u++) {
    C[base + u] = total > 0 ? cov[u]! / total : 0;
    V[base + u] = NaN;
    E[base + u] = 0;
    if (count[u] === 0) continue;
    if (threshold > 0 && C[base + u]! < threshold - 1e-12) {
      flags?.push({ node: i, unit: u, reason: "coverage", coverage: C[base + u]!, threshold });
      continue;
    }
    if (code !== 0 && neg[u] !== 0) {
      if (neg[u] === 1) flags?.push({ node: i, unit: u, reason: "domain", coverage: C[base + u]!, threshold });
      else {
        // Maybe negative, maybe not: the exact evaluator decides.
        V[base + u] = 0;
        E[base + u] = Infinity;
      }
      continue;
    }
    const k = count[u]!;
    if (code === 0) {
      const m = acc[u]! / den[u]!;
      V[base + u] = m;
      if (bounds) E[base + u] = worst[u]! + (abs[u]! / den[u]! + worst[u]!) * 4 * (k + 2) * U;
    } else if (code === 1 || code === 2) {
      if (zero[u] !== 0) {
        V[base + u] = 0;
        if (zero[u] === 2) E[base + u] = Infinity;
        continue;
      }
      const r = code === 2 ? den[u]! / acc[u]! : Math.exp(acc[u]! / den[u]!);
      V[base + u] = r;
      if (bounds) {
        const rho = worst[u]!;
        const logs = code === 1 ? 4 * LOG_EXP_ACCURACY * (1 + abs[u]!) + 4 * (k + 2) * U * (1 + abs[u]!) : 4 * (k + 3) * U;
        E[base + u] = rho < 0.01 ? r * (2 * rho + logs) : Infinity;
      }
    } else aux[u] = den[u]! > 0 ? acc[u]! / den[u]! : NaN;
  }
}

function markNegative(neg: Uint8Array, u: number, x: number, e: number): void {
  if (x + e < 0) neg[u] = 1;
  else if (neg[u] === 0) neg[u] = 2;
}
