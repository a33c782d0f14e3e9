/**
 * The smallest set of improvements that lifts a unit to a rank or a score: greedy by index gain
 * per cost, re-scored through the real pipeline, and, for an additive index, the exact minimum.
 *
 * @module
 */
import { checkArgument, DtiError, error, isObject, showValue } from "../errors.ts";
import type { Framework, FrameworkDefinition, LocalizedName } from "../framework/types.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import type { ScoreInput, UnitResult } from "../pipeline/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { readDecimal } from "./read-decimal.ts";
import { indexShares } from "./index-shares.ts";
import { nodeMaxScores } from "./node-max-scores.ts";
import { isContinuous, stepUp } from "./improvement-step.ts";
import { currentInputs, leafCandidates, withInputs, type CandidateOptions, type LeafCandidate } from "./leaf-candidates.ts";
import { prepareScenario, rescore, type Scenario, type ScenarioOptions } from "./scenario.ts";
import { compareScenario, standing, type Standing, type WhatIfResult } from "./what-if.ts";

/** Options of {@link planImprovements}: a goal (`toRank` or `toScore`), and the search. */
export interface PlanOptions extends ScenarioOptions, CandidateOptions {
  /** Reach this rank or better (ranked among the other units, unchanged). */
  readonly toRank?: number;
  /** Reach this published value or more (e.g. 0.85). */
  readonly toScore?: number | string;
  /**
   * Step of continuous rules, as a fraction of their range, in (0, 1]. Default 0.01. A step too
   * small for every indicator to reach its maximum within `maxSteps` is widened (see
   * {@link PlanResult.step}).
   */
  readonly step?: number;
  /** Give up after this many steps (a whole number ≥ 1). Default 5000. */
  readonly maxSteps?: number;
}

/** One indicator's improvement in a plan. */
export interface PlannedChange {
  readonly id: string;
  readonly name: LocalizedName;
  readonly from: readonly RawValue[];
  readonly to: readonly RawValue[];
  /** The leaf's score before and after. */
  readonly before: number | null;
  readonly after: number | null;
  /** after − before. */
  readonly increase: number;
}

/** The exact minimum for an additive index (continuous leaves, each rising linearly with its share). */
export interface ExactPlan {
  readonly changes: readonly { readonly id: string; readonly name: LocalizedName; readonly before: number; readonly after: number; readonly increase: number }[];
  /** Σ increase × cost: the least total improvement that reaches the goal. */
  readonly total: number;
}

/** What {@link planImprovements} returns (JSON-serialisable). */
export interface PlanResult {
  readonly unit: string;
  readonly year?: number;
  readonly goal: { readonly kind: "rank" | "score"; readonly rank?: number; /** The published value to reach (for a rank: the value of the unit to catch). */ readonly value: string };
  readonly reached: boolean;
  /** The goal was met before any change. */
  readonly already: boolean;
  readonly before: Standing;
  /** Greedy plan, re-scored on the whole data set. */
  readonly changes: readonly PlannedChange[];
  /** Σ increase × cost of the greedy plan. */
  readonly total: number;
  readonly steps: number;
  /**
   * The step of continuous rules the search took: `step`, or, when `step` ran out of `maxSteps`
   * before the goal, the least step of the 1-2-5 series (… 0.0005, 0.001, 0.002, 0.005, 0.01 …)
   * with which every allowed indicator can reach its maximum within `maxSteps`. The last step is
   * shortened on the 4-decimal grid either way.
   */
  readonly step: number;
  /** The search stopped at `maxSteps` before the goal was met: `reached` false does not then mean out of reach. */
  readonly exhausted: boolean;
  readonly result: WhatIfResult;
  /** The exact minimum when the index is additive, every candidate continuous and scored on its own (no normalisation across units, no imputation); else null. */
  readonly exact: ExactPlan | null;
  readonly algorithm: string;
}

const ALGORITHM =
  "Greedy: at each step every allowed indicator is raised by one step (continuous rules: step × range, capped at the maximum; ladders, categories, yes/no: the next level) " +
  "and the unit is re-scored with score(); the step with the largest index gain per cost (gain ÷ (rise of the indicator's score × its cost)) is kept, until the goal is met. " +
  "The last continuous step is then shortened (bisection, inputs rounded up to 4 decimals) to just reach the goal. Limits: greedy is optimal for an additive index with continuous " +
  "indicators (it then agrees with the exact plan), not in general: with step ladders, categories or geometric means a cheaper combination may exist.";

