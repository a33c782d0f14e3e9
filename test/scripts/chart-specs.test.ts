import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeCharts } from "../../scripts/chart-specs.mjs";
import { parseCsv } from "../../src/csv.ts";
import * as dti from "../../src/index.ts";
import * as report from "../../src/report.ts";
import { parseSvg } from "../report/helpers.ts";

describe("README chart images", () => {
  it("are current: docs/images/*.svg equal what `npm run charts` draws from the samples", () => {
    const charts = makeCharts({ ...dti, ...report, parseCsv }, (p) => readFileSync(p, "utf8"));
    expect(Object.keys(charts).sort()).toEqual(["docs/images/comparison.svg", "docs/images/radar.svg", "docs/images/ranking-en.svg", "docs/images/ranking.svg"]);
    for (const [file, svg] of Object.entries(charts)) {
      parseSvg(svg);
      expect(readFileSync(file, "utf8"), `${file} is stale: run npm run charts`).toBe(svg);
    }
  });
});
