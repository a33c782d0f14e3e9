/**
 * The schema's (zod's) issues said in the project's words: what is wrong, at which node or view
 * (people know their nodes by id, not by position).
 *
 * @module
 */
import { cutText, error, isObject, showList, showValue, type Issue } from "../errors.ts";

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
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
};

/** A path as written in a message: `root.children[1].rule`. */
export function pathString(path: readonly PropertyKey[]): string {
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
export function ownerOf(input: unknown, path: readonly PropertyKey[]): { kind: "node" | "view"; id: string; rest: string } | undefined {
  let owner: { kind: "node" | "view"; id: string; depth: number } | undefined;
  let value = input;
  for (let depth = 0; depth < path.length; depth++) {
    if (typeof value !== "object" || value === null) break;
    value = (value as Record<PropertyKey, unknown>)[path[depth] as PropertyKey];
    const id = isObject(value) ? value["id"] : undefined;
    if (typeof id === "string" && (path[0] === "root" || path[0] === "views")) owner = { kind: path[0] === "root" ? "node" : "view", id, depth: depth + 1 };
  }
  if (owner === undefined) return undefined;
  const rest = pathString(path.slice(owner.depth));
  return { kind: owner.kind, id: owner.id, rest: rest === "(top level)" ? "" : rest.replace(/^\./u, "") };
}

/** One of zod's issues as a `FRAMEWORK_SCHEMA` error in the project's words, naming the node it is about. */
export function fromZodIssue(input: unknown, raw: unknown): Issue {
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
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) {
        // JSON has no Infinity: a number such as 1e400, too large for a double, reads as one.
        message = `must be a finite number (got ${Number.isNaN(issue.input) ? "NaN" : "a number too large to hold, such as 1e400"})`;
      } else {
        message = issue.input === undefined ? `is required (${issue.expected})` : `must be ${KINDS[issue.expected ?? ""] ?? `a ${issue.expected}`}`;
      }
      break;
    case "invalid_value":
      message = `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "too_small":
    case "too_big":
      message = boundMessage(issue);
      break;
    default:
      message = issue.message;
  }
  const owner = ownerOf(input, issue.path);
  if (owner === undefined) return error("FRAMEWORK_SCHEMA", `${cutText(path)} ${message}`, { path });
  const what = owner.rest === "" ? message : `${owner.rest} ${message}`;
  return error("FRAMEWORK_SCHEMA", `${owner.kind} ${showValue(owner.id)}: ${what}`, { path, node: owner.id });
}

/** A number out of its range said with the range ("must be at most 12"); text and lists too short, as such. */
function boundMessage(issue: ZodIssueLike): string {
  // The schema's own words where it has them ("must not be negative").
  if (issue.message !== "Invalid input" && !issue.message.startsWith("Too ")) return issue.message;
  const small = issue.code === "too_small";
  const bound = small ? issue.minimum : issue.maximum;
  if (issue.origin === "number" && bound !== undefined) {
    return `must be ${small ? (issue.inclusive === false ? "more than" : "at least") : issue.inclusive === false ? "less than" : "at most"} ${String(bound)}`;
  }
  return small ? "is too small or empty" : "is too long";
}
