/**
 * The normalisation stage: turns the raw values of `normalise` leaves into scores, across units
 * (per year, or over all years with `across: "all"`). Runs after every unit is read (and
 * imputed), before units are merged and nodes aggregated.
 *
 * @module
 */
import { warning, type Issue } from "../../errors.ts";
import type { NormaliseRule } from "../../framework/types.ts";
import type { Decimal } from "../../number/decimal.ts";
import type { CompiledFramework } from "../../score/compile.ts";
import type { LeafScores } from "../../score/score-leaves.ts";
import { normaliseColumn } from "./normalise-column.ts";

/** True when the framework has a leaf with a `normalise` rule. */
export function hasNormaliseLeaves(compiled: CompiledFramework): boolean {
  return compiled.leaves.some((i) => compiled.nodes[i]!.leaf?.rule.type === "normalise");
}

/**
 * Normalises every `normalise` leaf of every unit. Other leaves are left as they are. A column
 * the data cannot spread (one unit, or equal values) is reported by a warning.
 *
 * @example
 * ```ts
 * const { units } = normaliseLeaves(compiled, scoredUnits); // leaf raw values → scores in each rule's range
 * ```
 */
export function normaliseLeaves(compiled: CompiledFramework, units: readonly LeafScores[]): { units: LeafScores[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const leafIndices = compiled.leaves.filter((i) => compiled.nodes[i]!.leaf?.rule.type === "normalise");
  if (leafIndices.length === 0) return { units: [...units], issues };
  const scores = units.map((u) => new Map(u.scores));
  for (const leafIndex of leafIndices) {
    const node = compiled.nodes[leafIndex]!;
    const rule = node.leaf!.rule as NormaliseRule;
    const parts = new Map<string, number[]>();
    units.forEach((u, k) => {
      const key = rule.across === "all" ? "" : String(u.input.year ?? "");
      let list = parts.get(key);
      if (list === undefined) parts.set(key, (list = []));
      list.push(k);
    });
    for (const [year, members] of parts) {
      const column = members.map((k) => units[k]!.scores.get(leafIndex) ?? null);
      const out = normaliseColumn(column, rule);
      members.forEach((k, j) => scores[k]!.set(leafIndex, out.scores[j] as Decimal | null));
      if (out.degenerate && node.scored) {
        const when = year === "" ? "" : ` in ${year}`;
        issues.push(
          warning("DATA_NORMALISE_DEGENERATE", `the values of "${node.id}"${when} do not spread (one unit, or all equal): every unit scores the ${rule.method === "zscore" ? "output mean" : "middle of the range"}`, { node: node.id }),
        );
      }
    }
  }
  return { units: units.map((u, k) => ({ ...u, scores: scores[k]! })), issues };
}
