/**
 * Monte Carlo uncertainty and variance-based sensitivity of the ranking: how far each unit's rank
 * moves when the weights, the normalisation and the aggregation vary within given choices.
 * Runs in plain floats over typed arrays (see `float-plan.ts`, `evaluate.ts`), seeded and
 * reproducible. Method and estimators: docs/uncertainty.md.
 *
 * @module
 */
import { cutText, DtiError, error, showValue, warning, type Issue } from "../errors.ts";
import { rankFloats } from "../rank/rank-floats.ts";
import type { Framework, FrameworkDefinition, NormaliseRule, ScoringRule } from "../framework/types.ts";
import { normaliseColumn } from "../methods/normalise/normalise-column.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import { prepareLeaves } from "../pipeline/score.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import { AGGREGATION_CODES, type CompiledFramework } from "../score/compile.ts";
import { evaluateNodes, evaluationScratch, nodeColumns, type NodeColumns } from "../score/evaluate-nodes.ts";
import { compareVi } from "../text/collator.ts";
import { enclosureCmp, type Enclosure } from "../number/enclosure.ts";
import { rankValues } from "../rank/rank.ts";
import { exactUnit } from "../score/exact-nodes.ts";
import { hinted } from "../text/option-hint.ts";
import { createRandom } from "./prng.ts";
import { rankQuantile } from "./rank-quantile.ts";
import { addSample, sensitivityIndices, sensitivitySums } from "./sensitivity.ts";
import type { NormalisationChoice, UncertainInput, UncertaintyOptions, UncertaintyResult, UnitUncertainty } from "./types.ts";

/** Most units the analysis accepts (ranks are kept as a units × units histogram). */
export const MAX_UNCERTAINTY_UNITS = 2000;
/** Most Monte Carlo runs accepted. */
export const MAX_UNCERTAINTY_RUNS = 10_000_000;
const DATA_METHODS = ["minmax", "zscore", "rank", "percentile"];

/** An uncertain input and the columns of the sample row it reads. */
interface InputSpec extends UncertainInput {
  readonly columns: readonly number[];
}

/**
 * Runs the uncertainty (and, by default, sensitivity) analysis of a framework's ranking on unit
 * data. Each run draws every uncertain input (weights within their bounds, one normalisation and
 * one aggregation from the given sets), scores every unit and ranks them. Per unit: nominal rank,
 * median rank, 5–95 % rank interval, mean absolute rank shift; per input: first-order and total
 * sensitivity indices of the mean absolute rank shift (and first-order per unit).
 *
 * Plain data; `uncertainty` from `dti/notebook` also renders it in a notebook as its
 * {@link uncertaintyToMarkdown}.
 *
 * @example
 * ```ts
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, {
 *   runs: 1000, seed: 42, weights: 0.25, aggregation: ["arithmetic", "geometric"],
 * });
 * ua.units[0]; // => { unit: "TP. Đà Nẵng", nominalRank: 1, medianRank: 1, rankLow: 1, rankHigh: 1, … }
 * ```
 */
