import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareYears } from "../../src/analysis/compare-years.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";

const fw = getFramework("vn-dti-2022-province");
// SYNTHETIC two-year data (scripts/make-years-fixture.mjs; fixtures/README.md).
const text = readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8");
const result = score(fw, parseCsv(text));

describe("compareYears (synthetic 63 provinces, 2022 → 2023)", () => {
  const cmp = compareYears(result, { from: 2022, to: 2023 });

  it("gives each unit's change of value and rank from the published values", () => {
    // Vĩnh Phúc 2022: 83.81 + 87.72 + 71.80 + 71.47 + 69.42 + 0.8058×200 + 0.7355×150 + 0.5952×150 = 744.985 → 0.7450
    //           2023: 88.95 + 92.16 + 77.37 + 76.56 + 75.42 + 0.8421×200 + 0.7833×150 + 0.6143×150 = 788.52 → 0.7885
    const vp = cmp.units.find((u) => u.unit === "Vĩnh Phúc")!;
    // deltaScore is a difference of scores (floats within 1e-15 of the exact ones).
    expect(vp).toMatchObject({ code: "26", from: "0.7450", to: "0.7885", delta: "+0.0435", rankFrom: 20, rankTo: 17, rankChange: 3 });
    expect(vp.deltaScore).toBeCloseTo(0.043535, 14);
    expect(vp.nodes["awareness"]).toMatchObject({ from: "0.8381", to: "0.8895", delta: "+0.0514", rankFrom: 22, rankTo: 18, rankChange: 4 });
    expect(vp.nodes["awareness"]!.deltaScore).toBeCloseTo(0.0514, 14);
    expect(cmp.units).toHaveLength(63);
    expect(cmp.units[0]?.unit).toBe("Vĩnh Phúc"); // the largest rise
  });

  it("lists the most improved, climbed and declined, with counts", () => {
    expect(cmp.mostImproved).toEqual(["Vĩnh Phúc", "Thanh Hóa", "Vĩnh Long", "Hải Dương", "Gia Lai"]);
    expect(cmp.mostClimbed[0]).toBe("Thanh Hóa"); // 13 → 5
    expect(cmp.mostDeclined).toEqual(["Lâm Đồng", "Tây Ninh", "Bến Tre", "Ninh Bình"]);
    expect(cmp.counts).toEqual({ improved: 59, declined: 4, unchanged: 0 });
    expect(cmp.added).toEqual([]);
    expect(cmp.dropped).toEqual([]);
  });

  it("finds new and dropped units and refuses unknown years", () => {
    const lines = text.trimEnd().split("\n");
    const edited = lines.filter((l) => !l.startsWith("Hà Giang,02,Trung du và miền núi phía Bắc,2023")).map((l) => (l.startsWith("Cao Bằng,04") && l.includes(",2023,") ? l.replace("Cao Bằng,04", "Tỉnh Mới,99") : l));
    const c = compareYears(score(fw, parseCsv(edited.join("\n"))), { from: 2022, to: 2023 });
    expect(c.dropped.map((u) => u.unit).sort()).toEqual(["Cao Bằng", "Hà Giang"]);
    expect(c.added.map((u) => u.unit)).toEqual(["Tỉnh Mới"]);
    expect(c.units).toHaveLength(61);
    expect(() => compareYears(result, { from: 2021, to: 2023 })).toThrow(/no year 2021/u);
  });
});
