/**
 * Explains one unit's result: what each indicator contributes, how far it is from the maximum,
 * the leader, the average and a target, the strongest and weakest indicators, and a
 * plain-language summary (vi, en).
 *
 * @module
 */
import { DtiError, error, showValue } from "../errors.ts";
import type { Framework, FrameworkDefinition, LocalizedName } from "../framework/types.ts";
import { dec, publish, type Decimal } from "../number/decimal.ts";
import type { NodeResult, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { compileFramework } from "../score/compile.ts";
import { bandOf } from "./band-of.ts";
import type { BandSet } from "./bands.ts";
import { ensureFramework } from "./ensure-framework.ts";
import { explainSummary } from "./explain-summary.ts";
import type { Explanation, Gap, NodeExplanation, ViewExplanation } from "./explanation.ts";
import { samePeers } from "../report/unit-stats.ts";
import { analysedUnit } from "./analysed-unit.ts";
import { indexShares } from "./index-shares.ts";
import { nodeMaxScores } from "./node-max-scores.ts";

export type { Explanation, Gap, NodeExplanation, ViewExplanation } from "./explanation.ts";

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** Year to explain (default: the unit's latest). */
  readonly year?: number;
  /** A target score for the index (e.g. 0.85); indicators are compared with it too, unless `targets` sets theirs. */
  readonly target?: number;
  /** Targets per node id (the root id sets the index target). */
  readonly targets?: Readonly<Record<string, number>>;
  /** Band set to place the unit in. */
  readonly bands?: BandSet;
  /** How many strongest and weakest indicators to list. Default 3. */
  readonly top?: number;
  /** Improvement used in the summary and `gainPerStep`, in score units. Default 0.1. */
  readonly step?: number;
}

const num = (d: Decimal) => d.toNumber();

function meanOf(values: readonly (number | null)[]): Decimal | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return present.reduce((a, v) => a.plus(dec(v)), dec(0)).dividedBy(present.length);
}

// What every unit of a year shares (a node's mean score, overall and within each group, its best
// unit), kept per result and year: the report explains 100 card units of 150,000, and each of
// these would walk them all again.
const shared = new WeakMap<readonly UnitResult[], Map<string, unknown>>();

