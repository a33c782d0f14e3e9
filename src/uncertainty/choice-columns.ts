/**
 * The analysed units' leaf columns under each normalisation choice, and the aggregation codes
 * under each aggregation choice: built once, before the runs, which then only pick one of each.
 *
 * @module
 */
import type { NormaliseRule, ScoringRule } from "../framework/types.ts";
import { normaliseColumn } from "../methods/normalise/normalise-column.ts";
import type { PreparedLeaves } from "../pipeline/score.ts";
import { AGGREGATION_CODES, type CompiledFramework } from "../score/compile.ts";
import { nodeColumns, type NodeColumns } from "../score/evaluate-nodes.ts";
import type { AggregationChoice, NormalisationChoice, UncertaintyOptions } from "./types.ts";
import type { GroupView } from "./weight-dimensions.ts";

/** The columns and codes of every choice, in the order of the options. */
export interface ChoiceColumns {
  /** The leaf columns as the framework normalises them (groups are evaluated into them). */
  readonly nominalMatrix: NodeColumns;
  /** One set of columns per normalisation choice. */
  readonly matrices: readonly NodeColumns[];
  /** One array of aggregation codes per aggregation choice. */
  readonly codeSets: readonly Uint8Array[];
  readonly normChoices: readonly NormalisationChoice[];
  readonly aggChoices: readonly AggregationChoice[];
}

const orNull = (x: number) => (x !== x ? null : x);

/** A leaf's column normalised by an alternative method (direction from a normalise rule, else higher). */
function alternative(rule: ScoringRule, column: readonly (number | null)[], choice: Exclude<NormalisationChoice, "nominal">): (number | null)[] {
  const spec: Omit<NormaliseRule, "type"> = {
    method: choice.method,
    direction: rule.type === "normalise" ? (rule.direction ?? "higher") : "higher",
    ...(choice.range !== undefined ? { range: choice.range } : {}),
    ...(choice.mean !== undefined ? { mean: choice.mean } : {}),
    ...(choice.sd !== undefined ? { sd: choice.sd } : {}),
  };
  return normaliseColumn(column, spec).scores;
}

/**
 * The selected units' leaf columns per normalisation choice (from the normalised values for
 * "nominal", from `raw`, the values before normalisation, for the others) and the aggregation
 * codes per aggregation choice (every group's code replaced, or the framework's for "nominal").
 */
export function choiceColumns(compiled: CompiledFramework, plan: GroupView, prepared: PreparedLeaves, selected: readonly number[], raw: Float64Array, options: UncertaintyOptions): ChoiceColumns {
  const U = selected.length;
  const total = prepared.units.length;
  const toColumns = (column: (leaf: number) => readonly (number | null)[]): NodeColumns => {
    const cols = nodeColumns(compiled.nodes.length, U);
    for (const leaf of compiled.leaves) column(leaf).forEach((v, u) => (cols.value[leaf * U + u] = v === null ? NaN : v));
    return cols;
  };
  const normalised = prepared.stage.cols.value;
  const nominalMatrix = toColumns((leaf) => selected.map((k) => orNull(normalised[leaf * total + k]!)));
  const rawColumn = (leaf: number) => selected.map((k) => orNull(raw[leaf * total + k]!));
  const normChoices = options.normalisation ?? ["nominal"];
  const matrices = normChoices.map((c) => (c === "nominal" ? nominalMatrix : toColumns((leaf) => alternative(compiled.nodes[leaf]!.leaf!.rule, rawColumn(leaf), c))));
  const aggChoices = options.aggregation ?? ["nominal"];
  const codeSets = aggChoices.map((c) => {
    if (c === "nominal") return compiled.layout.code;
    const codes = compiled.layout.code.slice();
    for (const g of plan.groupNodes) codes[g] = AGGREGATION_CODES.indexOf(c);
    return codes;
  });
  return { nominalMatrix, matrices, codeSets, normChoices, aggChoices };
}
