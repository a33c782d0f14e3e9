/**
 * The pipeline: framework + data → validate → score leaves → merge → aggregate → rank → result.
 *
 * @module
 */
import { withDisplay } from "../display/with-display.ts";
import { DtiError, error, showValue, warning, type Issue } from "../errors.ts";
import { validateFramework } from "../framework/validate-framework.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { readUnits } from "../input/read-units.ts";
import { toTable } from "../input/to-table.ts";
import { dec, publish, type Decimal } from "../number/decimal.ts";
import { rankValues } from "../rank/rank.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import { computeNodes, type NodeScores } from "../score/compute-nodes.ts";
import { mergeUnits, type MergedLeafScores } from "../score/merge-units.ts";
import { scoreLeaves, type ImputedValue, type LeafScores } from "../score/score-leaves.ts";
import { makeImputer } from "../methods/impute/imputer.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { compareVi } from "../text/collator.ts";
import { checkOptions } from "./check-options.ts";
import type { ImputedCell, NodeInfo, NodeResult, ScoreInput, ScoreOptions, ScoreResult, UnitResult, ValidationReport } from "./types.ts";

interface Analysis {
  readonly result: ScoreResult | undefined;
  readonly issues: readonly Issue[];
  readonly units: number;
}

/**
 * Scores and ranks units. Every node and view gets an exact score, a published value (rounded
 * half-up), a rank overall and within the unit's group (per year). Throws a {@link DtiError}
 * listing **every** problem when the framework or the data has errors; warnings come back in
 * `result.warnings`. In a Deno Jupyter notebook the result renders as its ranking table (a
 * non-enumerable `Symbol.for("Jupyter.display")` method; see `withDisplay`).
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
  return withDisplay(analysis.result);
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

function toFramework(framework: Framework | FrameworkDefinition): { framework?: Framework; issues: readonly Issue[] } {
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
  readonly units: readonly LeafScores[];
  readonly imputed: readonly ImputedValue[];
  /** Errors first, then warnings. */
  readonly issues: readonly Issue[];
  /** Units read. */
  readonly read: number;
}