export function uncertainty(framework: Framework | FrameworkDefinition, data: ScoreInput, options: UncertaintyOptions = {}): UncertaintyResult {
  const prepared = prepareLeaves(framework, data, options);
  const optionIssues = checkUncertaintyOptions(options);
  if (!("compiled" in prepared) || optionIssues.length > 0 || prepared.issues.some((i) => i.severity === "error")) {
    throw new DtiError([...optionIssues, ...prepared.issues]);
  }
  const { compiled } = prepared;
  const warnings: Issue[] = [...prepared.issues];
  const { stage } = prepared;
  const raw = stage.cols.value.slice();
  const normalised = normaliseLeaves(compiled, stage.cols, { year: (u) => prepared.units[u]!.year, exactRaw: stage.exactRaw, short: stage.short });
  const exactLeaf = normalised.exact;
  for (const issue of normalised.issues) warnings.push(issue);
  if ((options.minCoverage ?? 0) > 0 || compiled.nodes.some((n) => n.minCoverage > 0)) {
    const { message, hints } = hinted((o) => `coverage thresholds (${o("minCoverage")}) are not applied by the uncertainty analysis: groups are scored from whatever data they have`);
    warnings.push(warning("OPTION_INVALID", message, { hints }));
  }

  // The year analysed: the one asked for, else the latest.
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

  const plan = groupView(compiled);
  const U = selected.length;
  const total = prepared.units.length;
  // Weight dimensions: one per child position whose weight moves.
  const weightSpec = weightDimensions(plan, options, optionIssues);
  if (optionIssues.length > 0) throw new DtiError(optionIssues);
  // The selected units' leaf columns, one set per normalisation choice (groups are evaluated into them).
  const toColumns = (column: (leaf: number) => readonly (number | null)[]): NodeColumns => {
    const cols = nodeColumns(compiled.nodes.length, U);
    for (const leaf of compiled.leaves) column(leaf).forEach((v, u) => (cols.value[leaf * U + u] = v === null ? NaN : v));
    return cols;
  };
  const nominalMatrix = toColumns((leaf) => selected.map((k) => orNull(stage.cols.value[leaf * total + k]!)));
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

  const zeros = geometricZeros(compiled, plan, U, matrices, codeSets, weightSpec.positions);
  if (zeros !== undefined) warnings.push(geometricZeroWarning(zeros, U, normChoices, aggChoices));
  const inputs = uncertainInputs(plan, weightSpec.parent, normChoices, aggChoices, options.sensitivity ?? "stage");
  const D = weightSpec.positions.length + (normChoices.length > 1 ? 1 : 0) + (aggChoices.length > 1 ? 1 : 0);
  if (D === 0) {
    const { message, hints } = hinted((o) => `nothing is uncertain: give ${o("weights", "0.25")}, several normalisations (${o("normalisation", "nominal,minmax")}) or several aggregations (${o("aggregation", "arithmetic,geometric")})`);
    warnings.push(warning("OPTION_INVALID", message, { hints }));
  }
  const normColumn = weightSpec.positions.length;
  const aggColumn = normColumn + (normChoices.length > 1 ? 1 : 0);

  // Buffers, allocated once.
  const weights = new Float64Array(plan.baseWeight.length);
  const scratch = evaluationScratch(U);
  const scores = new Float64Array(U);
  const sorted = new Float64Array(U);
  const rootAt = compiled.root * U;
  let invalidRuns = 0;
  const evaluate = (row: Float64Array | undefined, ranks: Int32Array) => {
    weights.set(plan.baseWeight);
    let matrix = nominalMatrix;
    let codes = compiled.layout.code;
    if (row !== undefined) {
      for (let k = 0; k < weightSpec.positions.length; k++) {
        const p = weightSpec.positions[k]!;
        const u = row[k]!;
        weights[p] = weightSpec.mode[k] === 1 ? plan.baseWeight[p]! * (1 + weightSpec.a[k]! * (2 * u - 1)) : weightSpec.a[k]! + u * (weightSpec.b[k]! - weightSpec.a[k]!);
      }
      if (normChoices.length > 1) matrix = matrices[Math.floor(row[normColumn]! * normChoices.length)]!;
      else matrix = matrices[0]!;
      if (aggChoices.length > 1) codes = codeSets[Math.floor(row[aggColumn]! * aggChoices.length)]!;
      else codes = codeSets[0]!;
    }
    evaluateNodes(compiled, matrix, { bounds: false, thresholds: false, weights, codes, scratch });
    scores.set(matrix.value.subarray(rootAt, rootAt + U));
    let invalid = false;
    for (let u = 0; u < U; u++) if (scores[u] !== scores[u] && nominalScores[u] === nominalScores[u]) invalid = true;
    if (invalid && row !== undefined) invalidRuns++;
    // Competition ranks; a unit without a score ranks last.
    rankFloats(scores, U, ranks, U, sorted);
  };
  const nominalScores = new Float64Array(U).fill(0);
  const nominalRanks = new Int32Array(U);
  evaluate(undefined, nominalRanks);
  // Nominal ranks on exact scores (as score() with ties "exact"): floats of equal scores reached by
  // different sums may differ in the last bit, and a tie must stay a tie.
  exactRootRanks(compiled, selected, exactLeaf, nominalRanks);
  nominalScores.set(scores);

  const N = options.runs ?? 1000;
  const seed = options.seed ?? 42;
  const random = createRandom(seed);
  const sensitivity = options.sensitivity ?? "stage";
  const withSA = sensitivity !== false && inputs.length > 0;
  const d = inputs.length;
  const rowA = new Float64Array(D);
  const rowB = new Float64Array(D);
  const rowAB = new Float64Array(D);
  const ranksA = new Int32Array(U);
  const ranksB = new Int32Array(U);
  const ranksAB = new Int32Array(U * d);
  const histogram = new Int32Array(U * U);
  const rankSum = new Float64Array(U);
  const shiftSum = new Float64Array(U);
  const global = sensitivitySums(d);
  const perUnit = withSA ? Array.from({ length: U }, () => sensitivitySums(d)) : [];
  const yAB = new Float64Array(d);
  const shift = (ranks: Int32Array, offset: number) => {
    let s = 0;
    for (let u = 0; u < U; u++) s += Math.abs(ranks[offset + u]! - nominalRanks[u]!);
    return s / U;
  };
  let meanShiftSum = 0;
  for (let j = 0; j < N; j++) {
    for (let c = 0; c < D; c++) rowA[c] = random();
    if (withSA) for (let c = 0; c < D; c++) rowB[c] = random();
    evaluate(rowA, ranksA);
    for (let u = 0; u < U; u++) {
      const r = ranksA[u]!;
      histogram[u * U + r - 1]!++;
      rankSum[u]! += r;
      shiftSum[u]! += Math.abs(r - nominalRanks[u]!);
    }
    const yA = shift(ranksA, 0);
    meanShiftSum += yA;
    if (!withSA) continue;
    evaluate(rowB, ranksB);
    for (let i = 0; i < d; i++) {
      rowAB.set(rowA);
      for (const c of inputs[i]!.columns) rowAB[c] = rowB[c]!;
      evaluate(rowAB, ranksAB.subarray(i * U, (i + 1) * U));
      yAB[i] = shift(ranksAB, i * U);
    }
    addSample(global, yA, shift(ranksB, 0), yAB);
    for (let u = 0; u < U; u++) {
      for (let i = 0; i < d; i++) yAB[i] = ranksAB[i * U + u]!;
      addSample(perUnit[u]!, ranksA[u]!, ranksB[u]!, yAB);
    }
  }
  if (invalidRuns > 0) {
    warnings.push(warning("DATA_AGGREGATION_DOMAIN", `${invalidRuns} run(s) had a unit without a score (a geometric, harmonic or Mazziotta-Pareto mean met a negative value); those units ranked last`));
  }

  const globalIdx = withSA ? sensitivityIndices(global) : undefined;
  const units: UnitUncertainty[] = selected.map((k, u): UnitUncertainty => {
    const input = prepared.units[k]!;
    const idx = withSA ? sensitivityIndices(perUnit[u]!).first : undefined;
    return {
      unit: input.unit,
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.group !== undefined ? { group: input.group } : {}),
      nominalScore: Number.isNaN(nominalScores[u]!) ? null : nominalScores[u]!,
      nominalRank: nominalRanks[u]!,
      medianRank: rankQuantile(histogram, u * U, U, N, 0.5),
      meanRank: rankSum[u]! / N,
      rankLow: rankQuantile(histogram, u * U, U, N, 0.05),
      rankHigh: rankQuantile(histogram, u * U, U, N, 0.95),
      meanAbsShift: shiftSum[u]! / N,
      ...(idx !== undefined ? { sensitivity: Object.fromEntries(inputs.map((inp, i) => [inp.name, idx[i] ?? null])) } : {}),
    };
  });
  units.sort((a, b) => a.nominalRank - b.nominalRank || compareVi(a.unit, b.unit));
  const result: UncertaintyResult = {
    framework: { id: compiled.framework.id, version: compiled.framework.version },
    root: compiled.nodes[compiled.root]!.id,
    ...(year !== undefined ? { year } : {}),
    runs: N,
    seed,
    evaluations: 1 + N * (withSA ? d + 2 : 1),
    inputs: inputs.map(({ columns: _c, ...rest }) => rest),
    units,
    ...(globalIdx !== undefined
      ? {
          sensitivity: inputs.map((inp, i) => ({
            input: inp.name,
            first: globalIdx.first[i] ?? null,
            total: globalIdx.total[i] ?? null,
            firstMargin: globalIdx.firstMargin[i] ?? null,
            totalMargin: globalIdx.totalMargin[i] ?? null,
          })),
        }
      : {}),
    meanAbsShift: meanShiftSum / N,
    invalidRuns,
    warnings,
  };
  return result;
}

