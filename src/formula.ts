/**
 * The `dti/formula` sub-path: formula indicators, computed from other columns. Formulas are parsed
 * by mathjs (>= 15.2.0), checked against an allowlist (arithmetic, comparisons, `c ? a : b`, and
 * min, max, abs, round, floor, ceil, sqrt, log, log10, exp, pow, mod), and evaluated by our own
 * code on exact rationals (a result is exact, correctly rounded to 40 significant digits, or
 * refused), bounded in size and magnitude. It is a separate entry so that the core bundle does not
 * carry mathjs.
 *
 * @example
 * ```ts
 * import { getFramework, score } from "dti";
 * import { applyFormulas } from "dti/formula";
 *
 * const table = applyFormulas(records, [
 *   { column: "online-services", expression: "min(a / b, 1)", inputs: { a: "Hồ sơ trực tuyến", b: "Tổng hồ sơ" } },
 * ]);
 * const result = score(framework, table);
 * ```
 *
 * @module dti/formula
 */
export { applyFormulas } from "./formula/apply-formulas.ts";
export type { ApplyFormulasOptions, FormulaColumn } from "./formula/apply-formulas.ts";
export { compileFormula, RESULT_DIGITS } from "./formula/compile-formula.ts";
export type { Formula, FormulaOptions, FormulaValue } from "./formula/compile-formula.ts";
export { FORMULA_LIMITS } from "./formula/check-formula.ts";
export type { FormulaLimits } from "./formula/check-formula.ts";
export { FORMULA_CONSTANTS, FORMULA_FUNCTIONS, FORMULA_OPERATORS } from "./formula/math.ts";
