/**
 * Aggregates leaf scores up the tree and computes the views, for one unit.
 *
 * @module
 */
import { dec, type Decimal } from "../number/decimal.ts";
import { weightedArithmetic } from "./aggregate/arithmetic.ts";
import { weightedGeometric } from "./aggregate/geometric.ts";
import type { CompiledFramework } from "./compile.ts";

/** Exact scores (`null` = missing) and coverage for every compiled node. */
export interface NodeScores {
  readonly scores: readonly (Decimal | null)[];
  /** Share of the node's weight that had data, in [0, 1]. */
  readonly coverage: readonly number[];
}

/**
 * Computes every node and view from the leaf scores. Children with zero weight are left out.
 * A missing child (null) makes its parent's mean use only the children present (the "reweight"
 * policy; under "zero" missing leaves already hold 0 and under "error" none are missing); a node
 * none of whose weighted children is present is itself missing.
 */
export function computeNodes(
  compiled: CompiledFramework,
  leafScores: ReadonlyMap<number, Decimal | null>,
  leafCoverage?: ReadonlyMap<number, number>,
): NodeScores {
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
      const wn = w.toNumber();
      total += wn;
      covered += wn * (coverage[c] as number);
      const s = scores[c];
      if (s === null || s === undefined) return;
      values.push(s);
      weights.push(w);
    });
    coverage[i] = total > 0 ? covered / total : 0;
    if (values.length === 0) return;
    scores[i] = node.aggregation === "geometric" ? weightedGeometric(values, weights) : weightedArithmetic(values, weights);
  });
  return { scores, coverage };
}

/** The unweighted mean of exact values (used to merge units). */
export function mean(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), dec(0)).dividedBy(values.length);
}
