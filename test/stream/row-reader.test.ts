// The identity columns a stream's rows are read by, found from the header alone (the streamed
// CLI's reading worker decodes their cells for the scoring worker).
import { describe, expect, it } from "vitest";
import { headerIdentityColumns } from "../../src/stream/row-reader.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";

const FRAMEWORK = defineFramework({
  id: "t",
  version: "1.0.0",
  title: { vi: "Thử" },
  root: { id: "idx", name: { vi: "Chỉ số" }, children: [
    { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
    { id: "b", name: { vi: "b" }, weight: 1, rule: { type: "value" } },
  ] },
} as FrameworkDefinition);

describe("headerIdentityColumns", () => {
  it("finds the name, code, group and year columns of a header, as written (BOM, spaces, any order)", () => {
    expect(headerIdentityColumns(["\uFEFFĐơn vị ", "a", "Mã", "Năm", "b"], FRAMEWORK, {})).toEqual([0, 2, 3]);
    expect(headerIdentityColumns({ line: 1, cells: ["a", "Năm", "b", "Nhóm", "Tỉnh"] }, FRAMEWORK, {})).toEqual([4, 3, 1]);
    expect(headerIdentityColumns(["tên", "b", "a"], FRAMEWORK, { columns: { unit: "tên" } })).toEqual([0]);
  });

  it("finds none without a unit column", () => {
    expect(headerIdentityColumns(["a", "b"], FRAMEWORK, {})).toEqual([]);
  });
});
