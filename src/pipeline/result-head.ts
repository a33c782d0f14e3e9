/**
 * What a result says about its framework, nodes and options, apart from its units: shared by
 * `score()` and the streamed CLI, whose JSON documents begin alike.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import type { RankMethod } from "../rank/rank.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";
import type { NodeInfo, ScoreResult } from "./types.ts";

/**
 * The framework, root, nodes and options of a result.
 *
 * @example
 * ```ts
 * import { nodeInfos } from "./score.ts";
 * import { compileFramework } from "../score/compile.ts";
 * resultHead(fw, nodeInfos(compileFramework(fw)), {}).options; // => { missing: "error", ranking: "competition", ties: "published" }
 * ```
 */
export function resultHead(
  framework: Framework,
  nodes: readonly NodeInfo[],
  options: { readonly decimals?: number; readonly missing?: MissingPolicy; readonly ranking?: RankMethod; readonly ties?: "published" | "exact" },
): Pick<ScoreResult, "framework" | "root" | "nodes" | "options"> {
  return {
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      ...(framework.level !== undefined ? { level: framework.level } : {}),
      decimals: options.decimals ?? framework.decimals ?? 4,
    },
    root: nodes[0]!.id,
    nodes,
    options: { missing: options.missing ?? "error", ranking: options.ranking ?? "competition", ties: options.ties ?? "published" },
  };
}
