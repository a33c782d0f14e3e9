import { describe, expect, it } from "vitest";
import { aggregate } from "../../../src/score/aggregate/aggregate.ts";
import { weightedHarmonic } from "../../../src/score/aggregate/harmonic.ts";
import { exactly, midpoint, publishScaled, type Enclosure } from "../../../src/number/enclosure.ts";
import { ratFromDecimal, ratFromNumber, ratToDecimalText, ratToNumber } from "../../../src/number/rational.ts";

const d = (...xs: number[]) => xs.map((x) => exactly(ratFromNumber(x)));
const w = (...xs: number[]) => xs.map((x) => ratFromNumber(x));
const text = (e: Enclosure | undefined) => ratToDecimalText(midpoint(e!));
const num = (e: Enclosure | undefined) => ratToNumber(midpoint(e!));

describe("weightedHarmonic", () => {
  it("is Σw / Σ(w/x), exactly", () => {
    expect(text(weightedHarmonic(d(0.25, 1), w(1, 1)))).toBe("0.4");
    // weights 3 and 1: 4 / (3/0.5 + 1/0.25) = 4 / 10
    expect(text(weightedHarmonic(d(0.5, 0.25), w(3, 1)))).toBe("0.4");
    expect(text(weightedHarmonic(d(0, 1), w(1, 1)))).toBe("0");
    // 0.45625 exactly (was 0.4562499… at 40 digits, published 0.4562): 2 / (1/0.365 + 1/0.6083…) has no finite decimal,
    // so check a half-way mean stays exact: 2 / (1/0.5 + 1/0.3125) = 0.3846153…; and 3 / (1/0.5 + 2/0.45625·…)
    const h = weightedHarmonic([exactly(ratFromDecimal("0.45625")!), exactly(ratFromDecimal("0.45625")!)], w(1, 1));
    expect(publishScaled(h, 4)).toBe(4563n);
  });

  it("is below the geometric and arithmetic means of the same values", () => {
    const v = d(0.2, 0.5, 0.9);
    const wt = w(1, 2, 1);
    const h = num(aggregate("harmonic", v, wt));
    const g = num(aggregate("geometric", v, wt));
    const a = num(aggregate("arithmetic", v, wt));
    expect(h).toBeCloseTo(4 / (1 / 0.2 + 2 / 0.5 + 1 / 0.9), 12);
    expect(h).toBeLessThan(g);
    expect(g).toBeLessThan(a);
  });

  it("refuses negative values (domain)", () => {
    expect(aggregate("harmonic", d(-1, 1), w(1, 1))).toBeUndefined();
    expect(text(aggregate("arithmetic", d(-1, 1), w(1, 1)))).toBe("0");
  });

  it("publishes a geometric mean that is exactly half-way as the half-way point (0.0001 · 0.000225 → 0.00015 → 0.0002)", () => {
    const g = aggregate("geometric", [exactly(ratFromDecimal("0.0001")!), exactly(ratFromDecimal("0.000225")!)], w(1, 1))!;
    expect(publishScaled(g, 4)).toBe(2n);
    expect(publishScaled(aggregate("geometric", d(0.25, 1), w(1, 1))!, 4)).toBe(5000n);
  });
});
