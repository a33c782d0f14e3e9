/**
 * Checks a framework definition, structure and meaning, collecting every problem.
 *
 * @module
 */
import { cutText, DtiError, error, showList, showValue, type Issue } from "../errors.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { scanJson, whereJsonFails } from "../text/scan-json.ts";
import { contradictoryAliases } from "./boolean-aliases.ts";
import { checkColumnNames, type PlacedLeaf } from "./check-names.ts";
import { inputKeys } from "./input-keys.ts";
import { adjustmentCap, weightedChildren } from "./adjustments.ts";
import { childWeights, resolveWeights } from "./resolve-weights.ts";
import { ruleMax } from "./rule-max.ts";
import { frameworkSchema } from "./schema.ts";
import { totalPoints } from "./total-points.ts";
import type { Framework, FrameworkDefinition, FrameworkNode, GroupNode, IndicatorNode, NormaliseRule } from "./types.ts";

/** Deepest node nesting accepted (root is depth 1). Real frameworks use 3-5. */
export const MAX_FRAMEWORK_DEPTH = 32;
/** Most nodes accepted in one framework. */
export const MAX_FRAMEWORK_NODES = 100_000;
const TOLERANCE = 1e-9;
/**
 * Smallest non-zero `weight`, `maxPoints` or rule `max` accepted. Real frameworks use whole points
 * (up to 1,000) or weights such as 0.4; a weight of 5e-324 divides into infinities.
 */
export const MIN_WEIGHT = 1e-9;
/** Largest `weight`, `maxPoints` or rule `max` accepted: 1e308 overflows as soon as two are added. */
export const MAX_WEIGHT = 1e12;

/** The outcome of {@link validateFramework}: a framework, or every problem found. */
export type FrameworkValidation =
  | { readonly ok: true; readonly framework: Framework; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Validates a framework definition (an object from JSON or code) and returns it frozen, or the
 * list of problems: schema errors, duplicate ids, mixed or zero weights, points that do not add up,
 * invalid scoring rules, views naming unknown nodes, input keys used twice.
 *
 * @example
 * ```ts
 * const result = validateFramework({ id: "x", version: "1", title: { vi: "X" }, root: { id: "total", name: { vi: "Tổng" }, children: [] } });
 * result.ok; // => false
 * ```
 */
export function validateFramework(input: unknown): FrameworkValidation {
  try {
    return validateChecked(input);
  } catch (e) {
    // The tree's depth is checked before any recursion; this guards what the check cannot see
    // (e.g. getters or proxies in a definition built in code).
    if (e instanceof RangeError) return { ok: false, issues: [error("FRAMEWORK_TOO_DEEP", `the framework is nested too deeply to read (${e.message})`)] };
    throw e;
  }
}

function validateChecked(input: unknown): FrameworkValidation {
  const shape = checkShape(input);
  if (shape.length > 0) return { ok: false, issues: shape };

  // reportInput: without it zod leaves `input` out of issues, and a value of the wrong type would read as missing.
  const parsed = frameworkSchema().safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => fromZodIssue(input, issue)) };
  }
  const def = parsed.data as unknown as FrameworkDefinition;
  const issues = checkMeaning(def);
  if (issues.length > 0) return { ok: false, issues };
  // `validated` is non-enumerable: JSON.stringify(framework) gives back a clean definition.
  const framework = Object.defineProperty({ ...stripSchemaKey(def) }, "validated", { value: true, enumerable: false }) as Framework;
  return { ok: true, framework: deepFreeze(framework), issues: [] };
}

/**
 * Validates and returns a framework; throws a {@link DtiError} listing every problem.
 * Use it for frameworks written in TypeScript (types guide you) or loaded from JSON.
 *
 * @example
 * ```ts
 * const fw = defineFramework({
 *   id: "ward-2025", version: "1.0.0", title: { vi: "Chỉ số CĐS phường" },
 *   root: { id: "dti", name: { vi: "DTI" }, children: [
 *     { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 40, rule: { type: "points" } },
 *     { id: "services", name: { vi: "Dịch vụ công" }, maxPoints: 60, rule: { type: "points" } },
 *   ] },
 * });
 * fw.id; // => "ward-2025"
 * ```
 */
