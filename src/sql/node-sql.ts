/**
 * Every node of the plan as an exact fraction (see `fraction.ts`), leaves first: each leaf by its
 * rule (`leaf-sql.ts`, `normalise-sql.ts`), each group and view by its mean (`group-sql.ts`,
 * `harmonic-sql.ts`), with its coverage and least coverage, emitted into the query's node steps.
 * What SQL cannot compute as the library does is refused here, naming the node.
 *
 * @module
 */
import type { CompiledFramework, CompiledNode } from "../score/compile.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";
import { sqlDouble, type Dialect } from "./dialect.ts";
import { SMALL_LIMIT, type Fraction } from "./fraction.ts";
import { adjustedRoot, cappedSum } from "./adjust-sql.ts";
import { arithmeticMean, groupChildren, type GroupValue } from "./group-sql.ts";
import { harmonicMean } from "./harmonic-sql.ts";
import { UNIT_TEXT, type InputKeys } from "./input-sql.ts";
import { leafFraction, type LeafContext } from "./leaf-sql.ts";
import { checkNormalise, normaliseFraction, rawColumn, statsColumns } from "./normalise-sql.ts";
import { emitNode, heights, type NodeSteps } from "./node-steps.ts";
import { mergeSteps, type MergeMap } from "./merge-sql.ts";
import { refuse, type SqlColumns } from "./options.ts";
import { isWide } from "./fraction.ts";

/** The node fractions and the query steps that compute them. */
export interface NodeFractions {
  readonly fractions: readonly Fraction[];
  readonly steps: NodeSteps;
  /** `dti_raw` and `dti_stats` columns of the normalise leaves (empty when there are none). */
  readonly raw: readonly string[];
  readonly stats: readonly string[];
  /** With a merge: the steps that merge the units, after the leaves' (given the step before). */
  readonly merge?: (from: string) => [string, string][];
}

/** What compiling the nodes needs besides the plan. */
export interface NodeOptions {
  readonly dialect: Dialect;
  readonly input: InputKeys;
  readonly scale: bigint;
  readonly missing: MissingPolicy;
  readonly minCoverage: number;
  /** Whether the source has a year column (normalisation is per year). */
  readonly years: boolean;
  /** Units to merge after the leaves are scored, and the source's identity columns. */
  readonly merge?: { readonly map: MergeMap; readonly columns: SqlColumns };
}

/** Throws `SQL_UNSUPPORTED` naming the node for what is not compiled. */
function checkNode(node: CompiledNode): void {
  if (node.kind !== "leaf" && node.adjust === undefined && node.aggregation !== "arithmetic" && node.aggregation !== "harmonic") {
    // Geometric means are irrational (a root); Mazziotta-Pareto is rational (M − S²/M, see
    // `mazziottaPareto`) but the query has no fraction for it: only arithmetic and harmonic means.
    const why = node.aggregation === "geometric" ? "it is irrational: no exact fraction holds it" : "the query computes arithmetic and harmonic means only";
    throw refuse(`node "${node.id}": the ${node.aggregation} mean is not compiled to SQL (${why}); score it with the library`, node.id);
  }
  if (node.kind === "leaf" && node.leaf!.rule.type === "normalise") checkNormalise(node.leaf!);
}

/** A group's or view's value (arithmetic or harmonic mean), undefined when no child has weight. */
function groupValue(plan: CompiledFramework, i: number, o: NodeOptions, fractions: readonly Fraction[], full: boolean[]): { value: GroupValue; coverage: string } | undefined {
  const node = plan.nodes[i]!;
  const adjust = plan.layout.adjust;
  const g = groupChildren(plan, i, fractions, full, o.minCoverage);
  full[i] = g?.full ?? false;
  if (adjust !== undefined && adjust.cap[i]! > 0) {
    // A bonus or penalty group: never missing, no least coverage (0 points when nothing is given).
    const start = plan.layout.childStart[i]!;
    const children = plan.nodes[i]!.children.map((c, k) => ({ f: fractions[c]!, r: plan.layout.exactWeight[start + k]! }));
    return { value: cappedSum(o.dialect, children, adjust.exactCap[i]!), coverage: g?.coverage ?? sqlDouble(0) };
  }
  if (g === undefined) return undefined;
  const signed = g.fs.find((f) => f.signed === true);
  if (signed !== undefined) {
    throw refuse(`node "${node.id}": a term may be below 0 (an index with penalty points and adjustedRange "none"), which the SQL compiler does not average; score it with the library`, node.id);
  }
  const mean = node.aggregation === "harmonic" ? harmonicMean(o.dialect, node, g, UNIT_TEXT) : arithmeticMean(o.dialect, g);
  // Below its least coverage the group is missing.
  const value = !(g.threshold > 0) ? mean : { ...mean, n: `CASE WHEN ${g.coverage} < ${sqlDouble(g.threshold - 1e-12)} THEN NULL ELSE ${mean.n} END`, nullable: true };
  if (adjust === undefined || i !== adjust.target) return { value, coverage: g.coverage };
  // The root with its bonus and penalty points (the mean inlined: its column types as emitted).
  const asColumn = { ...value, bound: value.wide && value.bound < SMALL_LIMIT ? SMALL_LIMIT : value.bound };
  return { value: adjustedRoot(o.dialect, adjust, asColumn, Array.from(adjust.terms, (t) => fractions[t]!)), coverage: g.coverage };
}

