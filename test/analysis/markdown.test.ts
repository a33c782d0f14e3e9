import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessment } from "../../src/analysis/assessment.ts";
import { assessmentToMarkdown } from "../../src/analysis/assessment-markdown.ts";
import { compareYears } from "../../src/analysis/compare-years.ts";
import { explain } from "../../src/analysis/explain.ts";
import { explainToMarkdown } from "../../src/analysis/explain-markdown.ts";
import { planImprovements } from "../../src/analysis/plan-improvements.ts";
import { whatIf } from "../../src/analysis/what-if.ts";
import { planToMarkdown, whatIfToMarkdown } from "../../src/analysis/what-if-markdown.ts";
import { yearsToMarkdown } from "../../src/analysis/years-markdown.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";

const fw = getFramework("vn-dti-2022-province");
const table = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));
const result = score(fw, table);

describe("Markdown renderers", () => {
  it("explain: summary and one row per node, English labels", () => {
    const md = explainToMarkdown(explain(fw, result, "TP. Hồ Chí Minh", { target: 0.8 }), { language: "en" });
    expect(md.split("\n")[0]).toBe("## TP. Hồ Chí Minh: DTI explained");
    // digital society: 0.3590 × 150 = 53.85 of 150, 53.85 / 716.355 = 7.5 %, 96.15 left; 0.3590 − 0.5197 (leader) = −0.1607
    expect(md).toContain("| \u00a0\u00a0\u00a0Digital society activity (HĐXHS) | 0.3590 | 3 | 53.85 / 150 | 7.5 % | 96.15 | -0.1607 | -0.0258 | -0.4410 | +0.0150 |");
  });

  it("what-if and plan", () => {
    const md = whatIfToMarkdown(whatIf(fw, table, "TP. Hồ Chí Minh", { "digital-society": 0.5 }), { language: "vi" });
    expect(md).toContain("| Giá trị | 0,7164 | 0,7375 | +0,0211 |");
    const plan = planToMarkdown(planImprovements(fw, table, "TP. Đà Nẵng", { toRank: 1 }), { language: "en" });
    expect(plan).toContain("Already there: 0.8002, rank 1.");
  });

  it("years and assessment (synthetic data)", () => {
    const years = score(fw, parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8")));
    const md = yearsToMarkdown(compareYears(years, { from: 2022, to: 2023 }), { limit: 1 });
    expect(md).toContain("59 đơn vị tăng, 4 giảm, 0 không đổi");
    expect(md).toContain("| Vĩnh Phúc | 0,7450 | 0,7885 | +0,0435 | 20 | 17 | +3 |");
    const a = assessmentToMarkdown(assessment(fw, parseCsv(readFileSync("fixtures/assessment-2022-synthetic.csv", "utf8"))), { language: "en" });
    expect(a).toContain("| TP. Hồ Chí Minh | Digital society activity | 150 | 53.85 | 53.85 | – | BC 35/BC-STTTT | ASSESSMENT_FINAL_MISSING |");
  });
});

describe("what-if inputs in the change table", () => {
  it("writes numbers in the language's style and categories as they are", async () => {
    const { defineFramework } = await import("../../src/framework/validate-framework.ts");
    const ward = defineFramework({
      id: "ward-labels", version: "1", title: { vi: "Phường" },
      root: { id: "dti", name: { vi: "DTI" }, maxPoints: 100, children: [
        { id: "online", name: { vi: "Trực tuyến" }, maxPoints: 50, rule: { type: "value" } },
        { id: "steering", name: { vi: "Trưởng ban" }, maxPoints: 50, rule: { type: "categorical", categories: [{ label: "Bí thư, Chủ tịch", points: 50 }, { label: "P. Chủ tịch", points: 20 }, { label: "Chưa có", points: 0 }] } },
      ] },
    });
    const rows = [{ unit: "A", online: "0,5", steering: "P. Chủ tịch" }, { unit: "B", online: 0.75, steering: "Chưa có" }];
    const r = whatIf(ward, rows, "A", { online: "0.95", steering: "Bí thư, Chủ tịch" });
    // Categories were once rewritten like numbers: "P, Chủ tịch" in Vietnamese, "Bí thư. Chủ tịch" in English.
    expect(whatIfToMarkdown(r, { language: "vi" })).toContain("| online | 0,5 | 0,95 |\n| steering | P. Chủ tịch | Bí thư, Chủ tịch |");
    expect(whatIfToMarkdown(r, { language: "en" })).toContain("| online | 0.5 | 0.95 |\n| steering | P. Chủ tịch | Bí thư, Chủ tịch |");
  });
});
