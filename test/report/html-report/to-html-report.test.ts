import { describe, expect, it } from "vitest";
import { score } from "../../../src/pipeline/score.ts";
import { toHTMLReport } from "../../../src/report/html-report/to-html-report.ts";
import { parseSvg, sampleResult, tiny, tinyResult } from "../helpers.ts";

describe("toHTMLReport", () => {
  it("is one self-contained Vietnamese page: no script, no external resource, a strict CSP", () => {
    const html = toHTMLReport(sampleResult(), { dataSource: "provinces-63-synthetic.csv" });
    expect(html.startsWith("<!doctype html>\n<html lang=\"vi\">")).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(/iu);
    // Only links are the framework's references, as plain anchors.
    const hrefs = [...html.matchAll(/href="([^"]*)"/gu)].map((m) => m[1]);
    expect(hrefs.filter((h) => !h?.startsWith("#")).every((h) => h?.startsWith("https://"))).toBe(true);
    // Every inline SVG is well-formed.
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/gu) ?? [];
    expect(svgs.length).toBe(2 + 63); // ranking, featured radar, one radar per unit card
    for (const svg of svgs.slice(0, 3)) parseSvg(svg);
  });

  it("summarises with locale numbers, lists every unit in the table and as a card", () => {
    const html = toHTMLReport(sampleResult());
    expect(html).toContain("63 đơn vị được chấm điểm theo Bộ chỉ số chuyển đổi số cấp tỉnh (922/QĐ-BTTTT).");
    expect(html).toContain("dẫn đầu TP. Đà Nẵng (0,8387)");
    expect(html).toContain("thấp nhất Lâm Đồng (0,4553)");
    expect(html.match(/<article class="card"/gu)).toHaveLength(63);
    expect(html.match(/<th scope="row" class="unit">/gu)?.length).toBe(63 + 8); // ranking rows + indicator overview rows
    expect(html).toContain("Điểm yếu tương đối"); // the leader is above the average everywhere
    expect(html).toContain('<section id="framework">');
    expect(html).toContain("922/QĐ-BTTTT");
    expect(html).toContain("Những điểm chưa chắc chắn");
    expect(html).toContain('<span class="badge unverified">chưa kiểm chứng</span>');
    expect(html).toContain("63/63 đơn vị đủ mọi chỉ số");
    expect(html).toContain("Không có cảnh báo.");
  });

  it("escapes hostile unit names everywhere", () => {
    const html = toHTMLReport(tinyResult());
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });

  it("writes English, lists warnings and coverage, honours cards", () => {
    const r = score(tiny, [
      { unit: "A", a: 0.5, b: 0.5, extra: 1 },
      { unit: "B", a: 0.7, b: "" },
    ], { missing: "reweight", unknownColumns: "warn" });
    expect(r.warnings.length).toBeGreaterThan(0);
    const html = toHTMLReport(r, { language: "en", cards: 1, title: "Ward <index>" });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Ward &lt;index&gt;</title>");
    expect(html).toContain("1/2 units have every indicator; mean coverage 75%.");
    expect(html).toContain('<ul class="warnings"><li>warning ');
    expect(html.match(/<article class="card"/gu)).toHaveLength(1);
    expect(html).toContain("The framework names no source.");
  });

  it("adds the comparison chart with an earlier result", () => {
    const before = score(tiny, [{ unit: "A", a: 0.4, b: 0.4 }, { unit: "B", a: 0.6, b: 0.6 }]);
    const html = toHTMLReport(score(tiny, [{ unit: "A", a: 0.5, b: 0.5 }, { unit: "B", a: 0.55, b: 0.55 }]), { before, beforeLabel: "2023", afterLabel: "2024" });
    expect(html).toContain("DTI: 2023 → 2024");
    expect(html).toContain("+0,1000");
    expect(toHTMLReport(before)).not.toContain("chart-comparison");
  });

  it("is deterministic", () => {
    expect(toHTMLReport(tinyResult())).toBe(toHTMLReport(tinyResult()));
  });
});

describe("toHTMLReport with imputed values", () => {
  it("lists every imputed cell with its method and source", () => {
    const r = score(tiny, [
      { unit: "A", group: "G", a: 0.5, b: 0.4 },
      { unit: "B", group: "G", a: 0.7, b: 0.8 },
      { unit: "<C>", group: "G", a: 0.6, b: "" },
    ], { columns: { group: "group" }, impute: "group-mean" });
    expect(r.imputed?.length).toBe(1);
    const html = toHTMLReport(r);
    expect(html).toContain("Giá trị được ước tính (điền thiếu) (1)");
    expect(html).toMatch(/<tr><th scope="row" class="unit">&lt;C&gt;<\/th><td class="year"><\/td><td>Nhân lực số<\/td><td class="num">0,6<\/td><td>group-mean<\/td><td>[^<]*G[^<]*<\/td><\/tr>/u);
    expect(toHTMLReport(tinyResult())).not.toContain("điền thiếu");
  });
  it("prints on A4 with page numbers, and lists the indicators in an appendix unless asked not to", () => {
    const html = toHTMLReport(sampleResult());
    expect(html).toContain("@page { size: A4 portrait;");
    expect(html).toContain("@page wide { size: A4 landscape;");
    expect(html).toContain('@page { @bottom-center { content: "Trang " counter(page) "/" counter(pages);');
    expect(toHTMLReport(sampleResult(), { language: "en" })).toContain('content: "Page " counter(page) " of " counter(pages);');
    // The 63-province ranking fits one landscape page.
    expect(html).toContain('<section id="ranking" class="print-wide">');
    expect(html).toContain('<section id="appendix">\n<h2>Phụ lục: danh mục chỉ số</h2>');
    expect(toHTMLReport(sampleResult(), { appendix: false })).not.toContain('<section id="appendix">');
    // A two-column ranking prints portrait.
    expect(toHTMLReport(tinyResult())).toContain('<section id="ranking">');
  });
});