/** Where geometric means meet zeros, over the normalisation × aggregation choices. */
interface GeometricZeros {
  /** Units with a 0 under a geometric mean in some choice. */
  readonly units: Set<number>;
  /** Units whose whole score is 0 in some choice. */
  readonly zeroScore: Set<number>;
  /** Children (leaf or group ids) that are 0 under a geometric mean, and the geometric groups. */
  readonly children: Set<string>;
  readonly groups: Set<string>;
  /** Which means met them. */
  readonly kinds: Set<"geometric" | "harmonic">;
  /** (normalisation, aggregation) choice pairs where it happens, and how many pairs use a geometric mean. */
  readonly pairs: [number, number][];
  readonly geometricPairs: number;
  /** The best rank a zero-scored unit gets (they share the bottom ranks). */
  readonly rank: number;
}

/**
 * Finds the units whose value under a geometric (or harmonic) mean is exactly 0 for some choice of
 * normalisation and aggregation (weights at their nominal values; a weight that may move from 0
 * counts). log 0 = −∞ (and 1/0 = ∞) makes such a mean 0 whatever the other children, so the unit drops to the
 * bottom in every run with that choice; yes/no "no", a ladder's lowest step and min-max's worst
 * unit are 0 by design.
 */
function geometricZeros(compiled: CompiledFramework, plan: GroupView, U: number, matrices: readonly NodeColumns[], codeSets: readonly Uint8Array[], moving: readonly number[]): GeometricZeros | undefined {
  const weights = Float64Array.from(plan.baseWeight, (w, p) => (w > 0 || moving.includes(p) ? Math.max(w, 1) : 0));
  const scratch = evaluationScratch(U);
  const ranks = new Int32Array(U);
  const { child, isLeaf } = compiled.layout;
  const rootAt = compiled.root * U;
  const found: GeometricZeros = { units: new Set(), zeroScore: new Set(), children: new Set(), groups: new Set(), kinds: new Set(), pairs: [], geometricPairs: 0, rank: U };
  let geometricPairs = 0;
  let rank = U;
  const meets = (codes: Uint8Array, node: number) => codes[node] === 1 || codes[node] === 2;
  matrices.forEach((matrix, m) => {
    codeSets.forEach((codes, c) => {
      if (!plan.groupNodes.some((g) => meets(codes, g))) return;
      geometricPairs++;
      evaluateNodes(compiled, matrix, { bounds: false, thresholds: false, weights, codes, scratch });
      const scores = matrix.value.slice(rootAt, rootAt + U);
      let hit = false;
      for (let g = 0; g < plan.groups; g++) {
        if (!meets(codes, plan.groupNodes[g]!)) continue;
        for (let p = plan.childStart[g]!; p < plan.childStart[g]! + plan.childCount[g]!; p++) {
          if (weights[p] === 0) continue;
          const node = child[p]!;
          // A geometric or harmonic group below that is 0 was counted where its zero came from.
          if (isLeaf[node] === 0 && meets(codes, node)) continue;
          const off = node * U;
          for (let u = 0; u < U; u++) {
            if (matrix.value[off + u] !== 0) continue;
            hit = true;
            found.units.add(u);
            found.children.add(plan.childId[p]!);
            found.groups.add(plan.groupId[g]!);
            found.kinds.add(codes[plan.groupNodes[g]!] === 1 ? "geometric" : "harmonic");
          }
        }
      }
      if (!hit) return;
      found.pairs.push([m, c]);
      rankFloats(scores, U, ranks, U);
      for (let u = 0; u < U; u++) {
        if (scores[u] !== 0) continue;
        found.zeroScore.add(u);
        rank = Math.min(rank, ranks[u]!);
      }
    });
  });
  return found.units.size === 0 ? undefined : { ...found, geometricPairs, rank };
}

