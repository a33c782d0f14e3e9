/**
 * Compiles a user formula ("a / b * 100", "min(x, 100)", "a > 0 ? b / a : 0") into a function of
 * its declared variables, safely: bounded size, parsed by a parse-only mathjs instance, checked
 * against an AST allowlist, evaluated by our own code on exact decimals with a scope that holds
 * only the variables (a Map: no prototype to reach) and values bounded to ±1e308.
 *
 * @module
 */
import type { MathNode } from "mathjs";
import { DtiError, error, showValue } from "../errors.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import { parseNumber } from "../number/parse-number.ts";
import { checkFormula, FORMULA_LIMITS, type FormulaLimits } from "./check-formula.ts";
import { evaluateNode } from "./evaluate-formula.ts";
import { FORMULA_CONSTANTS, FORMULA_FUNCTIONS, formulaMath } from "./math.ts";

/** Options of {@link compileFormula}. */
export interface FormulaOptions {
  /** The names the formula may read (identifiers: letters, digits, `_`; not a function or constant name). */
  readonly variables: readonly string[];
  /** Size bounds; defaults {@link FORMULA_LIMITS}. */
  readonly limits?: Partial<FormulaLimits>;
}

/** A value a formula variable may take: decimal text ("0,5", "1.234,5"), a finite number, or a boolean (1 / 0). */
export type FormulaValue = string | number | boolean;

/** A compiled formula. */
export interface Formula {
  readonly expression: string;
  readonly variables: readonly string[];
  /**
   * Evaluates the formula. Every variable needs a value. Returns the exact result as decimal text
   * (booleans as "1" / "0").
   *
   * @throws {@link dti!DtiError | DtiError} `DATA_NOT_A_NUMBER` for a value that is not a number, `DATA_MISSING_VALUE`
   *   for a variable without a value, `FORMULA_NOT_FINITE` when the result is not a finite number
   *   (a division by zero, `sqrt(-1)`, `log(0)` …).
   */
  evaluate(values: ReadonlyMap<string, FormulaValue> | Readonly<Record<string, FormulaValue>>): string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/u;
const RESERVED = new Set(["and", "or", "not", "xor", "mod", "to", "in", "true", "false", "null", "undefined", "end", "NaN", "Infinity", "i"]);

function variableProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || !IDENTIFIER.test(name)) return `${showValue(name)} is not a variable name (letters, digits and _, not starting with a digit)`;
  if (name.startsWith("__") || name in Object.prototype || RESERVED.has(name)) return `${showValue(name)} is a reserved name`;
  if (Object.hasOwn(FORMULA_FUNCTIONS, name) || FORMULA_CONSTANTS.includes(name)) return `${showValue(name)} is a function or constant name`;
  return undefined;
}

/**
 * Compiles a formula over declared variables.
 *
 * @example
 * ```ts
 * const share = compileFormula("a / b * 100", { variables: ["a", "b"] });
 * share.evaluate({ a: "180", b: "200" }); // => "90"
 * compileFormula("min(x, 100) / 100", { variables: ["x"] }).evaluate({ x: 120 }); // => "1"
 * ```
 * @throws {@link dti!DtiError | DtiError} `FORMULA_SYNTAX` (cannot be parsed, or a function called with the
 *   wrong number of arguments), `FORMULA_FORBIDDEN` (anything outside the allowlist, or a bad
 *   variable name), `FORMULA_TOO_LARGE` (longer than `maxLength`, more than `maxNodes` parts or
 *   deeper than `maxDepth`).
 */
export function compileFormula(expression: string, options: FormulaOptions): Formula {
  const limits: FormulaLimits = { ...FORMULA_LIMITS, ...options?.limits };
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new DtiError([error("FORMULA_SYNTAX", `a formula must be a non-empty string (got ${showValue(expression)})`)]);
  }
  const where = { path: shortExpression(expression) };
  if (expression.length > limits.maxLength) {
    throw new DtiError([error("FORMULA_TOO_LARGE", `the formula is ${expression.length} characters long; at most ${limits.maxLength} are allowed`, where)]);
  }
  const variables: unknown = options?.variables;
  if (!Array.isArray(variables)) throw new DtiError([error("FORMULA_FORBIDDEN", "options.variables must list the names the formula may read", where)]);
  const problems = variables.map(variableProblem).filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new DtiError(problems.map((p) => error("FORMULA_FORBIDDEN", p, where)));
  const names = [...new Set(variables as string[])];

  const math = formulaMath();
  let node: MathNode;
  try {
    node = math.parse(expression);
  } catch (e) {
    if (e instanceof RangeError) throw new DtiError([error("FORMULA_TOO_LARGE", "the formula is nested too deeply to parse", where)]);
    throw new DtiError([error("FORMULA_SYNTAX", `the formula cannot be read: ${(e as Error).message}`, where)]);
  }
  const issues = checkFormula(node, names, limits, (v) => math.isBigNumber(v));
  if (issues.length > 0) throw new DtiError(issues.map((i) => ({ ...i, ...where })));
  const tree = node as unknown as Parameters<typeof evaluateNode>[0];

  const run = (scope: Map<string, Decimal>): string => {
    try {
      const result = evaluateNode(tree, scope);
      return typeof result === "boolean" ? (result ? "1" : "0") : result.toFixed();
    } catch (e) {
      if (e instanceof DtiError) throw new DtiError(e.issues.map((i) => ({ ...i, ...where })));
      throw e;
    }
  };

  return {
    expression,
    variables: names,
    evaluate(values) {
      const isObject = typeof values === "object" && values !== null;
      const get = (name: string): FormulaValue | undefined =>
        !isObject ? undefined : values instanceof Map ? values.get(name) : Object.hasOwn(values, name) ? (values as Record<string, FormulaValue>)[name] : undefined;
      const scope = new Map<string, Decimal>();
      for (const name of names) {
        const raw = get(name);
        if (raw === undefined || raw === null) throw new DtiError([error("DATA_MISSING_VALUE", `no value for formula variable ${showValue(name)}`, where)]);
        const text = typeof raw === "boolean" ? (raw ? "1" : "0") : typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : undefined) : typeof raw === "string" ? parseNumber(raw) : undefined;
        if (text === undefined) throw new DtiError([error("DATA_NOT_A_NUMBER", `formula variable "${name}": ${showValue(raw)} is not a number`, where)]);
        scope.set(name, dec(text));
      }
      return run(scope);
    },
  };
}

function shortExpression(expression: string): string {
  return `formula ${showValue(expression)}`;
}
