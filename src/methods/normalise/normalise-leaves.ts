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
  const parts = new Map<number, { key: (u: number) => string; results: Map<string, PartResult> }>();
  const partitions = unitPartitions(cols.units, raw);
  for (const leaf of plan.leaves) {
    const node = plan.nodes[leaf]!;
    if (node.leaf?.rule.type !== "normalise") continue;
    const rule = node.leaf.rule as NormaliseRule;
    const { key, members } = rule.across === "all" ? partitions.all() : partitions.byYear();
    const results = new Map<string, PartResult>();
    for (const [year, list] of members) {
      const result = normalisePart(
        { value: cols.value, error: cols.error, base: base(leaf), members: list, exactRaw: (u) => raw.exactRaw(u, leaf), short: (u) => raw.short(u, leaf) },
        rule,
      );
      results.set(year, result);
      if (result.degenerate && node.scored) issues.push(degenerateWarning(node.id, year, rule));
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

interface Partition {
  /** The partition key of unit u ("" for all units together). */
  readonly key: (u: number) => string;
  /** The units of each partition, in unit order. */
  readonly members: ReadonlyMap<string, readonly number[]>;
}

/**
 * The units partitioned by year, and all together: made once, on first use, for every leaf
 * normalised the same way (the members lists are read, never changed, by the methods).
 */
function unitPartitions(n: number, raw: RawLeaves): { byYear(): Partition; all(): Partition } {
  let byYear: Partition | undefined;
  let all: Partition | undefined;
  const make = (key: (u: number) => string): Partition => {
    const members = new Map<string, number[]>();
    for (let u = 0; u < n; u++) {
      const k = key(u);
      let list = members.get(k);
      if (list === undefined) members.set(k, (list = []));
      list.push(u);
    }
    return { key, members };
  };
  return {
    byYear: () => {
      if (byYear !== undefined) return byYear;
      // Each unit's year as a partition key, once (not once per leaf and unit).
      const yearKey = Array.from({ length: n }, (_, u) => String(raw.year(u) ?? ""));
      return (byYear = make((u) => yearKey[u]!));
    },
    all: () => (all ??= make(() => "")),
  };
}

function degenerateWarning(id: string, year: string, rule: NormaliseRule): Issue {
  const when = year === "" ? "" : ` in ${year}`;
  return warning("DATA_NORMALISE_DEGENERATE", `the values of "${id}"${when} do not spread (one unit, or all equal): every unit scores the ${rule.method === "zscore" ? "output mean" : "middle of the range"}`, { node: id });
}
