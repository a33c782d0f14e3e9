/**
 * Issues for nodes the aggregation left missing: too little coverage (a warning) or a value the
 * node's mean cannot take (an error).
 *
 * @module
 */
import { error, warning, type Issue } from "../errors.ts";
import type { CompiledFramework } from "./compile.ts";
import type { NodeFlag } from "./evaluate-nodes.ts";

/** Warnings for groups left missing by a coverage threshold; errors for values a mean cannot take. */
export function nodeFlagIssues(
  compiled: CompiledFramework,
  units: readonly { readonly input: { readonly unit: string; readonly year?: number } }[],
  flags: readonly NodeFlag[],
): Issue[] {
  return flags.map((f) => {
    const input = units[f.unit]!.input;
    const unit = input.year === undefined ? input.unit : `${input.unit} (${input.year})`;
    const node = compiled.nodes[f.node]!;
    return f.reason === "coverage"
      ? warning("DATA_LOW_COVERAGE", `"${node.id}" has data for ${pct(f.coverage)} of its weight, below its threshold of ${pct(f.threshold)}: left missing`, { unit, node: node.id })
      : error("DATA_AGGREGATION_DOMAIN", `"${node.id}" aggregates by ${node.aggregation} mean, which needs values of 0 or more; a child scored below 0 (use a positive output range or an arithmetic mean)`, { unit, node: node.id });
  });
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