/**
 * The first stages of the pipeline, shared with the uncertainty analysis: validate the framework
 * and options, read units, score leaves by their rules (a `normalise` leaf keeps its raw value),
 * impute. `undefined` when the framework or options are invalid (issues say why).
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
  const leaves = scoreLeaves(compiled, read.units, read.presentKeys, missing, read.plan.shape, methods.length > 0 ? makeImputer(methods) : undefined);
  const issues: Issue[] = [...read.issues, ...leaves.issues, ...imputationWarnings(compiled, leaves.imputed)];
  return { compiled, units: leaves.results, imputed: leaves.imputed, issues: errorsFirst(issues), read: read.units.length };
}

function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}

function imputationWarnings(compiled: CompiledFramework, imputed: readonly ImputedValue[]): Issue[] {
  const byLeaf = new Map<number, Map<string, number>>();
  for (const v of imputed) {
    let m = byLeaf.get(v.leaf);
    if (m === undefined) byLeaf.set(v.leaf, (m = new Map()));
    m.set(v.method, (m.get(v.method) ?? 0) + 1);
  }
  return [...byLeaf].map(([leaf, counts]) => {
    const node = compiled.nodes[leaf]!;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const how = [...counts].map(([m, c]) => `${m}: ${c}`).join(", ");
    return warning("DATA_IMPUTED", `${total} value(s) of "${node.id}" (${node.name.vi}) imputed (${how}); see result.imputed`, { node: node.id });
  });
}

function analyse(frameworkIn: Framework | FrameworkDefinition, data: ScoreInput, optionsIn: ScoreOptions | null | undefined): Analysis {
  const options = optionsIn ?? {};
  const prepared = prepareLeaves(frameworkIn, data, options);
  if (!("compiled" in prepared)) return { result: undefined, issues: prepared.issues, units: 0 };
  const { compiled } = prepared;
  const normalised = normaliseLeaves(compiled, prepared.units);
  let scored: MergedLeafScores[] = normalised.units;
  const issues: Issue[] = [...prepared.issues, ...normalised.issues];
  if (options.merge !== undefined) {
    const merged = mergeUnits(normalised.units, options.merge);
    scored = merged.results;
    issues.push(...merged.issues);
  }
  const sorted = errorsFirst(issues);
  if (sorted.some((i) => i.severity === "error") || prepared.read === 0) {
    return { result: undefined, issues: sorted, units: prepared.read };
  }
  const assembled = assemble(compiled, scored, options, sorted, prepared.imputed, prepared.units);
  const all = errorsFirst([...sorted, ...assembled.issues]);
  if (all.some((i) => i.severity === "error")) return { result: undefined, issues: all, units: prepared.read };
  return { result: { ...assembled.result, warnings: all }, issues: all, units: prepared.read };
}

function nodeInfos(compiled: CompiledFramework): NodeInfo[] {
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
    };
  });
}

function assemble(
  compiled: CompiledFramework,
  units: readonly MergedLeafScores[],
  options: ScoreOptions,
  warnings: readonly Issue[],
  imputedValues: readonly ImputedValue[],
  unmerged: readonly LeafScores[],
): { result: ScoreResult; issues: Issue[] } {
  const framework = compiled.framework;
  const decimals = options.decimals ?? framework.decimals ?? 4;
  const ties = options.ties ?? "published";
  const ranking = options.ranking ?? "competition";
  const computed: NodeScores[] = units.map((u) => computeNodes(compiled, u.scores, u.coverage, options.minCoverage ?? 0));
  const issues = nodeFlagIssues(compiled, units, computed);
  const published = computed.map((c) => c.scores.map((s) => (s === null ? null : publish(s, decimals))));

  // Partitions: ranks are per year; group ranks per (year, group).
  const byYear = partition(units, (u) => String(u.input.year ?? ""));
  const byGroup = partition(units, (u) => (u.input.group === undefined ? undefined : `${u.input.year ?? ""}\u0000${u.input.group}`));
  const tieBreak = (i: number, j: number) => {
    const a = units[i]!.input;
    const b = units[j]!.input;
    return compareVi(a.unit, b.unit) || (a.code ?? "").localeCompare(b.code ?? "") || i - j;
  };
  const n = compiled.nodes.length;
  const ranks: (number | null)[][] = units.map(() => new Array<number | null>(n).fill(null));
  const groupRanks: (number | null)[][] = units.map(() => new Array<number | null>(n).fill(null));
  for (let node = 0; node < n; node++) {
    const key = (u: number): Decimal | null => {
      if (ties === "exact") return computed[u]!.scores[node] ?? null;
      const p = published[u]![node];
      return p === null || p === undefined ? null : dec(p);
    };
    for (const [members, target] of [
      [byYear, ranks],
      [byGroup, groupRanks],
    ] as const) {
      for (const indices of members) {
        const r = rankValues(indices.map(key), (a, b) => a.comparedTo(b), ranking, (x, y) => tieBreak(indices[x]!, indices[y]!));
        indices.forEach((u, k) => {
          target[u]![node] = r[k] ?? null;
        });
      }
    }
  }

  const infos = nodeInfos(compiled);
  const rootIndex = compiled.root;
  const results: UnitResult[] = units.map((u, i) => {
    const nodeResult = (node: number): NodeResult => {
      const exact = computed[i]!.scores[node] ?? null;
      return {
        score: exact === null ? null : exact.toNumber(),
        value: published[i]![node] ?? null,
        rank: ranks[i]![node] ?? null,
        groupRank: groupRanks[i]![node] ?? null,
        coverage: computed[i]!.coverage[node] ?? 0,
      };
    };
    const nodes: Record<string, NodeResult> = {};
    for (const info of infos) {
      if (info.id === compiled.nodes[rootIndex]!.id) continue;
      nodes[info.id] = nodeResult(compiled.index.get(info.id) as number);
    }
    const input = u.input;
    return {
      unit: input.unit,
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.group !== undefined ? { group: input.group } : {}),
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(u.members !== undefined ? { members: u.members } : {}),
      row: input.row,
      ...nodeResult(rootIndex),
      nodes,
    };
  });

  const order = results.map((_, i) => i);
  order.sort((i, j) => {
    const a = results[i]!;
    const b = results[j]!;
    return (a.year ?? 0) - (b.year ?? 0) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || tieBreak(i, j);
  });
  const sortedUnits = order.map((i) => results[i]!);
  const complete = sortedUnits.filter((u) => u.coverage >= 1 - 1e-12).length;
  const imputed: ImputedCell[] = imputedValues.map((v) => {
    const input = unmerged[v.unit]!.input;
    return {
      unit: input.unit,
      ...(input.year !== undefined ? { year: input.year } : {}),
      node: compiled.nodes[v.leaf]!.id,
      value: v.value.toNumber(),
      method: v.method,
      from: v.from,
    };
  });
  const result: ScoreResult = {
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      ...(framework.level !== undefined ? { level: framework.level } : {}),
      decimals,
    },
    root: compiled.nodes[rootIndex]!.id,
    nodes: infos,
    options: { missing: options.missing ?? "error", ranking, ties },
    units: sortedUnits,
    coverage: {
      units: sortedUnits.length,
      complete,
      mean: sortedUnits.length === 0 ? 0 : sortedUnits.reduce((a, u) => a + u.coverage, 0) / sortedUnits.length,
    },
    warnings,
    ...(options.impute !== undefined ? { imputed } : {}),
  };
  return { result, issues };
}

/** Warnings for groups left missing by a coverage threshold; errors for values a mean cannot take. */
function nodeFlagIssues(compiled: CompiledFramework, units: readonly MergedLeafScores[], computed: readonly NodeScores[]): Issue[] {
  const issues: Issue[] = [];
  computed.forEach((c, u) => {
    const input = units[u]!.input;
    const unit = input.year === undefined ? input.unit : `${input.unit} (${input.year})`;
    for (const f of c.flags) {
      const node = compiled.nodes[f.node]!;
      issues.push(
        f.reason === "coverage"
          ? warning("DATA_LOW_COVERAGE", `"${node.id}" has data for ${pct(f.coverage)} of its weight, below its threshold of ${pct(f.threshold)}: left missing`, { unit, node: node.id })
          : error("DATA_AGGREGATION_DOMAIN", `"${node.id}" aggregates by ${node.aggregation} mean, which needs values of 0 or more; a child scored below 0 (use a positive output range or an arithmetic mean)`, { unit, node: node.id }),
      );
    }
  });
  return issues;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function partition<T>(items: readonly T[], key: (item: T) => string | undefined): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    let list = groups.get(k);
    if (list === undefined) groups.set(k, (list = []));
    list.push(i);
  });
  return [...groups.values()];
}
