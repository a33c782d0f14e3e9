/**
 * A leaf's scoring rule as SQL: the exact fraction of its score (see `fraction.ts`) from its
 * input columns, with the library's checks (out of range, zero denominator, unknown label) as
 * errors that stop the query and name the unit and node.
 *
 * @module
 */
import { booleanAlias } from "../framework/boolean-aliases.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { BooleanRule, IndicatorNode } from "../framework/types.ts";
import { ratDiv, ratFromNumber, ratNeg, ratSub, RAT_ONE, RAT_ZERO, type Rational } from "../number/rational.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { showList } from "../errors.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { showScaledSql, showValueSql } from "./show-value-sql.ts";
import { commonDenominator, INPUT_BOUND, SMALL_LIMIT, type Fraction } from "./fraction.ts";

/** What a leaf's SQL reads: its inputs' columns, and how a failure names the row. */
export interface LeafContext {
  readonly dialect: Dialect;
  /** 10^inputDecimals: inputs are read as whole numbers of 10^-inputDecimals. */
  readonly scale: bigint;
  /** Per input of the leaf: the scaled number column, the text column's key (see `wordKeys`), and the text as the cell has it, untrimmed (for messages, which quote it as the library's do). */
  readonly number: readonly string[];
  readonly text: readonly string[];
  readonly cell: readonly string[];
  /** A SQL text expression of the row's unit name (for messages). */
  readonly unit: string;
  /** What a blank input gives: a failure, 0 or NULL (see `missingFraction`). */
  readonly missing: "error" | "zero" | "null";
}

/** The built-in yes and no words of the boolean rule (as `scoreBoolean` reads them). */
const YES = ["true", "yes", "y", "1", "có", "co", "x", "đạt", "dat", "rồi"];
const NO = ["false", "no", "n", "0", "không", "khong", "chưa", "chua", "chưa đạt", "không đạt"];

/** A query-stopping failure with the library's issue code, naming the node and the row's unit (typed as the small integer type unless `type` says otherwise). */
export function failure(ctx: Pick<LeafContext, "dialect" | "unit">, code: string, node: string, message: string, type = ctx.dialect.small): string {
  return ctx.dialect.fail(`'DTI_ERROR ${code} node=' || ${sqlText(node)} || ' unit=' || ${ctx.unit} || ': ' || ${message}`, type);
}

export const abs = (n: bigint) => (n < 0n ? -n : n);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
/** ⌊a / b⌋ and ⌈a / b⌉ for b > 0 (bigint division truncates towards zero). */
export const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
export const ceilDiv = (a: bigint, b: bigint) => -floorDiv(-a, b);

/** A literal of the small type when it and the expression it is part of (`bound`) stay small. */
export const lit = (ctx: LeafContext, n: bigint, bound = 0n) => ctx.dialect.intLit(n, abs(n) >= SMALL_LIMIT || bound >= SMALL_LIMIT);

/** n clamped into [0, c]. */
export function clamp01(ctx: LeafContext, n: string, c: bigint): string {
  return `LEAST(GREATEST(${n}, ${lit(ctx, 0n, c)}), ${lit(ctx, c, c)})`;
}

/**
 * An affine score α·X + β of the scaled input X, clamped into [0, 1]: whole-number coefficients
 * a·X + b over their common denominator. X is first clamped to the whole numbers just around the
 * span where the score moves, so that the product stays as small as the result.
 */
export function affine(ctx: LeafContext, x: string, alpha: Rational, beta: Rational): { n: string; c: bigint; bound: bigint } {
  const { nums, den } = commonDenominator([alpha, beta]);
  const [a, b] = nums as [bigint, bigint];
  if (a === 0n) return { n: clamp01(ctx, lit(ctx, b), den), c: den, bound: den };
  // a·X + b is 0 at X = −b/a and den at X = (den − b)/a.
  const r0 = { n: -b, d: a };
  const r1 = { n: den - b, d: a };
  const norm = (r: { n: bigint; d: bigint }) => (r.d < 0n ? { n: -r.n, d: -r.d } : r);
  const [p0, p1] = [norm(r0), norm(r1)];
  const lo = floorDiv(p0.n * p1.d < p1.n * p0.d ? p0.n : p1.n, p0.n * p1.d < p1.n * p0.d ? p0.d : p1.d);
  const hi = ceilDiv(p0.n * p1.d < p1.n * p0.d ? p1.n : p0.n, p0.n * p1.d < p1.n * p0.d ? p1.d : p0.d);
  const inner = max(abs(a) * max(abs(lo), abs(hi)) + abs(b), den);
  const xc = `LEAST(GREATEST(${x}, ${lit(ctx, lo, inner)}), ${lit(ctx, hi, inner)})`;
  const n = `(${lit(ctx, a, inner)} * ${xc} + ${lit(ctx, b, inner)})`;
  return { n: clamp01(ctx, n, den), c: den, bound: den };
}

