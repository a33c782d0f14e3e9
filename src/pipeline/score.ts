/**
 * The pipeline: framework + data → validate → score leaves → merge → aggregate → rank → result.
 *
 * @module
 */
import { DtiError, error, showValue, type Issue } from "../errors.ts";
import { validateFramework } from "../framework/validate-framework.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { readUnits, type UnitInput } from "../input/read-units.ts";
import { toTable } from "../input/to-table.ts";
import type { Enclosure } from "../number/enclosure.ts";
import { formatScaled } from "../number/publish-float.ts";
import { rankExact, rankPublished } from "../rank/rank-columns.ts";
import { unrankedUnits } from "../rank/unranked.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import type { NodeColumns } from "../score/evaluate-nodes.ts";
import { evaluateAndPublish } from "../score/evaluate-publish.ts";
import { leafColumns, type LeafStage } from "../score/leaf-columns.ts";
import { unitSource } from "../score/unit-source.ts";
import { mergeColumns, mergeUnits, type MergedUnit } from "../score/merge-units.ts";
import { missingColumnIssues, missingValueWarnings, type ImputedValue } from "../score/score-leaves.ts";
import { makeImputer } from "../methods/impute/imputer.ts";
import { imputationWarnings, imputedCells } from "../methods/impute/imputed-cells.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { nodeFlagIssues } from "../score/node-flag-issues.ts";
import { checkOptions } from "./check-options.ts";
import type { UnitTable } from "./unit-nodes.ts";
import { resultHead } from "./result-head.ts";
import { coverageSummary, resultOrder, unitResult } from "./unit-result.ts";
import type { ImputedCell, NodeInfo, ScoreInput, ScoreOptions, ScoreResult, UnitResult, ValidationReport } from "./types.ts";

interface Analysis {
  readonly result: ScoreResult | undefined;
  readonly issues: readonly Issue[];
  readonly units: number;
}

/**
 * Scores and ranks units. Every node and view gets an exact score, a published value (rounded
 * half-up), a rank overall and within the unit's group (per year). Throws a {@link DtiError}
 * listing **every** problem when the framework or the data has errors; warnings come back in
 * `result.warnings`. The result is plain data; `score` from `dti/notebook` also renders it as its
 * ranking table in a Deno Jupyter notebook.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * const result = score(getFramework("vn-dti-2020-province"), [
 *   { unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 },
 * ]);
 * result.units[0].value; // => "0.4096"
 * ```
 */
export function score(framework: Framework | FrameworkDefinition, data: ScoreInput, options: ScoreOptions = {}): ScoreResult {
  const analysis = analyse(framework, data, options);
  if (analysis.result === undefined) throw new DtiError(analysis.issues);
  return analysis.result;
}

/**
 * Checks a framework and data without throwing: every error and warning, with rows, columns and
 * units. Runs the same stages as {@link score} (so a bad cell anywhere is found).
 *
 * @example
 * ```ts
 * const report = validate(getFramework("vn-dti-2020-province"), [{ unit: "Huế", government: "abc", economy: 0.5, society: 0.5 }]);
 * report.errors[0].code; // => "DATA_NOT_A_NUMBER"
 * ```
 */
export function validate(framework: Framework | FrameworkDefinition, data: ScoreInput, options: ScoreOptions = {}): ValidationReport {
  const { issues, units } = analyse(framework, data, options);
  const errors = issues.filter((i) => i.severity === "error");
  return { ok: errors.length === 0, errors, warnings: issues.filter((i) => i.severity === "warning"), units };
}

/** A validated framework, or the problems of the definition. */
export function toFramework(framework: Framework | FrameworkDefinition): { framework?: Framework; issues: readonly Issue[] } {
  if (typeof framework !== "object" || framework === null) {
    return { issues: [error("FRAMEWORK_SCHEMA", `the framework must be an object (from getFramework, defineFramework or parseFramework; got ${showValue(framework)})`)] };
  }
  if ((framework as Framework).validated === true) return { framework: framework as Framework, issues: [] };
  const checked = validateFramework(framework);
  return checked.ok ? { framework: checked.framework, issues: [] } : { issues: checked.issues };
}

