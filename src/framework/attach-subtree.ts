/**
 * Grafts sub-indicators under a leaf of an existing framework, e.g. a ward's own sub-indicators
 * under the main indicator "Nhận thức số".
 *
 * @module
 */
import { cutText, DtiError, error, showList, showValue } from "../errors.ts";
import type { Aggregation, Framework, FrameworkDefinition, FrameworkNode, GroupNode } from "./types.ts";
import { validateFramework } from "./validate-framework.ts";

/**
 * Options of {@link attachSubtree}.
 *
 * @example
 * ```ts
 * const options: AttachSubtreeOptions = { aggregation: "geometric" };
 * ```
 */
export interface AttachSubtreeOptions {
  /** How the new group combines its children; default "arithmetic" (weighted mean). */
  readonly aggregation?: Aggregation;
}

/**
 * Returns a **new**, validated framework in which leaf `nodeId` becomes a group with `children`.
 * The node keeps its id, name, short label, weight, max points and note; its scoring rule is
 * dropped (its score now comes from the children). The input framework is not changed.
 *
 * When the node has `maxPoints` and the children are weighted by points, their points must add up
 * to it (`FRAMEWORK_POINTS_MISMATCH`); every other check of {@link validateFramework} applies too
 * (duplicate ids, input clashes, invalid rules …).
 *
 * @throws {@link DtiError} `FRAMEWORK_UNKNOWN` when no node has that id (a view id included),
 *   `FRAMEWORK_SCHEMA` when the node is already a group, or the validation issues of the result.
 *
 * @example
 * ```ts
 * import { attachSubtree, getFramework } from "dti";
 * const ward = attachSubtree(getFramework("vn-dti-2022-province"), "awareness", [
 *   { id: "nts-1", name: { vi: "Ban chỉ đạo chuyển đổi số" }, maxPoints: 40, rule: { type: "points" } },
 *   { id: "nts-2", name: { vi: "Tuyên truyền về chuyển đổi số" }, maxPoints: 60, rule: { type: "points" } },
 * ]);
 * // "awareness" (100 points) is now scored from inputs "nts-1" (0..40) and "nts-2" (0..60).
 * ```
 */
export function attachSubtree(
  framework: Framework | FrameworkDefinition,
  nodeId: string,
  children: readonly FrameworkNode[],
  options: AttachSubtreeOptions = {},
): Framework {
  const target = findNode(framework.root, nodeId);
  if (target === undefined) {
    const isView = (framework.views ?? []).some((v) => v.id === nodeId);
    const leaves = leafIds(framework.root);
    throw new DtiError([
      error(
        "FRAMEWORK_UNKNOWN",
        isView
          ? `${showValue(nodeId)} is a view of framework ${showValue(framework.id)}, not a node; sub-indicators can only be attached under a leaf (${showList(leaves, 20, cutText)})`
          : `framework ${showValue(framework.id)} has no node ${showValue(nodeId)}; its leaves are: ${showList(leaves, 20, cutText)}`,
        { node: nodeId },
      ),
    ]);
  }
  if (target.children !== undefined) {
    throw new DtiError([
      error(
        "FRAMEWORK_SCHEMA",
        `node ${showValue(nodeId)} is already a group (it has ${target.children.length} children); sub-indicators can only be attached under a leaf`,
        { node: nodeId },
      ),
    ]);
  }

  const replace = (node: FrameworkNode): FrameworkNode => {
    if (node.id === nodeId && node.children === undefined) {
      const { rule: _rule, children: _none, ...kept } = node;
      const group: GroupNode = {
        ...kept,
        children: [...children],
        ...(options.aggregation !== undefined ? { aggregation: options.aggregation } : {}),
      };
      return group;
    }
    if (node.children === undefined) return node;
    return { ...node, children: node.children.map(replace) };
  };

  // Spreading drops the non-enumerable `validated` marker, so the result is a plain definition.
  const definition: FrameworkDefinition = { ...framework, root: replace(framework.root) as GroupNode };
  const result = validateFramework(definition);
  if (!result.ok) throw new DtiError(result.issues);
  return result.framework;
}

function findNode(node: FrameworkNode, id: string): FrameworkNode | undefined {
  const stack: FrameworkNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as FrameworkNode;
    if (current.id === id) return current;
    for (const child of current.children ?? []) stack.push(child);
  }
  return undefined;
}

function leafIds(node: FrameworkNode): string[] {
  if (node.children === undefined) return [node.id];
  return node.children.flatMap(leafIds);
}
