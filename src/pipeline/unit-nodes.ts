/**
 * The per-node results of a unit, kept in the scoring plan's columns until read. A ranking of
 * 100,000 units × 50 nodes read for its totals, or written out as CSV, makes no 5 million node
 * objects: `unit.nodes` is made on first read (and then stays a plain property), and writers
 * read a node's cells through {@link nodeCells} without making it.
 *
 * @module
 */
import type { NodeResult, UnitResult } from "./types.ts";

/** The node columns of one scoring run: unit u (input order), node k (plan order). */
export interface UnitTable {
  score(unit: number, node: number): number | null;
  value(unit: number, node: number): string | null;
  coverage(unit: number, node: number): number;
  rank(unit: number, node: number): number | null;
  groupRank(unit: number, node: number): number | null;
}

/** One unit's node cells by node id, read without making a {@link NodeResult}. */
export interface NodeCells {
  score(id: string): number | null;
  value(id: string): string | null;
  coverage(id: string): number | null;
  rank(id: string): number | null;
  groupRank(id: string): number | null;
}

const COLUMNS = Symbol("dti.unitColumns");

interface Columns {
  readonly table: UnitTable;
  readonly unit: number;
  /** Node id → plan index, for every node in `nodes` (the root excluded). */
  readonly index: ReadonlyMap<string, number>;
  /** The unit result that holds them (where `nodes` settles, whoever reads it). */
  readonly owner: object;
}

/** `nodes` as a plain property of `owner` from now on. */
function settle(owner: object, value: Record<string, NodeResult>): Record<string, NodeResult> {
  Object.defineProperty(owner, "nodes", { value, enumerable: true, writable: true, configurable: true });
  return value;
}

// One getter and one setter for every unit result (not two closures per unit): the results then
// share their shape, where a pair per result gave each its own, and ten thousand of them cost more
// than the rest of the result.
const NODES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [COLUMNS]: Columns }) {
    const { table, unit, index, owner } = this[COLUMNS];
    const nodes: Record<string, NodeResult> = {};
    for (const [id, k] of index) nodes[id] = nodeResult(table, unit, k);
    return settle(owner, nodes);
  },
  set(this: { [COLUMNS]: Columns }, value: Record<string, NodeResult>) {
    settle(this[COLUMNS].owner, value);
  },
};

/**
 * Gives a unit result its `nodes` record, made from the table on first read. It reads, copies,
 * serialises and compares as a plain property (enumerable, in its place), and can be set.
 */
export function withUnitNodes<T extends object>(result: T, table: UnitTable, unit: number, index: ReadonlyMap<string, number>): T & { nodes: Record<string, NodeResult> } {
  Object.defineProperty(result, COLUMNS, { value: { table, unit, index, owner: result } satisfies Columns, enumerable: false });
  Object.defineProperty(result, "nodes", NODES);
  return result as T & { nodes: Record<string, NodeResult> };
}

function nodeResult(table: UnitTable, unit: number, k: number): NodeResult {
  return { score: table.score(unit, k), value: table.value(unit, k), rank: table.rank(unit, k), groupRank: table.groupRank(unit, k), coverage: table.coverage(unit, k) };
}

/**
 * A unit's node cells: from the columns while `nodes` has not been made (or set), else from
 * `nodes` itself. An unknown id reads as missing.
 *
 * @example
 * ```ts
 * nodeCells(result.units[0]).value("institutions"); // => "0.9000" (as result.units[0].nodes.institutions.value)
 * nodeCells(result.units[0]).value("no-such-node"); // => null (an unknown id reads as missing)
 * ```
 */
export function nodeCells(unit: UnitResult): NodeCells {
  const columns = (unit as { [COLUMNS]?: Columns })[COLUMNS];
  const lazy = columns !== undefined && Object.getOwnPropertyDescriptor(unit, "nodes")?.get !== undefined;
  if (lazy) {
    const { table, unit: u, index } = columns;
    // One lookup of the node per read; an unknown id is missing.
    const read = <K extends keyof UnitTable>(id: string, key: K): ReturnType<UnitTable[K]> | null => {
      const k = index.get(id);
      return k === undefined ? null : (table[key](u, k) as ReturnType<UnitTable[K]>);
    };
    return {
      score: (id) => read(id, "score"),
      value: (id) => read(id, "value"),
      coverage: (id) => read(id, "coverage"),
      rank: (id) => read(id, "rank"),
      groupRank: (id) => read(id, "groupRank"),
    };
  }
  const node = (id: string): NodeResult | undefined => (Object.hasOwn(unit.nodes, id) ? unit.nodes[id] : undefined);
  return {
    score: (id) => node(id)?.score ?? null,
    value: (id) => node(id)?.value ?? null,
    coverage: (id) => node(id)?.coverage ?? null,
    rank: (id) => node(id)?.rank ?? null,
    groupRank: (id) => node(id)?.groupRank ?? null,
  };
}
