import { describe, expect, it } from "vitest";
import { resolveWeights } from "../../src/framework/resolve-weights.ts";

const items = [{ weight: 2, maxPoints: 100 }, { weight: 1, maxPoints: 300 }, { weight: 1, maxPoints: 0 }];

describe("resolveWeights", () => {
  it("auto: weight, else points, else equal", () => {
    expect(resolveWeights(items)).toEqual({ ok: true, source: "weight", weights: [2, 1, 1] });
    expect(resolveWeights([{ maxPoints: 100 }, { maxPoints: 200 }])).toEqual({ ok: true, source: "points", weights: [100, 200] });
    expect(resolveWeights([{}, {}])).toEqual({ ok: true, source: "equal", weights: [1, 1] });
  });

  it("a chosen weighting: manual, points, equal", () => {
    expect(resolveWeights(items, "manual")).toEqual({ ok: true, source: "weight", weights: [2, 1, 1] });
    expect(resolveWeights(items, "points")).toEqual({ ok: true, source: "points", weights: [100, 300, 0] });
    expect(resolveWeights(items, "equal")).toEqual({ ok: true, source: "equal", weights: [1, 1, 1] });
    expect(resolveWeights([{ weight: 1 }, {}], "manual")).toEqual({ ok: false, reason: "mixed", message: 'weighting "manual" needs "weight" on every item (1 of 2 lack it)' });
    expect(resolveWeights([{ maxPoints: 0 }], "points")).toEqual({ ok: false, reason: "zero", message: "the weights add up to zero" });
  });
});
