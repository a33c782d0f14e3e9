/**
 * Checks a framework definition, structure and meaning, collecting every problem.
 *
 * @module
 */
import { cutText, DtiError, error, showList, showValue, type Issue } from "../errors.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { inputKeys } from "./input-keys.ts";
import { resolveWeights } from "./resolve-weights.ts";
import { ruleMax } from "./rule-max.ts";
import { frameworkSchema } from "./schema.ts";
import type { Framework, FrameworkDefinition, FrameworkNode, GroupNode, IndicatorNode, NormaliseRule } from "./types.ts";

/** Deepest node nesting accepted (root is depth 1). Real frameworks use 3-5. */
export const MAX_FRAMEWORK_DEPTH = 32;
/** Most nodes accepted in one framework. */
export const MAX_FRAMEWORK_NODES = 100_000;
const TOLERANCE = 1e-9;

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

  const parsed = frameworkSchema().safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map(fromZodIssue) };
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

/** Parses a framework from JSON text and validates it; throws a {@link DtiError}. */
export function parseFramework(json: string): Framework {
  let data: unknown;
  try {
    data = JSON.parse(typeof json === "string" ? json.replace(/^\uFEFF/u, "") : json);
  } catch (e) {
    if (e instanceof RangeError) throw new DtiError([error("FRAMEWORK_TOO_DEEP", `the framework JSON is nested too deeply to read (${e.message})`)]);
    throw new DtiError([error("FRAMEWORK_SCHEMA", `the framework is not valid JSON: ${(e as Error).message}`)]);
  }
  const result = validateFramework(data);
  if (!result.ok) throw new DtiError(result.issues);
  return result.framework;
}

/** Iterative pre-check: depth, size and cycles, before the recursive schema sees the object. */
function checkShape(input: unknown): Issue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [error("FRAMEWORK_SCHEMA", "a framework must be a JSON object")];
  }
  const root = (input as { root?: unknown }).root;
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: root, depth: 1, path: "root" }];
  const seen = new Set<object>();
  let count = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (seen.has(node)) return [error("FRAMEWORK_TOO_DEEP", "the framework tree contains a cycle", { path })];
    seen.add(node);
    if (++count > MAX_FRAMEWORK_NODES) {
      return [error("FRAMEWORK_TOO_DEEP", `the framework has more than ${MAX_FRAMEWORK_NODES} nodes`)];
    }
    if (depth > MAX_FRAMEWORK_DEPTH) {
      return [error("FRAMEWORK_TOO_DEEP", `nodes are nested more than ${MAX_FRAMEWORK_DEPTH} levels deep`, { path })];
    }
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

function fromZodIssue(raw: unknown): Issue {
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
      message = issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
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
  return error("FRAMEWORK_SCHEMA", `${cutText(path)} ${message}`, { path });
}

function checkMeaning(def: FrameworkDefinition): Issue[] {
  const issues: Issue[] = [];
  const nodes = new Map<string, FrameworkNode>();
  const inputOwner = new Map<string, string>();

  const visit = (node: FrameworkNode, path: string): void => {
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
  }

  (def.views ?? []).forEach((view, v) => {
    const path = `views[${v}]`;
    if (nodes.has(view.id)) {
      issues.push(error("FRAMEWORK_DUPLICATE_ID", `view id ${showValue(view.id)} is already a node or view id`, { path, node: view.id }));
    }
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

function checkGroup(node: GroupNode, path: string, issues: Issue[]): void {
  if (node.children.length === 0) {
    issues.push(error("FRAMEWORK_SCHEMA", `group ${showValue(node.id)} has no children`, { path, node: node.id }));
    return;
  }
  if (node.minCoverage !== undefined && !(node.minCoverage >= 0 && node.minCoverage <= 1)) {
    issues.push(error("FRAMEWORK_SCHEMA", `group ${showValue(node.id)}: minCoverage must be in [0, 1]`, { path, node: node.id }));
  }
  const weights = resolveWeights(node.children, node.weighting);
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
  const { $schema: _ignored, ...rest } = def as FrameworkDefinition & { $schema?: string };
  return rest;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
