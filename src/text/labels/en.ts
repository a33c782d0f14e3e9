/**
 * The English label catalog: the same sections and keys as the Vietnamese one (`vi.ts`), each
 * typed from it, so a label missing here (or there) does not compile.
 *
 * @module
 */
import type { Content } from "../../report/document/model.ts";
import type * as vi from "./vi.ts";

export const ranking: typeof vi.ranking = {
  rank: "Rank",
  unit: "Unit",
  group: "Group",
  groupRank: "Group rank",
  year: "Year",
};

export const explain: typeof vi.explain = {
  title: (unit, index, year) => `${unit}: ${index} explained${year !== undefined ? ` (${year})` : ""}`,
  indicator: "Indicator",
  value: "Value",
  rank: "Rank",
  pointsOfMax: "Points / max",
  weight: "Weight",
  share: "Share of total",
  pointsToMax: "Points to max",
  vsLeader: "vs leader",
  vsAverage: "vs average",
  vsTarget: "vs target",
  pillar: "Pillar",
  differences: [
    "Differences = the unit's value minus the reference (negative: behind). Last column: the index gain if the indicator rose by that much (linear estimate from the weights; ",
    { kind: "code", text: "dti whatif" },
    " re-scores exactly).",
  ] as readonly Content[],
  notRanked: (note: string): string => `The unit is assessed but not ranked (${note}): no rank.`,
  adjusted: "Bonus and penalty points are added or taken after the weighted total, within their caps; the index is kept within the framework's range.",
  notAdditive: "The framework uses geometric means: contributions are approximate.",
};

export const summary: typeof vi.summary = {
  when: (year) => `In ${year}, `,
  noValue: (unit, index) => `${unit} has no ${index} value.`,
  ranks: (unit, rank, units, index, value) => `${unit} ranks ${rank}/${units} with ${index} ${value}.`,
  inGroup: (group, rank, units) => `Within ${group}: rank ${rank}/${units}.`,
  band: (label) => `Band: ${label}.`,
  strongest: "Strongest",
  weakest: "Weakest",
  weakestGain: (step, index, gain) => ` — improving it by ${step} would raise the ${index} by ${gain}`,
  largestGain: (index, step, name, gain) => `The largest ${index} gain per ${step} of improvement: ${name} (+${gain}).`,
  targetReached: (target) => `The target ${target} is reached.`,
  targetPoints: (points) => ` (${points} points)`,
  targetNeeds: (target, gap, points) => `Reaching the target ${target} needs ${gap} more${points}.`,
};

export const whatIf: typeof vi.whatIf = {
  title: (unit, year) => `${unit}: what-if${year !== undefined ? ` (${year})` : ""}`,
  input: "Input",
  now: "Now",
  whatIf: "What-if",
  before: "Before",
  after: "After",
  change: "Change",
  value: "Value",
  rank: "Rank",
  groupRank: "Group rank",
  node: "Node",
};

export const priorities: typeof vi.priorities = {
  indicator: "Indicator",
  value: "Value",
  gainPerHundredth: "Index gain per +0.01",
  pointsLeft: "Points left to max",
  gainAtMax: "Gain at max",
};

export const plan: typeof vi.plan = {
  goalRank: (rank, value) => `rank ${rank} (needs ${value})`,
  goalValue: (value) => `a value of ${value}`,
  title: (unit, goal) => `${unit}: least improvement to reach ${goal}`,
  already: (value, rank) => `Already there: ${value}, rank ${rank}.`,
  reached: (before, after, rankBefore, rankAfter, total) => `Reached: ${before} → ${after}, rank ${rankBefore} → ${rankAfter} (total improvement ${total}).`,
  outOfReach: (value, rank) => `Out of reach with the indicators allowed to change: at most ${value}, rank ${rank}.`,
  outOfSteps: (steps, value, rank) => `Not reached after ${steps} steps (the search's maxSteps, not a limit of the indicators): ${value}, rank ${rank}.`,
  indicator: "Indicator",
  now: "Now",
  needed: "Needed",
  increase: "Increase",
  exact: (total, changes) => `Exact minimum (additive index, continuous improvements): total ${total} — ${changes}.`,
  method: (algorithm) => [`Method: ${algorithm}`],
};