/** A constant score per case (ladder steps, categories): CASE over the conditions. */
function cases(ctx: LeafContext, branches: readonly { when: string; value: Rational }[], otherwise: Rational | string): RuleBody {
  const values = branches.map((b) => b.value);
  const { nums, den } = commonDenominator(typeof otherwise === "string" ? values : [...values, otherwise]);
  const bound = nums.reduce((m, k) => max(m, abs(k)), 0n);
  const whens = branches.map((b, k) => `WHEN ${b.when} THEN ${lit(ctx, nums[k]!, bound)}`).join(" ");
  const last = typeof otherwise === "string" ? otherwise : lit(ctx, nums[nums.length - 1]!, bound);
  return { n: `CASE ${whens} ELSE ${last} END`, c: den, bound };
}

/** A rule's score before blanks are handled: n / (c · p) (see `Fraction`). */
export interface RuleBody {
  readonly n: string;
  readonly c: bigint;
  readonly bound: bigint;
  readonly p?: string;
  readonly pBound?: bigint;
  /** The largest value (default 1). */
  readonly top?: bigint;
}

/** A leaf's rule as SQL, given its context and the failure that names it. */
interface RuleInput {
  readonly ctx: LeafContext;
  readonly node: IndicatorNode;
  /** The first input's scaled number column. */
  readonly X: string;
  /** The condition of a blank input. */
  readonly blank: string;
  fail(code: string, message: string): string;
}

/** An input of the leaf as its messages show it (`showRational`). */
const shown = (ctx: LeafContext, x: string) => showScaledSql(x, ctx.scale.toString().length - 1);

function valueBody({ ctx, node, X, fail }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "value" }>;
  const F = ctx.scale;
  const out = rule.outOfRange === "clamp" ? clamp01(ctx, X, F) : fail("DATA_OUT_OF_RANGE", `${shown(ctx, X)} || ' is outside [0, 1]'`);
  return { n: `CASE WHEN ${X} < 0 OR ${X} > ${lit(ctx, F)} THEN ${out} ELSE ${X} END`, c: F, bound: F };
}

function pointsBody({ ctx, node, X, fail }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "points" }>;
  const m = ratFromNumber(ruleMax(node) as number);
  const c = ctx.scale * m.n;
  // X·m.d > c exactly when X > ⌊c / m.d⌋: compared before multiplying, so that no product overflows.
  const out = rule.outOfRange === "clamp" ? `CASE WHEN ${X} < 0 THEN ${lit(ctx, 0n, c)} ELSE ${lit(ctx, c, c)} END` : fail("DATA_OUT_OF_RANGE", `${shown(ctx, X)} || ${sqlText(` points is outside [0, ${ruleMax(node)}]`)}`);
  return { n: `CASE WHEN ${X} < 0 OR ${X} > ${lit(ctx, c / m.d)} THEN ${out} ELSE ${X} * ${lit(ctx, m.d, c)} END`, c, bound: c };
}

function ratioBody({ ctx, node, X, blank, fail }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "ratio" }>;
  const A = X;
  const B = ctx.number[1]!;
  const clamp = rule.outOfRange === "clamp";
  const zero = rule.zeroDenominator === "zero" ? lit(ctx, 0n) : rule.zeroDenominator === "one" ? lit(ctx, 1n) : fail("DATA_ZERO_DENOMINATOR", sqlText('denominator is 0 (set zeroDenominator to "zero" or "one" to score it)'));
  const n =
    `CASE WHEN ${A} < 0 THEN ${clamp ? lit(ctx, 0n) : fail("DATA_OUT_OF_RANGE", `'numerator ' || ${shown(ctx, A)} || ' is negative'`)} ` +
    `WHEN ${B} < 0 THEN ${clamp ? lit(ctx, 0n) : fail("DATA_OUT_OF_RANGE", `'denominator ' || ${shown(ctx, B)} || ' is negative'`)} ` +
    `WHEN ${B} = 0 THEN ${zero} ` +
    `WHEN ${A} > ${B} THEN ${clamp ? B : fail("DATA_OUT_OF_RANGE", `'ratio ' || ${shown(ctx, A)} || '/' || ${shown(ctx, B)} || ' is above 1'`)} ELSE ${A} END`;
  return { n, c: 1n, bound: INPUT_BOUND, p: `CASE WHEN ${blank} OR ${A} < 0 OR ${B} <= 0 THEN ${lit(ctx, 1n)} ELSE ${B} END`, pBound: INPUT_BOUND };
}