export function defineFramework(definition: FrameworkDefinition): Framework {
  const result = validateFramework(definition);
  if (!result.ok) throw new DtiError(result.issues);
  return result.framework;
}

/**
 * Parses a framework from JSON text and validates it; throws a {@link DtiError}. Invalid JSON is
 * reported with its line and column, and a key written twice in one object (JSON keeps the last
 * value without a word) as FRAMEWORK_SCHEMA naming the node.
 */
export function parseFramework(json: string): Framework {
  const text = typeof json === "string" ? json.replace(/^\uFEFF/u, "") : json;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw new DtiError([error("FRAMEWORK_TOO_DEEP", `the framework JSON is nested too deeply to read (${e.message})`)]);
    const where = typeof text === "string" ? whereJsonFails(text, e) : `: ${(e as Error).message}`;
    throw new DtiError([error("FRAMEWORK_SCHEMA", `the framework is not valid JSON${where}`)]);
  }
  const repeated = scanJson(text).duplicates.map((d) => {
    const owner = ownerOf(data, d.path);
    const place = pathString(d.path);
    const said = `the key ${JSON.stringify(d.key)} twice (line ${d.line}, column ${d.column}); JSON keeps only the last value: keep one of them`;
    const message =
      owner === undefined
        ? `${place === "(top level)" ? "the framework" : place} has ${said}`
        : `${owner.kind} ${showValue(owner.id)}: ${owner.rest === "" ? "" : `${owner.rest} `}has ${said}`;
    return error("FRAMEWORK_SCHEMA", message, { path: place, ...(owner === undefined ? {} : { node: owner.id }) });
  });
  const result = validateFramework(data);
  if (repeated.length > 0) throw new DtiError([...repeated, ...(result.ok ? [] : result.issues)]);
  if (!result.ok) throw new DtiError(result.issues);
  return result.framework;
}

/**
 * Iterative pre-check: depth, size and cycles, before the recursive schema sees the object. A
 * cycle is a node among its own ancestors; one node object listed twice (not its own ancestor) is
 * let through, to be reported as a duplicate id.
 */
function checkShape(input: unknown): Issue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [error("FRAMEWORK_SCHEMA", "a framework must be a JSON object")];
  }
  const root = (input as { root?: unknown }).root;
  // `leave` marks the point where a node's subtree is done, so `ancestors` holds the current path.
  const stack: ({ node: unknown; depth: number; path: string } | { leave: object })[] = [{ node: root, depth: 1, path: "root" }];
  const ancestors = new Set<object>();
  let count = 0;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if ("leave" in top) {
      ancestors.delete(top.leave);
      continue;
    }
    const { node, depth, path } = top;
    if (typeof node !== "object" || node === null) continue;
    if (ancestors.has(node)) return [error("FRAMEWORK_TOO_DEEP", "the framework tree contains a cycle", { path })];
    // Counted per visit: a node object shared many times over still counts every time.
    if (++count > MAX_FRAMEWORK_NODES) {
      return [error("FRAMEWORK_TOO_DEEP", `the framework has more than ${MAX_FRAMEWORK_NODES} nodes`)];
    }
    if (depth > MAX_FRAMEWORK_DEPTH) {
      return [error("FRAMEWORK_TOO_DEEP", `nodes are nested more than ${MAX_FRAMEWORK_DEPTH} levels deep`, { path })];
    }
    ancestors.add(node);
    stack.push({ leave: node });
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) {
      children.forEach((child, i) => stack.push({ node: child, depth: depth + 1, path: `${path}.children[${i}]` }));
    }
  }
  return [];
}

type ZodIssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  options?: unknown[];
  expected?: string;
  input?: unknown;
  discriminator?: string;
  values?: unknown[];
};

