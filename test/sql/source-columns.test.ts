import { describe, expect, it } from "vitest";
import { DtiError, getFramework } from "../../src/index.ts";
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

  it("refuses a column marking units not ranked, naming it, rather than rank those units", () => {
    let caught: unknown;
    try {
      sqlColumnsFor(framework, ["Tỉnh", ...pillars, "Được xếp hạng"]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DtiError);
    const issue = (caught as DtiError).issues[0]!;
    expect(issue.code).toBe("SQL_UNSUPPORTED");
    expect(issue.column).toBe("Được xếp hạng");
    expect(issue.message).toContain("without --engine");
  });
});
