import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/formula/compile-formula.ts";
import { outcome, prototypeKeys, thrownCodes } from "../helpers/outcome.ts";

describe("compileFormula: real formulas compute exactly", () => {
  it.each([
    ["a / b", { a: "180", b: "200" }, "0.9"],
    ["a / b * 100", { a: 1, b: 3 }, "33.33333333333333333333333333333333333333"],
    ["0.1 + 0.2", {}, "0.3"],
    ["0.4 * x + 0.3 * y + 0.3 * z", { x: "0,4449", y: "0,3668", z: "0,4052" }, "0.40956"],
    ["min(x, 100)", { x: 120 }, "100"],
    ["max(0, min(1, (x - 20) / 80))", { x: "60" }, "0.5"],
    ["a > 0 ? b / a : 0", { a: 0, b: 5 }, "0"],
    ["a > 0 ? b / a : 0", { a: 4, b: 5 }, "1.25"],
    ["round(x / 3, 4)", { x: 1 }, "0.3333"],
    ["sqrt(x) + abs(y) + floor(2.7) + ceil(2.1)", { x: 16, y: -1 }, "10"],
    ["pow(2, 10) + 2^3 + mod(7, 3)", {}, "1033"],
    ["x == 1 and not (y > 2)", { x: true, y: 1 }, "1"],
    ["log(e) + log10(1000)", {}, "4"],
    ["2x + 1", { x: "1.234,5" }, "2470"],
  ])("%s with %o = %s", (expression, values, expected) => {
    const variables = Object.keys(values);
    expect(compileFormula(expression, { variables }).evaluate(values)).toBe(expected);
  });

  it("reads values from a Map too and reports missing or bad values", () => {
    const f = compileFormula("a / b", { variables: ["a", "b"] });
    expect(f.evaluate(new Map([["a", 1], ["b", 4]]))).toBe("0.25");
    expect(thrownCodes(() => f.evaluate({ a: 1 }))).toEqual(["DATA_MISSING_VALUE"]);
    expect(thrownCodes(() => f.evaluate(null as never))).toEqual(["DATA_MISSING_VALUE"]);
    expect(thrownCodes(() => f.evaluate({ a: "abc", b: 1 }))).toEqual(["DATA_NOT_A_NUMBER"]);
    expect(thrownCodes(() => f.evaluate({ a: Number.NaN, b: 1 }))).toEqual(["DATA_NOT_A_NUMBER"]);
    expect(thrownCodes(() => f.evaluate({ a: "1e309", b: 1 }))).toEqual(["DATA_NOT_A_NUMBER"]);
    // An inherited property is not a value.
    expect(thrownCodes(() => compileFormula("toString + 1", { variables: ["x"] }))).toEqual(["FORMULA_FORBIDDEN"]);
  });

  it("non-finite results are FORMULA_NOT_FINITE", () => {
    for (const [expression, values] of [
      ["a / b", { a: 1, b: 0 }],
      ["0 / b", { b: 0 }],
      ["log(x)", { x: 0 }],
      ["sqrt(x)", { x: -1 }],
      ["exp(x)", { x: "1e20" }],
      ["pow(10, x)", { x: "1e20" }],
      ["x * x * x * x", { x: "1e300" }],
      ["(-8)^x", { x: "0.5" }],
      ["0^x", { x: -1 }],
    ] as const) {
      const f = compileFormula(expression, { variables: Object.keys(values) });
      expect(thrownCodes(() => f.evaluate(values)), expression).toEqual(["FORMULA_NOT_FINITE"]);
    }
  });
});

describe("compileFormula: no formula can hog time or memory", () => {
  it("huge powers and exponentials are refused before they are computed (each well under a second)", () => {
    // Without the bounds, mathjs's own pow(7, 1e15) on BigNumbers ran out of a 4 GB heap after
    // 100 s (measured); exp(1e6) would be a 434,295-digit number.
    for (const [expression, x] of [["pow(7, x)", "1000000000000000"], ["exp(x)", "1000000"], ["x^x^x", "9"], ["exp(exp(exp(x)))", "3"], ["pow(1.5, x)", "1e15"]] as const) {
      const started = performance.now();
      expect(thrownCodes(() => compileFormula(expression, { variables: ["x"] }).evaluate({ x })), expression).toEqual(["FORMULA_NOT_FINITE"]);
      expect(performance.now() - started, expression).toBeLessThan(1000);
    }
    // 0.5^1e15 is not 0: a value nearer 0 than 1e-308 is refused, not rounded to 0.
    expect(thrownCodes(() => compileFormula("pow(0.5, x)", { variables: ["x"] }).evaluate({ x: "1e15" }))).toEqual(["FORMULA_NOT_FINITE"]);
    expect(compileFormula("x^y", { variables: ["x", "y"] }).evaluate({ x: 0, y: 0 })).toBe("1");
    expect(compileFormula("exp(x)", { variables: ["x"] }).evaluate({ x: 700 }).slice(0, 12)).toBe("101423205473");
  });
});

