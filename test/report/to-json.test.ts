import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { jsonResultWriter, toJSON, toJSONLines } from "../../src/report/to-json.ts";
import { VERSION } from "../../src/version.ts";

/** The document as JSON.stringify writes it whole: what the piecewise writer must equal. */
function whole(result: ScoreResult, indent: number): string {
  const doc = {
    generator: { name: "dti", version: VERSION },
    framework: result.framework,
    root: result.root,
    options: result.options,
    nodes: result.nodes,
    units: result.units,
    coverage: result.coverage,
    warnings: result.warnings,
    ...(result.imputed !== undefined ? { imputed: result.imputed } : {}),
  };
  return JSON.stringify(doc, null, indent);
}

describe("toJSON", () => {
  const fw = getFramework("vn-dti-2022-province");
  const result = score(fw, parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));
  const imputed = score(getFramework("vn-dti-2020-province"), [
    { unit: "A", year: 2021, government: 0.5, economy: 0.4, society: 0.3 },
    { unit: "A", year: 2022, government: "", economy: 0.5, society: 0.4 },
  ], { impute: "previous-year", columns: { year: "year" } });

  it.each([0, 1, 2, 4, 10, 12])("is JSON.stringify of the document, indent %i", (indent) => {
    expect(toJSON(result, { indent })).toBe(whole(result, indent));
    expect(toJSON(imputed, { indent })).toBe(whole(imputed, indent));
  });

  it("writes an empty units array as JSON.stringify does", () => {
    const empty = { ...result, units: [] };
    expect(toJSON(empty)).toBe(whole(empty, 2));
    expect(toJSON(empty, { indent: 0 })).toBe(whole(empty, 0));
  });

  it("is the writer's pieces end to end", () => {
    const w = jsonResultWriter(result);
    expect(w.open + result.units.map((u, i) => w.unit(u, i)).join("") + w.close(result, result.units.length)).toBe(toJSON(result));
  });
});

describe("toJSONLines", () => {
  it("writes the document's units, one a line", () => {
    const result = score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));
    const lines = toJSONLines(result).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l))).toEqual(JSON.parse(toJSON(result)).units);
  });
});
