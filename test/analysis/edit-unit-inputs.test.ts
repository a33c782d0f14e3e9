import { describe, expect, it } from "vitest";
import { editUnitInputs, unitRows } from "../../src/analysis/edit-unit-inputs.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { tableFromRecords } from "../../src/input/table.ts";

const fw = getFramework("vn-dti-2022-province");

describe("editUnitInputs", () => {
  it("sets a wide cell of the unit only, adding a missing column", () => {
    const t = tableFromRecords([{ unit: "Huế", awareness: 0.9 }, { unit: "Huế ", awareness: 0.8, year: 2023 }, { unit: "Hà Nội", awareness: 0.7 }]);
    const e = editUnitInputs(t, fw, { unknownColumns: "warn" }, "huế", undefined, new Map<string, string | number>([["awareness", "0.95"], ["institutions", 1]]));
    expect(e.columns).toEqual(["unit", "awareness", "year", "institutions"]);
    expect(e.rows.map((r) => r.cells)).toEqual([["Huế", "0.95", undefined, 1], ["Huế ", "0.95", 2023, 1], ["Hà Nội", 0.7, undefined, undefined]]);
    expect(unitRows(t, fw, {}, "Huế", 2023).rows).toEqual([1]);
    expect(t.rows[0]?.cells[1]).toBe(0.9); // the input table is not changed
  });

  it("sets a long row by indicator name, or adds one", () => {
    const t = tableFromRecords([{ unit: "Huế", indicator: "Nhận thức số", value: 0.9 }, { unit: "Hà Nội", indicator: "awareness", value: 0.7 }]);
    const e = editUnitInputs(t, fw, {}, "Huế", undefined, new Map<string, string | number>([["awareness", 1], ["institutions", 0.5]]));
    expect(e.rows.map((r) => r.cells)).toEqual([["Huế", "Nhận thức số", 1], ["Hà Nội", "awareness", 0.7], ["Huế", "institutions", 0.5]]);
  });

  it("writes a value that looks like a thousands group with a fourth decimal: the same number, nothing to ask", () => {
    const t = tableFromRecords([{ unit: "Huế", awareness: 0.9 }]);
    const e = editUnitInputs(t, fw, {}, "Huế", undefined, new Map<string, string | number>([["awareness", "179.875"], ["institutions", "0.875"], ["skills", "1,050"]]));
    expect(e.rows[0]?.cells).toEqual(["Huế", "179.8750", "0.875", "1,0500"]);
  });
});
