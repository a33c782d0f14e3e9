import { describe, expect, it } from "vitest";
import { BAR_LAYOUT, rankingBarChart } from "../../../src/report/chart/ranking-bar.ts";
import { score } from "../../../src/pipeline/score.ts";
import { elements, parseSvg, sampleResult, tiny, tinyResult } from "../helpers.ts";

describe("rankingBarChart", () => {
  it("is a well-formed standalone SVG with a viewBox, a title and a Vietnamese font stack", () => {
    const svg = rankingBarChart(tinyResult());
    parseSvg(svg);
    const root = elements(svg, "svg")[0] ?? {};
    expect(root["xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(root["viewBox"]).toMatch(/^0 0 760 \d+$/u);
    expect(root["font-family"]).toContain("Noto Sans");
    expect(svg).toContain('<title id="dti-ranking-title">Xếp hạng DTI</title>');
  });

  it("draws bars proportional to the scores on a 0–1 axis, best first", () => {
    const svg = rankingBarChart(tinyResult());
    const bars = elements(svg, "rect").filter((r) => r["class"] === "bar");
    // Cà Mau's index is 0.2 (one indicator missing, reweighted): 4 bars.
    expect(bars.map((b) => b["data-value"])).toEqual(["0.8000", "0.6000", "0.6000", "0.2000"]);
    const widths = bars.map((b) => Number(b["width"]));
    const x0 = Number(bars[0]?.["x"]);
    expect(bars.every((b) => Number(b["x"]) === x0)).toBe(true);
    const full = widths[0]! / 0.8; // the plot width (score 1)
    widths.forEach((w, i) => expect(w).toBeCloseTo(full * [0.8, 0.6, 0.6, 0.2][i]!, 1));
    // The 1 tick sits at the end of a full-length bar.
    const oneTick = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>1<\/text>/gu)][0];
    expect(Number(oneTick?.[1])).toBeCloseTo(x0 + full, 1);
    // Ties: equal bars, shared rank.
    expect(widths[1]).toBe(widths[2]);
    expect(svg.match(/>2<\/text>/gu)).toHaveLength(2);
  });

  it("escapes unit names and formats values for the locale", () => {
    const vi = rankingBarChart(tinyResult());
    expect(vi).not.toContain("<script>");
    expect(vi).toContain("&lt;script&gt;");
    expect(vi).toContain(">0,8000</text>");
    const en = rankingBarChart(tinyResult(), { language: "en" });
    expect(en).toContain(">0.8000</text>");
    expect(en).toContain("Ranking by DTI");
  });

  it("colours bars by group with a legend, and honours limit and highlight", () => {
    const svg = rankingBarChart(sampleResult(), { limit: 10, highlight: ["Gia Lai"] });
    parseSvg(svg);
    const bars = elements(svg, "rect").filter((r) => r["class"] === "bar");
    expect(bars).toHaveLength(10);
    expect(bars[0]?.["data-unit"]).toBe("TP. Đà Nẵng");
    expect(new Set(bars.map((b) => b["fill"])).size).toBeGreaterThan(2);
    expect(svg).toContain(">Tây Nguyên</text>");
    expect(bars.find((b) => b["data-unit"] === "Gia Lai")?.["stroke"]).toBeDefined();
    expect(svg).toContain("10/63 đơn vị đầu");
    const height = Number((elements(svg, "svg")[0]?.["viewBox"] ?? "").split(" ")[3]);
    expect(height).toBeGreaterThan(10 * BAR_LAYOUT.rowHeight);
  });

  it("charts another node or view, ranked on it", () => {
    const svg = rankingBarChart(tinyResult(), { node: "b", language: "en" });
    const bars = elements(svg, "rect").filter((r) => r["class"] === "bar");
    expect(bars.map((b) => b["data-unit"])).toEqual(["<script>alert('x')</script>", "Đà Nẵng", "Hà Nội"].map((u) => u.replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/'/gu, "&#39;")));
    expect(svg).toContain(">–</text>"); // Cà Mau: no value for b
    expect(() => rankingBarChart(tinyResult(), { node: "zzz" })).toThrow(/unknown node/u);
  });

  it("charts one year (the latest by default)", () => {
    const r = score(tiny, [
      { unit: "A", year: 2023, a: 0.9, b: 0.9 },
      { unit: "A", year: 2024, a: 0.4, b: 0.4 },
    ], { columns: { year: "year" } });
    expect(elements(rankingBarChart(r), "rect").find((b) => b["class"] === "bar")?.["data-value"]).toBe("0.4000");
    expect(elements(rankingBarChart(r, { year: 2023 }), "rect").find((b) => b["class"] === "bar")?.["data-value"]).toBe("0.9000");
    expect(rankingBarChart(r)).toContain("Xếp hạng DTI 2024");
  });

  it("is deterministic", () => {
    expect(rankingBarChart(sampleResult())).toBe(rankingBarChart(sampleResult()));
  });
});