function ladderBody({ ctx, node, X }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "ladder" }>;
  const top = ratFromNumber(ruleMax(node) as number);
  const steps = [...rule.steps].sort((a, b) => b.points - a.points);
  const branches = steps.map((s) => {
    // X·t.d ≥ t.n·F exactly when X ≥ ⌈t.n·F / t.d⌉ (and ≤ with ⌊⌋): no product to overflow.
    const t = ratFromNumber(s.threshold);
    const when = rule.direction === "higher" ? `${X} >= ${lit(ctx, ceilDiv(t.n * ctx.scale, t.d))}` : `${X} <= ${lit(ctx, floorDiv(t.n * ctx.scale, t.d))}`;
    return { when, value: ratDiv(ratFromNumber(Math.max(s.points, 0)), top) };
  });
  return cases(ctx, branches, RAT_ZERO);
}

/** (x − lo) / (hi − lo) of the scaled input X, or (hi − x) / (hi − lo) when lower is better, clamped into [0, 1]. */
export function goalposts(ctx: LeafContext, X: string, min: number, max: number, direction: "higher" | "lower" | undefined): RuleBody {
  const lo = ratFromNumber(min);
  const hi = ratFromNumber(max);
  const span = ratSub(hi, lo);
  const alpha = ratDiv(RAT_ONE, { n: span.n * ctx.scale, d: span.d });
  return direction === "lower" ? affine(ctx, X, ratNeg(alpha), ratDiv(hi, span)) : affine(ctx, X, alpha, ratNeg(ratDiv(lo, span)));
}

/** (x − worst) / (target − worst), clamped into [0, 1], of the scaled input X. */
export function towardsTarget(ctx: LeafContext, X: string, target: number, worst: number): RuleBody {
  const t = ratFromNumber(target);
  const w = ratFromNumber(worst);
  const span = ratSub(t, w);
  return affine(ctx, X, ratDiv(RAT_ONE, { n: span.n * ctx.scale, d: span.d }), ratNeg(ratDiv(w, span)));
}

function targetBody({ ctx, node, X, blank }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "target" }>;
  if (rule.worst !== undefined) return towardsTarget(ctx, X, rule.target, rule.worst);
  const t = ratFromNumber(rule.target);
  if (rule.direction === "higher") return affine(ctx, X, ratDiv(RAT_ONE, { n: t.n * ctx.scale, d: t.d }), RAT_ZERO);
  // target / x for x > 0 (1 for x ≤ 0), capped at 1: min(t·F, t.d·X) / (t.d·X), over t's denominator.
  const top = t.n * ctx.scale;
  const bound = max(abs(top), t.d);
  return {
    n: `CASE WHEN ${X} <= 0 THEN ${lit(ctx, t.d, bound)} WHEN ${X} >= ${lit(ctx, ceilDiv(top, t.d))} THEN ${lit(ctx, top, bound)} ELSE ${lit(ctx, t.d, bound)} * ${X} END`,
    c: t.d,
    bound,
    p: `CASE WHEN ${blank} OR ${X} <= 0 THEN ${lit(ctx, 1n)} ELSE ${X} END`,
    pBound: INPUT_BOUND,
  };
}

/** The spellings (normalised keys) a boolean rule reads as yes and as no: its aliases, and the built-in words it does not redefine. */
export function booleanWords(rule: BooleanRule): { yes: string[]; no: string[] } {
  const own = (word: string) => booleanAlias(rule, word);
  const aliases = [...(rule.aliases?.yes ?? []), ...(rule.aliases?.no ?? [])].map(normalizeKey);
  return {
    yes: [...new Set([...aliases.filter((a) => own(a) === true), ...YES.filter((w) => own(w) === undefined)])],
    no: [...new Set([...aliases.filter((a) => own(a) === false), ...NO.filter((w) => own(w) === undefined)])],
  };
}

