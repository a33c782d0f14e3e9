import type { ScoreResult } from "../pipeline/types.ts";
import { VERSION } from "../version.ts";

/**
 * The result as one JSON document (the shape documented in docs/output.md and
 * schema/result.schema.json): generator, framework, options, nodes, units, coverage, warnings.
 *
 * @example
 * ```ts
 * JSON.parse(toJSON(result)).units[0].value; // => "0.8002"
 * ```
 */
export function toJSON(result: ScoreResult, options: { readonly indent?: number } = {}): string {
  const doc = {
    generator: { name: "dti", version: VERSION },
    framework: result.framework,
    root: result.root,
    options: result.options,
    nodes: result.nodes,
    units: result.units,
    coverage: result.coverage,
    warnings: result.warnings,
    ...(result.imputed !== undefined ? { imputed: result.imputed } : {}),
  };
  return JSON.stringify(doc, null, options.indent ?? 2);
}