describe("compileFormula: escape attempts and abuse are refused with typed errors", () => {
  const before = prototypeKeys();
  it.each([
    ["constructor", "FORMULA_FORBIDDEN"],
    ["__proto__", "FORMULA_FORBIDDEN"],
    ['cos.constructor("return process")', "FORMULA_FORBIDDEN"],
    ['x.constructor.constructor("return process")', "FORMULA_FORBIDDEN"],
    // mathjs cannot even parse a call of a call's result.
    ['cos.constructor("return process")()', "FORMULA_SYNTAX"],
    ["x.__proto__", "FORMULA_FORBIDDEN"],
    ['x["constructor"]', "FORMULA_FORBIDDEN"],
    ["import({a: 1})", "FORMULA_FORBIDDEN"],
    ['evaluate("1 + 1")', "FORMULA_FORBIDDEN"],
    ['parse("1")', "FORMULA_FORBIDDEN"],
    ['createUnit("foo")', "FORMULA_FORBIDDEN"],
    ["simplify(x)", "FORMULA_FORBIDDEN"],
    ["f(x) = x", "FORMULA_FORBIDDEN"],
    ["x = 3", "FORMULA_FORBIDDEN"],
    ["[1, 2][1]", "FORMULA_FORBIDDEN"],
    ["[1, 2]", "FORMULA_FORBIDDEN"],
    ["{a: 1}", "FORMULA_FORBIDDEN"],
    ["x; x", "FORMULA_FORBIDDEN"],
    ["1:3", "FORMULA_FORBIDDEN"],
    ['"text"', "FORMULA_FORBIDDEN"],
    ["5 cm", "FORMULA_FORBIDDEN"],
    ["x!", "FORMULA_FORBIDDEN"],
    ["1 < x < 3", "FORMULA_FORBIDDEN"],
    ["min", "FORMULA_FORBIDDEN"],
    ["(min)(x, 1)", "FORMULA_SYNTAX"],
    ["y + 1", "FORMULA_FORBIDDEN"],
    ["process", "FORMULA_FORBIDDEN"],
    ["globalThis", "FORMULA_FORBIDDEN"],
    ["x +", "FORMULA_SYNTAX"],
    ["min()", "FORMULA_SYNTAX"],
    ["sqrt(x, x)", "FORMULA_SYNTAX"],
    ["", "FORMULA_SYNTAX"],
    [`x${" + x".repeat(300)}`, "FORMULA_TOO_LARGE"],
    [`${"(".repeat(40)}x${")".repeat(40)}`, "FORMULA_TOO_LARGE"],
    [`${"(".repeat(5000)}x${")".repeat(5000)}`, "FORMULA_TOO_LARGE"],
    [`${"(".repeat(495)}x${")".repeat(495)}`, "FORMULA_TOO_LARGE"],
    [`${"-".repeat(999)}x`, "FORMULA_TOO_LARGE"],
    [`${"x+".repeat(150)}x`, "FORMULA_TOO_LARGE"],
  ])("%s → %s", (expression, code) => {
    const o = outcome(() => compileFormula(expression, { variables: ["x"] }));
    expect(o.kind).toBe("dti");
    if (o.kind === "dti") expect(o.codes[0]).toBe(code);
    expect(prototypeKeys()).toEqual(before);
  });

  it("variable names that could reach a prototype or shadow a function are refused", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "min", "pi", "1x", "a.b", "", "and"]) {
      expect(thrownCodes(() => compileFormula("1", { variables: [name] })), name).toEqual(["FORMULA_FORBIDDEN"]);
    }
  });

  it("limits can be tightened", () => {
    expect(thrownCodes(() => compileFormula("x + x", { variables: ["x"], limits: { maxLength: 3 } }))).toEqual(["FORMULA_TOO_LARGE"]);
    expect(thrownCodes(() => compileFormula("x + x", { variables: ["x"], limits: { maxNodes: 2 } }))).toEqual(["FORMULA_TOO_LARGE"]);
  });
});
