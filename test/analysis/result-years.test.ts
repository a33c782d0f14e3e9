import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { requireYears, resultYears } from "../../src/analysis/result-years.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";

const fw = getFramework("vn-dti-2022-province");
const twoYears = score(fw, parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8")));
const noYear = score(fw, parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));

describe("requireYears", () => {
  it("accepts the result's years and skips undefined ones", () => {
    expect(resultYears(twoYears)).toEqual([2022, 2023]);
    expect(() => requireYears(twoYears, [2022, undefined, 2023])).not.toThrow();
  });

  it("refuses a year the result does not have, naming its years", () => {
    expect(() => requireYears(twoYears, [2022, 2031])).toThrow("ANALYSIS_UNKNOWN_YEAR: the result has no year 2031 (years: 2022, 2023)");
    expect(() => requireYears(noYear, [1800])).toThrow("the result has no year 1800 (years: none: score with a year column)");
  });
});
