import { describe, expect, it } from "vitest";
import { tableBundle } from "../../src/display/display-table.ts";
import { JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";
import { score as scoreWithDisplay } from "../../src/display/score-display.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { toJSON } from "../../src/report/to-json.ts";
import { sampleResult } from "../report/helpers.ts";

const fw = getFramework("vn-dti-2020-province");
const rows = [
  { unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 },
  { unit: "Huế", government: 0.5, economy: 0.4, society: 0.3 },
];

describe("score with its notebook display (dti/notebook)", () => {
  it("renders as the ranking table; JSON, keys and spread copies are those of the plain result", () => {
    const result = scoreWithDisplay(fw, rows);
    expect(result[JUPYTER_DISPLAY]()).toEqual(tableBundle(result));
    expect(result[JUPYTER_DISPLAY]()["text/html"]).toMatch(/^<table class="dti-ranking">/u);
    expect(Object.getOwnPropertyDescriptor(result, JUPYTER_DISPLAY)?.enumerable).toBe(false);
    expect(Object.keys(result)).toEqual(Object.keys(score(fw, rows)));
    expect(toJSON(result)).toBe(toJSON(score(fw, rows)));
    expect(Object.getOwnPropertySymbols({ ...result })).toEqual([]);
  });

  it("the plain score() carries no display method", () => {
    expect(Object.getOwnPropertySymbols(score(fw, rows))).toEqual([]);
    expect(Object.getOwnPropertySymbols(sampleResult())).toEqual([]);
  });

  it("throws the same typed error as score() for bad data", () => {
    const bad = [{ unit: "Huế", government: "abc", economy: 0.5, society: 0.5 }];
    expect(() => scoreWithDisplay(fw, bad)).toThrow(/government/u);
  });
});
