import { describe, expect, it } from "vitest";
import { rankingBarSpec } from "../../../src/report/vega/ranking-bar.ts";
import { parseSvg, sampleResult, tinyResult } from "../helpers.ts";
import { renderVegaLite } from "./render.ts";

describe("rankingBarSpec", () => {
  it("holds the ranking as inline data, best first, with locale labels", () => {
    const spec = rankingBarSpec(tinyResult());
    expect(spec["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const values = (spec["data"] as { values: Record<string, unknown>[] }).values;
    expect(values.map((v) => [v["rank"], v["unit"], v["value"], v["label"]])).toEqual([
      [1, "<script>alert('x')</script>", 0.8, "0,8000"],
      [2, "Đà Nẵng", 0.6, "0,6000"],
      [2, "Hà Nội", 0.6, "0,6000"],
      [4, "Cà Mau", 0.2, "0,2000"],
    ]);
    expect(JSON.stringify(spec)).toContain('"decimal":","');
  });

  it("compiles with Vega-Lite and renders with Vega (text escaped, groups in the legend)", async () => {
    const { svg, warnings } = await renderVegaLite(rankingBarSpec(sampleResult(), { limit: 10 }));
    expect(warnings).toEqual([]);
    parseSvg(svg);
    expect(svg).toContain("TP. Đà Nẵng");
    expect(svg).toContain("0,8387");
    expect(svg).toContain("Tây Nguyên");
    const tiny = await renderVegaLite(rankingBarSpec(tinyResult()));
    expect(tiny.svg).not.toContain("<script>");
  });
});
