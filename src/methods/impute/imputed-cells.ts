/**
 * What a scoring run says about imputed values: one warning per indicator with the count per
 * method, and the result's list of the values filled.
 *
 * @module
 */
import { warning, type Issue } from "../../errors.ts";
import type { UnitInput } from "../../input/read-units.ts";
import { ratToNumber } from "../../number/rational.ts";
import type { ImputedCell } from "../../pipeline/types.ts";
import type { CompiledFramework } from "../../score/compile.ts";
import type { ImputedValue } from "../../score/score-leaves.ts";

/** One DATA_IMPUTED warning per leaf with imputed values, counting them per method. */
export function imputationWarnings(compiled: CompiledFramework, imputed: readonly ImputedValue[]): Issue[] {
  const byLeaf = new Map<number, Map<string, number>>();
  for (const v of imputed) {
    let m = byLeaf.get(v.leaf);
    if (m === undefined) byLeaf.set(v.leaf, (m = new Map()));
    m.set(v.method, (m.get(v.method) ?? 0) + 1);
  }
  return [...byLeaf].map(([leaf, counts]) => {
    const node = compiled.nodes[leaf]!;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const how = [...counts].map(([m, c]) => `${m}: ${c}`).join(", ");
    return warning("DATA_IMPUTED", `${total} value(s) of "${node.id}" (${node.name.vi}) imputed (${how}); see result.imputed`, { node: node.id });
  });
}

/** The result's `imputed`: each value an imputation method filled, by unit name (and year) and node id. */
export function imputedCells(compiled: CompiledFramework, imputedValues: readonly ImputedValue[], unmerged: readonly UnitInput[]): ImputedCell[] {
  return imputedValues.map((v) => {
    const input = unmerged[v.unit]!;
    return {
      unit: input.unit,
      ...(input.year !== undefined ? { year: input.year } : {}),
      node: compiled.nodes[v.leaf]!.id,
      value: ratToNumber(v.value),
      method: v.method,
      from: v.from,
    };
  });
}
