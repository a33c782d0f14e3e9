import { describe, expect, it } from "vitest";
import { displayRadar, displayRankingBar } from "../../src/display/display-chart.ts";
import { JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";
import { isDtiError } from "../../src/errors.ts";
import { radarChart } from "../../src/report/chart/radar.ts";
import { rankingBarChart } from "../../src/report/chart/ranking-bar.ts";
import { parseSvg, sampleResult } from "../report/helpers.ts";

describe("chart displays", () => {
  const result = sampleResult();

  it("displayRadar: the radar SVG and one plain line per main indicator", () => {
    const bundle = displayRadar(result, "TP. Hà Nội")[JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual(["image/svg+xml", "text/plain"]);
    expect(bundle["image/svg+xml"]).toBe(radarChart(result, "TP. Hà Nội"));
    parseSvg(bundle["image/svg+xml"]!);
    const lines = bundle["text/plain"].split("\n");
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]!.endsWith("| TP. Hà Nội")).toBe(true);
    // Hà Nội's own input values (fixtures/provinces-63-synthetic.csv), vi-VN formatted, last column.
    expect(lines.some((l) => l.endsWith("| 0,8252"))).toBe(true);
    expect(lines.some((l) => l.endsWith("| 0,5626"))).toBe(true);
  });

  it("displayRadar throws REPORT_UNIT_UNKNOWN at once for a unit not in the result", () => {
    let caught: unknown;
    try {
      displayRadar(result, "Atlantis");
    } catch (e) {
      caught = e;
    }
    expect(isDtiError(caught) && caught.code).toBe("REPORT_UNIT_UNKNOWN");
  });

  it("displayRankingBar: the bar SVG and one line per bar, best first", () => {
    const bundle = displayRankingBar(result, { limit: 5, language: "en" })[JUPYTER_DISPLAY]();
    expect(bundle["image/svg+xml"]).toBe(rankingBarChart(result, { limit: 5, language: "en" }));
    const lines = bundle["text/plain"].split("\n");
    expect(lines).toEqual(result.units.slice(0, 5).map((u) => `${u.rank}. ${u.unit}: ${u.value}`));
  });
});
