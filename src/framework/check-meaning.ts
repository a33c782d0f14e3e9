/**
 * A framework's meaning, checked once its shape is right: every problem a definition can have that
 * the schema cannot see, collected (never thrown).
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { contradictoryAliases } from "./boolean-aliases.ts";
import { checkColumnNames, type PlacedLeaf } from "./check-names.ts";
import { inputKeys } from "./input-keys.ts";
import { adjustmentCap, weightedChildren } from "./adjustments.ts";
import { childWeights, resolveWeights } from "./resolve-weights.ts";
import { ruleMax } from "./rule-max.ts";
import { totalPoints } from "./total-points.ts";
import type { FrameworkDefinition, FrameworkNode, GroupNode, IndicatorNode, NormaliseRule } from "./types.ts";

const TOLERANCE = 1e-9;
/**
 * Smallest non-zero `weight`, `maxPoints` or rule `max` accepted. Real frameworks use whole points
 * (up to 1,000) or weights such as 0.4; a weight of 5e-324 divides into infinities.
 */
export const MIN_WEIGHT = 1e-9;
/** Largest `weight`, `maxPoints` or rule `max` accepted: 1e308 overflows as soon as two are added. */
export const MAX_WEIGHT = 1e12;

/**
 * What the schema cannot check: ids used once, a rule or children on each node, weights and points
 * that add up, rules that make sense, inputs read by one node, views and uncertain facts naming
 * nodes that exist.
 */
export function checkMeaning(def: FrameworkDefinition): Issue[] {
  const issues: Issue[] = [];
  const nodes = new Map<string, FrameworkNode>();
  if (def.root.children === undefined) {
    issues.push(error("FRAMEWORK_SCHEMA", "the root must be a group with children", { path: "root" }));
  } else {
    const leaves: PlacedLeaf[] = [];
    const visit = nodeChecker(nodes, leaves, issues);
    visit(def.root, "root");
    checkAdjustments(def, issues);
    for (const issue of checkColumnNames(leaves)) issues.push(issue);
  }
  checkViews(def, nodes, issues);
  (def.uncertain ?? []).forEach((u, i) => {
    for (const id of u.nodes ?? []) {
      if (!nodes.has(id)) {
        issues.push(error("FRAMEWORK_UNKNOWN", `uncertain fact names ${showValue(id)}, which is not a node or view id`, { path: `uncertain[${i}]` }));
      }
    }
  });
  return issues;
}

/** Checks a node and (a group) its subtree: placement of bonus and penalty, magnitudes, ids, rule or children, inputs. */
function nodeChecker(nodes: Map<string, FrameworkNode>, leaves: PlacedLeaf[], issues: Issue[]): (node: FrameworkNode, path: string) => void {
  const inputOwner = new Map<string, string>();
  const visit = (node: FrameworkNode, path: string): void => {
    if (node.adjust !== undefined && !/^root\.children\[\d+\]$/u.test(path)) {
      issues.push(error("FRAMEWORK_ADJUSTMENT", `node ${showValue(node.id)}: "adjust" (bonus or penalty points) is for children of the root only: they are added after the index's weighted total`, { path, node: node.id }));
    }
    if (node.children !== undefined && node.adjustedRange !== undefined && path !== "root") {
      issues.push(error("FRAMEWORK_ADJUSTMENT", `node ${showValue(node.id)}: "adjustedRange" is for the root only (the bounds of the index once bonus and penalty points are applied)`, { path, node: node.id }));
    }
    checkMagnitude(`node "${node.id}"`, node.id, path, [["weight", node.weight], ["maxPoints", node.maxPoints], ["rule.max", ruleMaxField(node)]], issues);
    if (nodes.has(node.id)) {
      issues.push(error("FRAMEWORK_DUPLICATE_ID", `node id ${showValue(node.id)} is used more than once`, { path, node: node.id }));
    }
    nodes.set(node.id, node);
    const hasChildren = node.children !== undefined;
    const hasRule = node.rule !== undefined;
    if (hasChildren === hasRule) {
      issues.push(
        error(
          "FRAMEWORK_SCHEMA",
          hasRule
            ? `node ${showValue(node.id)} has both "rule" and "children": a leaf has a rule, a group has children`
            : `node ${showValue(node.id)} has neither "rule" nor "children": a leaf needs a scoring rule, a group needs children`,
          { path, node: node.id },
        ),
      );
      return;
    }
    if (node.rule !== undefined) {
      leaves.push({ node, path });
      checkRule(node, path, issues);
      for (const key of inputKeys(node)) {
        const norm = normalizeKey(key);
        const owner = inputOwner.get(norm);
        if (owner !== undefined) {
          issues.push(error("FRAMEWORK_INPUT_CLASH", `input ${showValue(key)} of node ${showValue(node.id)} is also read by node ${showValue(owner)}`, { path, node: node.id }));
        }
        inputOwner.set(norm, node.id);
      }
      return;
    }
    checkGroup(node, path, issues);
    node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
  };
  return visit;
}

