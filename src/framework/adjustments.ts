/**
 * Bonus and penalty points ("điểm thưởng, điểm trừ"): children of the root marked `adjust`, left
 * out of the weighted total and added to it (or taken from it) afterwards, each within its cap.
 *
 * @module
 */
import type { FrameworkNode, GroupNode } from "./types.ts";

/**
 * The most points a bonus or penalty node can add or take: its `maxPoints`, else (a group) the
 * sum of its criteria's.
 *
 * @example
 * ```ts
 * adjustmentCap({ id: "bonus", name: { vi: "Điểm thưởng" }, adjust: "bonus", children: [
 *   { id: "b1", name: { vi: "Giải thưởng" }, maxPoints: 3, rule: { type: "boolean" } },
 *   { id: "b2", name: { vi: "Sáng kiến" }, maxPoints: 4, rule: { type: "boolean" } },
 * ] }); // => 7
 * ```
 */
export function adjustmentCap(node: FrameworkNode): number {
  if (node.maxPoints !== undefined) return node.maxPoints;
  return node.children === undefined ? 0 : node.children.reduce((s, c) => s + (c.maxPoints ?? 0), 0);
}

/** The children of a group that are weighted into its mean (all but bonus and penalty nodes). */
export function weightedChildren(node: GroupNode): readonly FrameworkNode[] {
  return node.children.some((c) => c.adjust !== undefined) ? node.children.filter((c) => c.adjust === undefined) : node.children;
}

/** True when the framework adds or takes points after its weighted total. */
export function hasAdjustments(root: FrameworkNode): boolean {
  return root.children !== undefined && root.children.some((c) => c.adjust !== undefined);
}
