import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyBands } from "../../../src/analysis/apply-bands.ts";
import { getBands } from "../../../src/analysis/bands.ts";
import { parseCsv } from "../../../src/csv.ts";
import { getFramework } from "../../../src/framework/builtin/index.ts";
import { reportBands, reportLevers, reportUncertainty } from "../../../src/cli/report-extras.ts";
import { bandClass } from "../../../src/report/html-report/extras.ts";
import { toHTMLReport } from "../../../src/report/html-report/to-html-report.ts";
import { toHTML } from "../../../src/report/to-html.ts";
import { parseSvg, sampleResult } from "../helpers.ts";

const fw = getFramework("vn-dti-2022-province");
const table = parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8"));

describe("toHTMLReport with bands, uncertainty and levers", () => {
  const result = sampleResult();
  const bands = reportBands(result, getBands("egdi"), "vi");
  const ua = reportUncertainty(fw, table, {}, 100, 7);
  const levers = reportLevers(fw, result, result.units.slice(0, 3));
  const html = toHTMLReport(result, { bands, uncertainty: ua, levers });

  it("adds a band column, a badge per card and the band distribution (EGDI: 17 very high, 42 high, 4 middle, 0 low)", () => {
    expect(bands.counts.map((c) => c.count)).toEqual([17, 42, 4, 0]);
    expect(html).toContain('<th scope="col" class="band-col">Mức</th>');
    // The leader: 0.8387 ≥ 0.75, very high, in the table and on its card.
    expect(html).toContain('<td class="num" data-value="0.8387">0,8387</td><td class="band-col"><span class="band band-0">Rất cao</span></td>');
    expect(html).toContain('<div class="score">0,8387 <span class="band band-0">Rất cao</span></div>');
    // Once in the screen table, once in the first of the printed tables (the ranking is wider than a page).
    const [screen, print] = html.split('<div class="print-only">');
    expect(screen?.match(/<td class="band-col"><span class="band /gu)).toHaveLength(63);
    expect(print?.match(/<td class="band-col"><span class="band /gu)).toHaveLength(63);
    expect(html).toContain("<h3>Mức kiểu EGDI</h3>");
    expect(html).toContain('<li><span class="band band-1">Cao</span> <strong>42</strong> <span class="meta">0,5000 ≤ x &lt; 0,7500</span></li>');
    expect(html).toMatch(/<span class="band-seg band-0" style="width:26.98%" title="Rất cao: 17">17<\/span>/u);
  });

  it("adds the robustness section: one row and one interval chart per unit, seeded", () => {
    expect(ua.runs).toBe(100);
    const section = /<section id="uncertainty">[\s\S]*?<\/section>/u.exec(html)?.[0] ?? "";
    expect(section).toContain("100 lần mô phỏng Monte Carlo (seed 7) thay đổi: weights (10).");
    const charts = section.match(/<svg class="interval"[\s\S]*?<\/svg>/gu) ?? [];
    expect(charts).toHaveLength(63);
    for (const svg of charts.slice(0, 5)) parseSvg(svg);
    const first = ua.units[0]!;
    expect(first.unit).toBe("TP. Đà Nẵng");
    expect(section).toContain(`<td class="num">${first.rankLow}–${first.rankHigh}</td>`);
    // The same interval in the ranking table and on the card.
    expect(html).toContain('<th scope="col" class="num">Hạng 5–95 %</th>');
    expect(html).toContain(`Hạng trung vị ${first.medianRank} · 5–95 %: ${first.rankLow}–${first.rankHigh}`);
    // Same seed, same report.
    expect(toHTMLReport(result, { uncertainty: reportUncertainty(fw, table, {}, 100, 7) })).toBe(toHTMLReport(result, { uncertainty: ua }));
  });

  it("shows each card's levers from explain: Đà Nẵng's digital government 0.9209 + 0.1 (capped at 1) adds 0.2 × 0.0791", () => {
    const dn = levers.get("TP. Đà Nẵng")!;
    expect(dn[0]).toMatchObject({ value: "0.9209", step: 0.1 });
    expect(dn[0]!.gain).toBeCloseTo(0.2 * (1 - 0.92085), 3);
    expect(html).toContain("<li>Hoạt động chính quyền số (0,9209) thêm 0,1 → DTI +0,0158</li>");
    expect(html.match(/Cải thiện hiệu quả nhất/gu)).toHaveLength(3);
  });

  it("escapes band names and labels from a band file", () => {
    const evil = applyBands(result, { id: "x", name: { vi: "<script>1</script>" }, bands: [{ id: "a", label: { vi: '<img src=x onerror="1">' }, min: 0 }] });
    const page = toHTMLReport(result, { bands: evil });
    expect(page).not.toMatch(/<script|<img/u);
    expect(page).toContain("&lt;img src=x onerror=&quot;1&quot;&gt;");
  });

  it("bandClass spreads any number of bands from band-0 (best) to band-4", () => {
    expect([0, 1, 2, 3].map((i) => bandClass(i, 4))).toEqual(["band-0", "band-1", "band-3", "band-4"]);
    expect([0, 1].map((i) => bandClass(i, 2))).toEqual(["band-0", "band-4"]);
    expect(bandClass(0, 1)).toBe("band-0");
  });

  it("toHTML takes extra columns after the index value", () => {
    const t = toHTML(result, { limit: 1, columns: [], extraColumns: [{ header: "x<y", cell: (u) => `#${u.rank}` }] });
    expect(t).toContain('<th scope="col" class="extra">x&lt;y</th>');
    expect(t).toContain('<td class="num" data-value="0.8387">0,8387</td><td class="extra">#1</td>');
  });
});