/** Views: ids of their own, terms naming nodes that exist, term weights that resolve; each view's id is added to `nodes`. */
function checkViews(def: FrameworkDefinition, nodes: Map<string, FrameworkNode>, issues: Issue[]): void {
  (def.views ?? []).forEach((view, v) => {
    const path = `views[${v}]`;
    if (nodes.has(view.id)) {
      issues.push(error("FRAMEWORK_DUPLICATE_ID", `view id ${showValue(view.id)} is already a node or view id`, { path, node: view.id }));
    }
    view.terms.forEach((t, i) => checkMagnitude(`view "${view.id}"`, view.id, `${path}.terms[${i}]`, [[`the weight of term "${t.node}"`, t.weight]], issues));
    const known = view.terms.map((t) => nodes.get(t.node));
    view.terms.forEach((t, i) => {
      if (!nodes.has(t.node)) {
        issues.push(error("FRAMEWORK_VIEW_UNKNOWN_NODE", `view ${showValue(view.id)} names node ${showValue(t.node)}, which the framework does not have`, { path: `${path}.terms[${i}]`, node: view.id }));
      }
    });
    if (known.every((n) => n !== undefined)) {
      const weights = resolveWeights(view.terms.map((t, i) => ({ weight: t.weight, maxPoints: known[i]?.maxPoints })));
      if (!weights.ok) {
        issues.push(error(weights.reason === "zero" ? "FRAMEWORK_ZERO_WEIGHT" : "FRAMEWORK_WEIGHTS_MIXED", `terms of view ${showValue(view.id)}: ${weights.message}`, { path, node: view.id }));
      }
    }
    nodes.set(view.id, nodes.get(view.id) ?? ({ id: view.id } as FrameworkNode));
  });
}

/** The rule's own `max`, where the rule has one. */
function ruleMaxField(node: FrameworkNode): number | undefined {
  const rule = node.rule as { max?: unknown } | undefined;
  return typeof rule?.max === "number" && (node.rule?.type === "points" || node.rule?.type === "ladder" || node.rule?.type === "categorical") ? rule.max : undefined;
}

/**
 * Weights and maxima the arithmetic can carry: 0, or from {@link MIN_WEIGHT} to {@link MAX_WEIGHT}.
 * Outside, sums overflow to Infinity or quotients of subnormal numbers do, and scores come out
 * wrong without an error.
 */
function checkMagnitude(who: string, id: string, path: string, values: readonly [string, number | undefined][], issues: Issue[]): void {
  for (const [field, value] of values) {
    if (value === undefined || value === 0 || !Number.isFinite(value) || (value >= MIN_WEIGHT && value <= MAX_WEIGHT)) continue;
    issues.push(
      error(
        "FRAMEWORK_WEIGHT_RANGE",
        `${who}: ${field} ${value} is ${value < MIN_WEIGHT ? "too small" : "too large"} to compute with: other than 0 it must be from ${MIN_WEIGHT} to ${MAX_WEIGHT} (only proportions count: scale the siblings' values alike)`,
        { path, node: id },
      ),
    );
  }
}

