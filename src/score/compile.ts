/**
 * Flattens a validated framework into an evaluation order (children before parents, views last)
 * with resolved weights, so that scoring a unit is one pass over an array.
 *
 * @module
 */
import { inputKeys } from "../framework/input-keys.ts";
import { resolveWeights } from "../framework/resolve-weights.ts";
import type { Aggregation, Framework, FrameworkNode, IndicatorNode, LocalizedName } from "../framework/types.ts";
import { dec, type Decimal } from "../number/decimal.ts";

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
  /** Group and view: the children's weights, exact. */
  readonly weights: readonly Decimal[];
  /** The same weights as floats (the numbers the framework gave; for coverage and the float path). */
  readonly weightFloats: readonly number[];
  readonly aggregation: Aggregation;
  /** Group only: least coverage for the group to be scored (0 = any data will do). */
  readonly minCoverage: number;
  /** False when the node carries no weight in the index (e.g. "Đô thị thông minh", 0 points). */
  readonly scored: boolean;
}

/** A compiled framework: the evaluation order and where the root is. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly nodes: readonly CompiledNode[];
  readonly index: ReadonlyMap<string, number>;
  readonly root: number;
  /** Leaf indices in tree order. */
  readonly leaves: readonly number[];
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
        children: [], weights: [], weightFloats: [], aggregation: "arithmetic", minCoverage: 0, scored,
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
      children, weights: weights.map((w) => dec(w)), weightFloats: weights.map((w) => dec(w).toNumber()), aggregation: node.aggregation ?? "arithmetic", minCoverage: node.minCoverage ?? 0, scored,
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
      children: terms, weights: weights.map((w) => dec(w)), weightFloats: weights.map((w) => dec(w).toNumber()), aggregation: view.aggregation ?? "arithmetic", minCoverage: 0,
      scored: terms.some((t, k) => (weights[k] as number) > 0 && nodes[t]?.scored === true),
    });
    index.set(view.id, nodes.length - 1);
  }
  return { framework, nodes, index, root, leaves };
}

function maxPointsOf(root: FrameworkNode, id: string | undefined): number | undefined {
  const stack: FrameworkNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.id === id) return n.maxPoints;
    if (n.children !== undefined) stack.push(...n.children);
  }
  return undefined;
}