function geometricZeroWarning(z: GeometricZeros, U: number, norm: readonly unknown[], agg: readonly unknown[]): Issue {
  const list = (ids: Set<string>) => [...ids].slice(0, 5).map((id) => `"${id}"`).join(", ") + (ids.size > 5 ? ` and ${ids.size - 5} more` : "");
  const [m, c] = z.pairs[0]!;
  const choice = [norm.length > 1 ? `normalisation ${choiceLabel(norm[m])}` : "", agg.length > 1 ? `aggregation ${choiceLabel(agg[c])}` : ""].filter((t) => t !== "").join(" with ");
  const kind = [...z.kinds].sort().join(" and ");
  const where =
    z.geometricPairs > 1
      ? `in ${z.pairs.length} of the ${z.geometricPairs} normalisation and aggregation choices that use such means (e.g. ${choice})`
      : choice !== ""
        ? `with ${choice}`
        : `with the framework's ${kind} means`;
  const { message, hints } = hinted(
    (o) =>
      `${kind} means meet zeros ${where}: ${z.units.size} of ${U} units have a 0 under a ${kind} mean (${list(z.children)} in ${list(z.groups)}), which makes that mean 0 whatever their other values` +
      (z.zeroScore.size > 0 ? `; ${z.zeroScore.size} of them score 0 in all and share rank ${z.rank} or below in those runs` : "") +
      `. Yes/no and ladder scores, and min-max's worst unit, are 0 by design: normalise into a range above 0, e.g. ${o("normalisation", "minmax:1:100")}, give the framework's normalise rules a range such as [1, 100], or add an offset to the scores before a ${kind} mean (docs/uncertainty.md)`,
  );
  return warning("DATA_AGGREGATION_DOMAIN", message, { node: [...z.groups][0]!, hints });
}

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

