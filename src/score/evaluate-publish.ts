/**
 * The scoring plan evaluated and published for units read into memory: the float evaluator over
 * every node, then each published value taken from its float where the bound decides and from
 * the exact evaluator elsewhere.
 *
 * @module
 */
import type { Enclosure } from "../number/enclosure.ts";
import type { ScoreOptions } from "../pipeline/types.ts";
import type { CompiledFramework } from "./compile.ts";
import { evaluateNodes, type NodeColumns, type NodeFlag } from "./evaluate-nodes.ts";
import { exactUnit } from "./exact-nodes.ts";
import { publishColumns, type PublishedColumns } from "./publish-columns.ts";

/**
 * Runs the float evaluator over the columns and publishes every node: floats where their bounds
 * decide, each other (unit, node) by the exact evaluator from the unit's exact leaves (every node
 * when `exact`; their exact scores are then kept, for ranking on them). Flags are in unit, then
 * node order.
 */
export function evaluateAndPublish(
  compiled: CompiledFramework,
  cols: NodeColumns,
  exactLeaf: (unit: number, leaf: number) => Enclosure | null,
  options: ScoreOptions,
  places: number,
  keepExact: boolean,
): { published: PublishedColumns; exactScores: Map<number, Enclosure> | undefined; flags: NodeFlag[] } {
  const optMin = options.minCoverage ?? 0;
  const flags: NodeFlag[] = [];
  evaluateNodes(compiled, cols, { minCoverage: optMin, flags });
  const m = cols.units;
  const exactScores = keepExact ? new Map<number, Enclosure>() : undefined;
  const threshold = (node: number) => (compiled.nodes[node]!.kind === "group" ? (compiled.layout.minCoverage[node]! > 0 ? compiled.layout.minCoverage[node]! : optMin) : 0);
  const published = publishColumns(
    compiled.nodes.length,
    cols,
    (u) => exactUnit(compiled, (leaf) => exactLeaf(u, leaf), (node) => cols.coverage[node * m + u]!, threshold),
    {
      places,
      exact: options.arithmetic === "exact" || keepExact,
      flags,
      ...(exactScores !== undefined ? { onExact: (u: number, node: number, e: Enclosure) => exactScores.set(node * m + u, e) } : {}),
    },
  );
  flags.sort((a, b) => a.unit - b.unit || a.node - b.node);
  return { published, exactScores, flags };
}
