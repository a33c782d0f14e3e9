/**
 * The pipeline: framework + data → validate → score leaves → merge → aggregate → rank → result.
 *
 * @module
 */
import { withDisplay } from "../display/with-display.ts";
import { DtiError, error, showValue, warning, type Issue } from "../errors.ts";
import { validateFramework } from "../framework/validate-framework.ts";
import type { Framework, FrameworkDefinition } from "../framework/types.ts";
import { readUnits, type ReadResult, type UnitInput } from "../input/read-units.ts";
import { toTable } from "../input/to-table.ts";
import { dec, publish, type Decimal } from "../number/decimal.ts";
import { formatScaled } from "../number/publish-float.ts";
import { createRankStore } from "../rank/rank-store.ts";
import { fastPlan } from "../score/fast/fast-plan.ts";
import { floatScratch, scoreCellsFloat } from "../score/fast/score-unit-float.ts";
import { rankValues } from "../rank/rank.ts";
import { compileFramework, type CompiledFramework } from "../score/compile.ts";
import { computeNodes, type NodeScores } from "../score/compute-nodes.ts";
import { mergeUnits, type MergedLeafScores } from "../score/merge-units.ts";
import { missingColumnIssues, missingValueWarnings, scoreLeaves, type ImputedValue, type LeafScores } from "../score/score-leaves.ts";
import { makeImputer } from "../methods/impute/imputer.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { nodeFlagIssues } from "../score/node-flag-issues.ts";
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
  if (options.arithmetic === "float") {
    const fast = analyseFloatIfEligible(frameworkIn, data, options);
    if (fast !== undefined) return fast;
  }
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
  if (ties === "published") {
    // Ranks on published values: whole numbers (0.8002 → 8002) in typed arrays, the same order
    // and tie-breaks as below without a decimal per comparison.
    const store = createRankStore(n);
    const keys = new Float64Array(n);
    units.forEach((u, i) => {
      for (let node = 0; node < n; node++) {
        const p = published[i]![node];
        keys[node] = p === null || p === undefined ? NaN : Number(p.replace(".", ""));
      }
      store.add(u.input.unit, u.input.code, u.input.year, u.input.group, keys);
    });
    const all = store.rank(ranking);
    units.forEach((_, i) => {
      for (let node = 0; node < n; node++) {
        ranks[i]![node] = all[node]!.rank[i]! || null;
        groupRanks[i]![node] = all[node]!.groupRank[i]! || null;
      }
    });
  }
  for (let node = 0; node < n && ties === "exact"; node++) {
    const key = (u: number): Decimal | null => computed[u]!.scores[node] ?? null;
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
  const table: UnitTable = {
    score: (i, node) => computed[i]!.scores[node]?.toNumber() ?? null,
    value: (i, node) => published[i]![node] ?? null,
    coverage: (i, node) => computed[i]!.coverage[node] ?? 0,
    rank: (i, node) => ranks[i]![node] ?? null,
    groupRank: (i, node) => groupRanks[i]![node] ?? null,
  };
  return { result: buildResult(compiled, units, options, warnings, table, options.impute !== undefined ? imputed : undefined), issues };
}

/** Every number of a unit's node, by unit and compiled node index. */
interface UnitTable {
  score(unit: number, node: number): number | null;
  value(unit: number, node: number): string | null;
  coverage(unit: number, node: number): number;
  rank(unit: number, node: number): number | null;
  groupRank(unit: number, node: number): number | null;
}

