import { describe, expect, it } from "vitest";
import { tableBundle } from "../../src/display/display-table.ts";
import { JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";
import { withDisplay } from "../../src/display/with-display.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { sampleResult } from "../report/helpers.ts";

describe("withDisplay", () => {
  it("makes a result read back from JSON render again, with the given options", () => {
    const copy = JSON.parse(JSON.stringify(sampleResult())) as ScoreResult;
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    const shown = withDisplay(copy, { limit: 2, language: "en" });
    expect(shown).toBe(copy);
    expect(shown[JUPYTER_DISPLAY]()).toEqual(tableBundle(copy, { limit: 2, language: "en" }));
    expect(shown[JUPYTER_DISPLAY]()["text/html"]).toContain("top 2 of 63 units");
  });
});
