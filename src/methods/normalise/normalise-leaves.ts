/**
 * The normalisation stage: turns the raw values of `normalise` leaves into scores, across units
 * (per year, or over all years with `across: "all"`), in the plan's float columns (with bounds),
 * and gives any unit's leaf exactly on demand. Runs after every unit is read (and imputed), before
 * units are merged and nodes aggregated.
 *
 * @module
 */
import { warning, type Issue } from "../../errors.ts";
import type { NormaliseRule } from "../../framework/types.ts";
import { exactly, type Enclosure } from "../../number/enclosure.ts";
import type { Rational } from "../../number/rational.ts";
import type { CompiledFramework } from "../../score/compile.ts";
import type { NodeColumns } from "../../score/evaluate-nodes.ts";
import { normalisePart } from "./normalise-column.ts";
import type { PartResult } from "./part.ts";

/** True when the framework has a leaf with a `normalise` rule. */
export function hasNormaliseLeaves(compiled: CompiledFramework): boolean {
  return compiled.leaves.some((i) => compiled.nodes[i]!.leaf?.rule.type === "normalise");
}

/** What the stage needs to know of each unit's leaves besides the columns. */
export interface RawLeaves {
  /** The unit's year, for per-year statistics (undefined: no year). */
  year(unit: number): number | undefined;
  exactRaw(unit: number, leaf: number): Rational | null;
  short(unit: number, leaf: number): boolean;
}

/**
 * Normalises every `normalise` leaf of every unit in place. A column the data cannot spread (one
 * unit, or equal values) is reported by a warning. Returns the exact leaf of any unit.
 */
export function normaliseLeaves(
  plan: CompiledFramework,
  cols: Pick<NodeColumns, "units" | "value" | "error">,
  raw: RawLeaves,
  base: (leaf: number) => number = (leaf) => leaf * cols.units,
): { issues: Issue[]; exact: (unit: number, leaf: number) => Enclosure | null } {
  const issues: Issue[] = [];
  const n = cols.units;
  const parts = new Map<number, { key: (u: number) => string; results: Map<string, PartResult> }>();
  // Each unit's year as a partition key, once (not once per leaf and unit).
  const yearKey = Array.from({ length: n }, (_, u) => String(raw.year(u) ?? ""));
  for (const leaf of plan.leaves) {
    const node = plan.nodes[leaf]!;
    if (node.leaf?.rule.type !== "normalise") continue;
    const rule = node.leaf.rule as NormaliseRule;
    const key = (u: number) => (rule.across === "all" ? "" : yearKey[u]!);
    const members = new Map<string, number[]>();
    for (let u = 0; u < n; u++) {
      const k = key(u);
      let list = members.get(k);
      if (list === undefined) members.set(k, (list = []));
      list.push(u);
    }
    const results = new Map<string, PartResult>();
    for (const [year, list] of members) {
      const result = normalisePart(
        { value: cols.value, error: cols.error, base: base(leaf), members: list, exactRaw: (u) => raw.exactRaw(u, leaf), short: (u) => raw.short(u, leaf) },
        rule,
      );
      results.set(year, result);
      if (result.degenerate && node.scored) {
        const when = year === "" ? "" : ` in ${year}`;
        issues.push(
          warning("DATA_NORMALISE_DEGENERATE", `the values of "${node.id}"${when} do not spread (one unit, or all equal): every unit scores the ${rule.method === "zscore" ? "output mean" : "middle of the range"}`, { node: node.id }),
        );
      }
    }
    parts.set(leaf, { key, results });
  }
  const exact = (u: number, leaf: number): Enclosure | null => {
    const part = parts.get(leaf);
    if (part === undefined) {
      const r = raw.exactRaw(u, leaf);
      return r === null ? null : exactly(r);
    }
    return part.results.get(part.key(u))!.exact(u);
  };
  return { issues, exact };
}
