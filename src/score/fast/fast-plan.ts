import type { CompiledFramework } from "../compile.ts";

/** A compiled framework laid out in typed arrays for float scoring. */
export interface FastPlan {
  readonly compiled: CompiledFramework;
  /** Per node (compiled order): children indices (groups and views; empty for leaves). */
  readonly children: readonly Int32Array[];
  /** Per node: the children's weights as floats (the same numbers the exact path reads). */
  readonly weights: readonly Float64Array[];
  /**
   * False when some node aggregates other than arithmetically (no proven float bound for ln/exp,
   * whose precision is implementation-defined in JavaScript), has a coverage threshold, or a leaf
   * is normalised across units: then every unit takes the exact path.
   */
  readonly floatable: boolean;
}

/**
 * Lays out a compiled framework for {@link scoreUnitFloat}.
 *
 * @example
 * ```ts
 * const plan = fastPlan(compileFramework(getFramework("vn-dti-2022-province")));
 * plan.floatable; // => true
 * ```
 */
export function fastPlan(compiled: CompiledFramework): FastPlan {
  return {
    compiled,
    children: compiled.nodes.map((n) => Int32Array.from(n.children)),
    weights: compiled.nodes.map((n) => Float64Array.from(n.weightFloats)),
    floatable: compiled.nodes.every((n) =>
      n.kind === "leaf" ? n.leaf?.rule.type !== "normalise" : n.aggregation === "arithmetic" && !(n.minCoverage > 0),
    ),
  };
}