interface WeightDims {
  readonly positions: number[];
  readonly parent: number[];
  /** 1: relative ± a; 2: absolute [a, b]. */
  readonly mode: number[];
  readonly a: number[];
  readonly b: number[];
}

const orNull = (x: number) => (x !== x ? null : x);

/** The plan's groups (views left out) as the weight dimensions see them: child positions of the layout. */
interface GroupView {
  readonly groups: number;
  /** Compiled index of group g. */
  readonly groupNodes: readonly number[];
  readonly groupId: readonly string[];
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  /** Per child position: the child's id. */
  readonly childId: readonly string[];
  readonly baseWeight: Float64Array;
}

function groupView(plan: CompiledFramework): GroupView {
  const groupNodes = plan.nodes.flatMap((n, i) => (n.kind === "group" ? [i] : []));
  const { childStart, childCount, child, weight } = plan.layout;
  return {
    groups: groupNodes.length,
    groupNodes,
    groupId: groupNodes.map((i) => plan.nodes[i]!.id),
    childStart: Int32Array.from(groupNodes, (i) => childStart[i]!),
    childCount: Int32Array.from(groupNodes, (i) => childCount[i]!),
    childId: Array.from(child, (c) => plan.nodes[c]!.id),
    baseWeight: weight,
  };
}

/** Competition ranks of the selected units' exact root scores (units without a score rank last). */
function exactRootRanks(
  plan: CompiledFramework,
  selected: readonly number[],
  exactLeaf: (unit: number, leaf: number) => Enclosure | null,
  ranks: Int32Array,
): void {
  // Coverage thresholds are not applied, as in the runs.
  const roots = selected.map((k) => exactUnit(plan, (leaf) => exactLeaf(k, leaf), () => 1, () => 0)(plan.root) ?? null);
  const r = rankValues(roots, enclosureCmp, "competition");
  r.forEach((x, u) => (ranks[u] = x ?? selected.length));
}

function weightDimensions(plan: GroupView, options: UncertaintyOptions, issues: Issue[]): WeightDims {
  const dims: WeightDims = { positions: [], parent: [], mode: [], a: [], b: [] };
  const spec = options.weights;
  if (spec === undefined) return dims;
  const fallback = typeof spec === "number" ? spec : spec.default;
  const perNode = typeof spec === "number" ? {} : (spec.nodes ?? {});
  const known = new Set(plan.childId);
  for (const id of Object.keys(perNode)) {
    if (!known.has(id)) issues.push(error("OPTION_INVALID", `weights: ${showValue(id)} is not a node with a weight (a child of a group)`));
  }
  for (let g = 0; g < plan.groups; g++) {
    for (let p = plan.childStart[g]!; p < plan.childStart[g]! + plan.childCount[g]!; p++) {
      const own = Object.hasOwn(perNode, plan.childId[p]!) ? perNode[plan.childId[p]!] : undefined;
      const bound = own ?? (plan.baseWeight[p]! > 0 ? fallback : undefined);
      if (bound === undefined || bound === 0) continue;
      dims.positions.push(p);
      dims.parent.push(g);
      if (typeof bound === "number") {
        dims.mode.push(1);
        dims.a.push(bound);
        dims.b.push(0);
      } else {
        dims.mode.push(2);
        dims.a.push(bound[0]);
        dims.b.push(bound[1]);
      }
    }
  }
  return dims;
}