function checkGroup(node: GroupNode, path: string, issues: Issue[]): void {
  if (node.children.length === 0) {
    issues.push(error("FRAMEWORK_SCHEMA", `group ${showValue(node.id)} has no children`, { path, node: node.id }));
    return;
  }
  if (node.minCoverage !== undefined && !(node.minCoverage >= 0 && node.minCoverage <= 1)) {
    issues.push(error("FRAMEWORK_SCHEMA", `group ${showValue(node.id)}: minCoverage must be in [0, 1]`, { path, node: node.id }));
  }
  if (node.adjust !== undefined) return;
  const weights = childWeights(node);
  if (!weights.ok) {
    issues.push(
      error(weights.reason === "zero" ? "FRAMEWORK_ZERO_WEIGHT" : "FRAMEWORK_WEIGHTS_MIXED", `children of ${showValue(node.id)}: ${weights.message}`, {
        path,
        node: node.id,
      }),
    );
    return;
  }
  if (weights.source === "points" && node.maxPoints !== undefined && node.maxPoints > 0) {
    const sum = weights.weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - node.maxPoints) > TOLERANCE * Math.max(1, node.maxPoints)) {
      issues.push(
        error("FRAMEWORK_POINTS_MISMATCH", `children of ${showValue(node.id)} have ${sum} max points in all, but ${showValue(node.id)} has maxPoints ${node.maxPoints}`, {
          path,
          node: node.id,
        }),
      );
    }
  }
}

/**
 * Bonus and penalty points: root children, each a leaf with its max points (the cap) or a group of
 * such leaves; the index they are added to has total points (they are points on it); the index
 * still has weighted criteria.
 */
function checkAdjustments(def: FrameworkDefinition, issues: Issue[]): void {
  const root = def.root;
  const adjusted = root.children.filter((c) => c.adjust !== undefined);
  const bad = (node: FrameworkNode, path: string, message: string) => issues.push(error("FRAMEWORK_ADJUSTMENT", `${node.adjust === undefined ? "node" : node.adjust} ${showValue(node.id)}: ${message}`, { path, node: node.id }));
  if (adjusted.length === 0) {
    if (root.adjustedRange !== undefined) bad(root, "root", `"adjustedRange" bounds the index once bonus and penalty points are applied, but no child of the root has "adjust"`);
    return;
  }
  if (weightedChildren(root).length === 0) bad(root, "root", `every child of the root is a bonus or penalty: the index needs weighted criteria to add them to`);
  const points = totalPoints(def);
  if (points === undefined) {
    bad(root, "root", `bonus and penalty points are points on the index's total: give the root "maxPoints" (e.g. 100), or "maxPoints" to each of its other children`);
  }
  root.children.forEach((node, i) => {
    if (node.adjust === undefined) return;
    const path = `root.children[${i}]`;
    if (node.weight !== undefined) bad(node, path, `bonus and penalty points are added after the weighted total and carry no "weight": remove it`);
    const cap = adjustmentCap(node);
    if (node.rule !== undefined) {
      if (!(cap > 0)) bad(node, path, `give "maxPoints" above 0: the most points it can ${node.adjust === "bonus" ? "add" : "take"}`);
      if (node.rule.type === "normalise") bad(node, path, `a "normalise" rule scores units against each other; write the points it earns (rule "points", "boolean", a ladder …)`);
      return;
    }
    if (node.aggregation !== undefined || node.weighting !== undefined || node.minCoverage !== undefined) {
      bad(node, path, `its criteria's points add up (capped at its "maxPoints"): "aggregation", "weighting" and "minCoverage" do not apply`);
    }
    if (!(cap > 0)) bad(node, path, `give "maxPoints" above 0 (its cap), or "maxPoints" to its criteria`);
    node.children.forEach((item, k) => {
      const at = `${path}.children[${k}]`;
      if (item.rule === undefined) bad(node, at, `criterion ${showValue(item.id)} must be a leaf (a rule, no sub-criteria): its points add to the ${node.adjust}`);
      else if (item.rule.type === "normalise") bad(node, at, `criterion ${showValue(item.id)}: a "normalise" rule scores units against each other; write the points it earns`);
      if (!(item.maxPoints !== undefined && item.maxPoints > 0)) bad(node, at, `criterion ${showValue(item.id)} needs "maxPoints" above 0: the points it can ${node.adjust === "bonus" ? "add" : "take"}`);
      if (item.weight !== undefined) bad(node, at, `criterion ${showValue(item.id)}: points add up and carry no "weight": remove it`);
    });
  });
}

