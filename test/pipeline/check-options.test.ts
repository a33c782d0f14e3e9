import { describe, expect, it } from "vitest";
import { checkOptions } from "../../src/pipeline/check-options.ts";

describe("checkOptions", () => {
  it("accepts every documented form", () => {
    expect(
      checkOptions({
        missing: "reweight", ranking: "dense", ties: "exact", shape: "wide", unknownColumns: "warn", decimals: 2,
        columns: { unit: "Tỉnh", group: "Vùng" }, ignoreColumns: ["Ghi chú"], merge: [{ unit: "Quảng Nam", into: "Đà Nẵng", group: "Trung" }],
      }),
    ).toEqual([]);
    expect(checkOptions({ merge: new Map([["Quảng Nam", "Đà Nẵng"]]) })).toEqual([]);
    expect(checkOptions({ merge: { "Quảng Nam": "Đà Nẵng" } })).toEqual([]);
  });

  it("lists every problem at once", () => {
    const issues = checkOptions({ ranking: "olympic", decimals: -1, columns: { unit: "" }, ignoreColumns: [1] } as never);
    expect(issues.map((i) => i.message)).toEqual([
      'option ranking must be one of competition, dense, ordinal (got "olympic")',
      "option decimals must be a whole number from 0 to 12 (got -1)",
      'option columns.unit must be a column name (got "")',
      "option ignoreColumns must be an array of column names (got an array)",
    ]);
  });
});

describe("checkOptions: methods options", () => {
  it("checks impute and minCoverage", () => {
    expect(checkOptions({ impute: ["previous-year", "group-mean"], minCoverage: 0.5 })).toEqual([]);
    expect(checkOptions({ impute: 5, minCoverage: "0.5" } as never).map((i) => i.code)).toEqual(["OPTION_INVALID", "OPTION_INVALID"]);
    expect(checkOptions({ impute: "median" } as never)[0]?.message).toBe('option impute must be one of previous-year, group-mean (got "median")');
  });
});
