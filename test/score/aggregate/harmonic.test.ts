import { describe, expect, it } from "vitest";
import { aggregate } from "../../../src/score/aggregate/aggregate.ts";
import { weightedHarmonic } from "../../../src/score/aggregate/harmonic.ts";
import { dec } from "../../../src/number/decimal.ts";

const d = (...xs: number[]) => xs.map((x) => dec(x));

describe("weightedHarmonic", () => {
  it("is Σw / Σ(w/x)", () => {
    expect(weightedHarmonic(d(0.25, 1), d(1, 1)).toString()).toBe("0.4");
    // weights 3 and 1: 4 / (3/0.5 + 1/0.25) = 4 / 10
    expect(weightedHarmonic(d(0.5, 0.25), d(3, 1)).toString()).toBe("0.4");
    expect(weightedHarmonic(d(0, 1), d(1, 1)).toString()).toBe("0");
  });

  it("is below the geometric and arithmetic means of the same values", () => {
    const v = d(0.2, 0.5, 0.9);
    const w = d(1, 2, 1);
    const h = aggregate("harmonic", v, w)!.toNumber();
    const g = aggregate("geometric", v, w)!.toNumber();
    const a = aggregate("arithmetic", v, w)!.toNumber();
    expect(h).toBeCloseTo(4 / (1 / 0.2 + 2 / 0.5 + 1 / 0.9), 12);
    expect(h).toBeLessThan(g);
    expect(g).toBeLessThan(a);
  });

  it("refuses negative values (domain)", () => {
    expect(aggregate("harmonic", d(-1, 1), d(1, 1))).toBeUndefined();
    expect(aggregate("arithmetic", d(-1, 1), d(1, 1))!.toString()).toBe("0");
  });
});
