import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyBands } from "../../src/analysis/apply-bands.ts";
import { bandOf } from "../../src/analysis/band-of.ts";
import { defineBands, getBands } from "../../src/analysis/bands.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { roundHalfUp } from "../../src/number/round-half-up.ts";

describe("bands", () => {
  it("dti-2020-map: > 0.40, 0.325–0.40, 0.25–0.325, < 0.25 with the documented edges", () => {
    const map = getBands("dti-2020-map");
    const id = (v: string) => bandOf(map, v)?.id;
    // Đà Nẵng 2020 0.4874, Bắc Ninh 2020 0.4096 (published): Nhóm 1.
    expect(id("0.4874")).toBe("group-1");
    expect(id("0.4096")).toBe("group-1");
    expect(id("0.4001")).toBe("group-1");
    expect(id("0.4000")).toBe("group-2"); // "> 0.4000" is strict
    expect(id("0.3250")).toBe("group-2"); // uncertain edge: documented choice
    expect(id("0.3249")).toBe("group-3");
    expect(id("0.2500")).toBe("group-3"); // "< 0.2500" is strict
    expect(id("0.2499")).toBe("group-4");
    expect(bandOf(map, null)).toBeUndefined();
  });

  it("hcmc-79-2023-departments: on 330 points, khởi động < 198, hình thành 198 to < 264, nâng cao ≥ 264", () => {
    const set = getBands("hcmc-79-2023-departments");
    const level = (points: number) => bandOf(set, roundHalfUp(String(points / 330), 4))?.label.vi;
    expect([197, 197.9, 198, 230, 263.9, 264, 300, 330].map(level)).toEqual(["Khởi động", "Khởi động", "Hình thành", "Hình thành", "Hình thành", "Nâng cao", "Nâng cao", "Nâng cao"]);
    // Read from the published value: 263.99 / 330 = 0.79997 publishes 0.8000, 197.99 publishes 0.6000 (documented).
    expect([level(263.99), level(197.99)]).toEqual(["Nâng cao", "Hình thành"]);
    expect(set.note).toContain("79/QĐ-UBND");
    // A department framework on 330 points, scored and banded through the CLI preset.
    const fw = { id: "so", version: "1", title: { vi: "Sở" }, root: { id: "r", name: { vi: "Chỉ số" }, maxPoints: 330, children: [{ id: "p", name: { vi: "Điểm" }, maxPoints: 330, rule: { type: "points" as const } }] } };
    const banded = applyBands(score(fw, [{ unit: "Sở A", p: 264 }, { unit: "Sở B", p: 263 }, { unit: "Sở C", p: 198 }, { unit: "Sở D", p: 197 }]), set);
    expect(banded.units.map((u) => [u.unit, u.band])).toEqual([["Sở A", "nang-cao"], ["Sở B", "hinh-thanh"], ["Sở C", "hinh-thanh"], ["Sở D", "khoi-dong"]]);
  });

  it("egdi: Very High ≥ 0.75, High 0.50–0.75, Middle 0.25–0.50, Low < 0.25", () => {
    const egdi = getBands("egdi");
    expect(["0.7500", "0.7499", "0.5000", "0.4999", "0.2500", "0.2499"].map((v) => bandOf(egdi, v)?.id)).toEqual(["very-high", "high", "high", "middle", "middle", "low"]);
  });

  it("attaches bands to every unit and counts them (synthetic 63)", () => {
    const result = score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8")));
    const banded = applyBands(result, getBands("egdi"), { nodes: ["digital-society"] });
    expect(banded.units[0]).toMatchObject({ unit: "TP. Đà Nẵng", value: "0.8387", band: "very-high", label: { vi: "Rất cao", en: "Very High" } });
    const count = (lo: number, hi: number) => result.units.filter((u) => Number(u.value) >= lo && Number(u.value) < hi).length;
    expect(banded.counts.map((c) => c.count)).toEqual([count(0.75, 2), count(0.5, 0.75), count(0.25, 0.5), count(0, 0.25)]);
    expect(banded.counts.reduce((a, c) => a + c.count, 0)).toBe(63);
    expect(banded.units[0]?.nodes?.["digital-society"]).toBe(bandOf(getBands("egdi"), result.units[0]?.nodes["digital-society"]?.value)?.id);
  });

  it("validates user band sets", () => {
    expect(() => defineBands({ id: "x", name: { vi: "X" }, bands: [{ id: "a", label: { vi: "A" }, min: 0.6, max: 0.5 }] })).toThrow(/above max/u);
    expect(() => defineBands({ id: "x", name: { vi: "X" }, bands: [] })).toThrow(/non-empty/u);
    expect(() => getBands("nope")).toThrow(/no band preset/u);
    expect(() => getBands("toString")).toThrow(/no band preset/u);
  });
});
