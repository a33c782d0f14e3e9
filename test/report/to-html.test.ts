import { describe, expect, it } from "vitest";
import { toHTML } from "../../src/report/to-html.ts";
import { parseSvg, sampleResult, tinyResult } from "./helpers.ts";

const rows = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/gu)].map((m) => [...(m[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gu)].map((c) => c[1]));

describe("toHTML", () => {
  it("writes a well-formed table with Vietnamese labels and vi-VN numbers by default", () => {
    const html = toHTML(tinyResult());
    parseSvg(html); // the fragment is well-formed XML too
    expect(html.startsWith('<table class="dti-ranking">')).toBe(true);
    expect(html).toContain('<th scope="col" class="rank">Hạng</th><th scope="col" class="unit">Đơn vị</th>');
    expect(html).toContain('<th scope="col" class="num" title="Hạ tầng số">HTS</th>');
    const body = rows(html).slice(1);
    expect(body[1]).toEqual(["2", "Đà Nẵng", "0,6000", "0,5000", "0,7000"]);
  });

  it("escapes unit names: a <script> name stays text", () => {
    const html = toHTML(tinyResult());
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });

  it("shows tied units with the same rank and missing values as –", () => {
    const body = rows(toHTML(tinyResult())).slice(1);
    expect(body.map((r) => r[0])).toEqual(["1", "2", "2", "4"]);
    expect(body[3]).toEqual(["4", "Cà Mau", "0,2000", "0,2000", "–"]);
    expect(toHTML(tinyResult())).toContain('<td class="num missing">–</td>');
  });

  it("writes English labels with en-US numbers", () => {
    const html = toHTML(tinyResult(), { language: "en" });
    expect(html).toContain(">Rank</th>");
    expect(html).toContain('title="Infrastructure">HTS</th>');
    expect(rows(html)[1]).toEqual(["1", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "0.8000", "0.9000", "0.7000"]);
  });

  it("lets the locale differ from the language, and keeps the published value in data-value", () => {
    const html = toHTML(tinyResult(), { language: "en", locale: "vi-VN" });
    expect(html).toContain('<td class="num" data-value="0.8000">0,8000</td>');
  });

  it("shows groups and group ranks, a caption and a limit", () => {
    const html = toHTML(sampleResult(), { limit: 3, caption: "Top <3>" });
    expect(html).toContain("<caption>Top &lt;3&gt;</caption>");
    const all = rows(html);
    expect(all).toHaveLength(4);
    expect(all[0]?.slice(0, 6)).toEqual(["Hạng", "Đơn vị", "Nhóm", "Hạng trong nhóm", "DTI", "Nhóm chỉ số nền tảng chung"]);
    expect(all[1]?.slice(0, 5)).toEqual(["1", "TP. Đà Nẵng", "Bắc Trung Bộ và duyên hải miền Trung", "1", "0,8387"]);
  });
});
