import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as plain from "../../src/analysis.ts";
import { explainDocument, explainToMarkdown, getBands } from "../../src/analysis.ts";
import { applyBands, assessment, compareYears, explain, improvementPriorities, planImprovements, uncertainty, whatIf } from "../../src/notebook.ts";
import { parseCsv } from "../../src/csv.ts";
import { displayDocument } from "../../src/display/document-bundle.ts";
import { JUPYTER_DISPLAY, type MimeBundle } from "../../src/display/mime-bundle.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { uncertainty as plainUncertainty } from "../../src/analysis.ts";

const fw = getFramework("vn-dti-2022-province");
const rows = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));
const top5 = score(fw, rows);

/** The bundle a Deno kernel would ask for. */
function bundleOf(x: object): MimeBundle {
  const show = (x as Record<symbol, unknown>)[JUPYTER_DISPLAY];
  expect(typeof show).toBe("function");
  return (show as () => MimeBundle).call(x);
}

// dti/notebook adds the display; dti and dti/analysis return plain data.
describe("analysis results render in a notebook", () => {
  it("explain: Markdown, an HTML table with the real points, plain text; JSON unchanged", () => {
    const ex = explain(fw, top5, "TP. Đà Nẵng");
    const b = bundleOf(ex);
    expect(b["text/markdown"]).toBe(explainToMarkdown(ex));
    expect(b["text/html"]).toContain("<h2>TP. Đà Nẵng: giải thích DTI</h2>");
    // The total row: 800.175 of 1000 points, rank 1 of 5, value 0,8002 (bold in Markdown, <strong> in HTML).
    expect(b["text/html"]).toContain("<td><strong>DTI</strong></td><td style=\"text-align:right\"><strong>0,8002</strong></td><td style=\"text-align:right\">1/5</td><td style=\"text-align:right\">800,175 / 1000</td>");
    expect(b["text/plain"]).toContain("| **DTI** | **0,8002** | 1/5 | 800,175 / 1000 |");
    expect(Object.keys(ex)).not.toContain(JUPYTER_DISPLAY);
    expect(JSON.parse(JSON.stringify(ex)).value).toBe("0.8002");
    expect(Object.getOwnPropertyDescriptor(ex, JUPYTER_DISPLAY)?.enumerable).toBe(false);
  });

  it("whatIf, priorities and planImprovements render their tables", () => {
    const r = whatIf(fw, rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 });
    expect(r.after.value).toBe("0.7375");
    expect(bundleOf(r)["text/html"]).toContain("0,7375");
    const p = improvementPriorities(fw, rows, "TP. Hồ Chí Minh");
    expect(Array.isArray(p)).toBe(true);
    expect(JSON.stringify(p)).not.toContain("Jupyter");
    expect(bundleOf(p)["text/html"]).toContain("<table>");
    const plan = planImprovements(fw, rows, "TP. Hồ Chí Minh", { toRank: 1 });
    expect(plan.result.after.rank).toBe(1);
    const html = bundleOf(plan)["text/html"] as string;
    expect(html).toContain("<h2>TP. Hồ Chí Minh: cải thiện ít nhất để đạt hạng 1");
    expect(html).toContain("<code>score()</code>");
  });

  it("compareYears, applyBands and assessment render", () => {
    const two = score(fw, parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8")));
    const cmp = compareYears(two, { from: 2022, to: 2023 });
    expect(bundleOf(cmp)["text/markdown"]).toContain("2022");
    expect((bundleOf(cmp)["text/html"] as string).match(/<tr>/gu)!.length).toBeGreaterThan(5);
    const set = getBands("egdi");
    const banded = applyBands(top5, set);
    const bb = bundleOf(banded);
    // Đà Nẵng 0.8002 is "Very High" (> 0.75) in the EGDI bands.
    expect(banded.units[0]).toMatchObject({ unit: "TP. Đà Nẵng", band: "very-high" });
    expect(bb["text/html"]).toContain('<tr><td>Rất cao</td><td>≥ 0,7500</td><td style="text-align:right">1</td><td>TP. Đà Nẵng</td></tr>');
    expect(bb["text/html"]).toContain("<td>&lt; 0,2500</td>");
    const a = assessment(fw, parseCsv(readFileSync("fixtures/assessment-2022-synthetic.csv", "utf8")));
    expect(bundleOf(a)["text/html"]).toContain("TP. Đà Nẵng");
  });

  it("uncertainty renders its summary and interval table (seeded, small)", () => {
    const ua = uncertainty(fw, rows, { runs: 50, seed: 7, sensitivity: false });
    const b = bundleOf(ua);
    expect(b["text/plain"].split("\n")[0]).toMatch(/^Độ bất định của xếp hạng: 50 lần chạy, seed 7,/u);
    const first = ua.units[0]!;
    expect(b["text/html"]).toContain(`<td>${first.unit}</td>`);
    expect(JSON.parse(JSON.stringify(ua)).runs).toBe(50);
  });

  it("displayDocument shows any document, e.g. an explanation in English", () => {
    const en = displayDocument(explainDocument(explain(fw, top5, "TP. Đà Nẵng"), { language: "en" }));
    expect(bundleOf(en)["text/html"]).toContain("<h2>TP. Đà Nẵng: DTI explained</h2>");
    expect(JSON.stringify(en)).toBe("{}");
  });

  it("dti and dti/analysis return plain data: the same values, no display method", () => {
    const results = [
      plain.explain(fw, top5, "TP. Đà Nẵng"),
      plain.whatIf(fw, rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 }),
      plain.improvementPriorities(fw, rows, "TP. Hồ Chí Minh"),
      plain.applyBands(top5, getBands("egdi")),
      plainUncertainty(fw, rows, { runs: 20, seed: 7, sensitivity: false }),
    ];
    for (const r of results) expect(Object.getOwnPropertySymbols(r)).toEqual([]);
    expect(results[0]).toEqual(explain(fw, top5, "TP. Đà Nẵng"));
    expect(results[4]).toEqual(uncertainty(fw, rows, { runs: 20, seed: 7, sensitivity: false }));
  });
});
