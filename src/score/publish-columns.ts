/**
 * Published values from the float evaluator's columns: a float whose bound keeps it away from every
 * half-way point publishes its own rounding (proven equal to the exact one); the others, and every
 * node when exact arithmetic is asked for, are decided by the exact evaluator.
 *
 * @module
 */
import { midpoint, publishScaled, type Enclosure } from "../number/enclosure.ts";
import { scaledOrNaN } from "../number/publish-float.ts";
import { ratToNumber } from "../number/rational.ts";
import type { NodeColumns, NodeFlag } from "./evaluate-nodes.ts";

/** Published values as whole numbers scaled by 10^places, node-major as the columns; NaN = missing. */
export interface PublishedColumns {
  readonly scaled: Float64Array;
  /** Units that needed the exact evaluator for at least one node. */
  readonly exactUnits: number;
}

/** Options of {@link publishColumns}. */
export interface PublishOptions {
  readonly places: number;
  /** Decide every node exactly (exact arithmetic), not only where the float cannot. */
  readonly exact?: boolean;
  /** Called with each exact result (e.g. to keep them for ranking on exact scores). */
  readonly onExact?: (unit: number, node: number, value: Enclosure) => void;
  /** Where a node the exact evaluator finds out of its mean's domain is flagged. */
  readonly flags?: NodeFlag[];
  /** Written into (every value) instead of a new array, when it has room for every node of every unit. */
  readonly into?: Float64Array;
  /** Nodes not published (1): their places are not written (a caller that reads none of their values). */
  readonly skip?: Uint8Array;
}

/**
 * Publishes every node of every unit. `exactFor(u)` gives unit u's exact evaluator (see
 * `exactUnit`); it is made only for units that need it. A node decided exactly also gets its exact
 * score as its float.
 */
export function publishColumns(
  nodes: number,
  cols: NodeColumns,
  exactFor: (unit: number) => (node: number) => Enclosure | undefined,
  options: PublishOptions,
): PublishedColumns {
  const n = cols.units;
  const V = cols.value;
  const E = cols.error;
  const scale = 10 ** options.places;
  const scaled = options.into !== undefined && options.into.length === nodes * n ? options.into : new Float64Array(nodes * n);
  let pending: Map<number, number[]> | undefined;
  for (let i = 0; i < nodes; i++) {
    const base = i * n;
    if (options.skip?.[i] === 1) continue;
    for (let u = 0; u < n; u++) {
      const v = V[base + u]!;
      if (v !== v) {
        scaled[base + u] = NaN;
        continue;
      }
      const p = options.exact === true ? NaN : v >= 0 ? scaledOrNaN(v, E[base + u]!, scale) : -scaledOrNaN(-v, E[base + u]!, scale);
      if (p === p) {
        scaled[base + u] = p === 0 ? 0 : p;
        continue;
      }
      scaled[base + u] = NaN;
      pending ??= new Map();
      let list = pending.get(u);
      if (list === undefined) pending.set(u, (list = []));
      list.push(i);
    }
  }
  if (pending === undefined) return { scaled, exactUnits: 0 };
  for (const [u, list] of pending) {
    const exact = exactFor(u);
    for (const i of list) {
      const e = exact(i);
      if (e === undefined) {
        V[i * n + u] = NaN;
        options.flags?.push({ node: i, unit: u, reason: "domain", coverage: cols.coverage[i * n + u]!, threshold: 0 });
        continue;
      }
      options.onExact?.(u, i, e);
      V[i * n + u] = ratToNumber(midpoint(e));
      E[i * n + u] = 0;
      const k = Number(publishScaled(e, options.places));
      scaled[i * n + u] = k === 0 ? 0 : k;
    }
  }
  return { scaled, exactUnits: pending.size };
}