function booleanBody({ ctx, node, fail }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "boolean" }>;
  const T = ctx.text[0]!;
  const { yes, no } = booleanWords(rule);
  const good = rule.direction === "lower" ? RAT_ZERO : RAT_ONE;
  const bad = rule.direction === "lower" ? RAT_ONE : RAT_ZERO;
  return cases(ctx, [{ when: `${T} IN (${yes.map(sqlText).join(", ")})`, value: good }, { when: `${T} IN (${no.map(sqlText).join(", ")})`, value: bad }], fail("DATA_NOT_A_BOOLEAN", `${showValueSql(ctx.cell[0]!)} || ' is not yes/no (có/không, true/false, 1/0)'`));
}

/** The spellings (normalised keys) of a category of a categorical rule: its label and aliases. */
function categoryWords(c: Extract<IndicatorNode["rule"], { type: "categorical" }>["categories"][number]): string[] {
  return [c.label, ...(c.aliases ?? [])].map(normalizeKey);
}

/** Every spelling (normalised key) a boolean or categorical rule reads; none for a rule of numbers. */
export function ruleWords(rule: IndicatorNode["rule"]): string[] {
  if (rule.type === "boolean") return Object.values(booleanWords(rule)).flat();
  return rule.type === "categorical" ? rule.categories.flatMap(categoryWords) : [];
}

function categoricalBody({ ctx, node, fail }: RuleInput): RuleBody {
  const rule = node.rule as Extract<IndicatorNode["rule"], { type: "categorical" }>;
  const T = ctx.text[0]!;
  const top = ruleMax(node);
  const branches = rule.categories.map((c) => ({
    when: `${T} IN (${categoryWords(c).map(sqlText).join(", ")})`,
    value: c.score !== undefined ? ratFromNumber(c.score) : ratDiv(ratFromNumber(c.points ?? 0), ratFromNumber(top ?? 1)),
  }));
  return cases(ctx, branches, fail("DATA_UNKNOWN_CATEGORY", `${showValueSql(ctx.cell[0]!)} || ${sqlText(` is not one of ${showList(rule.categories.map((c) => c.label), 20)}`)}`));
}

const BODIES: Record<Exclude<IndicatorNode["rule"]["type"], "normalise">, (input: RuleInput) => RuleBody> = {
  value: valueBody,
  points: pointsBody,
  ratio: ratioBody,
  ladder: ladderBody,
  goalposts: (input) => {
    const rule = input.node.rule as Extract<IndicatorNode["rule"], { type: "goalposts" }>;
    return goalposts(input.ctx, input.X, rule.min, rule.max, rule.direction);
  },
  target: targetBody,
  boolean: booleanBody,
  categorical: categoricalBody,
};

/** The condition of a blank input of the leaf (either input of a ratio; the label of a boolean or categorical). */
function blankOf(ctx: LeafContext, node: IndicatorNode): string {
  const X = ctx.number[0]!;
  const type = node.rule.type;
  return type === "ratio" ? `(${X} IS NULL OR ${ctx.number[1]!} IS NULL)` : type === "boolean" || type === "categorical" ? `${ctx.text[0]!} IS NULL` : `${X} IS NULL`;
}

/** What a blank input gives under the leaf's missing policy: a failure, 0 or NULL. */
export function blankValue(ctx: LeafContext, node: IndicatorNode): string {
  return ctx.missing === "error" ? failure(ctx, "DATA_MISSING_VALUE", node.id, sqlText(`the value of "${node.id}" is blank`)) : ctx.missing === "zero" ? lit(ctx, 0n) : "NULL";
}

/** A rule body as the leaf's fraction: NULL (or the policy's value) where the input is blank. */
export function bodyFraction(ctx: LeafContext, body: RuleBody, blank: string, whenBlank: string): Fraction {
  return {
    n: `CASE WHEN ${blank} THEN ${whenBlank} ELSE ${body.n} END`,
    c: body.c,
    p: body.p ?? null,
    nullable: ctx.missing === "null",
    bound: body.bound,
    pBound: body.pBound ?? 1n,
    top: body.top ?? 1n,
  };
}

/**
 * The leaf's score as a fraction, for every rule but `normalise` (see `normalise-sql.ts`, which
 * reads the other units).
 */
export function leafFraction(ctx: LeafContext, node: IndicatorNode): Fraction {
  const type = node.rule.type;
  if (type === "normalise") throw new Error("a normalise leaf is compiled by normaliseFraction");
  const blank = blankOf(ctx, node);
  const body = BODIES[type]({ ctx, node, X: ctx.number[0]!, blank, fail: (code, message) => failure(ctx, code, node.id, message) });
  return bodyFraction(ctx, body, blank, blankValue(ctx, node));
}
