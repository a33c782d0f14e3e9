/**
 * The restricted mathjs instance formulas run on: exact decimals (BigNumber, 40 digits) and only
 * the functions a formula may call. Functions that are not created here (`import`, `createUnit`,
 * `evaluate`, `parse`, `simplify`, `derivative`, `resolve`, matrices, units, strings …) do not
 * exist in it at all; the AST allowlist (`check-formula.ts`) is the second, independent barrier.
 * Created on first use, so importing `dti/formula` has no side effect.
 *
 * @module
 */
import {
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  eDependencies,
  equalDependencies,
  expDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  log10Dependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  type FactoryFunctionMap,
  type MathJsInstance,
} from "mathjs";

/** Functions a formula may call, by name. */
export const FORMULA_FUNCTIONS: readonly string[] = ["min", "max", "abs", "round", "floor", "ceil", "sqrt", "log", "log10", "exp", "pow", "mod"];

/** Constants a formula may use besides its variables. */
export const FORMULA_CONSTANTS: readonly string[] = ["pi", "e"];

/** Operators a formula may use (mathjs operator function names). */
export const FORMULA_OPERATORS: readonly string[] = [
  "add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "pow", "mod",
  "equal", "unequal", "smaller", "larger", "smallerEq", "largerEq", "and", "or", "not",
];

let instance: MathJsInstance | undefined;

/** The restricted mathjs instance (BigNumber, 40 significant digits), built on first use. */
export function formulaMath(): MathJsInstance {
  instance ??= create(
    {
      parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
      unaryMinusDependencies, unaryPlusDependencies, powDependencies, modDependencies, minDependencies,
      maxDependencies, absDependencies, roundDependencies, floorDependencies, ceilDependencies,
      sqrtDependencies, logDependencies, log10Dependencies, expDependencies, equalDependencies,
      unequalDependencies, smallerDependencies, largerDependencies, smallerEqDependencies,
      largerEqDependencies, andDependencies, orDependencies, notDependencies, piDependencies, eDependencies,
      // mathjs's types mark each *Dependencies export as possibly undefined; they are all defined.
    } as FactoryFunctionMap,
    { number: "BigNumber", precision: 40 },
  );
  return instance;
}
