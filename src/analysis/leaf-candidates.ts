/**
 * The leaves a unit can improve, with their current inputs and scores, shared by the priority and
 * planning functions.
 *
 * @module
 */
import { DtiError, error, showValue } from "../errors.ts";
import type { IndicatorNode, LocalizedName } from "../framework/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import type { Scenario } from "./scenario.ts";

/** A leaf that may be improved. */
export interface LeafCandidate {
  readonly index: number;
  readonly id: string;
  readonly name: LocalizedName;
  readonly leaf: IndicatorNode;
  readonly keys: readonly string[];
  /** Cost weight per unit of the leaf's score (default 1). */
  readonly cost: number;
}

/** Options choosing which leaves may change and what a unit of improvement costs. */
export interface CandidateOptions {
  /** Only these leaves (ids) may change. */
  readonly only?: readonly string[];
  /** These leaves (ids) may not change. */
  readonly exclude?: readonly string[];
  /** Cost of +1 of a leaf's score, by leaf id (default 1 each): greedy picks by gain ÷ cost. */
  readonly costs?: Readonly<Record<string, number>>;
}

/** The scored leaves allowed to change, in tree order. Unknown ids are `ANALYSIS_UNKNOWN_NODE`. */
export function leafCandidates(s: Scenario, options: CandidateOptions): LeafCandidate[] {
  const leaves = s.compiled.leaves.map((i) => s.compiled.nodes[i]!);
  const ids = new Set(leaves.map((n) => n.id));
  const unknown = [...(options.only ?? []), ...(options.exclude ?? []), ...Object.keys(options.costs ?? {})].filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new DtiError(unknown.map((id) => error("ANALYSIS_UNKNOWN_NODE", `${showValue(id)} is not an indicator (leaf) of framework ${showValue(s.framework.id)}`, { node: id })));
  for (const [id, c] of Object.entries(options.costs ?? {})) {
    if (!(typeof c === "number" && c > 0 && Number.isFinite(c))) throw new DtiError([error("OPTION_INVALID", `cost of ${showValue(id)} must be a positive number (got ${showValue(c)})`, { node: id })]);
  }
  return s.compiled.leaves.flatMap((index) => {
    const n = s.compiled.nodes[index]!;
    if (!n.scored || n.leaf === undefined) return [];
    if (options.only !== undefined && !options.only.includes(n.id)) return [];
    if (options.exclude?.includes(n.id)) return [];
    return [{ index, id: n.id, name: n.name, leaf: n.leaf, keys: n.inputs, cost: options.costs?.[n.id] ?? 1 }];
  });
}

/** The candidate's current raw inputs under `changes` (falling back to the unit's own). */
export function currentInputs(s: Scenario, c: LeafCandidate, changes: ReadonlyMap<string, RawValue>): RawValue[] | undefined {
  const values = c.keys.map((k) => changes.get(k) ?? s.inputs.get(k));
  return values.some((v) => v === undefined) ? undefined : (values as RawValue[]);
}

/** `changes` plus the candidate's inputs set to `inputs`. */
export function withInputs(changes: ReadonlyMap<string, RawValue>, c: LeafCandidate, inputs: readonly RawValue[]): Map<string, RawValue> {
  const next = new Map(changes);
  c.keys.forEach((k, i) => next.set(k, inputs[i] as RawValue));
  return next;
}
