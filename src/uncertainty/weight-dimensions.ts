/**
 * What moves in the analysis: the weights that vary (one dimension per child position of the
 * compiled layout whose weight moves), and the uncertain inputs the sensitivity indices are
 * computed for (the weights as one input or one per group, the normalisation, the aggregation).
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { choiceLabel } from "./uncertainty-options.ts";
import type { UncertainInput, UncertaintyOptions } from "./types.ts";

/** An uncertain input and the columns of the sample row it reads. */
export interface InputSpec extends UncertainInput {
  readonly columns: readonly number[];
}

/** The plan's groups (views left out) as the weight dimensions see them: child positions of the layout. */
export interface GroupView {
  readonly groups: number;
  /** Compiled index of group g. */
  readonly groupNodes: readonly number[];
  readonly groupId: readonly string[];
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  /** Per child position: the child's id. */
  readonly childId: readonly string[];
  readonly baseWeight: Float64Array;
}

/** The compiled plan's groups and child positions, for the weight dimensions. */
export function groupView(plan: CompiledFramework): GroupView {
  const groupNodes = plan.nodes.flatMap((n, i) => (n.kind === "group" ? [i] : []));
  const { childStart, childCount, child, weight } = plan.layout;
  return {
    groups: groupNodes.length,
    groupNodes,
    groupId: groupNodes.map((i) => plan.nodes[i]!.id),
    childStart: Int32Array.from(groupNodes, (i) => childStart[i]!),
    childCount: Int32Array.from(groupNodes, (i) => childCount[i]!),
    childId: Array.from(child, (c) => plan.nodes[c]!.id),
    baseWeight: weight,
  };
}

/** The weight dimensions: the child positions whose weight moves, their group, and their bounds. */
export interface WeightDims {
  readonly positions: number[];
  readonly parent: number[];
  /** 1: relative ± a; 2: absolute [a, b]. */
  readonly mode: number[];
  readonly a: number[];
  readonly b: number[];
}

/** The weight dimensions the options ask for; unknown node ids are reported into `issues`. */
export function weightDimensions(plan: GroupView, options: UncertaintyOptions, issues: Issue[]): WeightDims {
  const dims: WeightDims = { positions: [], parent: [], mode: [], a: [], b: [] };
  const spec = options.weights;
  if (spec === undefined) return dims;
  const fallback = typeof spec === "number" ? spec : spec.default;
  const perNode = typeof spec === "number" ? {} : (spec.nodes ?? {});
  const known = new Set(plan.childId);
  for (const id of Object.keys(perNode)) {
    if (!known.has(id)) issues.push(error("OPTION_INVALID", `weights: ${showValue(id)} is not a node with a weight (a child of a group)`));
  }
  for (let g = 0; g < plan.groups; g++) {
    for (let p = plan.childStart[g]!; p < plan.childStart[g]! + plan.childCount[g]!; p++) {
      const own = Object.hasOwn(perNode, plan.childId[p]!) ? perNode[plan.childId[p]!] : undefined;
      const bound = own ?? (plan.baseWeight[p]! > 0 ? fallback : undefined);
      if (bound === undefined || bound === 0) continue;
      dims.positions.push(p);
      dims.parent.push(g);
      if (typeof bound === "number") {
        dims.mode.push(1);
        dims.a.push(bound);
        dims.b.push(0);
      } else {
        dims.mode.push(2);
        dims.a.push(bound[0]);
        dims.b.push(bound[1]);
      }
    }
  }
  return dims;
}

/** The uncertain inputs of the sensitivity indices, by stage or by node, with the sample columns each reads. */
export function uncertainInputs(
  plan: GroupView,
  parents: readonly number[],
  norm: readonly unknown[],
  agg: readonly unknown[],
  by: false | "stage" | "node",
): InputSpec[] {
  const inputs: InputSpec[] = [];
  if (parents.length > 0) {
    if (by === "node") {
      const groups = [...new Set(parents)];
      for (const g of groups) {
        const columns = parents.flatMap((p, c) => (p === g ? [c] : []));
        inputs.push({ name: `weights:${plan.groupId[g]}`, dimensions: columns.length, columns });
      }
    } else {
      inputs.push({ name: "weights", dimensions: parents.length, columns: parents.map((_, c) => c) });
    }
  }
  let column = parents.length;
  if (norm.length > 1) {
    inputs.push({ name: "normalisation", dimensions: 1, columns: [column++], levels: norm.map(choiceLabel) });
  }
  if (agg.length > 1) inputs.push({ name: "aggregation", dimensions: 1, columns: [column], levels: agg.map(choiceLabel) });
  return inputs;
}

