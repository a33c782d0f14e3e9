/**
 * `normalise` leaves as SQL: a unit's raw number against the other units' of the same year (or of
 * every year, `across: "all"`), as the library normalises them (`src/methods/normalise/`), exactly.
 *
 * Two steps before the leaves: `dti_raw` gives each leaf's raw number z<i> as the library reads it
 * (a blank is a failure under "error", the raw value 0 under "zero", which then takes part in the
 * statistics as the library's does, and NULL otherwise, left out of them), and `dti_stats` its
 * statistics by window functions over the partition: min and max (min-max; target's worst value),
 * the count of worse and of equal values and of values (rank, percentile). The leaf is then a
 * position t in [0, 1] as a fraction of whole numbers, mapped into the rule's range.
 *
 * Compiled: min-max (data or fixed bounds), goalposts, rank (average or min ties), percentile,
 * target (with or without `worst`). Refused, naming the leaf: z-scores (a square root: no exact
 * fraction), a range below 0 (the SQL publishes non-negative values), and `clamp: false` where the
 * position can leave [0, 1] (fixed bounds, target).
 *
 * @module
 */
import type { NormaliseRule } from "../framework/types.ts";
import type { IndicatorNode } from "../framework/types.ts";
import { ratFromNumber, ratSub } from "../number/rational.ts";
import { commonDenominator, INPUT_BOUND, type Fraction } from "./fraction.ts";
import { blankValue, bodyFraction, ceilDiv, goalposts, lit, towardsTarget, type LeafContext, type RuleBody } from "./leaf-sql.ts";
import { refuse } from "./options.ts";

/** The window partition of a rule: the year (when the source has one) unless `across: "all"`. */
function over(rule: NormaliseRule, years: boolean, extra: readonly string[] = [], order = ""): string {
  const part = [...(years && rule.across !== "all" ? ["dti_year"] : []), ...extra];
  return `OVER (${part.length > 0 ? `PARTITION BY ${part.join(", ")}` : ""}${order === "" ? "" : ` ORDER BY ${order}`})`;
}

/** Throws `SQL_UNSUPPORTED` naming the leaf for what the SQL does not compute exactly. */
export function checkNormalise(node: IndicatorNode): void {
  const rule = node.rule as NormaliseRule;
  const no = (why: string) => refuse(`node "${node.id}": ${why}; score it with the library`, node.id);
  if (rule.method === "zscore") throw no("a z-score divides by a standard deviation, a square root that no exact fraction holds, so SQL cannot publish it exactly as the library does");
  if ((rule.range ?? [0, 1])[0] < 0) throw no(`a range below 0 ([${rule.range!.join(", ")}]) gives negative scores, which the SQL compiler does not publish`);
  const fixed = rule.bounds !== undefined || rule.method === "target";
  if (rule.clamp === false && fixed) throw no('with "clamp": false, scores leave the range, which the SQL compiler does not follow');
}

/** The `dti_raw` column of leaf i: its raw number, the missing policy applied. */
export function rawColumn(ctx: LeafContext, node: IndicatorNode, i: number): string {
  const X = ctx.number[0]!;
  return `CASE WHEN ${X} IS NULL THEN ${blankValue(ctx, node)} ELSE ${X} END AS z${i}`;
}

/** The `dti_stats` columns of leaf i (window functions over its partition). */
export function statsColumns(node: IndicatorNode, i: number, years: boolean): string[] {
  const rule = node.rule as NormaliseRule;
  const z = `z${i}`;
  const lower = rule.direction === "lower";
  switch (rule.method) {
    case "minmax":
      return rule.bounds !== undefined ? [] : [`min(${z}) ${over(rule, years)} AS zlo${i}`, `max(${z}) ${over(rule, years)} AS zhi${i}`];
    case "target":
      return rule.worst !== undefined ? [] : [`${lower ? "max" : "min"}(${z}) ${over(rule, years)} AS zref${i}`];
    case "rank":
    case "percentile": {
      // Units with a worse value: RANK() − 1 in the order worst first, among the present values.
      const worse = `CASE WHEN ${z} IS NULL THEN NULL ELSE RANK() ${over(rule, years, [`(${z} IS NULL)`], `${z}${lower ? " DESC" : ""}`)} - 1 END AS zb${i}`;
      return [worse, `count(${z}) ${over(rule, years, [z])} AS ze${i}`, `count(${z}) ${over(rule, years)} AS zk${i}`];
    }
    default:
      return [];
  }
}

