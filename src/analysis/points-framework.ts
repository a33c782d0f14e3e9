/**
 * The same framework with every leaf scored from points: score = points / the leaf's max points.
 * Used to total assessment points through the framework's weights.
 *
 * @module
 */
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, FrameworkNode } from "../framework/types.ts";
import { ensureFramework } from "./ensure-framework.ts";

/**
 * Replaces each leaf's rule by `{ type: "points", max }` with max = the rule's max points, else
 * the leaf's `maxPoints`, else 1 (a leaf with 0 points keeps max 1 and carries no weight).
 *
 * @example
 * ```ts
 * pointsFramework(getFramework("vn-dti-2022-province")).root.children[0].children[0].rule; // => { type: "points", max: 100 }
 * ```
 */
export function pointsFramework(framework: Framework): Framework {
  const convert = (node: FrameworkNode): FrameworkNode => {
    if (node.rule !== undefined) {
      const max = ruleMax(node) ?? node.maxPoints ?? 1;
      return { ...node, rule: { type: "points", max: max > 0 ? max : 1 } };
    }
    return { ...node, children: node.children.map(convert) };
  };
  return ensureFramework({ ...framework, id: framework.id, root: convert(framework.root) as Framework["root"] });
}
