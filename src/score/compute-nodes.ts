/**
 * Aggregates leaf scores up the tree and computes the views, for one unit.
 *
 * @module
 */
import { dec, type Decimal } from "../number/decimal.ts";
import { aggregate } from "./aggregate/aggregate.ts";
import type { CompiledFramework } from "./compile.ts";

/** Why a group with data was left missing: too little coverage, or a value its mean cannot take. */
export interface NodeFlag {
  readonly node: number;
  readonly reason: "coverage" | "domain";
  /** The node's coverage (reason "coverage") . */
  readonly coverage: number;
  /** The threshold it fell below (reason "coverage"). */
  readonly threshold: number;
}

/** Exact scores (`null` = missing) and coverage for every compiled node. */
export interface NodeScores {
  readonly scores: readonly (Decimal | null)[];
  /** Share of the node's weight that had data, in [0, 1]. */
  readonly coverage: readonly number[];
  /** Groups left missing by a coverage threshold or a domain error (empty when none). */
  readonly flags: readonly NodeFlag[];
}

/**
 * Computes every node and view from the leaf scores. Children with zero weight are left out.
 * A missing child (null) makes its parent's mean use only the children present (the "reweight"
 * policy; under "zero" missing leaves already hold 0 and under "error" none are missing); a node
 * none of whose weighted children is present is itself missing. A group whose coverage is below
 * its `minCoverage` (else `minCoverage` here) is missing and flagged, as is a group whose mean
 * cannot take a child's value (a negative value under geometric, harmonic, Mazziotta-Pareto).
 */
export function computeNodes(
  compiled: CompiledFramework,
  leafScores: ReadonlyMap<number, Decimal | null>,
  leafCoverage?: ReadonlyMap<number, number>,
  minCoverage = 0,
): NodeScores {
  const flags: NodeFlag[] = [];
  const n = compiled.nodes.length;
  const scores: (Decimal | null)[] = new Array<Decimal | null>(n).fill(null);
  const coverage: number[] = new Array<number>(n).fill(0);
  compiled.nodes.forEach((node, i) => {
    if (node.kind === "leaf") {
      const s = leafScores.get(i) ?? null;
      scores[i] = s;
      coverage[i] = leafCoverage?.get(i) ?? (s === null ? 0 : 1);
      return;
    }
    const values: Decimal[] = [];
    const weights: Decimal[] = [];
    let covered = 0;
    let total = 0;
    node.children.forEach((c, k) => {
      const w = node.weights[k] as Decimal;
      if (w.isZero()) return;
      const wn = node.weightFloats[k] as number;
      total += wn;
      covered += wn * (coverage[c] as number);
      const s = scores[c];
      if (s === null || s === undefined) return;
      values.push(s);
      weights.push(w);
    });
    const cov = total > 0 ? covered / total : 0;
    coverage[i] = cov;
    if (values.length === 0) return;
    const threshold = node.kind === "group" && node.minCoverage > 0 ? node.minCoverage : node.kind === "group" ? minCoverage : 0;
    if (cov < threshold - 1e-12) {
      flags.push({ node: i, reason: "coverage", coverage: cov, threshold });
      return;
    }
    const s = aggregate(node.aggregation, values, weights);
    if (s === undefined) flags.push({ node: i, reason: "domain", coverage: cov, threshold });
    else scores[i] = s;
  });
  return { scores, coverage, flags };
}

/** The unweighted mean of exact values (used to merge units). */
export function mean(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), dec(0)).dividedBy(values.length);
}
