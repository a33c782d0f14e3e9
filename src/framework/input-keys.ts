import type { IndicatorNode } from "./types.ts";

/**
 * The input keys (columns in wide data, indicator names in long data) a leaf reads: its id, or for
 * a ratio the numerator and denominator keys (default `<id>.a`, `<id>.b`).
 *
 * @example
 * ```ts
 * inputKeys({ id: "fibre", name: { vi: "Cáp quang" }, rule: { type: "ratio" } });
 * // => ["fibre.a", "fibre.b"]
 * ```
 */
export function inputKeys(node: IndicatorNode): readonly string[] {
  if (node.rule.type === "ratio") {
    return [node.rule.numerator ?? `${node.id}.a`, node.rule.denominator ?? `${node.id}.b`];
  }
  return [node.id];
}
