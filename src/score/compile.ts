/**
 * Flattens a validated framework into an evaluation order (children before parents, views last)
 * with resolved weights, so that scoring a unit is one pass over an array.
 *
 * @module
 */
import { inputKeys } from "../framework/input-keys.ts";
import { resolveWeights } from "../framework/resolve-weights.ts";
import type { Aggregation, Framework, FrameworkNode, IndicatorNode, LocalizedName } from "../framework/types.ts";
import { ratFromNumber, type Rational } from "../number/rational.ts";

/** One entry of the evaluation order. */
export interface CompiledNode {
  readonly id: string;
  readonly kind: "leaf" | "group" | "view";
  readonly name: LocalizedName;
  readonly short: string | undefined;
  /** Depth in the tree (root = 0); views have depth -1. */
  readonly depth: number;
  /** Leaf only. */
  readonly leaf: IndicatorNode | undefined;
  /** Leaf only: the input keys it reads. */
  readonly inputs: readonly string[];
  /** Group and view: indices (in the order) of the children/terms. */
  readonly children: readonly number[];
  /** The same weights as floats (the numbers the framework gave; for coverage and the float path). */
  readonly weightFloats: readonly number[];
  readonly aggregation: Aggregation;
  /** Group only: least coverage for the group to be scored (0 = any data will do). */
  readonly minCoverage: number;
  /** False when the node carries no weight in the index (e.g. "Đô thị thông minh", 0 points). */
  readonly scored: boolean;
}

/** Aggregation codes of the plan's typed arrays (index in this list). */
export const AGGREGATION_CODES: readonly Aggregation[] = ["arithmetic", "geometric", "harmonic", "mazziotta-pareto"];

/**
 * The plan's nodes as flat typed arrays, what the evaluator loops over: for node i (evaluation
 * order), its children are `child[childStart[i] .. childStart[i] + childCount[i]]` with weights
 * `weight[…]` (floats, as the framework gave them) and `exactWeight[…]` (the same decimals as
 * exact rationals); `code[i]` is its aggregation (see {@link AGGREGATION_CODES}).
 */
export interface PlanLayout {
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  readonly child: Int32Array;
  readonly weight: Float64Array;
  readonly exactWeight: readonly Rational[];
  readonly code: Uint8Array;
  /** 1 for a leaf, 0 for a group or view. */
  readonly isLeaf: Uint8Array;
  /** Per node: the coverage a group needs to be scored (0 for leaves and views). */
  readonly minCoverage: Float64Array;
}

/**
 * A compiled framework, the scoring plan: the evaluation order (children before parents, views
 * last), where the root is, and the same as typed arrays. Compiled once; scoring, streaming,
 * what-if and the uncertainty analysis all evaluate it.
 */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly nodes: readonly CompiledNode[];
  readonly index: ReadonlyMap<string, number>;
  readonly root: number;
  /** Leaf indices in tree order. */
  readonly leaves: readonly number[];
  readonly layout: PlanLayout;
}

/** Compiles a validated framework. */
export function compileFramework(framework: Framework): CompiledFramework {
  const nodes: CompiledNode[] = [];
  const index = new Map<string, number>();
  const leaves: number[] = [];
  const zeroWeight = new Set<string>();

  const visit = (node: FrameworkNode, depth: number, scored: boolean): number => {
    if (node.rule !== undefined) {
      const i = nodes.length;
      nodes.push({
        id: node.id, kind: "leaf", name: node.name, short: node.short, depth, leaf: node, inputs: inputKeys(node),
        children: [], weightFloats: [], aggregation: "arithmetic", minCoverage: 0, scored,
      });
      index.set(node.id, i);
      leaves.push(i);
      return i;
    }
    const resolved = resolveWeights(node.children, node.weighting);
    const weights = resolved.ok ? resolved.weights : node.children.map(() => 1);
    const children = node.children.map((child, c) => visit(child, depth + 1, scored && (weights[c] as number) > 0));
    const i = nodes.length;
    nodes.push({
      id: node.id, kind: "group", name: node.name, short: node.short, depth, leaf: undefined, inputs: [],
      children, weightFloats: weights, aggregation: node.aggregation ?? "arithmetic", minCoverage: node.minCoverage ?? 0, scored,
    });
    index.set(node.id, i);
    return i;
  };
  const root = visit(framework.root, 0, true);
  for (const n of nodes) if (!n.scored) zeroWeight.add(n.id);

  for (const view of framework.views ?? []) {
    const terms = view.terms.map((t) => index.get(t.node) as number);
    const resolved = resolveWeights(view.terms.map((t, k) => ({ weight: t.weight, maxPoints: maxPointsOf(framework.root, nodes[terms[k] as number]?.id) })));
    const weights = resolved.ok ? resolved.weights : terms.map(() => 1);
    nodes.push({
      id: view.id, kind: "view", name: view.name, short: view.short, depth: -1, leaf: undefined, inputs: [],
      children: terms, weightFloats: weights, aggregation: view.aggregation ?? "arithmetic", minCoverage: 0,
      scored: terms.some((t, k) => (weights[k] as number) > 0 && nodes[t]?.scored === true),
    });
    index.set(view.id, nodes.length - 1);
  }
  return { framework, nodes, index, root, leaves, layout: layoutOf(nodes) };
}

function layoutOf(nodes: readonly CompiledNode[]): PlanLayout {
  const n = nodes.length;
  const childStart = new Int32Array(n);
  const childCount = new Int32Array(n);
  const code = new Uint8Array(n);
  const isLeaf = new Uint8Array(n);
  const minCoverage = new Float64Array(n);
  const child: number[] = [];
  const weight: number[] = [];
  const exactWeight: Rational[] = [];
  nodes.forEach((node, i) => {
    childStart[i] = child.length;
    childCount[i] = node.children.length;
    code[i] = Math.max(0, AGGREGATION_CODES.indexOf(node.aggregation));
    isLeaf[i] = node.kind === "leaf" ? 1 : 0;
    minCoverage[i] = node.kind === "group" ? node.minCoverage : 0;
    node.children.forEach((c, k) => {
      child.push(c);
      weight.push(node.weightFloats[k]!);
      exactWeight.push(ratFromNumber(node.weightFloats[k]!));
    });
  });
  return { childStart, childCount, child: Int32Array.from(child), weight: Float64Array.from(weight), exactWeight, code, isLeaf, minCoverage };
}

function maxPointsOf(root: FrameworkNode, id: string | undefined): number | undefined {
  const stack: FrameworkNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.id === id) return n.maxPoints;
    if (n.children !== undefined) for (const c of n.children) stack.push(c);
  }
  return undefined;
}
