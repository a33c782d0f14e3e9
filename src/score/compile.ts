/**
 * Flattens a validated framework into an evaluation order (children before parents, views last)
 * with resolved weights, so that scoring a unit is one pass over an array.
 *
 * @module
 */
import { adjustmentCap } from "../framework/adjustments.ts";
import { inputKeys } from "../framework/input-keys.ts";
import { childWeights, resolveWeights } from "../framework/resolve-weights.ts";
import { totalPoints } from "../framework/total-points.ts";
import type { AdjustedRange, Adjustment, Aggregation, Framework, FrameworkNode, IndicatorNode, LocalizedName } from "../framework/types.ts";
import { ratFromNumber, ratNeg, type Rational } from "../number/rational.ts";

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
  /** Bonus or penalty points (a child of the root added after the weighted total), else undefined. */
  readonly adjust: Adjustment | undefined;
  /**
   * True for bonus and penalty nodes and their criteria: a blank input adds no points and is
   * never an error, nor filled in (whatever the missing policy).
   */
  readonly adjustPart: boolean;
}

/**
 * Bonus and penalty points in the plan. A bonus or penalty group's score is its criteria's points
 * (score × max points, the group's weights) added up, over its cap, at most 1; a blank criterion
 * adds nothing. The target (the root) is then its weighted mean plus Σ ± capₖ · scoreₖ / total,
 * kept in `range`.
 */
export interface AdjustLayout {
  /** Per node: its cap in points when it is a bonus or penalty group, else 0. */
  readonly cap: Float64Array;
  /** The same caps as exact rationals (undefined where 0). */
  readonly exactCap: readonly (Rational | undefined)[];
  /** The node the points are applied to (the root). */
  readonly target: number;
  /** The bonus and penalty nodes. */
  readonly terms: Int32Array;
  /** Their caps in points, positive for a bonus, negative for a penalty. */
  readonly points: Float64Array;
  readonly exactPoints: readonly Rational[];
  /** The framework's total points, what the points are on. */
  readonly total: number;
  readonly exactTotal: Rational;
  readonly range: AdjustedRange;
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
  /** Bonus and penalty points, when the framework has them. */
  readonly adjust?: AdjustLayout;
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

  const visit = (node: FrameworkNode, depth: number, scored: boolean, adjustPart = node.adjust !== undefined): number => {
    if (node.rule !== undefined) {
      const i = nodes.length;
      nodes.push({
        id: node.id, kind: "leaf", name: node.name, short: node.short, depth, leaf: node, inputs: inputKeys(node),
        children: [], weightFloats: [], aggregation: "arithmetic", minCoverage: 0, scored, adjust: node.adjust, adjustPart,
      });
      index.set(node.id, i);
      leaves.push(i);
      return i;
    }
    const resolved = childWeights(node);
    const weights = resolved.ok ? resolved.weights : node.children.map(() => 1);
    const children = node.children.map((child, c) => visit(child, depth + 1, scored && ((weights[c] as number) > 0 || child.adjust !== undefined), adjustPart || child.adjust !== undefined));
    const i = nodes.length;
    nodes.push({
      id: node.id, kind: "group", name: node.name, short: node.short, depth, leaf: undefined, inputs: [],
      children, weightFloats: weights, aggregation: node.aggregation ?? "arithmetic", minCoverage: node.minCoverage ?? 0, scored, adjust: node.adjust, adjustPart,
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
      scored: terms.some((t, k) => (weights[k] as number) > 0 && nodes[t]?.scored === true), adjust: undefined, adjustPart: false,
    });
    index.set(view.id, nodes.length - 1);
  }
  const layout = layoutOf(nodes);
  const adjust = adjustLayout(framework, nodes, root);
  return { framework, nodes, index, root, leaves, layout: adjust === undefined ? layout : { ...layout, adjust } };
}

function adjustLayout(framework: Framework, nodes: readonly CompiledNode[], root: number): AdjustLayout | undefined {
  const terms = nodes[root]!.children.filter((c) => nodes[c]!.adjust !== undefined);
  const total = totalPoints(framework);
  if (terms.length === 0 || total === undefined) return undefined;
  const defs = new Map((framework.root.children ?? []).map((c) => [c.id, c]));
  const cap = new Float64Array(nodes.length);
  const exactCap: (Rational | undefined)[] = nodes.map(() => undefined);
  const points: number[] = [];
  const exactPoints: Rational[] = [];
  for (const t of terms) {
    const node = nodes[t]!;
    const c = adjustmentCap(defs.get(node.id)!);
    if (node.kind === "group") {
      cap[t] = c;
      exactCap[t] = ratFromNumber(c);
    }
    points.push(node.adjust === "bonus" ? c : -c);
    exactPoints.push(node.adjust === "bonus" ? ratFromNumber(c) : ratNeg(ratFromNumber(c)));
  }
  return {
    cap, exactCap, target: root, terms: Int32Array.from(terms), points: Float64Array.from(points), exactPoints,
    total, exactTotal: ratFromNumber(total), range: framework.root.adjustedRange ?? "total",
  };
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