function pathString(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out === "" ? "(top level)" : out;
}

/** zod's names of expected types, as a sentence says them. */
const KINDS: Readonly<Record<string, string>> = { array: "an array", int: "a whole number", object: "an object", string: "text", number: "a number", boolean: "true or false" };

/**
 * The node or view nearest above a place in the definition (the deepest object on the way that has
 * a text `id`), and the rest of the path from it: `root.children[1].children[0].rule.direction` is
 * `rule.direction` of node "meetings". People know their nodes by id, not by position.
 */
function ownerOf(input: unknown, path: readonly PropertyKey[]): { kind: "node" | "view"; id: string; rest: string } | undefined {
  let owner: { kind: "node" | "view"; id: string; depth: number } | undefined;
  let value = input;
  for (let depth = 0; depth < path.length; depth++) {
    if (typeof value !== "object" || value === null) break;
    value = (value as Record<PropertyKey, unknown>)[path[depth] as PropertyKey];
    const id = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { id?: unknown }).id : undefined;
    if (typeof id === "string" && (path[0] === "root" || path[0] === "views")) owner = { kind: path[0] === "root" ? "node" : "view", id, depth: depth + 1 };
  }
  if (owner === undefined) return undefined;
  const rest = pathString(path.slice(owner.depth));
  return { kind: owner.kind, id: owner.id, rest: rest === "(top level)" ? "" : rest.replace(/^\./u, "") };
}

function fromZodIssue(input: unknown, raw: unknown): Issue {
  const issue = raw as ZodIssueLike;
  const path = pathString(issue.path);
  let message: string;
  switch (issue.code) {
    case "unrecognized_keys":
      message = `unknown propert${(issue.keys ?? []).length > 1 ? "ies" : "y"} ${showList(issue.keys ?? [])}`;
      break;
    case "invalid_union":
      message = issue.discriminator
        ? `unknown ${issue.discriminator}; expected one of ${(issue.options ?? []).map((o) => JSON.stringify(o)).join(", ")}`
        : "does not match any allowed form";
      break;
    case "invalid_type":
      message = issue.input === undefined ? `is required (${issue.expected})` : `must be ${KINDS[issue.expected ?? ""] ?? `a ${issue.expected}`}`;
      break;
    case "invalid_value":
      message = `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "too_small":
      message = issue.message === "Invalid input" || issue.message.startsWith("Too small") ? "is too small or empty" : issue.message;
      break;
    default:
      message = issue.message;
  }
  const owner = ownerOf(input, issue.path);
  if (owner === undefined) return error("FRAMEWORK_SCHEMA", `${cutText(path)} ${message}`, { path });
  const what = owner.rest === "" ? message : `${owner.rest} ${message}`;
  return error("FRAMEWORK_SCHEMA", `${owner.kind} ${showValue(owner.id)}: ${what}`, { path, node: owner.id });
}

function checkMeaning(def: FrameworkDefinition): Issue[] {
  const issues: Issue[] = [];
  const nodes = new Map<string, FrameworkNode>();
  const inputOwner = new Map<string, string>();
  const leaves: PlacedLeaf[] = [];

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

  if (def.root.children === undefined) {
    issues.push(error("FRAMEWORK_SCHEMA", "the root must be a group with children", { path: "root" }));
  } else {
    visit(def.root, "root");
    checkAdjustments(def, issues);
    for (const issue of checkColumnNames(leaves)) issues.push(issue);
  }

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

  (def.uncertain ?? []).forEach((u, i) => {
    for (const id of u.nodes ?? []) {
      if (!nodes.has(id)) {
        issues.push(error("FRAMEWORK_UNKNOWN", `uncertain fact names ${showValue(id)}, which is not a node or view id`, { path: `uncertain[${i}]` }));
      }
    }
  });
  return issues;
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

function stripSchemaKey(def: FrameworkDefinition): FrameworkDefinition {
  const { $schema: _ignored, ...rest } = def;
  return rest;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
