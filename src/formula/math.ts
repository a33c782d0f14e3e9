/**
 * The mathjs instance formulas are **parsed** with: only the expression parser, numbers read as
 * exact decimals (BigNumber). mathjs never evaluates a formula: the allowlisted tree is evaluated
 * by `evaluate-formula.ts` on exact rationals. So functions such as `import`,
 * `createUnit`, `evaluate`, `parse` or `simplify` cannot run even if named, and the parser is the
 * only mathjs code user text reaches. Created on first use (no side effect on import).
 *
 * @module
 */
import { create, parseDependencies, type FactoryFunctionMap, type MathJsInstance } from "mathjs";

/** Functions a formula may call, with how many arguments each takes (min, max). */
export const FORMULA_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  min: [1, 64],
  max: [1, 64],
  abs: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  sqrt: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  exp: [1, 1],
  pow: [2, 2],
  mod: [2, 2],
} as const);

/** Constants a formula may use besides its variables. */
export const FORMULA_CONSTANTS: readonly string[] = ["pi", "e"];

/** Operators a formula may use (mathjs operator function names). */
export const FORMULA_OPERATORS: readonly string[] = [
  "add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "pow", "mod",
  "equal", "unequal", "smaller", "larger", "smallerEq", "largerEq", "and", "or", "not",
];

let instance: MathJsInstance | undefined;

/**
 * The parse-only mathjs instance, built on first use. Constants are read as BigNumbers, which keep
 * every digit written (the precision setting rounds results of BigNumber arithmetic, which never
 * runs here), so `evaluate-formula.ts` reads a 45-digit constant exactly.
 */
export function formulaMath(): MathJsInstance {
  // mathjs's types mark each *Dependencies export as possibly undefined; it is defined.
  instance ??= create({ parseDependencies } as FactoryFunctionMap, { number: "BigNumber", precision: 40 });
  return instance;
}
