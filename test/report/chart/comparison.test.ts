import { describe, expect, it } from "vitest";
import { score } from "../../../src/pipeline/score.ts";
import { comparisonAxis, comparisonChart } from "../../../src/report/chart/comparison.ts";
import { elements, parseSvg, sampleResult, twoYears } from "../helpers.ts";
import { readFileSync } from "node:fs";
import { parseCsv } from "../../../src/csv.ts";
import { getFramework } from "../../../src/framework/builtin/index.ts";

describe("comparisonChart", () => {
  it("draws before and after dots at their values on a shared axis", () => {
    const svg = comparisonChart(twoYears());
    parseSvg(svg);
    const before = elements(svg, "circle").filter((c) => c["class"] === "before");
    const after = elements(svg, "circle").filter((c) => c["class"] === "after");
    expect(before.map((c) => c["data-value"])).toEqual(["0.7000", "0.5000"]);
    expect(after.map((c) => c["data-value"])).toEqual(["0.6500", "0.6000"]);
    // Linear axis: x(v) = a + b·v, checked on the four points.
    const x = (c: Record<string, string>) => Number(c["cx"]);
    const slope = (x(before[0]!) - x(before[1]!)) / 0.2;
    expect(x(after[0]!) - x(before[1]!)).toBeCloseTo(slope * 0.15, 1);
    expect(x(after[1]!) - x(before[1]!)).toBeCloseTo(slope * 0.1, 1);
    expect(svg).toContain("DTI: 2023 → 2024");
    expect(svg).toContain(">+0,1000</text>");
    expect(svg).toContain(">−0,0500</text>");
    const lines = elements(svg, "line").filter((l) => l["class"] === "change");
    expect(lines.map((l) => l["stroke"])).toEqual(["#b91c1c", "#15803d"]);
  });

  it("compares 63 provinces with 34, labels and sorting by change", () => {
    const r34 = score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/provinces-34-synthetic.csv", "utf8")));
    const svg = comparisonChart(r34, { before: sampleResult(), beforeLabel: "63 tỉnh", afterLabel: "34 tỉnh", sort: "change", limit: 5, language: "en" });
    parseSvg(svg);
    expect(svg).toContain("DTI: 63 tỉnh → 34 tỉnh");
    const deltas = [...svg.matchAll(/class="delta"[^>]*>([^<]+)</gu)].map((m) => Number((m[1] ?? "").replace("−", "-").replace("+", "")));
    expect(deltas).toHaveLength(5);
    expect([...deltas].sort((a, b) => b - a)).toEqual(deltas);
    expect(svg).toContain("34 units");
  });

  it("picks a readable axis around the values", () => {
    expect(comparisonAxis([0.62, 0.71])).toEqual({ min: 0.6, max: 0.75, ticks: ["0.6", "0.65", "0.7", "0.75"] });
    expect(comparisonAxis([0.45, 0.84]).ticks).toEqual(["0.4", "0.5", "0.6", "0.7", "0.8", "0.9"]);
  });
});
