import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planImprovements } from "../../src/analysis/plan-improvements.ts";
import { improvementPriorities } from "../../src/analysis/priorities.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { WARD } from "./ward-framework.ts";

const fw = getFramework("vn-dti-2022-province");
const top5 = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));

describe("improvementPriorities", () => {
  it("ranks HCMC's indicators by index gain per +0.01, re-scored", () => {
    const p = improvementPriorities(fw, top5, "TP. Hồ Chí Minh");
    // +0.01 on a 200-point indicator adds 0.002 to the DTI; 150 points 0.0015; 100 points 0.001.
    expect(p.map((x) => [x.id, x.gainPerHundredth])).toEqual([
      ["digital-government", 0.002],
      ["digital-society", 0.0015], // larger headroom than digital economy breaks the tie
      ["digital-economy", 0.0015],
      ["cybersecurity", 0.001],
      ["human-resources", 0.001],
      ["infrastructure", 0.001],
      ["awareness", 0.001],
      ["institutions", 0.001],
    ]);
    // headroom in points: digital society 150 × (1 − 0.3590) = 96.15; digital government 200 × 0.1594 = 31.88
    expect(p[1]).toMatchObject({ from: ["0.3590"], to: ["0.369"] });
    expect(p[1]!.headroomPoints).toBeCloseTo(96.15, 10);
    expect(p[1]!.gainPoints).toBeCloseTo(1.5, 10);
    expect(p[0]?.headroomPoints).toBeCloseTo(31.88, 10);
  });
});

describe("planImprovements", () => {
  it("finds the least improvement that lifts HCMC to rank 1 (tie with Đà Nẵng at 0.8002)", () => {
    const plan = planImprovements(fw, top5, "TP. Hồ Chí Minh", { toRank: 1 });
    // Đà Nẵng publishes 0.8002; a tie shares rank 1, and 0.80015 publishes 0.8002: HCMC needs
    // 0.80015 − 0.716355 = 0.083795 more. Largest share first: digital government (0.2) to 1
    // (+0.1594, +0.03188), digital economy (0.15) to 1 (+0.2389, +0.035835), then digital society
    // (0.15): 0.01608 / 0.15 = 0.1072. Least total improvement 0.1594 + 0.2389 + 0.1072 = 0.5055.
    expect(plan.goal).toEqual({ kind: "rank", rank: 1, value: "0.8002" });
    expect(plan.exact?.total).toBeCloseTo(0.5055, 12);
    expect(plan.exact?.changes.map((c) => [c.id, c.after])).toEqual([
      ["digital-government", 1],
      ["digital-economy", 1],
      ["digital-society", 0.4662],
    ]);
    // The greedy plan (steps of 0.01, last step shortened on the 4-decimal grid) costs the same.
    expect(plan.total).toBeCloseTo(0.5055, 12);
    expect(plan.reached).toBe(true);
    expect(plan.result.after).toEqual({ score: 0.80015, value: "0.8002", rank: 1, groupRank: null });
  });

  it("reaches a score, respects exclusions and costs, and says when a goal is out of reach", () => {
    // Without digital government: 0.8002 needs 0.083795 from 150-point indicators: 0.55863… of improvement.
    const noGov = planImprovements(fw, top5, "TP. Hồ Chí Minh", { toScore: 0.8002, exclude: ["digital-government"] });
    expect(noGov.changes.some((c) => c.id === "digital-government")).toBe(false);
    expect(noGov.exact?.total).toBeCloseTo(0.083795 / 0.15, 12);
    expect(noGov.result.after.value).toBe("0.8002");
    // Awareness only: at most +0.1083 × 0.1 = 0.01083 → 0.727185: 0.80 is out of reach.
    const out = planImprovements(fw, top5, "TP. Hồ Chí Minh", { toScore: 0.8, only: ["awareness"] });
    expect(out.reached).toBe(false);
    expect(out.result.after.value).toBe("0.7272");
    // Already there.
    expect(planImprovements(fw, top5, "TP. Đà Nẵng", { toRank: 1 })).toMatchObject({ already: true, reached: true, steps: 0, changes: [] });
    expect(() => planImprovements(fw, top5, "TP. Đà Nẵng", {})).toThrow(/exactly one goal/u);
  });
});

