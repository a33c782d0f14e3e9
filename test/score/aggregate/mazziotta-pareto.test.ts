import { describe, expect, it } from "vitest";
import { mazziottaPareto } from "../../../src/score/aggregate/mazziotta-pareto.ts";
import { dec } from "../../../src/number/decimal.ts";

const d = (...xs: number[]) => xs.map((x) => dec(x));

describe("mazziottaPareto", () => {
  it("is the mean minus S·cv = S² / M (worked example on the 100 ± 10 scale)", () => {
    // M = 100, S² = (0 + 100 + 100) / 3 = 66.67, penalty = 0.6667
    expect(mazziottaPareto(d(100, 110, 90), d(1, 1, 1)).toDecimalPlaces(4).toString()).toBe("99.3333");
    // a balanced profile has no penalty: ranks above the unbalanced one with the same mean
    expect(mazziottaPareto(d(100, 100, 100), d(1, 1, 1)).toString()).toBe("100");
    // M = 105, S² = 25 → 105 − 25/105 = 104.7619…
    expect(mazziottaPareto(d(100, 110), d(1, 1)).toDecimalPlaces(4).toString()).toBe("104.7619");
  });

  it("weights the mean and the variance", () => {
    // weights 3, 1 on 100, 120: M = 105, S² = (3·25 + 1·225) / 4 = 75 → 105 − 75/105
    expect(mazziottaPareto(d(100, 120), d(3, 1)).toDecimalPlaces(6).toString()).toBe("104.285714");
  });

  it("equals M·(1 − cv²)", () => {
    const x = [0.3, 0.8, 0.55];
    const m = (0.3 + 0.8 + 0.55) / 3;
    const s2 = x.reduce((a, v) => a + (v - m) ** 2, 0) / 3;
    const cv = Math.sqrt(s2) / m;
    expect(mazziottaPareto(d(...x), d(1, 1, 1)).toNumber()).toBeCloseTo(m * (1 - cv * cv), 14);
  });
});