/**
 * Finds a small set of improvements that lifts a unit to rank `toRank` (or better) or to the
 * published value `toScore` (or more). See {@link PlanResult.algorithm} for the method and its
 * limits. For an additive index the exact minimum total improvement is also given: fill the
 * indicators with the largest share of the index per cost first (a fractional knapsack).
 *
 * Plain data; `planImprovements` from `dti/notebook` also renders it in a notebook as its {@link planToMarkdown}.
 *
 * @example
 * ```ts
 * const plan = planImprovements(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { toRank: 1 });
 * plan.result.after.rank; // => 1
 * plan.exact?.total; // => 0.5055
 * ```
 */
export function planImprovements(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PlanOptions): PlanResult {
  checkArgument(isObject(options), "planImprovements", "options with a goal, e.g. { toRank: 1 } or { toScore: 0.8 }", options);
  checkGoal(options);
  const s = prepareScenario(framework, data, unit, options);
  const d = s.baseline.framework.decimals;
  const rules = s.baseline.options;
  const goal = goalOf(s, options);
  // Re-scored units carry their rank among the others (see rescore()).
  const reached = (u: Pick<UnitResult, "rank" | "value">): boolean =>
    options.toRank !== undefined ? u.rank !== null && u.rank <= options.toRank : u.value !== null && dec(u.value).greaterThanOrEqualTo(goal.value);
  const candidates = leafCandidates(s, options);
  const { shares, additive } = indexShares(s.compiled);
  const lazy = additive && rules.missing !== "reweight" && s.isolated;
  const maxSteps = options.maxSteps ?? 5000;
  // The step asked for first; only when it runs out of steps, the least step that cannot.
  let step = options.step ?? 0.01;
  let search = greedyPlan(s, candidates, reached, step, maxSteps, lazy);
  const wider = stepWithin(step, candidates, maxSteps);
  if (search.exhausted && wider !== step) {
    step = wider;
    search = greedyPlan(s, candidates, reached, step, maxSteps, lazy);
  }
  const { changes, steps, exhausted } = search;
  const result = compareScenario(s, changes);
  const planned = plannedChanges(s, candidates, changes);
  const total = planned.reduce((a, p) => a.plus(dec(p.increase).times(candidates.find((c) => c.id === p.id)?.cost ?? 1)), dec(0)).toNumber();
  const linear = additive && rules.missing !== "reweight" && s.isolated && candidates.every((c) => isContinuous(c.leaf) && c.leaf.rule.type !== "normalise");
  const exact = linear ? exactPlan(s, candidates, shares, nodeMaxScores(s.compiled), goal.exact) : null;
  const plan: PlanResult = {
    unit: s.unit.unit,
    ...(s.unit.year !== undefined ? { year: s.unit.year } : {}),
    goal: { kind: options.toRank !== undefined ? "rank" : "score", ...(options.toRank !== undefined ? { rank: options.toRank } : {}), value: goal.value.toFixed(d) },
    reached: reached(result.after),
    already: reached(s.unit),
    before: standing(s.unit),
    changes: planned,
    total,
    steps,
    step,
    exhausted,
    result,
    exact,
    algorithm: ALGORITHM,
  };
  return plan;
}

/** Throws unless exactly one goal is given, and a rank goal is a whole number ≥ 1. */
function checkGoal(options: PlanOptions): void {
  if ((options.toRank === undefined) === (options.toScore === undefined)) {
    throw new DtiError([error("OPTION_INVALID", "give exactly one goal: toRank or toScore")]);
  }
  if (options.toRank !== undefined && !(Number.isInteger(options.toRank) && options.toRank >= 1)) {
    throw new DtiError([error("OPTION_INVALID", `toRank must be a whole number ≥ 1 (got ${showValue(options.toRank)})`)]);
  }
  if (options.step !== undefined && !(typeof options.step === "number" && options.step > 0 && options.step <= 1)) {
    throw new DtiError([error("OPTION_INVALID", `step must be a fraction of the range in (0, 1], e.g. 0.01 (got ${showValue(options.step)})`)]);
  }
  if (options.maxSteps !== undefined && !(Number.isInteger(options.maxSteps) && options.maxSteps >= 1)) {
    throw new DtiError([error("OPTION_INVALID", `maxSteps must be a whole number ≥ 1 (got ${showValue(options.maxSteps)})`)]);
  }
}

