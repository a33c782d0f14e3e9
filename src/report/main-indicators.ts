/**
 * The main indicators of a result: the nodes a radar chart or a unit card shows.
 *
 * @module
 */
import { checkArgument, cutText, DtiError, error, isResultLike, showList, showValue } from "../errors.ts";
import type { NodeInfo, ScoreResult } from "../pipeline/types.ts";

/**
 * The main indicators: the scored children of the root, where a child that is only a grouping
 * (a group without a short label, such as "Nhóm chỉ số nền tảng chung") is replaced by its own
 * scored children. For the 2022 provincial DTI these are the 8 scored main indicators (NTS, TCS,
 * HTS, NLS, ATTTM, HĐCQS, HĐKTS, HĐXHS); for the 2025 national DTI the three pillars. With `ids`,
 * exactly those nodes or views, in that order (an unknown id throws `REPORT_NODE_UNKNOWN`).
 *
 * @example
 * ```ts
 * mainIndicators(result).map((n) => n.short); // => ["NTS", "TCS", "HTS", "NLS", "ATTTM", "HĐCQS", "HĐKTS", "HĐXHS"]
 * ```
 */
export function mainIndicators(result: ScoreResult, ids?: readonly string[]): NodeInfo[] {
  checkArgument(isResultLike(result), "mainIndicators", "the result of score()", result);
  if (ids !== undefined) {
    const byId = new Map(result.nodes.map((n) => [n.id, n]));
    return ids.map((id) => {
      const info = byId.get(id);
      if (info === undefined || id === result.root) {
        throw new DtiError([error("REPORT_NODE_UNKNOWN", `unknown indicator ${showValue(id)}; known: ${showList(result.nodes.filter((n) => n.id !== result.root).map((n) => n.id), 40, cutText)}`)]);
      }
      return info;
    });
  }
  const children = (parent: string) => result.nodes.filter((n) => n.parent === parent && n.kind !== "view" && n.scored);
  return children(result.root).flatMap((n) => (n.kind === "group" && n.short === undefined ? children(n.id) : [n]));
}
