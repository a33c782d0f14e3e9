/**
 * Points on the framework's total (điểm trên 100, 1000 …) beside the 0-1 value: the published
 * value times the total, exactly (a decimal product, never a float), so the points always agree
 * with the value printed beside them (0.8002 on 1000 is 800.2).
 *
 * @module
 */
import { dec } from "../number/decimal.ts";
import type { Framework } from "../framework/types.ts";

/**
 * The framework's total points: the root's `maxPoints`, else the sum of its children's when every
 * child has some; undefined for a framework without points.
 *
 * @example
 * ```ts
 * totalPoints(getFramework("vn-dti-2022-province")); // => 1000
 * ```
 */
export function totalPoints(framework: Framework): number | undefined {
  const root = framework.root;
  if (root.maxPoints !== undefined && root.maxPoints > 0) return root.maxPoints;
  if (root.children.length > 0 && root.children.every((c) => c.maxPoints !== undefined)) {
    const sum = root.children.reduce((s, c) => s + (c.maxPoints as number), 0);
    return sum > 0 ? sum : undefined;
  }
  return undefined;
}

/**
 * A published value on `total` points, as exact decimal text.
 *
 * @example
 * ```ts
 * valuePoints("0.8002", 1000); // => "800.2"
 * valuePoints("0.7163", 330); // => "236.379"
 * ```
 */
export function valuePoints(value: string, total: number): string {
  return dec(value).times(total).toString();
}