/** The leaves of every unit before normalisation: read, scored by their rules, imputed. */
export interface PreparedLeaves {
  readonly compiled: CompiledFramework;
  /** The units read, in input order (the columns' unit order). */
  readonly units: readonly UnitInput[];
  /** The leaf stage: float columns with bounds, and the exact leaves on demand. */
  readonly stage: LeafStage;
  readonly imputed: readonly ImputedValue[];
  /** Errors first, then warnings. */
  readonly issues: readonly Issue[];
  /** Units read. */
  readonly read: number;
}

/**
 * The first stages of the pipeline, shared with the uncertainty analysis: validate the framework
 * and options, read units, score leaves by their rules into the plan's columns (a `normalise`
 * leaf keeps its raw value), impute. Only issues when the framework or options are invalid.
 */
export function prepareLeaves(frameworkIn: Framework | FrameworkDefinition, data: ScoreInput, optionsIn: ScoreOptions | null | undefined): PreparedLeaves | { readonly issues: readonly Issue[]; readonly read: 0 } {
  // null is read as "no options" (as undefined), for callers from plain JavaScript.
  const options = optionsIn ?? {};
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined) return { issues: fw.issues, read: 0 };
  const framework = fw.framework;
  const optionIssues = checkOptions(options);
  if (optionIssues.length > 0) return { issues: optionIssues, read: 0 };
  const missing = options.missing ?? "error";
  const compiled = compileFramework(framework);
  const read = readUnits(toTable(data), framework, options);
  const methods = options.impute === undefined ? [] : typeof options.impute === "string" ? [options.impute] : options.impute;
  const columns = missingColumnIssues(compiled, read.presentKeys, missing, read.plan.shape, read.units.length);
  const stage = leafColumns(compiled, unitSource(compiled, read.units), missing, columns.absent, methods.length > 0 ? { units: read.units, imputer: makeImputer(methods) } : undefined);
  const issues: Issue[] = [
    ...read.issues,
    ...columns.issues,
    ...stage.issues,
    ...missingValueWarnings(compiled, stage.missingCount, columns.absent, missing, stage.missingNames),
    ...imputationWarnings(compiled, stage.imputed),
  ];
  return { compiled, units: read.units, stage, imputed: stage.imputed, issues: errorsFirst(issues), read: read.units.length };
}

function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}

function analyse(frameworkIn: Framework | FrameworkDefinition, data: ScoreInput, optionsIn: ScoreOptions | null | undefined): Analysis {
  const options = optionsIn ?? {};
  const prepared = prepareLeaves(frameworkIn, data, options);
  if (!("compiled" in prepared)) return { result: undefined, issues: prepared.issues, units: 0 };
  const { compiled, units, stage } = prepared;
  const normalised = normaliseLeaves(compiled, stage.cols, { year: (u) => units[u]!.year, exactRaw: stage.exactRaw, short: stage.short });
  const issues: Issue[] = [...prepared.issues, ...normalised.issues];
  let cols = stage.cols;
  let exactLeaf = normalised.exact;
  let merged: readonly MergedUnit[] = units.map((input, i) => ({ input, from: [i] }));
  if (options.merge !== undefined) {
    const m = mergeUnits(units, options.merge);
    for (const issue of m.issues) issues.push(issue);
    merged = m.results;
    if (!m.issues.some((i) => i.severity === "error")) {
      const mc = mergeColumns(compiled, cols, merged, exactLeaf);
      cols = mc.cols;
      exactLeaf = mc.exact;
    }
  }
  const sorted = errorsFirst(issues);
  if (sorted.some((i) => i.severity === "error") || prepared.read === 0) {
    return { result: undefined, issues: sorted, units: prepared.read };
  }
  const assembled = assemble(compiled, merged, cols, exactLeaf, options, sorted, prepared.imputed, units);
  const all = errorsFirst([...sorted, ...assembled.issues]);
  if (all.some((i) => i.severity === "error")) return { result: undefined, issues: all, units: prepared.read };
  return { result: { ...assembled.result, warnings: all }, issues: all, units: prepared.read };
}

