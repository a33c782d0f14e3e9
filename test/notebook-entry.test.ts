import { describe, expect, it } from "vitest";
import * as analysis from "../src/analysis.ts";
import * as core from "../src/index.ts";
import * as notebook from "../src/notebook.ts";

describe("the dti/notebook sub-path", () => {
  it("exports the notebook displays, which dti and dti/analysis do not carry", () => {
    for (const name of ["display", "displayRadar", "displayRankingBar", "displayDocument", "documentBundle", "tableBundle", "withDisplay", "withDocumentDisplay", "attachDisplay", "displayable"]) {
      expect(typeof (notebook as Record<string, unknown>)[name]).toBe("function");
      expect((core as Record<string, unknown>)[name]).toBeUndefined();
      expect((analysis as Record<string, unknown>)[name]).toBeUndefined();
    }
    expect(notebook.JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
  });

  it("exports the computations with their displays under the names of dti and dti/analysis", () => {
    expect(typeof core.score).toBe("function");
    for (const name of ["uncertainty", "explain", "whatIf", "improvementPriorities", "planImprovements", "compareYears", "applyBands", "assessment"]) {
      expect(typeof (analysis as Record<string, unknown>)[name]).toBe("function");
    }
    for (const name of ["score", "uncertainty", "explain", "whatIf", "improvementPriorities", "planImprovements", "compareYears", "applyBands", "assessment"]) {
      const fn = (notebook as Record<string, unknown>)[name];
      expect(typeof fn).toBe("function");
      expect(fn).not.toBe((core as Record<string, unknown>)[name] ?? (analysis as Record<string, unknown>)[name]);
    }
  });
});