/** How many better levels a discrete rule has at most (a ladder's steps, the categories, yes/no). */
function discreteLevels(c: LeafCandidate): number {
  const rule = c.leaf.rule;
  if (rule.type === "ladder") return rule.steps.length;
  if (rule.type === "categorical") return rule.categories.length;
  return rule.type === "boolean" ? 1 : 0;
}

/**
 * The step of continuous rules the search can afford: `step` when, after every level of the
 * discrete rules, each continuous indicator can climb its whole range within `maxSteps`; else the
 * least 1-2-5 step that can (so a tiny step never stops the search short of a goal it can reach).
 */
function stepWithin(step: number, candidates: readonly LeafCandidate[], maxSteps: number): number {
  const continuous = candidates.filter((c) => isContinuous(c.leaf)).length;
  if (continuous === 0) return step;
  const each = Math.floor((maxSteps - candidates.reduce((n, c) => n + discreteLevels(c), 0)) / continuous);
  const fits = (f: number) => Math.ceil(1 / f) <= each;
  if (each < 1) return 1;
  if (fits(step)) return step;
  for (let e = Math.floor(Math.log10(1 / each)); e <= 0; e++) {
    for (const m of [1, 2, 5]) {
      const f = Number(`${m}e${e}`);
      if (f <= 1 && fits(f)) return f;
    }
  }
  return 1;
}

/** One step of one indicator: its new inputs, the re-scored unit, the index gain and the gain per cost. */
type StepOption = { c: LeafCandidate; to: RawValue[]; next: UnitResult; ratio: Decimal; gain: Decimal; continuous: boolean };

/** The greedy search (see {@link ALGORITHM}): the changed inputs and the number of steps taken. */
function greedyPlan(
  s: Scenario,
  candidates: readonly LeafCandidate[],
  reached: (u: UnitResult) => boolean,
  step: number,
  maxSteps: number,
  lazy: boolean,
): { changes: Map<string, RawValue>; steps: number; exhausted: boolean } {
  let changes = new Map<string, RawValue>();
  let current: UnitResult = s.unit;
  let steps = 0;
  const cache = new Map<string, StepOption | null>();
  const evaluate = (c: LeafCandidate): StepOption | null => {
    const from = currentInputs(s, c, changes);
    const to = from === undefined ? undefined : stepUp(c.leaf, from, step);
    if (from === undefined || to === undefined) return null;
    const next = rescore(s, withInputs(changes, c, to));
    const rise = dec(next.nodes[c.id]?.score ?? 0).minus(current.nodes[c.id]?.score ?? 0);
    const gain = dec(next.score ?? 0).minus(current.score ?? 0);
    if (rise.lessThanOrEqualTo(0) || gain.lessThanOrEqualTo(0)) return null;
    return { c, to: [...to], next, gain, ratio: gain.dividedBy(rise.times(c.cost)), continuous: isContinuous(c.leaf) };
  };
  let previous = changes;
  let last: StepOption | undefined;
  while (!reached(current) && steps < maxSteps) {
    // Lazy greedy for an additive index: another indicator's gain per step does not depend on the
    // steps taken, so its cached ratio stays valid; the chosen one is re-scored before it is kept.
    let best: StepOption | null = null;
    for (const c of candidates) {
      if (!lazy || !cache.has(c.id)) cache.set(c.id, evaluate(c));
      const o = cache.get(c.id) ?? null;
      if (o !== null && (best === null || o.ratio.greaterThan(best.ratio) || (o.ratio.equals(best.ratio) && o.gain.greaterThan(best.gain)))) best = o;
    }
    if (best === null) break;
    if (lazy) {
      best = evaluate(best.c);
      if (best === null) break;
    }
    previous = changes;
    changes = withInputs(changes, best.c, best.to);
    current = best.next;
    last = best;
    steps++;
    cache.delete(best.c.id);
  }
  const exhausted = !reached(current) && steps >= maxSteps;
  if (reached(current) && last !== undefined && last.continuous && steps > 0) {
    changes = shortenLastStep(s, previous, last.c, last.to, reached) ?? changes;
  }
  return { changes, steps, exhausted };
}

