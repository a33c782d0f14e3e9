import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/index.ts";
import { toSql } from "../../src/sql.ts";
import { identityColumnsOf } from "../../src/sql/identity-columns.ts";

describe("identityColumnsOf", () => {
  it("lists the unit always, then code, group and year where the source has them, as the output names them", () => {
    expect(identityColumnsOf(undefined)).toEqual([["unit", "dti_unit"]]);
    expect(identityColumnsOf({ year: "y", code: "c", group: "g", unit: "u" })).toEqual([
      ["unit", "dti_unit"],
      ["code", "dti_code"],
      ["group", "dti_group"],
      ["year", "dti_year"],
    ]);
    const { columns } = toSql(getFramework("vn-dti-2020-province"), { source: { table: "t" }, columns: { year: "y", code: "c" } });
    expect(columns.slice(0, 4)).toEqual(["rank", "unit", "code", "year"]);
  });
});
