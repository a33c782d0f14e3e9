/**
 * A framework's total points: what its index is "out of" in the decision (1000 for the provincial
 * DTI, 100 for a ward set, 330 for Ho Chi Minh City's 2023 departments).
 *
 * @module
 */
import { checkArgument, isObject } from "../errors.ts";
import { weightedChildren } from "./adjustments.ts";
import type { Framework } from "./types.ts";

/**
 * The root's `maxPoints`, else the sum of its children's when every child sets one (bonus and
 * penalty points apart: they are added after the total); undefined for a framework of weights
 * alone.
 *
 * @example
 * ```ts
 * totalPoints(getFramework("vn-dti-2022-province")); // => 1000
 * ```
 */
export function totalPoints(framework: Pick<Framework, "root">): number | undefined {
  checkArgument(isObject(framework) && isObject(framework.root), "totalPoints", "a framework (getFramework or parseFramework makes one)", framework);
  const root = framework.root;
  if (root.maxPoints !== undefined) return root.maxPoints > 0 ? root.maxPoints : undefined;
  if (root.rule !== undefined) return undefined;
  const children = weightedChildren(root);
  if (children.length === 0 || !children.every((c) => c.maxPoints !== undefined)) return undefined;
  const sum = children.reduce((s, c) => s + (c.maxPoints as number), 0);
  return sum > 0 ? sum : undefined;
}
