import { describe, expect, it } from "vitest";
import { RADAR_LAYOUT, radarChart, radarData, radarPoint } from "../../../src/report/chart/radar.ts";
import { elements, parseSvg, sampleResult, tinyResult } from "../helpers.ts";

const points = (attr: string | undefined) => (attr ?? "").split(" ").map((p) => p.split(",").map(Number) as [number, number]);

describe("radarChart", () => {
  it("is a well-formed SVG with one axis per main indicator", () => {
    const svg = radarChart(sampleResult(), "Hà Giang");
    parseSvg(svg);
    expect(elements(svg, "line").filter((l) => l["class"] === "spoke")).toHaveLength(8);
    expect(svg).toContain("<title id=\"dti-radar-title\">Hà Giang: các chỉ số chính</title>");
    expect(svg).toContain("Nhận thức số");
    expect(svg).toContain("Dẫn đầu: TP. Đà Nẵng");
    expect(svg).toContain("Trung bình 63 đơn vị");
  });

  it("puts each point at radius value × R on its axis", () => {
    const r = sampleResult();
    const svg = radarChart(r, "Hà Giang");
    const unit = r.units.find((u) => u.unit === "Hà Giang")!;
    const spokes = elements(svg, "line").filter((l) => l["class"] === "spoke");
    const cx = Number(spokes[0]?.["x1"]);
    const cy = Number(spokes[0]?.["y1"]);
    const poly = points(elements(svg, "polygon").find((p) => p["class"] === "series series-unit")?.["points"]);
    const ids = ["awareness", "institutions", "infrastructure", "human-resources", "cybersecurity", "digital-government", "digital-economy", "digital-society"];
    poly.forEach(([x, y], i) => {
      const v = Number(unit.nodes[ids[i]!]!.value);
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(v * RADAR_LAYOUT.radius, 1);
      const [ex, ey] = radarPoint(cx, cy, i, 8, v * RADAR_LAYOUT.radius);
      expect(x).toBeCloseTo(ex, 1);
      expect(y).toBeCloseTo(ey, 1);
    });
    // First axis points straight up.
    expect(poly[0]?.[0]).toBeCloseTo(cx, 1);
    expect(poly[0]?.[1]).toBeLessThan(cy);
  });

  it("draws the average (exact mean of published values) and the leader", () => {
    const r = tinyResult();
    const data = radarData(r, "Đà Nẵng");
    expect(data.series.map((s) => s.key)).toEqual(["average", "leader", "unit"]);
    // a: 0.9, 0.6, 0.5, 0.2 → 0.55; b: 0.7, 0.6, 0.7 (one missing) → 0.6667
    expect(data.series[0]?.values).toEqual(["0.5500", "0.6667"]);
    expect(data.series[1]?.values).toEqual(["0.9000", "0.7000"]);
    const svg = radarChart(r, "Đà Nẵng");
    expect(elements(svg, "circle").filter((c) => c["class"] === "point point-average").map((c) => c["data-value"])).toEqual(["0.5500", "0.6667"]);
    expect(svg).toContain("Trung bình 4 đơn vị · Nhân lực số: 0,6667");
  });

  it("leaves the leader out for the leader itself, and escapes names", () => {
    const svg = radarChart(tinyResult(), "<script>alert('x')</script>", { language: "en" });
    parseSvg(svg);
    expect(svg).not.toContain("<script>");
    expect(elements(svg, "polygon").filter((p) => p["class"]?.startsWith("series"))).toHaveLength(2);
    expect(svg).toContain("Average of 4 units");
    expect(svg).toContain("DTI 0.8000 · rank 1/4");
  });

  it("draws a missing value at the centre and labels it –", () => {
    const svg = radarChart(tinyResult(), "Cà Mau");
    const c = elements(svg, "circle").filter((x) => x["class"] === "point point-unit");
    const spoke = elements(svg, "line").find((l) => l["class"] === "spoke")!;
    expect(c[1]?.["cx"]).toBe(spoke["x1"]);
    expect(c[1]?.["cy"]).toBe(spoke["y1"]);
    expect(svg).toContain("Cà Mau · Nhân lực số: –");
  });

  it("throws REPORT_UNIT_UNKNOWN for a unit not in the result", () => {
    expect(() => radarChart(tinyResult(), "Huế")).toThrow(/no unit "Huế"/u);
  });
});

describe("radarChart in a small space", () => {
  it("uses short labels and shrinks the radius so every label fits inside the width", async () => {
    const { textWidth } = await import("../../../src/report/chart/svg.ts");
    const svg = radarChart(sampleResult(), "Hà Giang", { width: 380, labels: "short" });
    parseSvg(svg);
    const labels = [...svg.matchAll(/<text class="axis-label" text-anchor="(\w+)"[^>]*>.*?<tspan x="([\d.]+)"[^>]*>([^<]+)<\/tspan>/gu)].map((m) => ({ anchor: m[1], x: Number(m[2]), text: m[3] ?? "" }));
    expect(labels.map((l) => l.text)).toEqual(["NTS", "TCS", "HTS", "NLS", "ATTTM", "HĐCQS", "HĐKTS", "HĐXHS"]);
    for (const l of labels) {
      const w = textWidth(l.text, 12);
      const left = l.anchor === "end" ? l.x - w : l.anchor === "middle" ? l.x - w / 2 : l.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(380);
    }
    const spokes = elements(svg, "line").filter((l) => l["class"] === "spoke");
    const r = Math.hypot(Number(spokes[0]?.["x2"]) - Number(spokes[0]?.["x1"]), Number(spokes[0]?.["y2"]) - Number(spokes[0]?.["y1"]));
    expect(r).toBeLessThan(RADAR_LAYOUT.radius);
    expect(r).toBeGreaterThan(100);
  });
});