/** The result object: units with every node, ordered by year, rank and Vietnamese name order. */
function buildResult(
  compiled: CompiledFramework,
  units: readonly { readonly input: UnitInput; readonly members?: readonly string[] }[],
  options: ScoreOptions,
  warnings: readonly Issue[],
  table: UnitTable,
  imputed: readonly ImputedCell[] | undefined,
): ScoreResult {
  const framework = compiled.framework;
  const decimals = options.decimals ?? framework.decimals ?? 4;
  const ties = options.ties ?? "published";
  const ranking = options.ranking ?? "competition";
  const tieBreak = (i: number, j: number) => {
    const a = units[i]!.input;
    const b = units[j]!.input;
    return compareVi(a.unit, b.unit) || (a.code ?? "").localeCompare(b.code ?? "") || i - j;
  };
  const infos = nodeInfos(compiled);
  const rootIndex = compiled.root;
  const results: UnitResult[] = units.map((u, i) => {
    const nodeResult = (node: number): NodeResult => ({
      score: table.score(i, node),
      value: table.value(i, node),
      rank: table.rank(i, node),
      groupRank: table.groupRank(i, node),
      coverage: table.coverage(i, node),
    });
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
  return {
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
    ...(imputed !== undefined ? { imputed } : {}),
  };
}

/**
 * The float path when it applies: a valid framework and options, no merge, ties on published
 * values, no imputation or coverage threshold, and a framework the float path covers (arithmetic
 * means, no normalisation across units). `undefined` otherwise: the exact path runs.
 */
function analyseFloatIfEligible(frameworkIn: Framework | FrameworkDefinition, data: ScoreInput, options: ScoreOptions): Analysis | undefined {
  if (options.merge !== undefined || options.ties === "exact" || options.impute !== undefined || (options.minCoverage ?? 0) > 0) return undefined;
  const fw = toFramework(frameworkIn);
  if (fw.framework === undefined || checkOptions(options).length > 0) return undefined;
  const compiled = compileFramework(fw.framework);
  if (!fastPlan(compiled).floatable) return undefined;
  return analyseFloat(compiled, readUnits(toTable(data), fw.framework, options), options);
}

/**
 * `score` with float arithmetic (option `arithmetic: "float"`): the same reading and validation,
 * each unit scored by {@link scoreUnitFloat} (exact published values, float `score`s), ranks on
 * the published values in typed arrays.
 */
function analyseFloat(compiled: CompiledFramework, read: ReadResult, options: ScoreOptions): Analysis {
  const missing = options.missing ?? "error";
  const decimals = options.decimals ?? compiled.framework.decimals ?? 4;
  const plan = fastPlan(compiled);
  const columns = missingColumnIssues(compiled, read.presentKeys, missing, read.plan.shape, read.units.length);
  const issues: Issue[] = [...read.issues, ...columns.issues];
  const missingCount = new Map<number, number>();
  const context = { presentKeys: read.presentKeys, missing, places: decimals, shape: read.plan.shape };
  const n = compiled.nodes.length;
  const store = createRankStore(n);
  const scratch = floatScratch(plan);
  const scored = read.units.map((unit) => {
    const s = scoreCellsFloat(plan, (key) => unit.values.get(key)?.raw, () => unit, context, scratch);
    for (const leaf of s.missingLeaves) missingCount.set(leaf, (missingCount.get(leaf) ?? 0) + 1);
    issues.push(...s.issues);
    store.add(unit.unit, unit.code, unit.year, unit.group, s.published);
    return s;
  });
  issues.push(...missingValueWarnings(compiled, missingCount, columns.absent, missing));
  const sorted = [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
  if (sorted.some((i) => i.severity === "error") || read.units.length === 0) {
    return { result: undefined, issues: sorted, units: read.units.length };
  }
  const ranks = store.rank(options.ranking ?? "competition");
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  const result = buildResult(compiled, read.units.map((input) => ({ input })), options, sorted, {
    score: (i, node) => orNull(scored[i]!.scores[node]!),
    value: (i, node) => {
      const p = scored[i]!.published[node]!;
      return Number.isNaN(p) ? null : formatScaled(p, decimals);
    },
    coverage: (i, node) => scored[i]!.coverage[node]!,
    rank: (i, node) => ranks[node]!.rank[i]! || null,
    groupRank: (i, node) => ranks[node]!.groupRank[i]! || null,
  }, undefined);
  return { result, issues: sorted, units: read.units.length };
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