function checkRule(node: IndicatorNode, path: string, issues: Issue[]): void {
  const rule = node.rule;
  const at = `${path}.rule`;
  const bad = (message: string) => issues.push(error("FRAMEWORK_RULE_INVALID", `node ${showValue(node.id)}: ${message}`, { path: at, node: node.id }));
  const max = ruleMax(node);
  switch (rule.type) {
    case "points":
      if (max === undefined || !(max > 0)) bad(`a "points" rule needs a max above 0 (rule.max or the node's maxPoints)`);
      break;
    case "ladder": {
      if (max === undefined || !(max > 0)) bad(`a ladder needs a max above 0`);
      const thresholds = new Set<number>();
      rule.steps.forEach((s) => {
        if (thresholds.has(s.threshold)) bad(`ladder threshold ${s.threshold} is listed twice`);
        thresholds.add(s.threshold);
        if (max !== undefined && s.points > max) bad(`ladder step at ${s.threshold} earns ${s.points} points, above the max of ${max}`);
      });
      break;
    }
    case "categorical": {
      const labels = new Set<string>();
      rule.categories.forEach((c) => {
        if ((c.points === undefined) === (c.score === undefined)) bad(`category ${showValue(c.label)} must set exactly one of "points" and "score"`);
        if (c.points !== undefined && (max === undefined || !(max > 0))) bad(`category ${showValue(c.label)} earns points but the rule has no max above 0`);
        if (c.points !== undefined && max !== undefined && c.points > max) bad(`category ${showValue(c.label)} earns ${c.points} points, above the max of ${max}`);
        for (const label of [c.label, ...(c.aliases ?? [])]) {
          const key = normalizeKey(label);
          if (labels.has(key)) bad(`category label ${showValue(label)} is listed twice`);
          labels.add(key);
        }
      });
      break;
    }
    case "boolean":
      for (const alias of contradictoryAliases(rule)) bad(`the answer ${JSON.stringify(alias)} is listed both as yes and as no`);
      break;
    case "goalposts":
      if (!(rule.max > rule.min)) bad(`goalposts need max > min (got min ${rule.min}, max ${rule.max})`);
      break;
    case "target":
      if (rule.worst !== undefined) {
        if (rule.worst === rule.target) bad(`"worst" and "target" must differ`);
        else if ((rule.direction === "higher") !== rule.target > rule.worst) {
          bad(`with direction "${rule.direction}", the target must be ${rule.direction === "higher" ? "above" : "below"} "worst"`);
        }
      } else if (!(rule.target > 0)) {
        bad(`without "worst", the target must be above 0 (score = ${rule.direction === "higher" ? "x / target" : "target / x"})`);
      }
      break;
    case "normalise":
      checkNormaliseRule(rule, bad);
      break;
    default:
      break;
  }
}

function checkNormaliseRule(rule: NormaliseRule, bad: (message: string) => void): void {
  const { method } = rule;
  if (rule.range !== undefined && !(rule.range[1] > rule.range[0])) bad(`range must be [low, high] with high > low (got [${rule.range.join(", ")}])`);
  if (rule.range !== undefined && method === "zscore") bad(`a z-score has no range: set "mean" and "sd" instead`);
  if ((rule.mean !== undefined || rule.sd !== undefined) && method !== "zscore") bad(`"mean" and "sd" are for the zscore method only`);
  if (rule.bounds !== undefined && !(rule.bounds.max > rule.bounds.min)) bad(`bounds need max > min (got min ${rule.bounds.min}, max ${rule.bounds.max})`);
  if (method === "goalposts" && rule.bounds === undefined) bad(`the goalposts method needs "bounds": { "min", "max" }`);
  if (rule.bounds !== undefined && method !== "goalposts" && method !== "minmax") bad(`"bounds" are for the minmax and goalposts methods only`);
  if ((rule.target !== undefined || rule.worst !== undefined) && method !== "target") bad(`"target" and "worst" are for the target method only`);
  if (method === "target") {
    if (rule.target === undefined) bad(`the target method needs "target"`);
    else if (rule.worst !== undefined && rule.worst === rule.target) bad(`"worst" and "target" must differ`);
    else if (rule.worst !== undefined && ((rule.direction ?? "higher") === "higher") !== rule.target > rule.worst) {
      bad(`with direction "${rule.direction ?? "higher"}", the target must be ${(rule.direction ?? "higher") === "higher" ? "above" : "below"} "worst"`);
    }
  }
}
