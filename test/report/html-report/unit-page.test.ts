import { describe, expect, it } from "vitest";
import { toHTMLReport } from "../../../src/report/html-report/to-html-report.ts";
import { sampleResult, tinyResult } from "../helpers.ts";

describe("unit pages", () => {
  const result = sampleResult();
  const html = toHTMLReport(result, { unitPages: true, cards: 0 });
  const pages = html.split('<article class="unit-page"').slice(1);

  it("one page per unit, in rank order, in an appendix after the indicator list", () => {
    expect(pages).toHaveLength(63);
    expect(pages[0]).toContain("<h3>TP. Đà Nẵng</h3>");
    expect(pages[62]).toContain("<h3>Lâm Đồng</h3>");
    expect(html.indexOf('<section id="appendix">')).toBeLessThan(html.indexOf('<section id="unit-pages">'));
    expect(html).toContain('<a href="#unit-pages">Phụ lục: từng đơn vị</a>');
    expect(toHTMLReport(result)).not.toContain('<article class="unit-page"');
  });

  it("the gap to the next rank up and the lead over the next rank down", () => {
    const kg = pages.find((p) => p.includes("<h3>Kiên Giang</h3>")) ?? "";
    expect(kg).toContain('<div class="k">DTI</div><div class="v">0,6664</div><div class="s">Hạng 33/63</div>');
    expect(kg).toContain('<div class="k">Cách hạng trên</div><div class="v">0,0051</div><div class="s">hạng 32: Phú Thọ (0,6715)</div>');
    expect(kg).toContain('<div class="k">Hơn hạng dưới</div><div class="v">0,0036</div><div class="s">hạng 34: Bắc Ninh (0,6628)</div>');
    expect(pages[0]).toContain('<div class="k">Cách hạng trên</div><div class="v">–</div><div class="s">Đứng đầu</div>');
  });

  it("its scores against all units and its group, strengths and weaknesses, and its radar", () => {
    const kg = pages.find((p) => p.includes("<h3>Kiên Giang</h3>")) ?? "";
    expect(kg).toContain("Đồng bằng sông Cửu Long: hạng 3 trong nhóm");
    // Index row: value, rank, average of 63, average of the group, highest, gap to the average.
    expect(kg).toContain('<tr><th scope="row" class="unit">DTI</th><td class="num">0,6664</td><td class="rank">33</td><td class="num">0,6694</td><td class="num">0,6241</td><td class="num">0,8387</td><td class="num gap down">−0,0030</td></tr>');
    expect(kg).toContain('<th scope="row" class="unit">NTS</th><td class="num">0,8109</td><td class="rank">29</td><td class="num">0,7849</td>');
    expect(kg.match(/<tr><th scope="row"/gu)).toHaveLength(9); // DTI and the 8 main indicators
    expect(kg).toContain('<div class="label up">Điểm mạnh</div>');
    expect(kg).toContain("<li>Hoạt động chính quyền số <strong>0,7533</strong>");
    expect(kg).toContain('<div class="label down">Điểm yếu</div>');
    expect(kg).toContain('id="page-radar-');
  });

  it("in English, escaped, with levers when given", () => {
    const tiny = tinyResult();
    const en = toHTMLReport(tiny, { unitPages: true, language: "en", levers: new Map([["Hà Nội", [{ name: { vi: "Hạ tầng số", en: "Infrastructure" }, value: "0.6000", step: 0.1, gain: 0.05 }]]]) });
    expect(en).toContain("<h3>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h3>");
    expect(en).not.toContain("<script>");
    expect(en).toContain("Behind the next rank");
    expect(en.split('<article class="unit-page"').find((p) => p.includes("<h3>Hà Nội</h3>"))).toContain("<li>Infrastructure (0.6000) up 0.1 → DTI +0.0500</li>");
  });
});
