/**
 * Formulas compute on exact rationals: the findings that 40-digit decimals got wrong, and
 * fast-check properties against BigInt arithmetic.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/formula/compile-formula.ts";
import { thrownCodes } from "../helpers/outcome.ts";

const run = (expression: string, values: Record<string, string | number> = {}) => compileFormula(expression, { variables: Object.keys(values) }).evaluate(values);

describe("formulas are exact or refused (regressions)", () => {
  it("mod(1e50, 3) is 1, not 10000000000", () => {
    expect(run("mod(1e50, 3)")).toBe("1");
    expect(run("mod(x, 3)", { x: `1${"0".repeat(50)}` })).toBe("1");
  });

  it("x + 1 - x is 1 for a 45-digit x", () => {
    const x = "123456789012345678901234567890123456789012345";
    expect(run("x + 1 - x", { x })).toBe("1");
    expect(run("x + 1", { x })).toBe("123456789012345678901234567890123456789012346");
  });

  it("mod(5, 0) is an error naming the division by zero, not 5", () => {
    const f = compileFormula("mod(a, b)", { variables: ["a", "b"] });
    expect(thrownCodes(() => f.evaluate({ a: 5, b: 0 }))).toEqual(["FORMULA_NOT_FINITE"]);
    expect(thrownCodes(() => compileFormula("a % b", { variables: ["a", "b"] }).evaluate({ a: 5, b: 0 }))).toEqual(["FORMULA_NOT_FINITE"]);
  });

  it("a 41-digit input is read exactly, and the result rounded once", () => {
    const x = "0.12345678901234567890123456789012345678905"; // 41 significant digits
    expect(run("x", { x })).toBe(x);
    expect(run("x * 1", { x })).toBe(x);
    // 2/3 of it: rounded once to 40 significant digits (half-up).
    expect(run("x * 2 / 3", { x })).toBe("0.08230452600823045260082304526008230452603");
  });

  it("results with a finite decimal expansion are exact, others rounded to 40 significant digits", () => {
    expect(run("1 / 3")).toBe("0.3333333333333333333333333333333333333333");
    expect(run("2 / 3")).toBe("0.6666666666666666666666666666666666666667");
    expect(run("1 / 3 * 3")).toBe("1");
    expect(run("1 / 1024")).toBe("0.0009765625");
    // A long exact result stays exact: (10^61 + 1) / 8 has 65 significant digits.
    expect(run("x / 8", { x: `1${"0".repeat(60)}1` })).toBe(decimalText((10n ** 61n + 1n) * 125n, 3));
  });

  it("irrational results are rounded correctly to 40 significant digits", () => {
    expect(run("sqrt(2)")).toBe("1.41421356237309504880168872420969807857");
    expect(run("sqrt(x)", { x: "1.44" })).toBe("1.2");
    expect(run("log(e)")).toBe("1");
    expect(run("pi")).toBe("3.141592653589793238462643383279502884197");
    expect(run("exp(1)")).toBe("2.718281828459045235360287471352662497757");
    expect(run("log10(x)", { x: "1e-5" })).toBe("-5");
    expect(run("pow(x, 0.5)", { x: "6.25" })).toBe("2.5");
  });

  it("comparisons that rounded digits cannot decide are refused, with a way out", () => {
    const f = compileFormula("sqrt(2) * sqrt(2) == 2", { variables: [] });
    const codes = thrownCodes(() => f.evaluate({}));
    expect(codes).toEqual(["FORMULA_NOT_EXACT"]);
    // With a tolerance it is decided.
    expect(run("abs(sqrt(2) * sqrt(2) - 2) < 1e-30")).toBe("1");
  });

  it("floor, ceil, round and mod of exact values are exact", () => {
    expect(run("floor(x)", { x: "-2.5" })).toBe("-3");
    expect(run("ceil(x)", { x: "-2.5" })).toBe("-2");
    expect(run("round(x, 2)", { x: "2.345" })).toBe("2.35");
    expect(run("round(x, 2)", { x: "-2.345" })).toBe("-2.35");
    expect(run("round(x)", { x: "0.5" })).toBe("1");
    expect(run("mod(-7, 3)")).toBe("2");
    expect(run("mod(7, -3)")).toBe("-2");
    expect(run("mod(x, 0.1)", { x: "1.05" })).toBe("0.05");
  });

  it("an error names the formula", () => {
    try {
      run("mod(a, b)", { a: 5, b: 0 });
      expect.unreachable();
    } catch (e) {
      const issue = (e as { issues: { message: string; path?: string }[] }).issues[0]!;
      expect(issue.path).toBe('formula "mod(a, b)"');
      expect(issue.message).toMatch(/mod\(a, b\) with b = 0/u);
      expect(issue.message).toMatch(/b == 0 \?/u);
    }
  });
});

/** A decimal text of a BigInt scaled by 10^-k, as the formulas write exact results. */
function decimalText(n: bigint, k: number): string {
  if (n === 0n) return "0";
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  if (k > 0) {
    digits = digits.padStart(k + 1, "0");
    digits = `${digits.slice(0, -k)}.${digits.slice(-k)}`.replace(/\.?0+$/u, "");
  }
  return `${negative ? "-" : ""}${digits}`;
}

