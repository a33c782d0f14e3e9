import { describe, expect, it } from "vitest";
import { explain } from "../../src/analysis/explain.ts";
import { planImprovements } from "../../src/analysis/plan-improvements.ts";
import { whatIf } from "../../src/analysis/what-if.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";

// The docs/methods.md example: leaves normalised across units into [0, 100].
const fw = defineFramework({
  id: "connectivity", version: "1", title: { vi: "Kết nối" },
  root: { id: "index", name: { vi: "Chỉ số" }, children: [
    { id: "fibre", name: { vi: "Cáp quang" }, rule: { type: "normalise", method: "percentile", range: [0, 100] } },
    { id: "users", name: { vi: "Người dùng" }, rule: { type: "normalise", method: "minmax", range: [0, 100] } },
  ] },
});
const rows = [
  { unit: "A", fibre: 40, users: 50 },
  { unit: "B", fibre: 60, users: 70 },
  { unit: "C", fibre: 80, users: 60 },
];

describe("analysis of leaves normalised across units", () => {
  it("explain measures gaps to the top of the range (100), not to 1", () => {
    const ex = explain(fw, score(fw, rows), "A");
    // A: users 50 is the minimum → 0 of 100; equal weights → share 0.5
    expect(ex.nodes.find((n) => n.id === "users")).toMatchObject({ score: 0, maxScore: 100, gapToMax: 100, share: 0.5, gainPerStep: 0.05 });
    expect(ex.additive).toBe(true);
  });

  it("what-if scores the whole data set again: the other units move too", () => {
    // A users 50 → 80: min-max over 60..80 gives A 100, B 50, C 0. Fibre percentiles are unchanged
    // (A 16.6667, B 50, C 83.3333, from the published totals 8.3333, 75, 66.6667).
    // A = (16.6667 + 100) / 2 = 58.3333; B = (50 + 50) / 2 = 50; C = (83.3333 + 0) / 2 = 41.6667.
    const r = whatIf(fw, rows, "A", { users: 80 });
    expect(r.before).toMatchObject({ value: "8.3333", rank: 3 });
    expect(r.after).toMatchObject({ value: "58.3333", rank: 1 });
  });

  it("plans without the closed form, re-scoring every unit at each step", () => {
    // Without bounds or a target a normalised leaf has no fixed scale to step on: nothing to plan.
    const plan = planImprovements(fw, rows, "A", { toRank: 1 });
    expect(plan).toMatchObject({ reached: false, steps: 0, exact: null });
    // With fixed bounds (min-max over 0..100, the scale fixed across years), users can step.
    const bounded = defineFramework({ ...fw, root: { ...fw.root, children: [fw.root.children[0]!, { id: "users", name: { vi: "Người dùng" }, rule: { type: "normalise", method: "minmax", range: [0, 100], bounds: { min: 0, max: 100 } } }] } });
    // Now A = (16.6667 + 50) / 2 = 33.3333.
    const p = planImprovements(bounded, rows, "A", { toScore: 55 });
    // (16.6667 + users) / 2 ≥ 54.99995 → users ≥ 93.3332…: steps of 1 (1 % of 0..100) then the grid.
    expect(p.reached).toBe(true);
    expect(p.result.after.value).toBe("55.0000");
    expect(p.exact).toBeNull();
  });
});
