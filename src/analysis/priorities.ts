/**
 * Improvement priorities: for each indicator, how much the index gains per unit of improvement,
 * measured by re-scoring.
 *
 * @module
 */
import type { Framework, FrameworkDefinition, LocalizedName } from "../framework/types.ts";
import { dec } from "../number/decimal.ts";
import type { ScoreInput } from "../pipeline/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { isContinuous, maxInputs, stepUp } from "./improvement-step.ts";
import { currentInputs, leafCandidates, withInputs, type CandidateOptions } from "./leaf-candidates.ts";
import { prepareScenario, rescore, type ScenarioOptions } from "./scenario.ts";

/** One indicator's priority. */
export interface Priority {
  readonly id: string;
  readonly name: LocalizedName;
  /** The leaf's current score. */
  readonly score: number | null;
  readonly value: string | null;
  readonly from: readonly RawValue[] | null;
  /** Inputs after one step (continuous rules: +`step` of the range; discrete: the next level). */
  readonly to: readonly RawValue[] | null;
  readonly continuous: boolean;
  /** Rise of the leaf's own score for that step. */
  readonly leafGain: number;
  /** Rise of the index (exact score) for that step. */
  readonly gain: number;
  /** Index gain per +0.01 of the leaf's score (gain ÷ leafGain × 0.01), divided by the cost. */
  readonly gainPerHundredth: number;
  /** Index gain per step in points (null without index points). */
  readonly gainPoints: number | null;
  /** Index gain if the leaf reached its maximum. */
  readonly headroom: number;
  readonly headroomPoints: number | null;
  readonly cost: number;
}

/** Options of {@link improvementPriorities}. */
export interface PriorityOptions extends ScenarioOptions, CandidateOptions {
  /** Step of continuous rules, as a fraction of their range. Default 0.01. */
  readonly step?: number;
}

/**
 * Ranks a unit's indicators by index gain per unit of improvement: each is raised by one step
 * (continuous rules: `step` of its range, 0.01 by default; ladders, categories and yes/no: the
 * next better level), capped at its maximum, and the unit is re-scored through `score()`. Sorted
 * by `gainPerHundredth` (largest first), indicators already at their maximum last.
 *
 * Plain data; `improvementPriorities` from `dti/notebook` also renders it in a notebook as its {@link prioritiesToMarkdown}.
 *
 * @example
 * ```ts
 * const p = improvementPriorities(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh");
 * p[0].id; // => "digital-government"   (200 of 1000 points: +0.002 per +0.01)
 * ```
 */
export function improvementPriorities(framework: Framework | FrameworkDefinition, data: ScoreInput, unit: string, options: PriorityOptions = {}): Priority[] {
  const s = prepareScenario(framework, data, unit, options);
  const rootPoints = s.framework.root.maxPoints ?? null;
  const base = dec(s.unit.score ?? 0);
  const none = new Map<string, RawValue>();
  const list = leafCandidates(s, options).map((c): Priority => {
    const node = s.unit.nodes[c.id];
    const from = currentInputs(s, c, none);
    const to = from === undefined ? undefined : stepUp(c.leaf, from, options.step ?? 0.01);
    const common = { id: c.id, name: c.name, score: node?.score ?? null, value: node?.value ?? null, from: from ?? null, continuous: isContinuous(c.leaf), cost: c.cost };
    if (from === undefined || to === undefined) {
      return { ...common, to: null, leafGain: 0, gain: 0, gainPerHundredth: 0, gainPoints: rootPoints === null ? null : 0, headroom: 0, headroomPoints: rootPoints === null ? null : 0 };
    }
    const stepped = rescore(s, withInputs(none, c, to));
    const top = rescore(s, withInputs(none, c, maxInputs(c.leaf, from)));
    const leafGain = dec(stepped.nodes[c.id]?.score ?? 0).minus(node?.score ?? 0);
    const gain = dec(stepped.score ?? 0).minus(base);
    const headroom = dec(top.score ?? 0).minus(base);
    return {
      ...common,
      to,
      leafGain: leafGain.toNumber(),
      gain: gain.toNumber(),
      gainPerHundredth: leafGain.greaterThan(0) ? gain.dividedBy(leafGain).times(0.01).dividedBy(c.cost).toNumber() : 0,
      gainPoints: rootPoints === null ? null : gain.times(rootPoints).toNumber(),
      headroom: headroom.toNumber(),
      headroomPoints: rootPoints === null ? null : headroom.times(rootPoints).toNumber(),
    };
  });
  list.sort((a, b) => b.gainPerHundredth - a.gainPerHundredth || b.headroom - a.headroom);
  return list;
}
