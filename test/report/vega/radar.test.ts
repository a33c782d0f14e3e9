import { describe, expect, it } from "vitest";
import { radarSpec } from "../../../src/report/vega/radar.ts";
import { parseSvg, sampleResult, tinyResult } from "../helpers.ts";
import { renderVegaLite } from "./render.ts";

describe("radarSpec", () => {
  it("places each point at radius value on its axis, closing each polygon", () => {
    const spec = radarSpec(tinyResult(), "Đà Nẵng", { language: "en" });
    const layer = (spec["layer"] as { data: { values: Record<string, number | string | null>[] } }[])[2]!;
    const unit = layer.data.values.filter((p) => p["key"] === "unit");
    expect(unit).toHaveLength(3); // 2 axes + the first point again
    expect(unit[0]).toMatchObject({ indicator: "Infrastructure", value: 0.5, label: "0.5000", x: 0, y: 0.5 });
    // Second of two axes points straight down: y = −0.7.
    expect(unit[1]).toMatchObject({ indicator: "Human resources", value: 0.7, x: 0, y: -0.7 });
    const avg = layer.data.values.filter((p) => p["key"] === "average");
    expect(avg.map((p) => p["label"])).toEqual(["0.5500", "0.6667", "0.5500"]);
  });

  it("compiles and renders with the indicator names and series in the legend", async () => {
    const { svg, warnings } = await renderVegaLite(radarSpec(sampleResult(), "Hà Giang"));
    expect(warnings).toEqual([]);
    parseSvg(svg);
    expect(svg).toContain("Nhận thức số");
    expect(svg).toContain("Dẫn đầu: TP. Đà Nẵng");
  });
});