function cached<T>(peers: readonly UnitResult[], key: string, compute: () => T): T {
  let byKey = shared.get(peers);
  if (byKey === undefined) {
    byKey = new Map();
    shared.set(peers, byKey);
  }
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

function cachedMean(peers: readonly UnitResult[], key: string, values: () => readonly (number | null)[]): Decimal | null {
  return cached(peers, `mean\u0000${key}`, () => meanOf(values()));
}

function gapTo(ref: Decimal | null, mine: Decimal | null): Gap | null {
  if (ref === null || mine === null) return null;
  return { score: num(ref), gap: num(ref.minus(mine)) };
}

/**
 * Explains one unit of a scored result. Contributions use each node's effective share of the
 * index (the product of its normalised weights from the root; `reweight` leaves missing nodes
 * out as scoring does), so for an arithmetic index they add up to the unit's score exactly.
 *
 * Plain data; `explain` from `dti/notebook` also renders it in a notebook as its {@link explainToMarkdown}.
 *
 * @example
 * ```ts
 * const fw = getFramework("vn-dti-2022-province");
 * const result = score(fw, rows);
 * const ex = explain(fw, result, "TP. Đà Nẵng", { target: 0.85 });
 * ex.points; // => 800.175
 * ex.nodes.find((n) => n.id === "awareness")?.points; // => 100
 * ex.summary.vi; // => "TP. Đà Nẵng xếp hạng 1/5 với DTI 0,8002. …"
 * ```
 */
export function explain(framework: Framework | FrameworkDefinition, result: ScoreResult, unit: string, options: ExplainOptions = {}): Explanation {
  const fw = ensureFramework(framework);
  if (fw.id !== result.framework.id) {
    throw new DtiError([error("ANALYSIS_NOT_SUPPORTED", `the result was scored with framework ${showValue(result.framework.id)}, not ${showValue(fw.id)}`)]);
  }
  const ctx = explainContext(fw, result, unit, options);
  const { me, peers, group, leader, rootId, rootPoints, myScore } = ctx;
  const nodes = result.nodes.map((info) => explainNode(ctx, info)).filter((n): n is NodeExplanation => n !== undefined);
  const views = explainViews(ctx);
  const indexTarget = ctx.targetOf(rootId);
  const average = cachedMean(peers, "root", () => peers.map((u) => u.score));
  const band = options.bands === undefined ? undefined : bandOf(options.bands, me.value);
  const rootInfo = result.nodes.find((n) => n.id === rootId);
  const decimals = result.framework.decimals;
  const base = {
    framework: { id: fw.id, title: fw.title },
    index: { id: rootId, name: rootInfo?.name ?? fw.root.name, ...(rootInfo?.short !== undefined ? { short: rootInfo.short } : {}) },
    unit: me.unit,
    ...(me.code !== undefined ? { code: me.code } : {}),
    ...(me.group !== undefined ? { group: me.group } : {}),
    ...(me.year !== undefined ? { year: me.year } : {}),
    score: me.score,
    value: me.value,
    rank: me.rank,
    groupRank: me.groupRank,
    ...(me.ranked === false ? { ranked: false as const, ...(me.rankNote !== undefined ? { rankNote: me.rankNote } : {}) } : {}),
    units: peers.length,
    groupUnits: me.group === undefined ? null : group.length,
    decimals,
    points: rootPoints === null || myScore === null ? null : num(myScore.times(rootPoints)),
    maxPoints: rootPoints,
    leader: leader === null ? null : { unit: leader.unit, score: leader.score, value: leader.value },
    average: average === null ? null : { score: num(average), value: publish(average, decimals) },
    target: indexTargetGap(indexTarget, myScore, rootPoints, decimals),
    band: band === undefined || options.bands === undefined ? null : { set: options.bands.id, id: band.id, label: band.label },
    additive: ctx.additive,
    step: ctx.step,
    nodes,
    views,
    ...strongestAndWeakest(nodes, options.top ?? 3),
  };
  return { ...base, summary: { vi: explainSummary(base, "vi"), en: explainSummary(base, "en") } };
}

/** What explaining each node of one unit reads: the unit, its peers and leader, the shares and maxima. */
interface ExplainContext {
  readonly result: ScoreResult;
  readonly compiled: ReturnType<typeof compileFramework>;
  readonly me: UnitResult;
  /** The units of the same year, and those of the unit's group. */
  readonly peers: readonly UnitResult[];
  readonly group: readonly UnitResult[];
  readonly leader: UnitResult | null;
  readonly rootId: string;
  readonly nodeOf: (u: UnitResult, id: string) => NodeResult | undefined;
  readonly shares: ReturnType<typeof indexShares>["shares"];
  readonly additive: boolean;
  readonly rootPoints: number | null;
  readonly maxima: ReturnType<typeof nodeMaxScores>;
  readonly step: number;
  readonly targetOf: (id: string) => number | undefined;
  readonly myScore: Decimal | null;
}

function explainContext(fw: Framework, result: ScoreResult, unit: string, options: ExplainOptions): ExplainContext {
  const compiled = compileFramework(fw);
  const me = analysedUnit(result, unit, options.year);
  const peers = samePeers(result, me);
  const rootId = result.root;
  const nodeOf = (u: UnitResult, id: string): NodeResult | undefined => (id === rootId ? u : u.nodes[id]);
  const present = (i: number) => (nodeOf(me, compiled.nodes[i]!.id)?.score ?? null) !== null;
  const { shares, additive } = indexShares(compiled, result.options.missing === "reweight" ? present : undefined);
  return {
    result,
    compiled,
    me,
    peers,
    group: me.group === undefined ? [] : peers.filter((u) => u.group === me.group),
    leader: peers.find((u) => u.rank === 1) ?? null,
    rootId,
    nodeOf,
    shares,
    additive,
    rootPoints: fw.root.maxPoints ?? null,
    maxima: nodeMaxScores(compiled),
    step: options.step ?? 0.1,
    targetOf: (id: string) => options.targets?.[id] ?? options.target,
    myScore: me.score === null ? null : dec(me.score),
  };
}

/** A scored node's share, contribution, gaps to the max, leader, best, averages and target (undefined for the root and views). */
function explainNode(ctx: ExplainContext, info: ScoreResult["nodes"][number]): NodeExplanation | undefined {
  const { me, peers, leader, nodeOf, rootPoints, myScore, step } = ctx;
  if (info.id === ctx.rootId || info.kind === "view" || !info.scored) return undefined;
  const i = ctx.compiled.index.get(info.id);
  if (i === undefined) return undefined;
  const share = ctx.shares.get(i) ?? dec(0);
  const mine = nodeOf(me, info.id);
  const s = mine?.score ?? null;
  const sd = s === null ? null : dec(s);
  const contribution = sd === null ? dec(0) : share.times(sd);
  const bestUnit = cached(peers, `best\u0000${info.id}`, () =>
    peers.reduce<UnitResult | null>((a, u) => ((nodeOf(u, info.id)?.score ?? -1) > (a === null ? -1 : (nodeOf(a, info.id)?.score ?? -1)) ? u : a), null),
  );
  const bestScore = bestUnit === null ? null : (nodeOf(bestUnit, info.id)?.score ?? null);
  const leaderScore = leader === null ? null : (nodeOf(leader, info.id)?.score ?? null);
  const target = ctx.targetOf(info.id);
  const top = ctx.maxima[i] ?? null;
  const headroom = sd === null || top === null ? null : top.minus(sd);
  const room = headroom === null ? dec(step) : headroom.lessThan(0) ? dec(0) : headroom;
  const stepGain = sd === null ? dec(0) : share.times(room.lessThan(step) ? room : dec(step));
  const best = gapTo(bestScore === null ? null : dec(bestScore), sd);
  return {
    id: info.id,
    name: info.name,
    ...(info.short !== undefined ? { short: info.short } : {}),
    kind: info.kind as "group" | "leaf",
    depth: info.depth,
    ...(info.parent !== undefined ? { parent: info.parent } : {}),
    ...(info.adjust !== undefined ? { adjust: info.adjust } : {}),
    score: s,
    value: mine?.value ?? null,
    rank: mine?.rank ?? null,
    share: num(share),
    maxPoints: rootPoints === null ? null : num(share.times(rootPoints)),
    contribution: num(contribution),
    points: rootPoints === null ? null : num(contribution.times(rootPoints)),
    percent: myScore === null || myScore.isZero() ? 0 : num(contribution.dividedBy(myScore)),
    maxScore: top === null ? null : num(top),
    gapToMax: headroom === null ? null : num(headroom),
    gapToMaxPoints: rootPoints === null || headroom === null ? null : num(share.times(headroom).times(rootPoints)),
    leader: gapTo(leaderScore === null ? null : dec(leaderScore), sd),
    best: best === null || bestUnit === null ? null : { ...best, unit: bestUnit.unit },
    average: gapTo(cachedMean(peers, `all\u0000${info.id}`, () => peers.map((u) => nodeOf(u, info.id)?.score ?? null)), sd),
    groupAverage: me.group === undefined ? null : gapTo(cachedMean(peers, `group\u0000${me.group}\u0000${info.id}`, () => ctx.group.map((u) => nodeOf(u, info.id)?.score ?? null)), sd),
    target: target === undefined ? null : gapTo(dec(target), sd),
    gainPerStep: num(stepGain),
  };
}

/** Each view's score, rank and gaps to the leader and the average. */
function explainViews(ctx: ExplainContext): ViewExplanation[] {
  const { me, leader, peers } = ctx;
  return ctx.result.nodes
    .filter((info) => info.kind === "view")
    .map((info) => {
      const mine = me.nodes[info.id];
      const sd = mine?.score == null ? null : dec(mine.score);
      const leaderScore = leader?.nodes[info.id]?.score ?? null;
      return {
        id: info.id,
        name: info.name,
        ...(info.short !== undefined ? { short: info.short } : {}),
        score: mine?.score ?? null,
        value: mine?.value ?? null,
        rank: mine?.rank ?? null,
        leader: gapTo(leaderScore === null ? null : dec(leaderScore), sd),
        average: gapTo(cachedMean(peers, `view\u0000${info.id}`, () => peers.map((u) => u.nodes[info.id]?.score ?? null)), sd),
      };
    });
}

/** The `top` strongest and weakest scored indicators, and every indicator by what a step adds. */
function strongestAndWeakest(nodes: readonly NodeExplanation[], top: number): { strongest: string[]; weakest: string[]; priorities: string[] } {
  const leaves = nodes.filter((n) => n.kind === "leaf" && n.share > 0 && n.score !== null);
  return {
    strongest: [...leaves].sort((a, b) => (b.score as number) - (a.score as number) || b.share - a.share).slice(0, top).map((n) => n.id),
    weakest: [...leaves].sort((a, b) => (a.score as number) - (b.score as number) || b.share - a.share).slice(0, top).map((n) => n.id),
    priorities: [...leaves].filter((n) => n.gainPerStep > 0).sort((a, b) => b.gainPerStep - a.gainPerStep || (a.score as number) - (b.score as number)).map((n) => n.id),
  };
}

/** The index's gap to its target (null without a target or a score). */
function indexTargetGap(indexTarget: number | undefined, myScore: Decimal | null, rootPoints: number | null, decimals: number): Explanation["target"] {
  const targetGap = indexTarget === undefined || myScore === null ? null : dec(indexTarget).minus(myScore);
  if (targetGap === null || indexTarget === undefined) return null;
  const open = targetGap.isNegative() ? dec(0) : targetGap;
  return {
    score: indexTarget,
    gap: num(targetGap),
    gapValue: publish(open, decimals),
    gapPoints: rootPoints === null ? null : num(open.times(rootPoints)),
    reached: targetGap.lessThanOrEqualTo(0),
  };
}
