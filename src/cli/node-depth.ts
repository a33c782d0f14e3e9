/**
 * `dti score --depth <n>`: a ranking of the upper levels only (0: the index; 1: the index and its
 * pillars, as the Ministry publishes the provincial DTI), in every format `dti score` writes as a
 * table. Views (alternative groupings beside the tree) count as depth 1. The nodes below are still
 * scored (the pillars need them); they are neither written nor ranked.
 *
 * @module
 */
import type { NodeInfo, NodeResult, ScoreResult, UnitResult } from "../pipeline/types.ts";
import type { OptionValues } from "./command.ts";
import { integerOption } from "./options.ts";

/** `--depth`: a whole number ≥ 0, or undefined (every node). */
export function depthOption(values: OptionValues): number | undefined {
  return integerOption(values, "depth", 0);
}

/** True when node `info` is written at `depth` (undefined: every node is). */
export function writtenAt(info: Pick<NodeInfo, "depth">, depth: number | undefined): boolean {
  return depth === undefined || (info.depth < 0 ? 1 : info.depth) <= depth;
}

/**
 * The result with only the nodes written at `depth`: its node list, and each unit's nodes (read
 * only by the formats that write them all: JSON). Undefined depth: the result itself.
 */
export function resultAtDepth(result: ScoreResult, depth: number | undefined, withUnitNodes: boolean): ScoreResult {
  if (depth === undefined) return result;
  const nodes = result.nodes.filter((info) => writtenAt(info, depth));
  if (!withUnitNodes) return { ...result, nodes };
  const ids = nodes.filter((info) => info.id !== result.root).map((info) => info.id);
  const units = result.units.map((u): UnitResult => {
    const kept: Record<string, NodeResult> = {};
    for (const id of ids) if (u.nodes[id] !== undefined) kept[id] = u.nodes[id];
    return { ...u, nodes: kept };
  });
  return { ...result, nodes, units };
}
