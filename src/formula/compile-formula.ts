/**
 * Compiles a user formula ("a / b * 100", "min(x, 100)", "a > 0 ? b / a : 0") into a function of
 * its declared variables, safely: bounded size, parsed by a parse-only mathjs instance, checked
 * against an AST allowlist, evaluated by our own code on exact rationals with a scope that holds
 * only the variables (a Map: no prototype to reach) and values bounded to ±1e308.
 *
 * A result is written exactly when it has a finite decimal expansion (0.9, 1250.125), else
 * rounded once, half away from zero, to {@link RESULT_DIGITS} significant digits (1/3 →
 * 0.3333…3, 40 threes). Irrational steps are carried as intervals to 50, then 200 digits; a
 * result or a decision those digits cannot settle is `FORMULA_NOT_EXACT`.
 *
 * @module
 */
import type { MathNode } from "mathjs";
import { DtiError, error, showValue } from "../errors.ts";
import { parseNumber } from "../number/parse-number.ts";
import { checkFormula, FORMULA_LIMITS, type FormulaLimits } from "./check-formula.ts";
import { evaluateNode } from "./evaluate-formula.ts";
import { exact, isExact, NeedDigits, type Num } from "./interval.ts";
import { ratCmp } from "../number/rational.ts";
import { parseDecimal, roundToSignificant, terminates, toDecimalText, type Rational } from "./rational.ts";
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
   * Evaluates the formula. Every variable needs a value. Returns the result as decimal text: exact
   * when it has a finite decimal expansion, else correctly rounded to 40 significant digits
   * (booleans as "1" / "0").
   *
   * @throws {@link dti!DtiError | DtiError} `DATA_NOT_A_NUMBER` for a value that is not a number, `DATA_MISSING_VALUE`
   *   for a variable without a value, `FORMULA_NOT_FINITE` when the result is not a finite number
   *   (a division or mod by zero, `sqrt(-1)`, `log(0)` …), `FORMULA_NOT_EXACT` when a comparison,
   *   floor or rounding of an irrational value cannot be decided (`sqrt(2) * sqrt(2) == 2`).
   */
  evaluate(values: ReadonlyMap<string, FormulaValue> | Readonly<Record<string, FormulaValue>>): string;
}

/** Significant digits of a result that has no finite decimal expansion (rounded once, half away from zero). */
export const RESULT_DIGITS = 40;
/** Digits irrational steps are carried to: the first try, then the second; beyond, the formula is refused. */
const CARRIED_DIGITS = [50, 200] as const;

/**
 * The decimal text of a result: exact when it terminates, else rounded to {@link RESULT_DIGITS}
 * significant digits; an interval only when both its ends round to the same text (the true value,
 * inside, then rounds to it too: rounding is monotone).
 */
function resultText(x: Num): string {
  const round = (r: Rational) => (terminates(r) ? r : roundToSignificant(r, RESULT_DIGITS, "half-up"));
  if (isExact(x)) return toDecimalText(round(x.lo));
  const lo = roundToSignificant(x.lo, RESULT_DIGITS, "half-up");
  const hi = roundToSignificant(x.hi, RESULT_DIGITS, "half-up");
  if (ratCmp(lo, hi) !== 0) throw new NeedDigits("the result's 40th significant digit");
  return toDecimalText(lo);
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

  const run = (scope: Map<string, Num>): string => {
    let undecided = "";
    for (const digits of CARRIED_DIGITS) {
      try {
        const result = evaluateNode(tree, scope, digits);
        return typeof result === "boolean" ? (result ? "1" : "0") : resultText(result);
      } catch (e) {
        if (e instanceof DtiError) throw new DtiError(e.issues.map((i) => ({ ...i, ...where })));
        if (!(e instanceof NeedDigits)) throw e;
        undecided = e.what;
      }
    }
    throw new DtiError([
      error(
        "FORMULA_NOT_EXACT",
        `the formula cannot be computed exactly: deciding ${undecided} needs more than ${CARRIED_DIGITS.at(-1)} digits of a value that sqrt, log, exp, a fractional power, pi or e makes irrational (as in sqrt(2) * sqrt(2) == 2); compare with a tolerance instead, e.g. abs(a - b) < 1e-12`,
        where,
      ),
    ]);
  };

  return {
    expression,
    variables: names,
    evaluate(values) {
      const isObject = typeof values === "object" && values !== null;
      const get = (name: string): FormulaValue | undefined =>
        !isObject ? undefined : values instanceof Map ? values.get(name) : Object.hasOwn(values, name) ? (values as Record<string, FormulaValue>)[name] : undefined;
      const scope = new Map<string, Num>();
      for (const name of names) {
        const raw = get(name);
        if (raw === undefined || raw === null) throw new DtiError([error("DATA_MISSING_VALUE", `no value for formula variable ${showValue(name)}`, where)]);
        const text = typeof raw === "boolean" ? (raw ? "1" : "0") : typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : undefined) : typeof raw === "string" ? parseNumber(raw) : undefined;
        // Read exactly: a 41-digit value keeps its 41 digits.
        const value = text === undefined ? undefined : parseDecimal(text);
        if (value === undefined) throw new DtiError([error("DATA_NOT_A_NUMBER", `formula variable "${name}": ${showValue(raw)} is not a number`, where)]);
        scope.set(name, exact(value));
      }
      return run(scope);
    },
  };
}

function shortExpression(expression: string): string {
  return `formula ${showValue(expression)}`;
}