export const years: typeof vi.years = {
  title: (from, to) => `Change ${from} → ${to}`,
  summary: (improved, declined, unchanged, mean, mostImproved, mostClimbed) =>
    `${improved} units rose, ${declined} fell, ${unchanged} unchanged; mean change ${mean}. Most improved: ${mostImproved}. Most places climbed: ${mostClimbed}.`,
  unit: "Unit",
  change: "Change",
  rankIn: (year) => `Rank ${year}`,
  places: "Places",
  added: "New",
  dropped: "Dropped",
};

export const bands: typeof vi.bands = {
  year: "Year",
  band: "Band",
  range: "Range",
  count: "Units",
  units: "Which",
};

export const assessment: typeof vi.assessment = {
  title: "Self-assessment, appraisal and final result",
  unit: "Unit",
  self: "Self-assessed",
  appraised: "Appraised",
  final: "Final",
  finalRank: "Rank (final)",
  flagged: "Flagged items",
  missingNote: ": indicators without points at that stage (counted 0).",
  indicator: "Indicator",
  max: "Max",
  selfShort: "Self",
  evidence: "Evidence",
  flags: "Flags",
};

export const uncertainty: typeof vi.uncertainty = {
  inputs: {},
  year: (year) => `, year ${year}`,
  summary: (runs, seed, year, evaluations, inputs, shift) =>
    `Uncertainty of the ranking: ${runs} runs, seed ${seed}${year}, ${evaluations} evaluations. Uncertain inputs: ${inputs || "none"}. Mean absolute rank shift: ${shift}.`,
  input: "Input",
  firstOrder: "First-order Sᵢ",
  total: "Total STᵢ",
  rank: "Rank",
  unit: "Unit",
  medianRank: "Median rank",
  interval: "5–95 % interval",
  meanShift: "Mean abs. shift",
  noise: (odd, more) =>
    `Note: an Sᵢ below 0 or an STᵢ above 1 (here ${odd}) is Monte Carlo noise of the estimators, not a property of the ranking: the true indices lie between 0 and 1. Read each figure with its ± (a 95 % interval); four times the runs (${more}) halve it.`,
};

export const rankingChart: typeof vi.rankingChart = {
  barDescription: (units, name, note, first, value) => `Bar chart of ${units} units by ${name}${note}; first ${first} ${value}.`,
  rankingBy: (label, year) => `Ranking by ${label}${year}`,
  topOf: (shown, total) => `top ${shown} of ${total}`,
  units: (total) => `${total} units`,
  group: "Group",
  rankTitle: "Rank",
  unit: "Unit",
};

export const radarChart: typeof vi.radarChart = {
  average: (units) => `Average of ${units} units`,
  leader: "Leader",
  mainIndicators: "main indicators",
  radarOf: "Radar chart of",
  rankOf: (rank, units) => ` · rank ${rank}/${units}`,
  indicator: "Indicator",
  series: "Series",
  value: "Value",
};

export const comparisonChart: typeof vi.comparisonChart = {
  after: "After",
  before: "Before",
  comparisonDescription: (label, before, after, total, rises, falls, shown) => `Comparison of ${label} between ${before} and ${after} for ${total} units: ${rises} up, ${falls} down${shown}.`,
  comparisonSummary: (total, rises, falls) => `${total} units · ${rises} up, ${falls} down`,
  fall: "fall",
  mergedNote: (before) => `* merged unit: "${before}" is the mean of its members' values`,
  mergedTip: "before = mean of",
  rank: "rank",
  rise: "rise",
  showing: (shown) => ` · showing ${shown}`,
  change: "Change",
  noChange: "no change",
  unit: "Unit",
};

export const display: typeof vi.display = {
  unitsShown: (shown, total) => (shown >= total ? `${total} units` : `top ${shown} of ${total} units`),
};
