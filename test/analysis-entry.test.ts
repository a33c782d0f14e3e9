import { describe, expect, it } from "vitest";
import * as analysis from "../src/analysis.ts";
import * as core from "../src/index.ts";

describe("the dti/analysis sub-path", () => {
  it("exports the analysis API, which the core entry does not carry", () => {
    for (const name of ["explain", "whatIf", "improvementPriorities", "planImprovements", "compareYears", "applyBands", "getBands", "assessment", "explainToMarkdown", "yearsToMarkdown"]) {
      expect(typeof (analysis as Record<string, unknown>)[name]).toBe("function");
      expect((core as Record<string, unknown>)[name]).toBeUndefined();
    }
    expect(analysis.BAND_PRESETS["egdi"]?.bands).toHaveLength(4);
  });
});