describe("planImprovements with a small step", () => {
  it("reaches a goal the exact minimum reaches, whatever the step (widened only when it runs out of steps)", () => {
    // Quảng Ninh (0.7024, rank 3) reaches rank 1 by raising three indicators by about 0.6 in all:
    // about 600 steps of 0.001, but 6,000 of 0.0001, more than the 5,000 the search takes. Then
    // each of the 8 indicators may need 625 steps to climb its whole range: widened to 0.002.
    for (const [step, taken] of [[1e-3, 1e-3], [1e-4, 0.002], [1e-6, 0.002], [1e-9, 0.002]] as const) {
      const plan = planImprovements(fw, top5, "Quảng Ninh", { toRank: 1, step });
      expect(plan.exact?.total).toBeCloseTo(0.597533, 6);
      expect(plan).toMatchObject({ reached: true, exhausted: false, step: taken });
      expect(plan.result.after.rank).toBe(1);
    }
    expect(planImprovements(fw, top5, "Quảng Ninh", { toRank: 1 }).step).toBe(0.01);
    // A step the search can afford is kept: HCMC to rank 1 takes about 500 steps of 0.001.
    const hcm = planImprovements(fw, top5, "TP. Hồ Chí Minh", { toRank: 1, step: 0.001 });
    expect(hcm).toMatchObject({ reached: true, exhausted: false, step: 0.001 });
    expect(hcm.steps).toBeGreaterThan(254);
  }, 120_000);

  it("says when maxSteps stopped the search, not that the goal is out of reach", () => {
    const plan = planImprovements(fw, top5, "Quảng Ninh", { toRank: 1, maxSteps: 1 });
    expect(plan).toMatchObject({ reached: false, exhausted: true, steps: 1 });
    expect(() => planImprovements(fw, top5, "Quảng Ninh", { toRank: 1, step: 0 })).toThrow(/step must be a fraction of the range in \(0, 1\]/u);
    expect(() => planImprovements(fw, top5, "Quảng Ninh", { toRank: 1, maxSteps: 0.5 })).toThrow(/maxSteps must be a whole number ≥ 1/u);
  });
});

describe("planImprovements with discrete rules", () => {
  it("mixes a ratio, a ladder and a category, greedy by gain per rise of the indicator's score", () => {
    const ward = WARD;
    const rows = [
      { unit: "A", meetings: 3, "online.a": 90, "online.b": 200, steering: "Phó Chủ tịch" },
      { unit: "B", meetings: 4, "online.a": 100, "online.b": 100, steering: "Chưa có" },
    ];
    // A = 10 + 0.45 × 50 + 15 = 47.5; B = 20 + 50 + 0 = 70. Index gain per unit of an indicator's
    // score: online 0.5, steering 0.3, meetings 0.2: online first. A tie at the published 0.7000
    // is enough, and 69.995 points publish 0.7000 (half-up): 22.495 more points, a ratio of
    // 0.8999, numerator 90 → 179.98 (of 200), the least on the 4-decimal grid.
    const plan = planImprovements(ward, rows, "A", { toRank: 1 });
    expect(plan.changes.map((c) => [c.id, c.from, c.to])).toEqual([["online", [90, 200], ["179.98", 200]]]);
    expect(plan.result.after).toMatchObject({ value: "0.7000", rank: 1 });
    expect(plan.exact).toBeNull(); // discrete candidates: no closed form
    // Without the ratio: steering to "Chủ tịch" (+15) then meetings to the 4-meeting step (+10) = 72.5.
    const noOnline = planImprovements(ward, rows, "A", { toRank: 1, exclude: ["online"] });
    expect(noOnline.changes.map((c) => [c.id, c.to])).toEqual([["meetings", ["4"]], ["steering", ["Chủ tịch"]]]);
    expect(noOnline.result.after).toMatchObject({ value: "0.7250", rank: 1 });
  });
});
