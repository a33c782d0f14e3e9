/**
 * Checks a framework definition, structure and meaning, collecting every problem.
 *
 * @module
 */
import { checkArgument, DtiError, error, type Issue, showValue } from "../errors.ts";
import { scanJson, whereJsonFails } from "../text/scan-json.ts";
import { checkMeaning } from "./check-meaning.ts";
import { frameworkSchema } from "./schema.ts";
import { fromZodIssue, ownerOf, pathString } from "./schema-issues.ts";
import type { Framework, FrameworkDefinition } from "./types.ts";

/** Deepest node nesting accepted (root is depth 1). Real frameworks use 3-5. */
export const MAX_FRAMEWORK_DEPTH = 32;
/** Most nodes accepted in one framework. */
export const MAX_FRAMEWORK_NODES = 100_000;

export { MAX_WEIGHT, MIN_WEIGHT } from "./check-meaning.ts";

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
  checkArgument(typeof json === "string", "parseFramework", "the framework JSON as a string (read the file as UTF-8 text; a parsed object goes to validateFramework)", json);
  const text = json.replace(/^\uFEFF/u, "");
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
