import { describe, expect, it } from "vitest";
import { cellRef, columnLetter, parseCellRef } from "../../src/xlsx/cell-ref.ts";

describe("cell references", () => {
  it("turns column indexes into letters and back, across the one-, two- and three-letter columns", () => {
    for (const [i, l] of [[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [52, "BA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
      expect(columnLetter(i)).toBe(l);
      expect(parseCellRef(`${l}7`)).toEqual({ col: i, row: 7 });
    }
    expect(cellRef(3, 11)).toBe("D11");
    expect(parseCellRef("$b$3")).toEqual({ col: 1, row: 3 });
  });

  it("refuses what is no cell of a sheet", () => {
    for (const bad of ["", "A0", "XFE1", "A1048577", "1A", "A-1"]) expect(parseCellRef(bad)).toBeUndefined();
  });
});