/** Node infos in tree pre-order (root first), then the views. */
export function nodeInfos(compiled: CompiledFramework): NodeInfo[] {
  const parent = new Map<number, string>();
  compiled.nodes.forEach((n) => {
    if (n.kind === "group") for (const c of n.children) parent.set(c, n.id);
  });
  const preorder: number[] = [];
  const walk = (i: number) => {
    preorder.push(i);
    for (const c of compiled.nodes[i]!.children) walk(c);
  };
  walk(compiled.root);
  compiled.nodes.forEach((n, i) => {
    if (n.kind === "view") preorder.push(i);
  });
  return preorder.map((i) => {
    const n = compiled.nodes[i]!;
    const p = parent.get(i);
    return {
      id: n.id,
      kind: n.kind,
      name: n.name,
      ...(n.short !== undefined ? { short: n.short } : {}),
      depth: n.depth,
      ...(p !== undefined ? { parent: p } : {}),
      scored: n.scored,
      ...(n.adjust !== undefined ? { adjust: n.adjust } : {}),
    };
  });
}

/**
 * Evaluates the plan over the (merged) units' leaf columns, publishes every node (floats where
 * their bounds decide, the exact evaluator elsewhere), ranks and builds the result.
 */
function assemble(
  compiled: CompiledFramework,
  units: readonly MergedUnit[],
  cols: NodeColumns,
  exactLeaf: (unit: number, leaf: number) => Enclosure | null,
  options: ScoreOptions,
  warnings: readonly Issue[],
  imputedValues: readonly ImputedValue[],
  unmerged: readonly UnitInput[],
): { result: ScoreResult; issues: Issue[] } {
  const decimals = options.decimals ?? compiled.framework.decimals ?? 4;
  const ties = options.ties ?? "published";
  const ranking = options.ranking ?? "competition";
  const inputs = units.map((u) => u.input);
  const unranked = unrankedUnits(inputs, options.unranked);
  const { published, exactScores, flags } = evaluateAndPublish(compiled, cols, exactLeaf, options, decimals, ties === "exact");
  const issues = [...nodeFlagIssues(compiled, units, flags), ...unranked.issues];
  const n = compiled.nodes.length;
  const m = units.length;
  const { ranks, groupRanks } =
    ties === "published"
      ? rankPublished(n, published.scaled, inputs, unranked.flags, ranking)
      : rankExact(n, inputs, unranked.flags, (u, node) => exactScores!.get(node * m + u) ?? null, ranking);
  const orNull = (x: number) => (x !== x ? null : x);
  const table: UnitTable = {
    score: (i, node) => orNull(cols.value[node * m + i]!),
    value: (i, node) => {
      const p = published.scaled[node * m + i]!;
      return p !== p ? null : formatScaled(p, decimals);
    },
    coverage: (i, node) => cols.coverage[node * m + i]!,
    rank: (i, node) => ranks[node * m + i]! || null,
    groupRank: (i, node) => groupRanks[node * m + i]! || null,
  };
  const marked = units.map((u, i) => (unranked.flags[i] === 1 ? { ...u, input: { ...u.input, ranked: false as const, ...(unranked.notes[i] !== undefined ? { rankNote: unranked.notes[i] } : {}) } } : u));
  const imputed = options.impute !== undefined ? imputedCells(compiled, imputedValues, unmerged) : undefined;
  return { result: buildResult(compiled, marked, options, warnings, table, imputed), issues };
}

/**
 * The result object: units with every node, ordered by year, rank and Vietnamese name order (also
 * built from the rows of the SQL engines, `dti/sql`).
 */
export function buildResult(
  compiled: CompiledFramework,
  units: readonly { readonly input: UnitInput; readonly members?: readonly string[] }[],
  options: ScoreOptions,
  warnings: readonly Issue[],
  table: UnitTable,
  imputed: readonly ImputedCell[] | undefined,
): ScoreResult {
  const infos = nodeInfos(compiled);
  const rootIndex = compiled.root;
  const nodeIndex = new Map(infos.filter((info) => info.id !== compiled.nodes[rootIndex]!.id).map((info) => [info.id, compiled.index.get(info.id) as number]));
  const results: UnitResult[] = units.map((u, i) => unitResult(u.input, u.members, table, i, rootIndex, nodeIndex));
  const order = resultOrder(results.length, (i) => results[i]!.unit, (i) => results[i]!.code, (i) => results[i]!.year, (i) => results[i]!.rank);
  const sortedUnits = Array.from(order, (i) => results[i]!);
  return {
    ...resultHead(compiled.framework, infos, options),
    units: sortedUnits,
    coverage: coverageSummary(sortedUnits.map((u) => u.coverage)),
    warnings,
    ...(imputed !== undefined ? { imputed } : {}),
  };
}
