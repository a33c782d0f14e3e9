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
    const { first, total } = sensitivityIndices(s);
    expect(first[0]).toBeCloseTo(0.2, 1);
    expect(first[1]).toBeCloseTo(0.8, 1);
    expect(total[0]).toBeCloseTo(0.2, 1);
    expect(total[1]).toBeCloseTo(0.8, 1);
  });

  it("gives null when Y does not vary", () => {
    const s = sensitivitySums(1);
    addSample(s, 3, 3, [3]);
    expect(sensitivityIndices(s)).toEqual({ first: [null], total: [null] });
  });
});