const abs = (n: bigint) => (n < 0n ? -n : n);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));

/** a / b as the formulas must write it, computed with BigInt alone. */
function referenceQuotient(a: bigint, b: bigint): string {
  if (a === 0n) return "0";
  const sign = (a < 0n) !== (b < 0n) ? -1n : 1n;
  const g = gcd(a, b);
  const n = abs(a / g);
  let d = abs(b / g);
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d === 1n) {
    const k = Math.max(twos, fives);
    return decimalText((sign * n * 10n ** BigInt(k)) / abs(b / g), k);
  }
  const den = abs(b / g);
  // e = floor(log10(n / den))
  let e = n.toString().length - den.toString().length;
  const pow = (k: number) => 10n ** BigInt(k);
  const atLeast = (k: number) => (k >= 0 ? n >= den * pow(k) : n * pow(-k) >= den);
  if (!atLeast(e)) e--;
  const s = 39 - e;
  const [num, dd] = s >= 0 ? [n * pow(s), den] : [n, den * pow(-s)];
  const m = (2n * num + dd) / (2n * dd);
  return s >= 0 ? decimalText(sign * m, s) : (sign * m * pow(-s)).toString();
}

const big = fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n });

describe("formulas agree with BigInt arithmetic (fast-check, seed 5000006)", () => {
  const options = { seed: 5_000_006, numRuns: 300 };

  it("+ - * on integers up to 60 digits", () => {
    fc.assert(
      fc.property(big, big, big, (a, b, c) => {
        const values = { a: a.toString(), b: b.toString(), c: c.toString() };
        expect(run("a + b - c", values)).toBe((a + b - c).toString());
        expect(run("a * b - c", values)).toBe((a * b - c).toString());
        expect(run("a + b - a", values)).toBe(b.toString());
        expect(run("min(a, b, c)", values)).toBe([a, b, c].reduce((x, y) => (y < x ? y : x)).toString());
        expect(run("max(a, b) + abs(c)", values)).toBe(((a > b ? a : b) + (c < 0n ? -c : c)).toString());
        expect(run("a < b", values)).toBe(a < b ? "1" : "0");
        expect(run("a == a + c - c", values)).toBe("1");
      }),
      options,
    );
  });

  it("mod and floor division on integers (mathjs sign convention: the result takes the divisor's sign)", () => {
    fc.assert(
      fc.property(big, big.filter((b) => b !== 0n), (a, b) => {
        const values = { a: a.toString(), b: b.toString() };
        const floorDiv = a / b - ((a % b !== 0n && (a < 0n) !== (b < 0n)) ? 1n : 0n);
        expect(run("mod(a, b)", values)).toBe((a - b * floorDiv).toString());
        expect(run("floor(a / b)", values)).toBe(floorDiv.toString());
      }),
      options,
    );
  });

  it("decimals: a / 10^k + b / 10^j is exact", () => {
    fc.assert(
      fc.property(big, fc.integer({ min: 0, max: 45 }), big, fc.integer({ min: 0, max: 45 }), (a, k, b, j) => {
        const x = decimalText(a, k);
        const y = decimalText(b, j);
        const m = Math.max(k, j);
        const sum = a * 10n ** BigInt(m - k) + b * 10n ** BigInt(m - j);
        expect(run("x + y", { x, y })).toBe(decimalText(sum, m));
        expect(run("x * y", { x, y })).toBe(decimalText(a * b, k + j));
      }),
      options,
    );
  });

  it("division: a / b exact when it terminates, else rounded once to 40 significant digits, half away from zero", () => {
    fc.assert(
      fc.property(big, big.filter((b) => b !== 0n), (a, b) => {
        expect(run("a / b", { a: a.toString(), b: b.toString() })).toBe(referenceQuotient(a, b));
      }),
      options,
    );
  });
});
