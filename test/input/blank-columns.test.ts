import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { dropBlankColumns } from "../../src/input/blank-columns.ts";

describe("dropBlankColumns", () => {
  it("drops trailing empty columns silently", () => {
    const t = dropBlankColumns(parseCsv("unit;awareness;;;\nHuế;0,9;;;\nĐà Nẵng;1;;;\n"));
    expect(t.columns).toEqual(["unit", "awareness"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["Huế", "0,9"] },
      { line: 3, cells: ["Đà Nẵng", "1"] },
    ]);
    expect(t.issues).toEqual([]);
  });

  it("warns about a blank-header column holding data, naming its position and lines", () => {
    const t = dropBlankColumns(parseCsv("unit;;awareness;\nHuế;x;0,9;\nĐà Nẵng;;1;ghi chú\n"));
    expect(t.columns).toEqual(["unit", "awareness"]);
    expect(t.rows[1]?.cells).toEqual(["Đà Nẵng", "1"]);
    expect(t.issues.map((i) => [i.code, i.severity, i.row, i.message])).toEqual([
      ["DATA_BLANK_COLUMN", "warning", 2, 'column 2 (after "unit") has no header but holds data on line 2; it is not read: give it a header to read it'],
      ["DATA_BLANK_COLUMN", "warning", 3, 'column 4 (after "awareness") has no header but holds data on line 3; it is not read: give it a header to read it'],
    ]);
  });

  it("returns a table without blank headers as it is", () => {
    const table = parseCsv("unit;awareness\nHuế;0,9\n");
    expect(dropBlankColumns(table)).toBe(table);
  });
});