/** The position t in [0, 1] of leaf i from its raw number and statistics. */
function position(ctx: LeafContext, rule: NormaliseRule, i: number): RuleBody {
  const z = `z${i}`;
  const lower = rule.direction === "lower";
  const l = (n: bigint, bound = 0n) => lit(ctx, n, bound);
  const two = 2n * INPUT_BOUND;
  switch (rule.method) {
    case "goalposts":
    case "minmax": {
      if (rule.bounds !== undefined) return goalposts(ctx, z, rule.bounds.min, rule.bounds.max, rule.direction);
      // All equal: the middle (1 / 2).
      const same = `zhi${i} = zlo${i}`;
      return { n: `CASE WHEN ${same} THEN ${l(1n)} ELSE ${lower ? `zhi${i} - ${z}` : `${z} - zlo${i}`} END`, c: 1n, bound: two, p: `CASE WHEN ${same} THEN ${l(2n)} ELSE zhi${i} - zlo${i} END`, pBound: two };
    }
    case "rank":
    case "percentile": {
      const [b, e, k] = [`zb${i}`, `ze${i}`, `zk${i}`];
      const bound = 2n * INPUT_BOUND;
      if (rule.method === "percentile") return { n: `(${l(2n)} * ${b} + ${e})`, c: 1n, bound, p: `(${l(2n)} * ${k})`, pBound: bound };
      // One unit alone: the middle (1 / 2).
      const [num, den] = rule.ties === "min" ? [b, `(${k} - ${l(1n)})`] : [`(${l(2n)} * ${b} + ${e} - ${l(1n)})`, `(${l(2n)} * (${k} - ${l(1n)}))`];
      return { n: `CASE WHEN ${k} < 2 THEN ${l(1n)} ELSE ${num} END`, c: 1n, bound, p: `CASE WHEN ${k} < 2 THEN ${l(2n)} ELSE ${den} END`, pBound: bound };
    }
    case "target":
      return rule.worst !== undefined ? towardsTarget(ctx, z, rule.target!, rule.worst) : targetFromData(ctx, rule, i);
    case "zscore":
      throw new Error("z-scores are refused by checkNormalise");
  }
}

/**
 * Target against the data's worst value R (scaled): t = (x − R) / (T − R) with T = target·F,
 * times t's denominator so that every number is whole; every unit scores the top when the worst
 * value already reaches the target.
 */
function targetFromData(ctx: LeafContext, rule: NormaliseRule, i: number): RuleBody {
  const t = ratFromNumber(rule.target!);
  const T = t.n * ctx.scale;
  const bound = (T < 0n ? -T : T) + 2n * t.d * INPUT_BOUND;
  const l = (n: bigint) => lit(ctx, n, bound);
  const [z, R] = [`z${i}`, `zref${i}`];
  const lower = rule.direction === "lower";
  const reached = lower ? `${l(t.d)} * ${R} <= ${l(T)}` : `${l(t.d)} * ${R} >= ${l(T)}`;
  const num = lower ? `${l(t.d)} * (${R} - ${z})` : `${l(t.d)} * (${z} - ${R})`;
  const den = lower ? `(${l(t.d)} * ${R} - ${l(T)})` : `(${l(T)} - ${l(t.d)} * ${R})`;
  return {
    n: `CASE WHEN ${reached} THEN ${l(1n)} ELSE LEAST(GREATEST(${num}, ${l(0n)}), ${den}) END`,
    c: 1n,
    bound,
    p: `CASE WHEN ${reached} THEN ${l(1n)} ELSE ${den} END`,
    pBound: bound,
  };
}

/**
 * Leaf i's score: its position t = n / (c·p) mapped into the range [lo, hi]: lo + t·(hi − lo), as
 * (a·c·p + b·n) / (L·c·p) with lo = a / L and hi − lo = b / L.
 */
export function normaliseFraction(ctx: LeafContext, node: IndicatorNode, i: number): Fraction {
  const rule = node.rule as NormaliseRule;
  const t = position(ctx, rule, i);
  const [low, high] = (rule.range ?? [0, 1]).map(ratFromNumber) as [ReturnType<typeof ratFromNumber>, ReturnType<typeof ratFromNumber>];
  const { nums, den } = commonDenominator([low, ratSub(high, low)]);
  const [a, b] = nums as [bigint, bigint];
  const pBound = t.pBound ?? 1n;
  const bound = a * t.c * pBound + b * t.bound;
  const l = (n: bigint) => lit(ctx, n, bound);
  const scaled = `${l(b)} * ${t.n}`;
  const n = a === 0n ? scaled : `(${[l(a * t.c), ...(t.p === undefined ? [] : [t.p])].join(" * ")} + ${scaled})`;
  const top = ceilDiv(high.n, high.d);
  const body: RuleBody = { n, c: den * t.c, bound, ...(t.p === undefined ? {} : { p: t.p, pBound }), top: top > 1n ? top : 1n };
  return bodyFraction(ctx, body, `z${i} IS NULL`, "NULL");
}
