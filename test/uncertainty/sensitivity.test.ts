import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/uncertainty/prng.ts";
import { addSample, sensitivityIndices, sensitivitySums } from "../../src/uncertainty/sensitivity.ts";

describe("Saltelli / Jansen estimators", () => {
  it("recover the indices of Y = X₁ + 2·X₂ (uniform inputs: S₁ = 0.2, S₂ = 0.8, additive so S = ST)", () => {
    const f = (x1: number, x2: number) => x1 + 2 * x2;
    const r = createRandom(3);
    const s = sensitivitySums(2);
    for (let j = 0; j < 20_000; j++) {
      const a = [r(), r()];
      const b = [r(), r()];
      addSample(s, f(a[0]!, a[1]!), f(b[0]!, b[1]!), [f(b[0]!, a[1]!), f(a[0]!, b[1]!)]);
    }
    const { first, total, firstMargin, totalMargin } = sensitivityIndices(s);
    expect(first[0]).toBeCloseTo(0.2, 1);
    expect(first[1]).toBeCloseTo(0.8, 1);
    expect(total[0]).toBeCloseTo(0.2, 1);
    expect(total[1]).toBeCloseTo(0.8, 1);
    // The 95 % margins are small at N = 20,000 (how often they hold the truth: the next test).
    for (const m of [...firstMargin, ...totalMargin]) {
      expect(m!).toBeGreaterThan(0);
      expect(m!).toBeLessThan(0.05);
    }
  });

  it("margins cover the true index about 95 % of the time; a small sample's Sᵢ below 0 is noise within its margin", () => {
    // Y = X₁ + 0.1·X₂: S₂ = 0.01 / 1.01, so small samples estimate it below 0 now and then.
    const truth = 0.01 / 1.01;
    const estimate = (n: number, seed: number) => {
      const r = createRandom(seed);
      const s = sensitivitySums(2);
      const f = (x1: number, x2: number) => x1 + 0.1 * x2;
      for (let j = 0; j < n; j++) {
        const a = [r(), r()];
        const b = [r(), r()];
        addSample(s, f(a[0]!, a[1]!), f(b[0]!, b[1]!), [f(b[0]!, a[1]!), f(a[0]!, b[1]!)]);
      }
      return sensitivityIndices(s);
    };
    let negative = 0;
    let covered = 0;
    const trials = 200;
    for (let seed = 1; seed <= trials; seed++) {
      const { first, firstMargin } = estimate(100, seed);
      if (first[1]! < 0) negative++;
      if (Math.abs(first[1]! - truth) <= firstMargin[1]!) covered++;
    }
    expect(negative).toBeGreaterThan(10);
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.995);
    // 1/√N: 100 times the runs, a tenth of the margin.
    expect(estimate(10_000, 1).firstMargin[1]!).toBeLessThan(estimate(100, 1).firstMargin[1]! / 5);
  });

  it("gives null when Y does not vary", () => {
    const s = sensitivitySums(1);
    addSample(s, 3, 3, [3]);
    expect(sensitivityIndices(s)).toEqual({ first: [null], total: [null], firstMargin: [null], totalMargin: [null] });
  });
});
