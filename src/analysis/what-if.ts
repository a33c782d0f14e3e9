/**
 * What-if: change some of a unit's raw inputs, score the data again through the real pipeline,
 * and compare.
 *
 * @module
 */
import type { Framework, FrameworkDefinition, LocalizedName } from "../framework/types.ts";
import { dec } from "../number/decimal.ts";
import type { ScoreInput, UnitResult } from "../pipeline/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { formatSigned } from "./format.ts";
import { prepareScenario, rescore, resolveInputKey, type Scenario, type ScenarioOptions } from "./scenario.ts";

/** A unit's standing: exact score, published value, rank, group rank. */
export interface Standing {
  readonly score: number | null;
  readonly value: string | null;
  readonly rank: number | null;
  readonly groupRank: number | null;
}

/** One node's value before and after. */
export interface NodeChange {
  readonly id: string;
  readonly name: LocalizedName;
  readonly before: string | null;
  readonly after: string | null;
  /** after − before, published values, signed ("+0.0300"); null when either is missing. */
  readonly delta: string | null;
}

/** What {@link whatIf} returns (JSON-serialisable). */
export interface WhatIfResult {
  readonly unit: string;
  readonly year?: number;
  readonly changes: readonly { readonly input: string; readonly from: RawValue | null; readonly to: RawValue }[];
  readonly before: Standing;
  readonly after: Standing;
  /** Changes of the index: published value (signed), exact score, rank (positive = moved up). */
  readonly delta: { readonly value: string | null; readonly score: number | null; readonly rank: number | null };
  /** Every node and view whose published value changed. */
  readonly nodes: readonly NodeChange[];
  /** How many units it is ranked among (itself included). */
  readonly units: number;
  readonly decimals: number;
}

/** A unit's standing. */
export function standing(u: UnitResult): Standing {
  return { score: u.score, value: u.value, rank: u.rank, groupRank: u.groupRank };
}

/**
 * Sets some of a unit's raw inputs (`set`: indicator id, name or input key → new raw value, as it
 * would be written in the data: "0,95", 18, "Bí thư/Chủ tịch"), scores the whole data set again
 * with `score()` (so every rule, ladder, category and ratio applies exactly as in scoring, and a
 * value above its maximum is the usual `DATA_OUT_OF_RANGE` error) and reports the new value and
 * rank, the other units unchanged.
 *
 * Plain data; `whatIf` from `dti/notebook` also renders it in a notebook as its {@link whatIfToMarkdown}.
 *
 * @example
 * ```ts
 * const r = whatIf(getFramework("vn-dti-2022-province"), rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 });
 * r.after.value; // => "0.7375"   (0.716355 + 0.15 × (0.5 − 0.359) = 0.737505 → half-up)
 * r.delta.value; // => "+0.0211"  (0.7375 − 0.7164)
 * ```
 */
export function whatIf(
  framework: Framework | FrameworkDefinition,
  data: ScoreInput,
  unit: string,
  set: Readonly<Record<string, RawValue>>,
  options: ScenarioOptions = {},
): WhatIfResult {
  const s = prepareScenario(framework, data, unit, options);
  const changes = new Map<string, RawValue>();
  for (const [name, value] of Object.entries(set)) changes.set(resolveInputKey(s.framework, name), value);
  return compareScenario(s, changes);
}

/** Scores the scenario with `changes` (input keys) on the full data set and compares with the baseline. */
export function compareScenario(s: Scenario, changes: ReadonlyMap<string, RawValue>): WhatIfResult {
  const after = rescore(s, changes, true);
  const before = s.unit;
  const d = s.baseline.framework.decimals;
  const diff = (a: string | null, b: string | null) => (a === null || b === null ? null : formatSigned(dec(b).minus(a), d));
  const nodes: NodeChange[] = [];
  for (const info of s.baseline.nodes) {
    if (info.id === s.baseline.root) continue;
    const b = before.nodes[info.id]?.value ?? null;
    const a = after.nodes[info.id]?.value ?? null;
    if (a !== b) nodes.push({ id: info.id, name: info.name, before: b, after: a, delta: diff(b, a) });
  }
  return {
    unit: before.unit,
    ...(before.year !== undefined ? { year: before.year } : {}),
    changes: [...changes].map(([input, to]) => ({ input, from: s.inputs.get(input) ?? null, to })),
    before: standing(before),
    after: standing(after),
    delta: {
      value: diff(before.value, after.value),
      score: before.score === null || after.score === null ? null : dec(after.score).minus(before.score).toNumber(),
      rank: before.rank === null || after.rank === null ? null : before.rank - after.rank,
    },
    nodes,
    units: s.others.length + 1,
    decimals: d,
  };
}
