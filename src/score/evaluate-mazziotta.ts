/**
 * The second pass of the float evaluator for a Mazziotta-Pareto node (see `evaluate-nodes.ts`):
 * M − S²/M from the means its first pass left, with its bound.
 *
 * @module
 */
import type { CompiledFramework } from "./compile.ts";
import type { EvaluationScratch, NodeColumns } from "./node-columns.ts";
import { UNIT_ROUNDOFF as U } from "../number/publish-float.ts";

/** The second pass of a Mazziotta-Pareto node: the spread around the means held in `aux`. */
export function mazziottaPareto(plan: CompiledFramework, cols: NodeColumns, i: number, weights: Float64Array, s: EvaluationScratch, bounds: boolean, threshold: number): void {
  const { childStart, childCount, child } = plan.layout;
  const n = cols.units;
  const V = cols.value;
  const E = cols.error;
  const { acc, aux, den, worst, abs, count, neg, cov } = s;
  // acc: Σw(x − M)²; cov: the largest |x − M| (coverage is already written).
  acc.fill(0);
  cov.fill(0);
  const end = childStart[i]! + childCount[i]!;
  for (let p = childStart[i]!; p < end; p++) {
    const w = weights[p]!;
    if (w === 0) continue;
    const cb = child[p]! * n;
    for (let u = 0; u < n; u++) {
      const x = V[cb + u]!;
      if (x !== x) continue;
      const d = x - aux[u]!;
      acc[u]! += w * d * d;
      const ad = d < 0 ? -d : d;
      if (ad > cov[u]!) cov[u] = ad;
    }
  }
  const base = i * n;
  for (let u = 0; u < n; u++) {
    if (count[u] === 0 || neg[u] !== 0 || (threshold > 0 && cols.coverage[base + u]! < threshold - 1e-12)) continue;
    const m = aux[u]!;
    const k = count[u]!;
    const variance = acc[u]! / den[u]!;
    if (m === 0) {
      V[base + u] = 0;
      E[base + u] = bounds && worst[u]! > 0 ? Infinity : 0;
      continue;
    }
    const v = m - variance / m;
    V[base + u] = v;
    if (!bounds) continue;
    const am = m < 0 ? -m : m;
    const eM = worst[u]! + (abs[u]! / den[u]! + worst[u]!) * 4 * (k + 2) * U;
    if (am <= 4 * eM) {
      E[base + u] = Infinity;
      continue;
    }
    const slope = 1 + (cov[u]! + worst[u]!) / (am - eM);
    E[base + u] = 2 * worst[u]! * slope * slope + 8 * (k + 4) * U * (am + variance / am + abs[u]! / den[u]!);
  }
}
