import { describe, expect, it } from "vitest";
import { score } from "../../../src/pipeline/score.ts";
import { comparisonSpec } from "../../../src/report/vega/comparison.ts";
import { parseSvg, tiny } from "../helpers.ts";
import { renderVegaLite } from "./render.ts";

const twoYears = () =>
  score(tiny, [
    { unit: "A", year: 2023, a: 0.5, b: 0.5 },
    { unit: "B", year: 2023, a: 0.7, b: 0.7 },
    { unit: "A", year: 2024, a: 0.6, b: 0.6 },
    { unit: "B", year: 2024, a: 0.65, b: 0.65 },
  ], { columns: { year: "year" } });

describe("comparisonSpec", () => {
  it("holds before, after and the exact change per unit", () => {
    const spec = comparisonSpec(twoYears(), { language: "en" });
    const values = (spec["data"] as { values: Record<string, unknown>[] }).values;
    expect(values).toEqual([
      { unit: "B", before: 0.7, after: 0.65, beforeLabel: "0.7000", afterLabel: "0.6500", change: -0.05, changeLabel: "−0.0500", direction: "fall" },
      { unit: "A", before: 0.5, after: 0.6, beforeLabel: "0.5000", afterLabel: "0.6000", change: 0.1, changeLabel: "+0.1000", direction: "rise" },
    ]);
    expect((spec["title"] as { text: string }).text).toBe("DTI: 2023 → 2024");
  });

  it("compiles and renders", async () => {
    const { svg, warnings } = await renderVegaLite(comparisonSpec(twoYears()));
    expect(warnings).toEqual([]);
    parseSvg(svg);
    expect(svg).toContain("+0,1000");
  });
});
