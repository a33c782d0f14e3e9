// The workbook of the "Done when" of the spreadsheet work, as far as reading .xlsx goes: title rows,
// a two-row merged header, trailing empty columns, percent cells, formula cells with saved values
// and one without. Finding the header row below the titles and leaving out the average row are the
// table's own steps (header-row and summary-row handling); here the header row is given and the
// average row is checked to come through with its Excel row number for that step to name.
// Regenerate the fixture with UPDATE_FIXTURES=1.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { formatIssue } from "../../src/errors.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { findHeaderRow } from "../../src/input/find-header-row.ts";
import { score } from "../../src/pipeline/score.ts";
import { readXlsx } from "../../src/xlsx.ts";
import { OFFICIAL_FIXTURE, officialWorkbook } from "../helpers/official-workbook.ts";

if (process.env["UPDATE_FIXTURES"] === "1") writeFileSync(OFFICIAL_FIXTURE, officialWorkbook());
const bytes = new Uint8Array(readFileSync(OFFICIAL_FIXTURE));
const fw = getFramework("vn-dti-2022-province");

describe(OFFICIAL_FIXTURE, () => {
  it("is what test/helpers/official-workbook.ts makes", () => {
    expect(bytes).toEqual(officialWorkbook());
  });

  it("reads the header from the lower row of the two-row header, rows by their Excel numbers, no trailing columns", () => {
    const table = readXlsx(bytes, { headerRow: 4 });
    expect(table.columns).toEqual(["STT", "Tỉnh/thành phố", "Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"]);
    expect(table.rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(table.rows[1]?.cells.slice(0, 4)).toEqual([2, "TP. Hồ Chí Minh", 0.8917, 0.9]);
    expect(table.rows[5]?.cells.slice(0, 3)).toEqual([undefined, "Trung bình", 0.93996]);
  });

  it("warns of the formula saved without its value, naming the sheet, the cell and the column", () => {
    const table = readXlsx(bytes, { headerRow: 4 });
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]).toMatchObject({ code: "DATA_NO_CACHED_VALUE", severity: "warning", row: 11, column: "Hoạt động xã hội số" });
    expect(table.issues[0]?.message).toBe('sheet "Kết quả DTI 2022", cell J11: the formula =AVERAGE(J6:J10) has no saved value, so the cell is read as blank; open the workbook in Excel or LibreOffice, let it calculate, and save it again');
  });

  it("names the column of that warning when the header is found below the title rows (no header row given)", () => {
    const table = readXlsx(bytes);
    // Read alone, the first row holding anything (a title) is the header: no column over J.
    expect(table.issues.find((i) => i.code === "DATA_NO_CACHED_VALUE")).not.toHaveProperty("column");
    const found = findHeaderRow(table, fw);
    expect(found.headerLine).toBe(5);
    expect(found.issues.find((i) => i.code === "DATA_NO_CACHED_VALUE")).toMatchObject({ row: 11, cell: "J11", column: "Hoạt động xã hội số" });
    expect(formatIssue(found.issues.find((i) => i.code === "DATA_NO_CACHED_VALUE")!)).toBe(
      'warning DATA_NO_CACHED_VALUE row 11, column "Hoạt động xã hội số": sheet "Kết quả DTI 2022", cell J11: the formula =AVERAGE(J6:J10) has no saved value, so the cell is read as blank; open the workbook in Excel or LibreOffice, let it calculate, and save it again',
    );
  });

  it("scores the provinces as the CSV does", () => {
    const table = readXlsx(bytes, { headerRow: 4 });
    const provinces = { ...table, rows: table.rows.filter((r) => r.cells[1] !== "Trung bình") };
    const fromXlsx = score(fw, provinces, { ignoreColumns: ["STT"] });
    const fromCsv = score(fw, parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));
    expect(fromXlsx.units.map((u) => [u.unit, u.rank, u.value, u.row])).toEqual(fromCsv.units.map((u, i) => [u.unit, u.rank, u.value, fromXlsx.units[i]?.row]));
    expect(fromXlsx.units.map((u) => u.row)).toEqual([6, 7, 8, 9, 10]);
  });
});
