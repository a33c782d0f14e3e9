import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessment } from "../../src/analysis/assessment.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";

const fw = getFramework("vn-dti-2022-province");
// Final points of Đà Nẵng are the published 2022 values × max points; self/appraised/evidence are synthetic.
const table = parseCsv(readFileSync("fixtures/assessment-2022-synthetic.csv", "utf8"));

describe("assessment (self-assessed, appraised, final points)", () => {
  const r = assessment(fw, table);

  it("totals each stage through the framework", () => {
    const dn = r.units.find((u) => u.unit === "TP. Đà Nẵng")!;
    // final: 100 + 90 + 82.53 + 84.87 + 75.78 + 171.5 + 117.54 + 77.955 = 800.175 → 0.8002 (the published DTI 2022)
    expect(dn.final).toEqual({ score: 0.800175, value: "0.8002", points: 800.175, rank: 1, missing: 0 });
    // self: 100 + 95 + 82.53 + 84.87 + 80 + 171.5 + 117.54 + 77.955 = 809.395
    expect(dn.self).toMatchObject({ value: "0.8094", points: 809.395 });
    // appraised: 100 + 90 + 82.53 + 84.87 + 75.78 + 171.5 + 110 + 77.955 = 792.635
    expect(dn.appraised).toMatchObject({ value: "0.7926", points: 792.635 });
    const hcm = r.units.find((u) => u.unit === "TP. Hồ Chí Minh")!;
    // final: 89.17 + 90 + 82.58 + 62.67 + 55.8 + 168.12 + 120 + (missing: 0) = 668.34
    expect(hcm.final).toMatchObject({ value: "0.6683", points: 668.34, missing: 1, rank: 2 });
    expect(r.ok).toBe(true);
  });

  it("flags every difference on its item", () => {
    const flags = (unit: string, node: string) => r.items.find((i) => i.unit === unit && i.node === node)?.flags;
    expect(flags("TP. Đà Nẵng", "institutions")).toEqual(["ASSESSMENT_SELF_APPRAISED_DIFFER"]);
    expect(flags("TP. Đà Nẵng", "cybersecurity")).toEqual(["ASSESSMENT_MISSING_EVIDENCE", "ASSESSMENT_SELF_APPRAISED_DIFFER"]);
    // final ≠ appraised, with a note: only the self/appraised difference
    expect(flags("TP. Đà Nẵng", "digital-economy")).toEqual(["ASSESSMENT_SELF_APPRAISED_DIFFER"]);
    expect(flags("TP. Hồ Chí Minh", "digital-economy")).toEqual(["ASSESSMENT_FINAL_CHANGED"]);
    expect(flags("TP. Hồ Chí Minh", "digital-society")).toEqual(["ASSESSMENT_FINAL_MISSING"]);
    expect(flags("TP. Đà Nẵng", "awareness")).toEqual([]);
    expect(r.units.map((u) => u.flagged)).toEqual([3, 3]);
    // A tolerance of 5 points lets Đà Nẵng's institutions (95 vs 90) pass.
    const tolerant = assessment(fw, table, { tolerance: 5, requireEvidence: false });
    expect(tolerant.items.find((i) => i.unit === "TP. Đà Nẵng" && i.node === "institutions")?.flags).toEqual([]);
    expect(tolerant.items.find((i) => i.unit === "TP. Đà Nẵng" && i.node === "cybersecurity")?.flags).toEqual([]);
  });

  it("reports bad points, unknown and repeated indicators and missing rows as typed issues", () => {
    const bad = assessment(fw, [
      { unit: "Huế", indicator: "awareness", self: 120, appraised: 90, final: 90, evidence: "x" },
      { unit: "Huế", indicator: "awareness", self: 1, appraised: 1, final: 1, evidence: "x" },
      { unit: "Huế", indicator: "nope", self: 1 },
      { unit: "Huế", indicator: "NTS", self: "abc" },
    ]);
    expect(bad.ok).toBe(false);
    const codes = bad.issues.map((i) => i.code);
    expect(codes).toContain("ASSESSMENT_OUT_OF_RANGE");
    expect(codes).toContain("ASSESSMENT_DUPLICATE");
    expect(codes).toContain("ASSESSMENT_UNKNOWN_INDICATOR");
    expect(codes.filter((c) => c === "ASSESSMENT_MISSING_INDICATOR")).toHaveLength(7);
    expect(bad.issues.find((i) => i.code === "ASSESSMENT_OUT_OF_RANGE")).toMatchObject({ row: 1, unit: "Huế", node: "awareness" });
    // appraised 90 of 100 on awareness (share 0.1) → 0.09
    expect(bad.units[0]?.appraised).toMatchObject({ score: 0.09, points: 90, missing: 7 });
  });
});

describe("assessment in wide shape", () => {
  it("reads <indicator>.<stage> columns (English and Vietnamese) like the long shape", () => {
    const wide = assessment(fw, [
      { "Tỉnh/thành phố": "Huế", "awareness.self": 95, "awareness.appraised": 90, "awareness.final": 90, "awareness.evidence": "KH 1",
        "Thể chế số.tự đánh giá": 80, "Thể chế số.thẩm định": 80, "Thể chế số (chính thức)": 85, "Thể chế số (minh chứng)": "NQ 2" },
    ]);
    // final: 0.1 × 90/100 + 0.1 × 85/100 = 0.175
    expect(wide.units[0]?.final).toMatchObject({ score: 0.175, points: 175, missing: 6 });
    expect(wide.items.map((i) => [i.node, i.self, i.appraised, i.final, i.evidence, i.flags])).toEqual([
      ["awareness", 95, 90, 90, "KH 1", ["ASSESSMENT_SELF_APPRAISED_DIFFER"]],
      ["institutions", 80, 80, 85, "NQ 2", ["ASSESSMENT_FINAL_CHANGED"]],
    ]);
  });
});
