/**
 * The bonus and penalty parts of the float evaluator (see `evaluate-nodes.ts`): a capped group of
 * criteria, and the root's points added over its mean, each with its bound.
 *
 * @module
 */
import type { AdjustLayout, CompiledFramework } from "./compile.ts";
import type { EvaluationScratch, NodeColumns } from "./node-columns.ts";
import { UNIT_ROUNDOFF as U } from "../number/publish-float.ts";

/**
 * A bonus or penalty group: its criteria's points (score × max points, the plan's weights, never
 * varied) added up over its cap, within [0, 1]. A blank criterion adds nothing; with every one
 * blank the group is 0 (no points), never missing.
 */
export function cappedSum(plan: CompiledFramework, cols: NodeColumns, i: number, cap: number, s: EvaluationScratch, bounds: boolean): void {
  const { childStart, childCount, child, weight } = plan.layout;
  const n = cols.units;
  const V = cols.value;
  const E = cols.error;
  const C = cols.coverage;
  const { acc, abs, worst, cov, count } = s;
  acc.fill(0);
  abs.fill(0);
  worst.fill(0);
  cov.fill(0);
  count.fill(0);
  let total = 0;
  const end = childStart[i]! + childCount[i]!;
  for (let p = childStart[i]!; p < end; p++) {
    const w = weight[p]!;
    const cb = child[p]! * n;
    total += w;
    for (let u = 0; u < n; u++) {
      cov[u]! += w * C[cb + u]!;
      const x = V[cb + u]!;
      if (x !== x) continue;
      acc[u]! += w * x;
      count[u]!++;
      if (bounds) {
        abs[u]! += w * (x < 0 ? -x : x);
        worst[u]! += w * E[cb + u]!;
      }
    }
  }
  const base = i * n;
  for (let u = 0; u < n; u++) {
    C[base + u] = total > 0 ? cov[u]! / total : 0;
    const v = acc[u]! / cap;
    V[base + u] = v < 0 ? 0 : v > 1 ? 1 : v;
    E[base + u] = bounds ? (worst[u]! + abs[u]! * 4 * (count[u]! + 3) * U) / cap : 0;
  }
}

/** The root's bonus and penalty points: m + Σ pₖ·xₖ / total (a blank term adds nothing), kept in the adjusted range. */
export function applyAdjustments(adjust: AdjustLayout, cols: NodeColumns, i: number, bounds: boolean): void {
  const n = cols.units;
  const V = cols.value;
  const E = cols.error;
  const { terms, points, total, range } = adjust;
  const base = i * n;
  for (let u = 0; u < n; u++) {
    const m = V[base + u]!;
    if (m !== m) continue;
    let sum = 0;
    let mag = m < 0 ? -m : m;
    let err = E[base + u]!;
    for (let k = 0; k < terms.length; k++) {
      const at = terms[k]! * n + u;
      const x = V[at]!;
      if (x !== x) continue;
      const p = points[k]!;
      const a = p * x;
      sum += a;
      if (bounds) {
        mag += (a < 0 ? -a : a) / total;
        err += ((p < 0 ? -p : p) * E[at]!) / total;
      }
    }
    let v = m + sum / total;
    if (range !== "none" && v < 0) v = 0;
    if (range === "total" && v > 1) v = 1;
    V[base + u] = v;
    if (bounds) E[base + u] = err + mag * 4 * (terms.length + 3) * U;
  }
}
