/**
 * The leaf stage's source for units read into memory (`score()`): cells read from each unit's
 * values, by column index for units read from one wide table.
 *
 * @module
 */
import type { UnitInput } from "../input/read-units.ts";
import { WideValues, type WideLayout } from "../input/wide-values.ts";
import type { CompiledFramework } from "./compile.ts";
import type { LeafSource } from "./leaf-columns.ts";
import { plainDecimal } from "./fast/read-float.ts";

/**
 * A {@link LeafSource} over units read into memory. Units read from one wide table share a column
 * layout: their cells are read by column index (no cell object is made).
 */
export function unitSource(plan: CompiledFramework, units: readonly UnitInput[]): LeafSource {
  const first = units[0]?.values;
  const layout = first instanceof WideValues ? first.layout : undefined;
  // Column of (leaf, input) in that layout, -1 where the table has none.
  const column = new Int32Array(plan.nodes.length * 2).fill(-1);
  if (layout !== undefined) {
    for (const leaf of plan.leaves) plan.nodes[leaf]!.inputs.forEach((key, k) => (column[leaf * 2 + k] = layout.columnOf.get(key) ?? -1));
  }
  return {
    count: units.length,
    raw: (u, leaf, input) => {
      const values = units[u]!.values;
      if (values instanceof WideValues && values.layout === layout) {
        const col = column[leaf * 2 + input]!;
        return col < 0 ? undefined : values.rawAt(col);
      }
      return values.get(plan.nodes[leaf]!.inputs[input]!)?.raw;
    },
    ...(layout !== undefined ? { plainCells: (u: number, leaves: readonly number[], into: Float64Array) => plainCells(units[u]!.values, layout, column, leaves, into) } : {}),
    cell: (u, key) => units[u]!.values.get(key),
    unit: (u) => units[u]!,
  };
}

/**
 * A wide row's first inputs of `leaves` as plain decimals (see `LeafSource.plainCells`), read in
 * the row: text by `plainDecimal`, NaN for anything else (a JSON number, a blank, other text, no
 * such column, a unit not read with the layout), which `raw` then gives.
 */
function plainCells(values: UnitInput["values"], layout: WideLayout, column: Int32Array, leaves: readonly number[], into: Float64Array): void {
  const cells = values instanceof WideValues && values.layout === layout ? values.cells : [];
  for (let k = 0; k < leaves.length; k++) {
    const cell = cells[column[leaves[k]! * 2]!];
    into[k] = typeof cell === "string" ? plainDecimal(cell, 0, cell.length) : NaN;
  }
}
