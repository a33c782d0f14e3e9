// Charts of a million units: no stack overflow (Math.max(...values) over 125,000 values threw),
// and a chart that says what it shows: the top and bottom 50 with a note, in SVG and Vega-Lite.
// The result is built directly (scoring a million units takes minutes on a shared machine).
import { describe, expect, it } from "vitest";
import type { NodeResult, ScoreResult, UnitResult } from "../../../src/pipeline/types.ts";
import { comparisonChart } from "../../../src/report/chart/comparison.ts";
import { radarChart } from "../../../src/report/chart/radar.ts";
import { rankingBarChart } from "../../../src/report/chart/ranking-bar.ts";
import { fitText } from "../../../src/report/chart/svg.ts";
import { chartWindow, windowNote } from "../../../src/report/chart/window.ts";
import { comparisonSpec } from "../../../src/report/vega/comparison.ts";
import { rankingBarSpec } from "../../../src/report/vega/ranking-bar.ts";
import { elements, parseSvg, sampleResult, tinyResult } from "../helpers.ts";

const MILLION = 1_000_000;

/** `n` units of the tiny framework, ranked 1…n (the last 10 without a value), sharing one node object. */
function manyUnits(n: number): ScoreResult {
  const base = tinyResult();
  const node: NodeResult = { score: 0.5, value: "0.5000", rank: 1, groupRank: null, coverage: 1 };
  const nodes = { a: node, b: node };
  const units: UnitResult[] = [];
  for (let i = 0; i < n; i++) {
    const missing = i >= n - 10;
    const score = missing ? null : 1 - i / n;
    units.push({ unit: `Đơn vị ${i + 1}`, score, value: score === null ? null : score.toFixed(4), rank: missing ? null : i + 1, groupRank: null, coverage: missing ? 0 : 1, row: i + 2, nodes });
  }
  return { ...base, units, coverage: { units: n, complete: n - 10, mean: 1 }, warnings: [] };
}

const big = manyUnits(MILLION);

describe("charts of 1,000,000 units", () => {
  it("the ranking bars show the top 50 and the bottom 50 ranked units, with the note between them (vi and en)", () => {
    const svg = rankingBarChart(big);
    parseSvg(svg);
    const bars = elements(svg, "rect").filter((r) => r["class"] === "bar");
    expect(bars).toHaveLength(100);
    expect(bars[0]?.["data-unit"]).toBe("Đơn vị 1");
    expect(bars[49]?.["data-unit"]).toBe("Đơn vị 50");
    // The bottom is of the ranked units: the 10 without a value are not it.
    expect(bars[50]?.["data-unit"]).toBe("Đơn vị 999941");
    expect(bars[99]?.["data-unit"]).toBe("Đơn vị 999990");
    expect(svg).toContain("⋯ hiển thị 50 đơn vị đầu và 50 đơn vị cuối trong số 1.000.000 đơn vị ⋯");
    expect(svg).toContain("1.000.000 đơn vị");
    // Seven-digit ranks fit their column: the rank text ends left of the names.
    expect(svg).toMatch(/>999990<\/text>/u);
    const en = rankingBarChart(big, { language: "en" });
    expect(en).toContain("⋯ showing the top 50 and bottom 50 of 1,000,000 units ⋯");
    // The note is in the chart even with no subtitle.
    expect(rankingBarChart(big, { subtitle: "" })).toContain("hiển thị 50 đơn vị đầu");
    // An explicit limit is honoured (the subtitle says top n of all), without a gap row.
    const limited = rankingBarChart(big, { limit: 5, language: "en" });
    expect(elements(limited, "rect").filter((r) => r["class"] === "bar")).toHaveLength(5);
    expect(limited).toContain("top 5 of 1,000,000");
    expect(limited).not.toContain("⋯");
  }, 120_000);

  it("the Vega-Lite bars: 100 units, a ⋯ row between, the note as a subtitle", () => {
    const spec = rankingBarSpec(big, { language: "en", subtitle: "Synthetic" }) as { data: { values: { row: string }[] }; title: { subtitle: string[] } };
    expect(spec.data.values).toHaveLength(101);
    expect(spec.data.values[50]?.row).toBe("⋯");
    expect(spec.title.subtitle).toEqual(["Synthetic", "showing the top 50 and bottom 50 of 1,000,000 units"]);
    expect(() => JSON.stringify(spec)).not.toThrow();
  }, 120_000);

  it("the comparison (SVG and Vega-Lite) of 1,000,000 units against themselves", () => {
    const svg = comparisonChart(big, { before: big, language: "en" });
    parseSvg(svg);
    expect(elements(svg, "circle").filter((c) => c["class"] === "after")).toHaveLength(100);
    expect(svg).toContain("⋯ showing the top 50 and bottom 50 of 1,000,000 units ⋯");
    const spec = comparisonSpec(big, { before: big }) as { data: { values: { unit: string }[] }; title: { subtitle: string } };
    expect(spec.data.values).toHaveLength(101);
    expect(spec.data.values[50]?.unit).toBe("⋯");
    expect(spec.title.subtitle).toBe("hiển thị 50 đơn vị đầu và 50 đơn vị cuối trong số 1.000.000 đơn vị");
  }, 300_000);

  it("a radar of one unit among 1,000,000 (the average of all of them)", () => {
    const svg = radarChart(big, "Đơn vị 7", { language: "en" });
    parseSvg(svg);
    expect(svg).toContain("Average of 1000000 units");
  }, 120_000);
});

describe("chartWindow and windowNote", () => {
  it("keep every row up to the limit, and 63 provinces in full", () => {
    expect(chartWindow([1, 2, 3], 4)).toEqual({ top: [1, 2, 3], bottom: [], total: 3 });
    expect(windowNote(chartWindow([1, 2, 3], 4), "en", "en-US")).toBeUndefined();
    const provinces = sampleResult();
    expect(elements(rankingBarChart(provinces), "rect").filter((r) => r["class"] === "bar")).toHaveLength(63);
    expect(rankingBarChart(provinces)).not.toContain("⋯");
  });

  it("take the bottom from the rows with a value; the first rows only when too few have one", () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ i, value: i < 3 }));
    const w = chartWindow(rows, 4, (r) => r.value);
    expect(w.top.map((r) => r.i)).toEqual([0, 1]);
    expect(w.bottom.map((r) => r.i)).toEqual([2]);
    const none = chartWindow(rows, 4, (r) => r.i < 2);
    expect(none.bottom).toEqual([]);
    expect(windowNote(none, "en", "en-US")).toBe("showing the first 2 of 10 units");
    expect(windowNote(none, "vi", "vi-VN")).toBe("hiển thị 2 đơn vị đầu trong số 10 đơn vị");
  });

  it("fitText cuts a 500,000-character name in one pass", () => {
    const name = `Hà Nội ${"x".repeat(500_000)}`;
    const start = performance.now();
    const cut = fitText(name, 200, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(40);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(fitText("Thừa Thiên Huế", 60, 12)).toBe("Thừa Th…");
  });
});
