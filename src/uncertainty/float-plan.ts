/**
 * The framework tree as flat typed arrays, for fast repeated evaluation in floats (the
 * uncertainty analysis). Slots 0..L−1 hold the leaves (in tree order), slots L..L+G−1 the groups
 * in evaluation order (children before parents); the root is the last slot. Views are not part of
 * the plan.
 *
 * @module
 */
import type { Aggregation } from "../framework/types.ts";
import type { CompiledFramework } from "../score/compile.ts";

/** Aggregation codes used in the plan. */
export const AGGREGATION_CODES: readonly Aggregation[] = ["arithmetic", "geometric", "harmonic", "mazziotta-pareto"];

/** A framework tree as index arrays. */
export interface FloatPlan {
  /** Number of leaves (L). */
  readonly leaves: number;
  /** Number of groups (G). */
  readonly groups: number;
  /** Compiled node index of every slot. */
  readonly compiledIndex: Int32Array;
  /** Per group: first child position in `childSlot` / `baseWeight`. */
  readonly childStart: Int32Array;
  /** Per group: number of children. */
  readonly childCount: Int32Array;
  /** Per child position: the child's slot. */
  readonly childSlot: Int32Array;
  /** Per child position: the child's nominal weight. */
  readonly baseWeight: Float64Array;
  /** Per group: its aggregation as a code (index in {@link AGGREGATION_CODES}). */
  readonly aggregation: Uint8Array;
  /** Per child position: the id of the child node. */
  readonly childId: readonly string[];
  /** Per group: the group's id. */
  readonly groupId: readonly string[];
}

/**
 * Flattens a compiled framework's tree (views left out).
 *
 * @example
 * ```ts
 * const plan = floatPlan(compileFramework(getFramework("vn-dti-2022-province")));
 * plan.leaves; // => 8 (the eight pillars)
 * ```
 */
export function floatPlan(compiled: CompiledFramework): FloatPlan {
  const slotOf = new Map<number, number>();
  compiled.leaves.forEach((c, k) => slotOf.set(c, k));
  const L = compiled.leaves.length;
  const groupOrder: number[] = [];
  compiled.nodes.forEach((n, i) => {
    if (n.kind === "group") {
      slotOf.set(i, L + groupOrder.length);
      groupOrder.push(i);
    }
  });
  const G = groupOrder.length;
  const childStart = new Int32Array(G);
  const childCount = new Int32Array(G);
  const aggregation = new Uint8Array(G);
  const slots: number[] = [];
  const weights: number[] = [];
  const childId: string[] = [];
  groupOrder.forEach((ci, g) => {
    const node = compiled.nodes[ci]!;
    childStart[g] = slots.length;
    childCount[g] = node.children.length;
    aggregation[g] = AGGREGATION_CODES.indexOf(node.aggregation);
    node.children.forEach((c, k) => {
      slots.push(slotOf.get(c) as number);
      weights.push(node.weights[k]!.toNumber());
      childId.push(compiled.nodes[c]!.id);
    });
  });
  const compiledIndex = new Int32Array(L + G);
  compiled.leaves.forEach((c, k) => (compiledIndex[k] = c));
  groupOrder.forEach((c, g) => (compiledIndex[L + g] = c));
  return {
    leaves: L,
    groups: G,
    compiledIndex,
    childStart,
    childCount,
    childSlot: Int32Array.from(slots),
    baseWeight: Float64Array.from(weights),
    aggregation,
    childId,
    groupId: groupOrder.map((c) => compiled.nodes[c]!.id),
  };
}