function uncertainInputs(
  plan: GroupView,
  parents: readonly number[],
  norm: readonly unknown[],
  agg: readonly unknown[],
  by: false | "stage" | "node",
): InputSpec[] {
  const inputs: InputSpec[] = [];
  if (parents.length > 0) {
    if (by === "node") {
      const groups = [...new Set(parents)];
      for (const g of groups) {
        const columns = parents.flatMap((p, c) => (p === g ? [c] : []));
        inputs.push({ name: `weights:${plan.groupId[g]}`, dimensions: columns.length, columns });
      }
    } else {
      inputs.push({ name: "weights", dimensions: parents.length, columns: parents.map((_, c) => c) });
    }
  }
  let column = parents.length;
  if (norm.length > 1) {
    inputs.push({ name: "normalisation", dimensions: 1, columns: [column++], levels: norm.map(choiceLabel) });
  }
  if (agg.length > 1) inputs.push({ name: "aggregation", dimensions: 1, columns: [column], levels: agg.map(choiceLabel) });
  return inputs;
}

/** A short label for a normalisation or aggregation choice: "nominal", "geometric", "minmax[0,100]", "zscore(100,10)". */
export function choiceLabel(choice: unknown): string {
  if (typeof choice === "string") return choice;
  const c = choice as Exclude<NormalisationChoice, "nominal">;
  if (c.method === "zscore" && (c.mean !== undefined || c.sd !== undefined)) return `zscore(${c.mean ?? 0},${c.sd ?? 1})`;
  return c.range !== undefined ? `${c.method}[${c.range[0]},${c.range[1]}]` : c.method;
}

function checkUncertaintyOptions(options: UncertaintyOptions): Issue[] {
  const issues: Issue[] = [];
  const bad = (message: string) => issues.push(error("OPTION_INVALID", message));
  if (options.runs !== undefined && !(Number.isInteger(options.runs) && options.runs >= 1 && options.runs <= MAX_UNCERTAINTY_RUNS)) bad(`runs must be a whole number from 1 to ${MAX_UNCERTAINTY_RUNS} (got ${showValue(options.runs)})`);
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && Math.abs(options.seed) <= 2 ** 53)) bad(`seed must be a whole number (got ${showValue(options.seed)})`);
  if (options.sensitivity !== undefined && ![false, "stage", "node"].includes(options.sensitivity)) bad(`sensitivity must be false, "stage" or "node"`);
  const fraction = (f: unknown, what: string) => {
    if (!(typeof f === "number" && f >= 0 && f <= 1)) bad(`${what} must be a fraction from 0 to 1 (0.25 = ±25 %), got ${showValue(f)}`);
  };
  const w = options.weights;
  if (typeof w === "number") fraction(w, "weights");
  else if (w !== undefined) {
    if (w.default !== undefined) fraction(w.default, "weights.default");
    for (const [id, b] of Object.entries(w.nodes ?? {})) {
      if (typeof b === "number") fraction(b, `weights of ${showValue(id)}`);
      else if (!(Array.isArray(b) && b.length === 2 && b[0] >= 0 && b[1] >= b[0] && Number.isFinite(b[1]))) bad(`weights of ${showValue(id)} must be a fraction or [low, high] with 0 ≤ low ≤ high`);
    }
  }
  for (const c of options.normalisation ?? []) {
    if (c === "nominal") continue;
    if (typeof c !== "object" || c === null || !DATA_METHODS.includes(c.method)) {
      bad(`normalisation alternatives are "nominal" or one of ${DATA_METHODS.join(", ")} (got ${typeof c === "object" && c !== null ? cutText(String(JSON.stringify(c))) : showValue(c)})`);
      continue;
    }
    if (c.range !== undefined && !(c.range[1] > c.range[0])) bad(`normalisation range must be [low, high] with high > low`);
    if (c.method !== "zscore" && (c.mean !== undefined || c.sd !== undefined)) bad(`"mean" and "sd" are for zscore only`);
    if (c.method === "zscore" && c.range !== undefined) bad(`a z-score has no range: give mean and sd`);
    if (c.sd !== undefined && !(c.sd > 0)) bad(`sd must be above 0`);
  }
  if ((options.normalisation ?? []).length === 0 && options.normalisation !== undefined) bad("normalisation needs at least one choice");
  if ((options.aggregation ?? []).length === 0 && options.aggregation !== undefined) bad("aggregation needs at least one choice");
  for (const a of options.aggregation ?? []) {
    if (a !== "nominal" && !AGGREGATION_CODES.includes(a)) bad(`aggregation alternatives are "nominal" or one of ${AGGREGATION_CODES.join(", ")} (got ${showValue(a)})`);
  }
  return issues;
}
