import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rat, ratAdd, ratCmp, ratDiv, ratFromDecimal, ratFromNumber, ratMul, ratScaledHalfUp, ratSub, ratToDecimalText, ratToNumber, scaledText } from "../../src/number/rational.ts";
import { geometricEnclosure, isqrt, publishScaled, sqrtEnclosure, exactly } from "../../src/number/enclosure.ts";

describe("rationals", () => {
  it("read decimal text exactly and keep lowest terms", () => {
    expect(ratFromDecimal("0.25")).toEqual({ n: 1n, d: 4n });
    expect(ratFromDecimal("-12.50")).toEqual({ n: -25n, d: 2n });
    expect(ratFromDecimal("1e-3")).toEqual({ n: 1n, d: 1000n });
    expect(ratFromDecimal("2.5E+3")).toEqual({ n: 2500n, d: 1n });
    expect(ratFromDecimal("abc")).toBeUndefined();
    expect(ratFromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(rat(6n, -4n)).toEqual({ n: -3n, d: 2n });
  });

  it("never round: 45/3 points multiplied back, 4.841 + 0.430 + 0.670 + 0.034 = 5.975 → 0.0598", () => {
    const third = ratDiv(ratFromNumber(1), ratFromNumber(3));
    expect(ratMul(third, ratFromNumber(3))).toEqual({ n: 1n, d: 1n });
    const group = ratDiv(ratAdd(ratAdd(ratFromDecimal("4.841")!, ratFromDecimal("0.430")!), ratFromDecimal("0.670")!), ratFromNumber(45));
    const total = ratDiv(ratAdd(ratMul(group, ratFromNumber(45)), ratFromDecimal("0.034")!), ratFromNumber(100));
    expect(total).toEqual(ratFromDecimal("0.05975"));
    expect(scaledText(ratScaledHalfUp(total, 4), 4)).toBe("0.0598");
  });

  it("round half away from zero and write no sign on zero", () => {
    expect(ratScaledHalfUp(ratFromDecimal("-0.00005")!, 4)).toBe(-1n);
    expect(scaledText(ratScaledHalfUp(ratFromDecimal("-0.00004")!, 4), 4)).toBe("0.0000");
    expect(scaledText(-1n, 4)).toBe("-0.0001");
    expect(ratToDecimalText(ratFromDecimal("1.050")!)).toBe("1.05");
  });

  it("convert to the nearest double (exact operands below 2^53), and compare like numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        expect(ratToNumber(rat(BigInt(n), BigInt(d)))).toBe(n / d);
        expect(ratCmp(rat(BigInt(n), BigInt(d)), ratFromNumber(0))).toBe(Math.sign(n) as -1 | 0 | 1);
        expect(ratSub(ratAdd(rat(BigInt(n), BigInt(d)), RAT(1)), RAT(1))).toEqual(rat(BigInt(n), BigInt(d)));
      }),
      { numRuns: 500 },
    );
    const big = ratDiv(ratFromDecimal("1" + "0".repeat(40))!, ratFromNumber(3));
    expect(ratToNumber(big)).toBeCloseTo(1e40 / 3, -25);
  });
});

const RAT = (k: number) => ratFromNumber(k);

describe("enclosures", () => {
  it("take integer square roots, large ones too (never from below)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 300n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(sqrtEnclosure(ratFromNumber(4))).toEqual({ lo: { n: 2n, d: 1n }, hi: { n: 2n, d: 1n } });
    const two = sqrtEnclosure(ratFromNumber(2));
    expect(ratCmp(ratMul(two.lo, two.lo), ratFromNumber(2))).toBe(-1);
    expect(ratCmp(ratMul(two.hi, two.hi), ratFromNumber(2))).toBe(1);
  });

  it("publish a geometric mean that is exactly half-way as the half-way point", () => {
    const g = geometricEnclosure([exactly(ratFromDecimal("0.0001")!), exactly(ratFromDecimal("0.000225")!)], [RAT(1), RAT(1)]);
    expect(ratCmp(g.lo, ratFromDecimal("0.00015")!)).toBeLessThanOrEqual(0);
    expect(ratCmp(g.hi, ratFromDecimal("0.00015")!)).toBeGreaterThanOrEqual(0);
    expect(publishScaled(g, 4)).toBe(2n);
  });
});

describe("fixed-point logarithms and exponentials", () => {
  it("give geometric means below and above 1 (negative and positive logarithms) inside their enclosure", () => {
    for (const [a, b, mean] of [
      ["0.25", "1", 0.5],
      ["0.81", "0.49", 0.63],
      ["4", "9", 6],
      ["0.0001", "0.000225", 0.00015],
    ] as const) {
      const g = geometricEnclosure([exactly(ratFromDecimal(a)!), exactly(ratFromDecimal(b)!)], [RAT(1), RAT(1)]);
      expect(ratToNumber(g.lo)).toBeCloseTo(mean, 12);
      expect(ratCmp(g.lo, g.hi)).toBeLessThanOrEqual(0);
      expect(ratCmp(g.lo, ratFromNumber(mean))).toBeLessThanOrEqual(0);
      expect(ratCmp(g.hi, ratFromNumber(mean))).toBeGreaterThanOrEqual(0);
    }
  });
});
