import { describe, expect, it } from "vitest";
import { comparisonSpec } from "../../../src/report/vega/comparison.ts";
import { parseSvg, twoYears } from "../helpers.ts";
import { renderVegaLite } from "./render.ts";

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
