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
    // Group scores are the float evaluator's (within 1e-15 of exact), so their points are too.
    expect(node(dn, "foundation")).toMatchObject({ share: 0.5, maxPoints: 500 });
    expect(node(dn, "foundation").points).toBeCloseTo(433.18, 10);
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
    // typed without Vietnamese input: the hint still finds it, but the name does not match
    expect(() => explain(fw, top5, "TP Da Nang")).toThrow(/did you mean "TP. Đà Nẵng"/u);
    expect(() => explain(fw, top5, "tp. ho chi minh")).toThrow(/no unit "tp. ho chi minh".*did you mean "TP. Hồ Chí Minh"/u);
  });
});

describe("explain: views, weights without points, reweighting, groups and years", () => {
  it("gives the pillar views of HCMC", () => {
    const hcm = explain(fw, top5, "TP. Hồ Chí Minh");
    expect(hcm.views.map((v) => v.id)).toEqual(["government", "economy", "society"]);
    // Chính quyền số = (380.22 foundation points + 168.12) / 700 = 0.783343 → 0.7833, rank 3 behind
    // Đà Nẵng (433.18 + 171.5) / 700 = 0.8638 and Huế (385.4 + 0.8262 × 200) / 700 = 0.7866
    expect(hcm.views[0]).toMatchObject({ value: "0.7833", rank: 3 });
    expect(hcm.views[0]?.leader?.gap).toBeCloseTo((433.18 + 171.5 - 380.22 - 168.12) / 700, 12);
  });

  it("uses weights when the index has no points (DTI 2020, Bắc Ninh: 0.4 / 0.3 / 0.3)", () => {
    const fw20 = getFramework("vn-dti-2020-province");
    const r = score(fw20, parseCsv(readFileSync("fixtures/dti-2020-bac-ninh.csv", "utf8")));
    const ex = explain(fw20, r, "Bắc Ninh");
    // 0.4 × 0.4449 = 0.17796; 0.3 × 0.3668 = 0.11004; 0.3 × 0.4052 = 0.12156; total 0.40956 → 0.4096
    expect(ex.nodes.map((n) => [n.id, n.share, n.contribution])).toEqual([
      ["government", 0.4, 0.17796],
      ["economy", 0.3, 0.11004],
      ["society", 0.3, 0.12156],
    ]);
    expect(ex.points).toBeNull();
    expect(ex.nodes[0]?.points).toBeNull();
    expect(ex.value).toBe("0.4096");
  });

  it("leaves a missing indicator out of the shares under reweight, as scoring does", () => {
    const rows = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8").replace("TP. Hồ Chí Minh,0.8917,", "TP. Hồ Chí Minh,,"));
    const r = score(fw, rows, { missing: "reweight" });
    const hcm = explain(fw, r, "TP. Hồ Chí Minh");
    // foundation without awareness: 90 + 82.58 + 62.67 + 55.8 = 291.05 of 400 → 0.727625; institutions share 0.5 × 100/400
    expect(hcm.nodes.find((n) => n.id === "institutions")?.share).toBe(0.125);
    expect(hcm.nodes.find((n) => n.id === "awareness")?.share).toBe(0);
    const sum = hcm.nodes.filter((n) => n.kind === "leaf").reduce((a, n) => a + n.contribution, 0);
    expect(sum).toBeCloseTo(hcm.score as number, 12);
  });

  it("names the group rank and the year (synthetic 63, two years)", () => {
    const r = score(fw, parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8")));
    const ex = explain(fw, r, "26"); // by code: Vĩnh Phúc, latest year
    const mine = r.units.find((u) => u.unit === "Vĩnh Phúc" && u.year === 2023)!;
    expect(ex).toMatchObject({ unit: "Vĩnh Phúc", year: 2023, value: "0.7885", rank: 17, units: 63, group: "Đồng bằng sông Hồng", groupRank: mine.groupRank });
    expect(ex.summary.vi.startsWith(`Năm 2023, Vĩnh Phúc xếp hạng 17/63 với DTI 0,7885. Trong nhóm Đồng bằng sông Hồng: hạng ${mine.groupRank}/${ex.groupUnits}.`)).toBe(true);
    expect(explain(fw, r, "Vĩnh Phúc", { year: 2022 }).value).toBe("0.7450");
  });
});
