import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/analysis/explain.ts";
import { getBands } from "../../src/analysis/bands.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";

const fw = getFramework("vn-dti-2022-province");
const top5 = score(fw, parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));

describe("explain (DTI 2022, published top five)", () => {
  const dn = explain(fw, top5, "TP. Đà Nẵng", { target: 0.85 });
  const node = (ex: ReturnType<typeof explain>, id: string) => ex.nodes.find((n) => n.id === id)!;

  it("gives each indicator's points: Đà Nẵng awareness 1.0000 × 100 points = 100 of 800.175", () => {
    // 100 + 90 + 82.53 + 84.87 + 75.78 + 0.8575×200 (171.5) + 0.7836×150 (117.54) + 0.5197×150 (77.955) = 800.175
    expect(dn.points).toBe(800.175);
    expect(dn.maxPoints).toBe(1000);
    expect(node(dn, "awareness")).toMatchObject({ share: 0.1, maxPoints: 100, points: 100, contribution: 0.1, gapToMax: 0, gapToMaxPoints: 0 });
    expect(node(dn, "digital-government")).toMatchObject({ share: 0.2, maxPoints: 200, points: 171.5 });
    expect(node(dn, "digital-society")).toMatchObject({ share: 0.15, points: 77.955, gapToMaxPoints: 72.045 });
    // Group nodes: foundation = 100 + 90 + 82.53 + 84.87 + 75.78 = 433.18 of 500.
    expect(node(dn, "foundation")).toMatchObject({ share: 0.5, maxPoints: 500, points: 433.18 });
    // awareness share of the total: 100 / 800.175
    expect(node(dn, "awareness").percent).toBeCloseTo(100 / 800.175, 12);
    // Leaf contributions add up to the score exactly.
    const leaves = dn.nodes.filter((n) => n.kind === "leaf");
    expect(leaves.reduce((a, n) => a + (n.points ?? 0), 0)).toBeCloseTo(800.175, 9);
    expect(dn.additive).toBe(true);
  });

  it("names strongest and weakest and gives the target gap", () => {
    // 1.0000, 0.9000, then digital government 0.8575 (ahead of human resources 0.8487)
    expect(dn.strongest).toEqual(["awareness", "institutions", "digital-government"]);
    expect(dn.weakest[0]).toBe("digital-society");
    // 0.85 − 0.800175 = 0.049825 → 0.0498 published; 49.825 points
    expect(dn.target).toEqual({ score: 0.85, gap: 0.049825, gapValue: "0.0498", gapPoints: 49.825, reached: false });
    // the leader is itself
    expect(node(dn, "human-resources").leader).toEqual({ score: 0.8487, gap: 0 });
  });

  it("writes the summary in Vietnamese and English", () => {
    expect(dn.summary.vi).toBe(
      "TP. Đà Nẵng xếp hạng 1/5 với DTI 0,8002. Mạnh nhất: Nhận thức số (1,0000). Yếu nhất: Hoạt động xã hội số (0,5197) — cải thiện chỉ số này thêm 0,1 sẽ tăng DTI 0,0150. " +
        "Tăng DTI nhiều nhất cho mỗi 0,1 cải thiện: Hoạt động chính quyền số (+0,0200). Để đạt mục tiêu 0,8500 cần thêm 0,0498 (49,825 điểm).",
    );
    expect(dn.summary.en).toContain("TP. Đà Nẵng ranks 1/5 with DTI 0.8002. Strongest: Digital awareness (1.0000). Weakest: Digital society activity (0.5197) — improving it by 0.1 would raise the DTI by 0.0150.");
  });

  it("gives HCMC's gaps to the leader, the best and the average", () => {
    const hcm = explain(fw, top5, "TP. Hồ Chí Minh");
    expect(hcm.rank).toBe(2);
    expect(hcm.leader).toEqual({ unit: "TP. Đà Nẵng", score: 0.800175, value: "0.8002" });
    // Đà Nẵng − HCMC per indicator: 1 − 0.8917, 0.8487 − 0.6267, 0.8253 − 0.8258 (HCMC is ahead)
    expect(node(hcm, "awareness").leader?.gap).toBeCloseTo(0.1083, 12);
    expect(node(hcm, "human-resources").leader?.gap).toBeCloseTo(0.222, 12);
    expect(node(hcm, "infrastructure").leader?.gap).toBeCloseTo(-0.0005, 12);
    expect(node(hcm, "infrastructure").best).toEqual({ unit: "TP. Hồ Chí Minh", score: 0.8258, gap: 0 });
    // average awareness of the five: (1 + 0.8917 + 0.9581 + 0.95 + 0.9) / 5 = 0.93996
    expect(node(hcm, "awareness").average).toEqual({ score: 0.93996, gap: 0.04826 });
    // what to improve first: digital government (200 points, 0.1594 headroom) gains 0.1 × 0.2 = 0.02
    expect(hcm.priorities[0]).toBe("digital-government");
    expect(node(hcm, "digital-government").gainPerStep).toBe(0.02);
    // digital society 0.3590: 0.1 × 0.15 = 0.015
    expect(node(hcm, "digital-society").gainPerStep).toBe(0.015);
    // cybersecurity headroom 0.442 → 0.1 × 0.1
    expect(node(hcm, "cybersecurity").gainPerStep).toBe(0.01);
  });

  it("places the unit in a band and names unknown units", () => {
    expect(explain(fw, top5, "tp. đà nẵng", { bands: getBands("egdi") }).band).toEqual({ set: "egdi", id: "very-high", label: { vi: "Rất cao", en: "Very High" } });
    expect(() => explain(fw, top5, "Đà Nẵng")).toThrow(/did you mean "TP. Đà Nẵng"/u);
  });
});
