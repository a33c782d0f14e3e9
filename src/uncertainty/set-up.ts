/**
 * The analysis set up before the runs: the data scored once and checked, with the options; the
 * year's units; what moves (weights, normalisation, aggregation) and the columns of each choice.
 *
 * @module
 */
import { DtiError, error, warning, type Issue } from "../errors.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import type { Enclosure } from "../number/enclosure.ts";
import { prepareLeaves, type PreparedLeaves } from "../pipeline/score.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { hinted } from "../text/option-hint.ts";
import { choiceColumns, type ChoiceColumns } from "./choice-columns.ts";
import { geometricZeros, geometricZeroWarning } from "./geometric-zeros.ts";
import type { UncertaintyOptions } from "./types.ts";
import { checkUncertaintyOptions } from "./uncertainty-options.ts";
import { groupView, uncertainInputs, weightDimensions, type GroupView, type InputSpec, type WeightDims } from "./weight-dimensions.ts";

/** Most units the analysis accepts (ranks are kept as a units × units histogram). */
export const MAX_UNCERTAINTY_UNITS = 2000;

/** Everything the runs need, set up once: the units analysed, what moves, the columns per choice. */
export interface Analysis extends ChoiceColumns {
  readonly compiled: CompiledFramework;
  readonly prepared: PreparedLeaves;
  /** The exact normalised leaf values, for the nominal ranks. */
  readonly exactLeaf: (unit: number, leaf: number) => Enclosure | null;
  readonly year: number | undefined;
  /** The prepared units analysed (those of the year), by index. */
  readonly selected: readonly number[];
  readonly plan: GroupView;
  readonly weightSpec: WeightDims;
  readonly inputs: readonly InputSpec[];
  /** Columns of a sample row: one per moving weight, then the normalisation's and the aggregation's. */
  readonly dimensions: number;
  readonly warnings: Issue[];
}

/** Scores the data once (checking it and the options), picks the year's units and sets up what moves. */
export function setUpAnalysis(framework: Framework | FrameworkDefinition, data: ScoreInput, options: UncertaintyOptions): Analysis {
  const prepared = prepareLeaves(framework, data, options);
  const optionIssues = checkUncertaintyOptions(options);
  if (!("compiled" in prepared) || optionIssues.length > 0 || prepared.issues.some((i) => i.severity === "error")) {
    throw new DtiError([...optionIssues, ...prepared.issues]);
  }
  const { compiled, stage } = prepared;
  const warnings: Issue[] = [...prepared.issues];
  // The raw values before normalisation, for the alternative normalisations.
  const raw = stage.cols.value.slice();
  const normalised = normaliseLeaves(compiled, stage.cols, { year: (u) => prepared.units[u]!.year, exactRaw: stage.exactRaw, short: stage.short });
  for (const issue of normalised.issues) warnings.push(issue);
  if ((options.minCoverage ?? 0) > 0 || compiled.nodes.some((n) => n.minCoverage > 0)) {
    const { message, hints } = hinted((o) => `coverage thresholds (${o("minCoverage")}) are not applied by the uncertainty analysis: groups are scored from whatever data they have`);
    warnings.push(warning("OPTION_INVALID", message, { hints }));
  }
  const { year, selected } = selectUnits(prepared, options);
  const plan = groupView(compiled);
  // Weight dimensions: one per child position whose weight moves.
  const weightSpec = weightDimensions(plan, options, optionIssues);
  if (optionIssues.length > 0) throw new DtiError(optionIssues);
  const columns = choiceColumns(compiled, plan, prepared, selected, raw, options);
  const U = selected.length;
  const zeros = geometricZeros(compiled, plan, U, columns.matrices, columns.codeSets, weightSpec.positions);
  if (zeros !== undefined) warnings.push(geometricZeroWarning(zeros, U, columns.normChoices, columns.aggChoices));
  const inputs = uncertainInputs(plan, weightSpec.parent, columns.normChoices, columns.aggChoices, options.sensitivity ?? "stage");
  const dimensions = weightSpec.positions.length + (columns.normChoices.length > 1 ? 1 : 0) + (columns.aggChoices.length > 1 ? 1 : 0);
  if (dimensions === 0) {
    const { message, hints } = hinted((o) => `nothing is uncertain: give ${o("weights", "0.25")}, several normalisations (${o("normalisation", "nominal,minmax")}) or several aggregations (${o("aggregation", "arithmetic,geometric")})`);
    warnings.push(warning("OPTION_INVALID", message, { hints }));
  }
  return { ...columns, compiled, prepared, exactLeaf: normalised.exact, year, selected, plan, weightSpec, inputs, dimensions, warnings };
}

/** The year analysed (the one asked for, else the latest) and its units; too few or too many is an error. */
function selectUnits(prepared: PreparedLeaves, options: UncertaintyOptions): { year: number | undefined; selected: number[] } {
  const years = [...new Set(prepared.units.map((u) => u.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  const year = options.year ?? years[years.length - 1];
  const selected = prepared.units.flatMap((u, k) => (u.year === year ? [k] : []));
  if (options.year !== undefined && !years.includes(options.year)) {
    throw new DtiError([error("OPTION_INVALID", `the data has no year ${options.year} (years: ${years.join(", ") || "none"})`)]);
  }
  if (selected.length < 2) throw new DtiError([error("OPTION_INVALID", `the uncertainty analysis needs at least two units (got ${selected.length})`)]);
  if (selected.length > MAX_UNCERTAINTY_UNITS) {
    throw new DtiError([error("OPTION_INVALID", `the uncertainty analysis takes at most ${MAX_UNCERTAINTY_UNITS} units (got ${selected.length})`)]);
  }
  return { year, selected };
}
