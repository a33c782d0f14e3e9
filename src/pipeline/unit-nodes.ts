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
}

/**
 * Gives a unit result its `nodes` record, made from the table on first read. It reads, copies,
 * serialises and compares as a plain property (enumerable, in its place), and can be set.
 */
export function withUnitNodes<T extends object>(result: T, table: UnitTable, unit: number, index: ReadonlyMap<string, number>): T & { nodes: Record<string, NodeResult> } {
  const settle = (value: Record<string, NodeResult>) => {
    Object.defineProperty(result, "nodes", { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  Object.defineProperty(result, COLUMNS, { value: { table, unit, index } satisfies Columns, enumerable: false });
  Object.defineProperty(result, "nodes", {
    enumerable: true,
    configurable: true,
    get: () => {
      const nodes: Record<string, NodeResult> = {};
      for (const [id, k] of index) nodes[id] = nodeResult(table, unit, k);
      return settle(nodes);
    },
    set: settle,
  });
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
