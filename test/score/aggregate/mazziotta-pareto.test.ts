import { describe, expect, it } from "vitest";
import { mazziottaPareto } from "../../../src/score/aggregate/mazziotta-pareto.ts";
import { exactly, midpoint, publishScaled, type Enclosure } from "../../../src/number/enclosure.ts";
import { ratFromNumber, ratToDecimalText, ratToNumber } from "../../../src/number/rational.ts";

const d = (...xs: number[]) => xs.map((x) => exactly(ratFromNumber(x)));
const w = (...xs: number[]) => xs.map((x) => ratFromNumber(x));
const text = (e: Enclosure) => ratToDecimalText(midpoint(e));
const fixed = (e: Enclosure, k: number) => {
  const s = publishScaled(e, k).toString().padStart(k + 1, "0");
  return `${s.slice(0, -k)}.${s.slice(-k)}`;
};

describe("mazziottaPareto", () => {
  it("is the mean minus S·cv = S² / M (worked example on the 100 ± 10 scale), exactly", () => {
    // M = 100, S² = (0 + 100 + 100) / 3 = 66.67, penalty = 0.6667
    expect(fixed(mazziottaPareto(d(100, 110, 90), w(1, 1, 1)), 4)).toBe("99.3333");
    // a balanced profile has no penalty: ranks above the unbalanced one with the same mean
    expect(text(mazziottaPareto(d(100, 100, 100), w(1, 1, 1)))).toBe("100");
    // M = 105, S² = 25 → 105 − 25/105 = 104.7619…
    expect(fixed(mazziottaPareto(d(100, 110), w(1, 1)), 4)).toBe("104.7619");
  });

  it("weights the mean and the variance", () => {
    // weights 3, 1 on 100, 120: M = 105, S² = (3·25 + 1·225) / 4 = 75 → 105 − 75/105
    expect(fixed(mazziottaPareto(d(100, 120), w(3, 1)), 6)).toBe("104.285714");
  });

  it("equals M·(1 − cv²)", () => {
    const x = [0.3, 0.8, 0.55];
    const m = (0.3 + 0.8 + 0.55) / 3;
    const s2 = x.reduce((a, v) => a + (v - m) ** 2, 0) / 3;
    const cv = Math.sqrt(s2) / m;
    expect(ratToNumber(midpoint(mazziottaPareto(d(...x), w(1, 1, 1))))).toBeCloseTo(m * (1 - cv * cv), 14);
  });
});
