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
    if (f.reason === "coverage") {
      const [coverage, threshold] = percents(f.coverage, f.threshold);
      return warning("DATA_LOW_COVERAGE", `"${node.id}" has data for ${coverage} of its weight, below its threshold of ${threshold}: left missing`, { unit, node: node.id });
    }
    return error("DATA_AGGREGATION_DOMAIN", `"${node.id}" aggregates by ${node.aggregation} mean, which needs values of 0 or more; a child scored below 0 (use a positive output range or an arithmetic mean)`, { unit, node: node.id });
  });
}

/**
 * Two shares as percentages with one decimal, or as many more as it takes to tell them apart: a
 * coverage just under its threshold must not read "65% … below its threshold of 65%".
 */
export function percents(a: number, b: number): [string, string] {
  let scale = 10;
  const pct = (x: number) => `${Math.round(x * 100 * scale) / scale}%`;
  while (scale < 1e9 && pct(a) === pct(b)) scale *= 10;
  return [pct(a), pct(b)];
}
