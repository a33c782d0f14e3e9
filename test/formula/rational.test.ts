import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/formula/compile-formula.ts";
import { rat, ratAdd, ratCmp, ratMul, ratNeg, ratSub } from "../../src/number/rational.ts";
import * as Q from "../../src/formula/rational.ts";
import { isqrt } from "../../src/number/enclosure.ts";

describe("rational: exact BigInt fractions", () => {
  it("reads decimal text exactly and writes terminating values back", () => {
    // Digits as written over a power of ten, trailing zeros cancelled: integers get d = 1.
    expect(Q.parseDecimal("1.5e-3")).toEqual({ n: 15n, d: 10000n });
    expect(Q.parseDecimal("-0.250")).toEqual({ n: -25n, d: 100n });
    expect(Q.parseDecimal("2E+3")).toEqual({ n: 2000n, d: 1n });
    expect(Q.parseDecimal("2.000")).toEqual({ n: 2n, d: 1n });
    expect(Q.reduced(Q.parseDecimal(".5")!)).toEqual({ n: 1n, d: 2n });
    for (const bad of ["", ".", "abc", "1e", "1e999999", "--1"]) expect(Q.parseDecimal(bad), bad).toBeUndefined();
    expect(Q.toDecimalText(rat(-1n, 1024n))).toBe("-0.0009765625");
    expect(Q.toDecimalText(rat(1250n))).toBe("1250");
    expect(() => Q.toDecimalText(rat(1n, 3n))).toThrow(RangeError);
  });

  it("rounds in the direction asked, to places or significant digits", () => {
    const third = rat(1n, 3n);
    expect(Q.toDecimalText(Q.roundToSignificant(third, 3, "floor"))).toBe("0.333");
    expect(Q.toDecimalText(Q.roundToSignificant(third, 3, "ceil"))).toBe("0.334");
    expect(Q.toDecimalText(Q.roundToSignificant(ratNeg(third), 3, "floor"))).toBe("-0.334");
    expect(Q.toDecimalText(Q.roundToPlaces(rat(-5n, 2n), 0, "half-up"))).toBe("-3");
    expect(Q.toDecimalText(Q.roundToPlaces(rat(1234n), -2, "half-up"))).toBe("1200");
    expect(Q.floorLog10(rat(999n, 1000n))).toBe(-1);
    expect(Q.floorLog10(rat(1000n))).toBe(3);
  });

  it("square roots: exact for squares, bounds that bracket the root otherwise (fast-check, seed 5000007)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 50n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const r = rat(n, d);
        const root = Q.exactSqrt(ratMul(r, r));
        expect(root).toEqual(r);
        const lo = Q.sqrtBound(r, 30, "floor");
        const hi = Q.sqrtBound(r, 30, "ceil");
        expect(ratCmp(ratMul(lo, lo), r)).toBeLessThanOrEqual(0);
        expect(ratCmp(ratMul(hi, hi), r)).toBeGreaterThanOrEqual(0);
        // At most one unit apart in about the 30th digit.
        expect(ratCmp(ratSub(hi, lo), ratMul(lo, rat(1n, 10n ** 28n)))).toBeLessThanOrEqual(0);
      }),
      { seed: 5_000_007, numRuns: 300 },
    );
  });

  it("formula sqrt of a whole number is the correctly rounded 40-digit root (fast-check, seed 5000008)", () => {
    const f = compileFormula("sqrt(n)", { variables: ["n"] });
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 10n ** 60n }), (n) => {
        const text = f.evaluate({ n: n.toString() });
        const r = Q.parseDecimal(text)!;
        const square = isqrt(n);
        if (square * square === n) {
          expect(text).toBe(square.toString());
          return;
        }
        // |r − √n| ≤ half a unit in the 40th significant digit: (r − h)² ≤ n ≤ (r + h)².
        const e = Q.floorLog10(r) - 39;
        const half = e >= 0 ? rat(5n * 10n ** BigInt(e), 10n) : rat(5n, 10n ** BigInt(1 - e));
        const below = ratSub(r, half);
        const above = ratAdd(r, half);
        expect(ratCmp(ratMul(below, below), rat(n))).toBeLessThanOrEqual(0);
        expect(ratCmp(ratMul(above, above), rat(n))).toBeGreaterThanOrEqual(0);
      }),
      { seed: 5_000_008, numRuns: 300 },
    );
  });
});
