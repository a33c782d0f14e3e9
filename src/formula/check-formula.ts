/**
 * The AST allowlist: a parsed formula may hold only numbers, its declared variables, allowlisted
 * constants, arithmetic / comparison / logical operators, parentheses, `c ? a : b` and calls of
 * allowlisted functions by name. Everything else (property access `a.b`, indexing `a[1]`,
 * assignment `a = 1`, function definition `f(x) = x`, objects `{}`, arrays `[]`, blocks `a; b`,
 * ranges `1:3`, strings, units, calls of anything but a plain allowlisted name) is refused.
 *
 * @module
 */
import type { MathNode } from "mathjs";
import { error, showValue, type Issue } from "../errors.ts";
import { FORMULA_CONSTANTS, FORMULA_FUNCTIONS, FORMULA_OPERATORS } from "./math.ts";

/** Bounds on a formula's size. */
export interface FormulaLimits {
  /** Longest expression, in characters (default 1,000). */
  readonly maxLength: number;
  /** Most AST nodes (default 200). */
  readonly maxNodes: number;
  /** Deepest AST nesting (default 32). */
  readonly maxDepth: number;
}

/** The default {@link FormulaLimits}. */
export const FORMULA_LIMITS: FormulaLimits = Object.freeze({ maxLength: 1000, maxNodes: 200, maxDepth: 32 });

interface Loose {
  readonly type: string;
  readonly name?: unknown;
  readonly fn?: unknown;
  readonly value?: unknown;
  readonly args?: readonly unknown[];
  readonly content?: unknown;
  readonly condition?: unknown;
  readonly trueExpr?: unknown;
  readonly falseExpr?: unknown;
  readonly implicit?: unknown;
}

const has = (list: readonly string[], name: unknown): boolean => typeof name === "string" && list.includes(name);
const isFunction = (name: unknown): name is string => typeof name === "string" && Object.hasOwn(FORMULA_FUNCTIONS, name);

/**
 * Checks a parsed formula against the allowlist and the size bounds; returns every problem
 * (`FORMULA_FORBIDDEN`, `FORMULA_TOO_LARGE`, `FORMULA_SYNTAX` for a call with the wrong number of
 * arguments), or an empty list.
 *
 * @example
 * ```ts
 * import { formulaMath } from "./math.ts";
 * checkFormula(formulaMath().parse("a.constructor"), ["a"], FORMULA_LIMITS)[0]?.code; // => "FORMULA_FORBIDDEN"
 * ```
 */
export function checkFormula(root: MathNode, variables: readonly string[], limits: FormulaLimits, isNumber: (v: unknown) => boolean): Issue[] {
  const issues: Issue[] = [];
  const forbid = (what: string) => {
    if (issues.length < 10) issues.push(error("FORMULA_FORBIDDEN", `${what} is not allowed in a formula`));
  };
  const syntax: Issue[] = [];
  let count = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (++count > limits.maxNodes) return [error("FORMULA_TOO_LARGE", `the formula has more than ${limits.maxNodes} parts`)];
    if (depth > limits.maxDepth) return [error("FORMULA_TOO_LARGE", `the formula is nested more than ${limits.maxDepth} levels deep`)];
    const n = node as Loose;
    const push = (child: unknown) => stack.push({ node: child, depth: depth + 1 });
    switch (n?.type) {
      case "ConstantNode":
        if (!isNumber(n.value) && typeof n.value !== "boolean") forbid(`the constant ${showValue(String(n.value))}`);
        break;
      case "SymbolNode":
        if (!(variables.includes(n.name as string) || has(FORMULA_CONSTANTS, n.name))) {
          forbid(`the name ${showValue(String(n.name))} (not a declared variable${isFunction(n.name) ? "; call it as a function" : ""})`);
        }
        break;
      case "OperatorNode":
        if (!has(FORMULA_OPERATORS, n.fn)) forbid(`the operator ${showValue(String(n.fn))}`);
        (n.args ?? []).forEach(push);
        break;
      case "ParenthesisNode":
        push(n.content);
        break;
      case "ConditionalNode":
        push(n.condition);
        push(n.trueExpr);
        push(n.falseExpr);
        break;
      case "FunctionNode": {
        const fn = n.fn as Loose | undefined;
        if (fn?.type !== "SymbolNode" || !isFunction(fn.name)) {
          forbid(fn?.type === "SymbolNode" ? `the function ${showValue(String(fn.name))}` : "calling anything but a named function");
        } else {
          const [least, most] = FORMULA_FUNCTIONS[fn.name] as readonly [number, number];
          const count = (n.args ?? []).length;
          if (count < least || count > most) {
            syntax.push(error("FORMULA_SYNTAX", `${fn.name}() takes ${least === most ? least : `${least} to ${most}`} argument${most === 1 ? "" : "s"}, not ${count}`));
          }
        }
        (n.args ?? []).forEach(push);
        break;
      }
      default:
        forbid(describe(n?.type));
    }
  }
  return [...issues, ...syntax];
}

function describe(type: unknown): string {
  switch (type) {
    case "AccessorNode":
      return "property access or indexing (a.b, a[1])";
    case "IndexNode":
      return "indexing (a[1])";
    case "AssignmentNode":
      return "assignment (a = …)";
    case "FunctionAssignmentNode":
      return "defining a function (f(x) = …)";
    case "ObjectNode":
      return "an object ({ … })";
    case "ArrayNode":
      return "an array ([ … ])";
    case "BlockNode":
      return "several statements (a; b)";
    case "RangeNode":
      return "a range (a:b)";
    case "RelationalNode":
      return "a chained comparison (a < b < c); write (a < b) and (b < c)";
    default:
      return `a ${String(type)}`;
  }
}
