/**
 * Zeros under geometric and harmonic means: found once, before the runs, so the analysis can warn
 * that such units drop to the bottom in every run with that choice, and say what to do.
 *
 * @module
 */
import { warning, type Issue } from "../errors.ts";
import { rankFloats } from "../rank/rank-floats.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { evaluateNodes, evaluationScratch, type NodeColumns } from "../score/evaluate-nodes.ts";
import { hinted } from "../text/option-hint.ts";
import { choiceLabel } from "./uncertainty-options.ts";
import type { GroupView } from "./weight-dimensions.ts";

/** Where geometric means meet zeros, over the normalisation × aggregation choices. */
export interface GeometricZeros {
  /** Units with a 0 under a geometric mean in some choice. */
  readonly units: Set<number>;
  /** Units whose whole score is 0 in some choice. */
  readonly zeroScore: Set<number>;
  /** Children (leaf or group ids) that are 0 under a geometric mean, and the geometric groups. */
  readonly children: Set<string>;
  readonly groups: Set<string>;
  /** Which means met them. */
  readonly kinds: Set<"geometric" | "harmonic">;
  /** (normalisation, aggregation) choice pairs where it happens, and how many pairs use a geometric mean. */
  readonly pairs: [number, number][];
  readonly geometricPairs: number;
  /** The best rank a zero-scored unit gets (they share the bottom ranks). */
  readonly rank: number;
}

/**
 * Finds the units whose value under a geometric (or harmonic) mean is exactly 0 for some choice of
 * normalisation and aggregation (weights at their nominal values; a weight that may move from 0
 * counts). log 0 = −∞ (and 1/0 = ∞) makes such a mean 0 whatever the other children, so the unit drops to the
 * bottom in every run with that choice; yes/no "no", a ladder's lowest step and min-max's worst
 * unit are 0 by design.
 */
export function geometricZeros(compiled: CompiledFramework, plan: GroupView, U: number, matrices: readonly NodeColumns[], codeSets: readonly Uint8Array[], moving: readonly number[]): GeometricZeros | undefined {
  const weights = Float64Array.from(plan.baseWeight, (w, p) => (w > 0 || moving.includes(p) ? Math.max(w, 1) : 0));
  const scratch = evaluationScratch(U);
  const ranks = new Int32Array(U);
  const { child, isLeaf } = compiled.layout;
  const rootAt = compiled.root * U;
  const found: GeometricZeros = { units: new Set(), zeroScore: new Set(), children: new Set(), groups: new Set(), kinds: new Set(), pairs: [], geometricPairs: 0, rank: U };
  let geometricPairs = 0;
  let rank = U;
  const meets = (codes: Uint8Array, node: number) => codes[node] === 1 || codes[node] === 2;
  matrices.forEach((matrix, m) => {
    codeSets.forEach((codes, c) => {
      if (!plan.groupNodes.some((g) => meets(codes, g))) return;
      geometricPairs++;
      evaluateNodes(compiled, matrix, { bounds: false, thresholds: false, weights, codes, scratch });
      const scores = matrix.value.slice(rootAt, rootAt + U);
      let hit = false;
      for (let g = 0; g < plan.groups; g++) {
        if (!meets(codes, plan.groupNodes[g]!)) continue;
        for (let p = plan.childStart[g]!; p < plan.childStart[g]! + plan.childCount[g]!; p++) {
          if (weights[p] === 0) continue;
          const node = child[p]!;
          // A geometric or harmonic group below that is 0 was counted where its zero came from.
          if (isLeaf[node] === 0 && meets(codes, node)) continue;
          const off = node * U;
          for (let u = 0; u < U; u++) {
            if (matrix.value[off + u] !== 0) continue;
            hit = true;
            found.units.add(u);
            found.children.add(plan.childId[p]!);
            found.groups.add(plan.groupId[g]!);
            found.kinds.add(codes[plan.groupNodes[g]!] === 1 ? "geometric" : "harmonic");
          }
        }
      }
      if (!hit) return;
      found.pairs.push([m, c]);
      rankFloats(scores, U, ranks, U);
      for (let u = 0; u < U; u++) {
        if (scores[u] !== 0) continue;
        found.zeroScore.add(u);
        rank = Math.min(rank, ranks[u]!);
      }
    });
  });
  return found.units.size === 0 ? undefined : { ...found, geometricPairs, rank };
}

/** The `DATA_AGGREGATION_DOMAIN` warning saying where geometric (or harmonic) means meet zeros and what to do. */
export function geometricZeroWarning(z: GeometricZeros, U: number, norm: readonly unknown[], agg: readonly unknown[]): Issue {
  const list = (ids: Set<string>) => [...ids].slice(0, 5).map((id) => `"${id}"`).join(", ") + (ids.size > 5 ? ` and ${ids.size - 5} more` : "");
  const [m, c] = z.pairs[0]!;
  const choice = [norm.length > 1 ? `normalisation ${choiceLabel(norm[m])}` : "", agg.length > 1 ? `aggregation ${choiceLabel(agg[c])}` : ""].filter((t) => t !== "").join(" with ");
  const kind = [...z.kinds].sort().join(" and ");
  const where =
    z.geometricPairs > 1
      ? `in ${z.pairs.length} of the ${z.geometricPairs} normalisation and aggregation choices that use such means (e.g. ${choice})`
      : choice !== ""
        ? `with ${choice}`
        : `with the framework's ${kind} means`;
  const { message, hints } = hinted(
    (o) =>
      `${kind} means meet zeros ${where}: ${z.units.size} of ${U} units have a 0 under a ${kind} mean (${list(z.children)} in ${list(z.groups)}), which makes that mean 0 whatever their other values` +
      (z.zeroScore.size > 0 ? `; ${z.zeroScore.size} of them score 0 in all and share rank ${z.rank} or below in those runs` : "") +
      `. Yes/no and ladder scores, and min-max's worst unit, are 0 by design: normalise into a range above 0, e.g. ${o("normalisation", "minmax:1:100")}, give the framework's normalise rules a range such as [1, 100], or add an offset to the scores before a ${kind} mean (docs/uncertainty.md)`,
  );
  return warning("DATA_AGGREGATION_DOMAIN", message, { node: [...z.groups][0]!, hints });
}