/** Each changed indicator's inputs and score, before and after. */
function plannedChanges(s: Scenario, candidates: readonly LeafCandidate[], changes: ReadonlyMap<string, RawValue>): PlannedChange[] {
  const final = rescore(s, changes);
  return candidates
    .filter((c) => c.keys.some((k) => changes.has(k)))
    .map((c) => {
      const before = s.unit.nodes[c.id]?.score ?? null;
      const afterScore = final.nodes[c.id]?.score ?? null;
      return {
        id: c.id,
        name: c.name,
        from: c.keys.map((k) => s.inputs.get(k) ?? null).filter((v): v is RawValue => v !== null),
        to: c.keys.map((k) => changes.get(k) ?? s.inputs.get(k) ?? null).filter((v): v is RawValue => v !== null),
        before,
        after: afterScore,
        increase: dec(afterScore ?? 0).minus(before ?? 0).toNumber(),
      };
    });
}

/** The published value to reach, and the exact score that publishes it. */
function goalOf(s: Scenario, options: PlanOptions): { value: Decimal; exact: Decimal } {
  const d = s.baseline.framework.decimals;
  const half = dec(10).pow(-d).dividedBy(2);
  const exactTies = s.baseline.options.ties === "exact";
  if (options.toScore !== undefined) {
    const v = dec(String(options.toScore).replace(",", ".")).toDecimalPlaces(d, 0);
    return { value: v, exact: v.minus(half) };
  }
  const key = (u: UnitResult) => (exactTies ? dec(u.score ?? -1) : dec(u.value ?? -1));
  const sorted = s.others.map(key).sort((a, b) => b.comparedTo(a));
  const target = sorted[(options.toRank as number) - 1];
  if (target === undefined) return { value: dec(0), exact: dec(0) };
  return exactTies ? { value: target.toDecimalPlaces(d, 0), exact: target } : { value: target, exact: target.minus(half) };
}

/** Bisects the last continuous step down to the least input (rounded up to 4 decimals) that still reaches the goal. */
function shortenLastStep(
  s: Scenario,
  before: ReadonlyMap<string, RawValue>,
  c: LeafCandidate,
  to: readonly RawValue[],
  reached: (u: UnitResult) => boolean,
): Map<string, RawValue> | undefined {
  const from = currentInputs(s, c, before);
  if (from === undefined) return undefined;
  const lo0 = readDecimal(from[0] as RawValue);
  const hi0 = readDecimal(to[0] as RawValue);
  if (lo0 === undefined || hi0 === undefined) return undefined;
  // Bisection on the grid of 4-decimal inputs: the least k with k × 0.0001 in (from, to] that reaches the goal.
  const grid = dec("0.0001");
  const at = (x: Decimal) => withInputs(before, c, [x.toString(), ...to.slice(1)]);
  let lo = lo0.dividedBy(grid).floor();
  let hi = hi0.dividedBy(grid).floor();
  if (!reached(rescore(s, at(hi.times(grid))))) return undefined;
  while (hi.minus(lo).greaterThan(1)) {
    const mid = lo.plus(hi).dividedToIntegerBy(2);
    if (reached(rescore(s, at(mid.times(grid))))) hi = mid;
    else lo = mid;
  }
  return at(hi.times(grid));
}

/** Fractional knapsack over the leaves' shares: the least Σ increase × cost that reaches `exact`. */
function exactPlan(s: Scenario, candidates: readonly LeafCandidate[], shares: ReadonlyMap<number, Decimal>, maxima: readonly (Decimal | null)[], exact: Decimal): ExactPlan {
  let need = exact.minus(s.unit.score ?? 0);
  const order = candidates
    .map((c) => ({ c, share: shares.get(c.index) ?? dec(0), score: dec(s.unit.nodes[c.id]?.score ?? 0) }))
    .filter((x) => x.share.greaterThan(0))
    .sort((a, b) => b.share.dividedBy(b.c.cost).comparedTo(a.share.dividedBy(a.c.cost)));
  const changes: ExactPlan["changes"][number][] = [];
  let total = dec(0);
  for (const x of order) {
    if (need.lessThanOrEqualTo(0)) break;
    const room = (maxima[x.c.index] ?? dec(1)).minus(x.score);
    if (room.lessThanOrEqualTo(0)) continue;
    const wanted = need.dividedBy(x.share);
    const inc = wanted.lessThan(room) ? wanted : room;
    need = need.minus(inc.times(x.share));
    total = total.plus(inc.times(x.c.cost));
    changes.push({ id: x.c.id, name: x.c.name, before: x.score.toNumber(), after: x.score.plus(inc).toNumber(), increase: inc.toNumber() });
  }
  return { changes, total: total.toNumber() };
}