/** Every node's fraction, and the steps of the query that compute them. */
export function nodeFractions(plan: CompiledFramework, o: NodeOptions): NodeFractions {
  plan.nodes.forEach(checkNode);
  const { dialect, input } = o;
  const fractions: Fraction[] = [];
  const steps: NodeSteps = { levels: [], reduced: [], divided: [] };
  const raw: string[] = [];
  const stats: string[] = [];
  const h = heights(plan);
  // Whether a node's coverage is 1 in every row the query returns (then written as a constant).
  const full: boolean[] = [];
  const emit = (i: number, f: Omit<Fraction, "n" | "p"> & { n: string; p: string | null }, coverage: string, wide: boolean) => {
    emitNode(steps, dialect, h[i]!, i, f.n, f.p, coverage, wide, f.signed === true);
    // A node's column is of the wide type when its expression is: its parents must see it so.
    fractions[i] = { ...f, n: `n${i}`, p: f.p === null ? null : `p${i}`, bound: wide && f.bound < SMALL_LIMIT ? SMALL_LIMIT : f.bound };
  };
  plan.nodes.forEach((node, i) => {
    if (node.kind !== "leaf") return;
    const ctx: LeafContext = {
      dialect,
      scale: o.scale,
      number: node.inputs.map((k) => `x${input.index.get(k)}`),
      text: node.inputs.map((k) => `w${input.index.get(k)}`),
      cell: node.inputs.map((k) => `t${input.index.get(k)}`),
      unit: UNIT_TEXT,
      // A leaf without weight may be blank under any policy (it is then missing, as in `score`).
      // A blank bonus or penalty criterion is no points under any policy.
      missing: !node.scored || node.adjustPart || o.missing === "reweight" ? "null" : o.missing,
    };
    const normalised = node.leaf!.rule.type === "normalise";
    if (normalised) {
      raw.push(rawColumn(ctx, node.leaf!, i));
      for (const column of statsColumns(node.leaf!, i, o.years)) stats.push(column);
    }
    const f = normalised ? normaliseFraction(ctx, node.leaf!, i) : leafFraction(ctx, node.leaf!);
    const blank = node.inputs.map((k) => (input.numeric.has(input.index.get(k)!) ? `x${input.index.get(k)} IS NULL` : `t${input.index.get(k)} IS NULL`)).join(" OR ");
    // Under "error", a scored leaf is never blank in a row the query returns: its coverage is 1.
    full[i] = ctx.missing === "error";
    emit(i, f, full[i] ? sqlDouble(1) : `CASE WHEN ${blank} THEN ${sqlDouble(0)} ELSE ${sqlDouble(1)} END`, isWide(f));
  });
  // Merged units: their leaves the means of their members' (groups are computed on them).
  const merge = o.merge === undefined ? undefined : mergeSteps(plan, fractions, o.merge.map, dialect, o.merge.columns);
  for (const [i, f] of merge?.fractions ?? []) fractions[i] = f;
  plan.nodes.forEach((node, i) => {
    if (node.kind === "leaf") return;
    const group = groupValue(plan, i, o, fractions, full);
    if (group === undefined) return emit(i, { n: `CAST(NULL AS ${dialect.small})`, p: null, c: 1n, nullable: true, bound: 0n, pBound: 1n, top: 1n }, sqlDouble(0), false);
    emit(i, group.value, group.coverage, group.value.wide);
  });
  return { fractions, steps, raw, stats, ...(merge !== undefined ? { merge: merge.steps } : {}) };
}
