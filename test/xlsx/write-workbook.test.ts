import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/xlsx.ts";
import { listFitsInline, sheetName, writeWorkbook } from "../../src/xlsx/write-workbook.ts";

describe("writeWorkbook", () => {
  it("writes numbers as numbers, text as text (never a formula), booleans, blanks", () => {
    const bytes = writeWorkbook([{ name: "S", rows: [[{ value: "Đơn vị" }, { value: "x" }], [{ value: "=cmd|' /C calc'!A0" }, { value: 0.8002, style: "decimal4" }], [{ value: "Huế" }, { value: true }], [{ value: "Vinh" }, { value: null }]] }]);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(xml).not.toContain("<f>");
    expect(readXlsx(bytes).rows.map((r) => r.cells)).toEqual([["=cmd|' /C calc'!A0", 0.8002], ["Huế", true], ["Vinh", undefined]]);
  });

  it("refuses a number a cell cannot hold, and a workbook without sheets", () => {
    expect(() => writeWorkbook([{ name: "S", rows: [[{ value: Number.NaN }]] }])).toThrow("cell A1");
    expect(() => writeWorkbook([])).toThrow("at least one sheet");
  });

  it("gives tab names Excel accepts: no []:*?/\\, at most 31 characters, unique without case", () => {
    const taken = new Set<string>();
    expect(sheetName("Vùng [1]: a/b", taken)).toBe("Vùng -1-- a-b");
    expect(sheetName("vùng [1]: A/B", taken)).toBe("vùng -1-- A-B (2)");
    expect([...sheetName("Đồng bằng sông Cửu Long và các tỉnh lân cận", taken)].length).toBeLessThanOrEqual(31);
    expect(sheetName("", taken)).toBe("Sheet");
  });

  it("writes lists inline only when they fit Excel's 255 characters without commas", () => {
    expect(listFitsInline(["Có", "Không"])).toBe(true);
    expect(listFitsInline(["Bí thư, Chủ tịch"])).toBe(false);
    expect(listFitsInline(Array.from({ length: 60 }, (_, i) => `Lựa chọn ${i}`))).toBe(false);
  });
});
