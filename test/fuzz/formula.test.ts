/**
 * Formula fuzz: 1,000 random token strings (names, numbers, operators, brackets, dots, quotes,
 * keywords of mathjs and JavaScript) and 1,000 random well-formed formulas through compileFormula
 * and evaluate. Every outcome is a decimal text or a DtiError; Object.prototype is never touched;
 * each case is timed.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDtiError } from "../../src/errors.ts";
import { compileFormula } from "../../src/formula/compile-formula.ts";
import { prototypeKeys } from "../helpers/outcome.ts";

const TOKENS = [
  "x", "y", "1", "0", "-", "+", "*", "/", "^", "%", "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "?", "'", '"', "=",
  "==", "<", ">", "!", "and", "or", "not", "min", "max", "pow", "exp", "log", "sqrt", "round", "mod", "pi", "e",
  "1e308", "1e-400", "999999", "0.1", "constructor", "__proto__", "prototype", "import", "evaluate", "parse", "cos",
  "createUnit", "f", "cm", "true", "null", "Infinity", "NaN", "this", "process", " ",
];

describe("formula fuzz: compileFormula and evaluate never throw anything but a DtiError", () => {
  // The parser and the number constructors are built on first use: not part of any case's time.
  compileFormula("sqrt(x) + pi", { variables: ["x"] }).evaluate({ x: 2 });

  it("1,000 random token strings (seed 5000004)", () => {
    const before = prototypeKeys();
    let values = 0;
    let errors = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 25 }), fc.integer({ min: -50, max: 50 }), (tokens, x) => {
        const expression = tokens.join("");
        const started = performance.now();
        try {
          const text = compileFormula(expression, { variables: ["x", "y"] }).evaluate({ x, y: "0,5" });
          expect(text).toMatch(/^-?\d+(\.\d+)?$/u);
          values++;
        } catch (e) {
          if (!isDtiError(e)) throw e;
          errors++;
        }
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { seed: 5_000_004, numRuns: 1000 },
    );
    expect(prototypeKeys()).toEqual(before);
    // Random tokens rarely make a formula (20 of 1,000 with this seed); the grammar below does.
    expect(values).toBeGreaterThanOrEqual(10);
    expect(errors).toBeGreaterThan(500);
  }, 60_000);

  it("1,000 random well-formed formulas (seed 5000005): a decimal, FORMULA_NOT_FINITE or FORMULA_NOT_EXACT", () => {
    const { expr } = fc.letrec((tie) => ({
      expr: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom("x", "y", "0", "1", "2.5", "1e300", "1e-300", "pi"),
        fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^", "%", "<", "==", " and "), tie("expr")).map(([a, op, b]) => `(${a as string}${op}${b as string})`),
        fc.tuple(fc.constantFrom("min", "max", "pow", "mod", "log", "round"), tie("expr"), tie("expr")).map(([f, a, b]) => `${f}(${a as string}, ${b as string})`),
        fc.tuple(fc.constantFrom("abs", "sqrt", "exp", "floor", "ceil", "log10", "-"), tie("expr")).map(([f, a]) => `${f}(${a as string})`),
        fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `(${c as string} ? ${a as string} : ${b as string})`),
      ),
    }));
    const tally = new Map<string, number>();
    fc.assert(
      fc.property(expr, fc.integer({ min: -1000, max: 1000 }), (expression, x) => {
        const started = performance.now();
        let outcome: string;
        try {
          const text = compileFormula(expression, { variables: ["x", "y"] }).evaluate({ x, y: "0,25" });
          expect(text).toMatch(/^-?\d+(\.\d+)?$/u);
          outcome = "value";
        } catch (e) {
          if (!isDtiError(e)) throw e;
          outcome = e.code;
        }
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { seed: 5_000_005, numRuns: 1000 },
    );
    console.log(`formula fuzz: ${JSON.stringify(Object.fromEntries(tally))}`);
    // Only values, non-finite results, undecidable ones (mod(1e300, pi) needs 300 digits of pi;
    // pi == pi compares two roundings) and size limits: a well-formed formula is never "forbidden".
    expect([...tally.keys()].sort()).toEqual(["FORMULA_NOT_EXACT", "FORMULA_NOT_FINITE", "FORMULA_TOO_LARGE", "value"].filter((k) => tally.has(k)));
    expect(tally.get("FORMULA_NOT_EXACT") ?? 0).toBeLessThan(20);
    expect(tally.get("value") ?? 0).toBeGreaterThan(300);
  }, 60_000);
});
