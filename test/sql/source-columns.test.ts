import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/index.ts";
import { sqlColumnsFor } from "../../src/sql/source-columns.ts";

const framework = getFramework("vn-dti-2020-province");
const pillars = ["Chính quyền số", "Kinh tế số", "Xã hội số"];

describe("sqlColumnsFor", () => {
  it("maps the library's own column spellings to toSql's columns and inputs", () => {
    const { columns, inputs, shape } = sqlColumnsFor(framework, ["Mã", "Tỉnh", ...pillars]);
    expect(shape).toBe("wide");
    expect(columns).toEqual({ unit: "Tỉnh", code: "Mã" });
    expect(Object.values(inputs).sort()).toEqual([...pillars].sort());
  });

  it("maps a column marking units not ranked, and one of the reason, to columns.ranked and columns.rankNote", () => {
    const { columns } = sqlColumnsFor(framework, ["Tỉnh", ...pillars, "Được xếp hạng", "Lý do không xếp hạng"]);
    expect(columns).toEqual({ unit: "Tỉnh", ranked: "Được xếp hạng", rankNote: "Lý do không xếp hạng" });
  });
});
