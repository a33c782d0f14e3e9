/**
 * Where each node's columns go in the compiled query: one step (CTE) per height of the tree
 * (leaves first), each followed, for the nodes whose denominator depends on the row, by a step
 * that finds the gcd of numerator and denominator and one that divides by it, so that the whole
 * numbers up the tree stay as small as the fractions allow.
 *
 * @module
 */
import type { CompiledFramework } from "../score/compile.ts";
import type { Dialect } from "./dialect.ts";

/** The columns of the node steps, by height. */
export interface NodeSteps {
  readonly levels: string[][];
  readonly reduced: string[][];
  readonly divided: string[][];
}

/** Node heights: 0 for leaves, 1 + the highest child for groups and views. */
export function heights(plan: CompiledFramework): number[] {
  const h: number[] = [];
  plan.nodes.forEach((node, i) => {
    h[i] = node.kind === "leaf" ? 0 : 1 + node.children.reduce((m, c) => Math.max(m, h[c]!), 0);
  });
  return h;
}

/**
 * Adds node i's columns at its height: n<i> (numerator), p<i> (row-dependent denominator, 1 where
 * the node is missing, so that a parent multiplies by it unconditionally; only when `p` is not
 * null), v<i> (coverage). `signed`: n may be below 0.
 */
export function emitNode(steps: NodeSteps, dialect: Dialect, height: number, i: number, n: string, p: string | null, coverage: string, wide: boolean, signed = false): void {
  const level = (steps.levels[height] ??= []);
  if (p === null) return void level.push(`${n} AS n${i}`, `${coverage} AS v${i}`);
  level.push(`${n} AS m${i}`, `${p} AS o${i}`, `${coverage} AS v${i}`);
  (steps.reduced[height] ??= []).push(`${dialect.gcd(signed ? `abs(m${i})` : `m${i}`, `o${i}`, wide)} AS e${i}`);
  (steps.divided[height] ??= []).push(`${dialect.divExact(`m${i}`, `e${i}`, wide)} AS n${i}`, `CASE WHEN m${i} IS NULL THEN ${dialect.intLit(1n, wide)} ELSE ${dialect.divExact(`o${i}`, `e${i}`, wide)} END AS p${i}`);
}
