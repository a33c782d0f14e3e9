import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { findHeaderRow } from "../../src/input/find-header-row.ts";
import { tableFromRecords } from "../../src/input/table.ts";

const fw = getFramework("vn-dti-2022-province");
const HEADER = "Tỉnh/thành phố;Nhận thức số;Thể chế số";

describe("findHeaderRow", () => {
  it("moves the header below title rows, quoting them in a warning; the rows keep their lines", () => {
    const t = findHeaderRow(parseCsv(`UBND THÀNH PHỐ HỒ CHÍ MINH;;\nSỞ KHOA HỌC VÀ CÔNG NGHỆ;;\n${HEADER}\nHuế;0,9;0,8\n`), fw);
    expect(t.columns).toEqual(["Tỉnh/thành phố", "Nhận thức số", "Thể chế số"]);
    expect(t.rows).toEqual([{ line: 4, cells: ["Huế", "0,9", "0,8"] }]);
    expect(t.headerLine).toBe(3);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ code: "DATA_HEADER_ROW", severity: "warning", row: 3 });
    expect(t.issues[0]?.message).toBe(
      'the header is on line 3; lines 1 to 2 above it were left out ("UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"); if that is the wrong row, name the header\'s line with headerRow: N',
    );
  });

  it("takes the indicator row under a row of group titles (a two-row header saved as CSV)", () => {
    const t = findHeaderRow(parseCsv("Đơn vị;Nhóm chỉ số nền tảng chung;\nĐơn vị;Nhận thức số;Thể chế số\nHuế;0,9;0,8\n"), fw);
    expect(t.columns).toEqual(["Đơn vị", "Nhận thức số", "Thể chế số"]);
    expect(t.rows).toHaveLength(1);
  });

  it("leaves a table whose first line is the best header as it is (the same object)", () => {
    const table = parseCsv(`${HEADER}\nHuế;0,9;0,8\nĐơn vị;Nhận thức số;Thể chế số\n`);
    expect(findHeaderRow(table, fw)).toBe(table);
  });

  it("needs two names the framework reads to move the header, and more than line 1 names", () => {
    const oneName = parseCsv("Báo cáo;;\nGhi chú;Nhận thức số;x\nHuế;0,9;1\n");
    expect(findHeaderRow(oneName, fw)).toBe(oneName);
    // Line 1 already names two columns: a row naming two as well does not win.
    const tie = parseCsv("Đơn vị;Nhận thức số;x\nTỉnh;Thể chế số;y\n");
    expect(findHeaderRow(tie, fw)).toBe(tie);
  });

  it("takes the header row the caller names, and says so without the hint", () => {
    const t = findHeaderRow(parseCsv(`Kết quả;;\n${HEADER}\nHuế;0,9;0,8\n`), fw, { headerRow: 2 });
    expect(t.columns[0]).toBe("Tỉnh/thành phố");
    expect(t.issues[0]?.message).toBe('the header is on line 2; line 1 above it was left out ("Kết quả")');
    const same = parseCsv(`${HEADER}\nHuế;0,9;0,8\n`);
    expect(findHeaderRow(same, fw, { headerRow: 1 })).toBe(same);
  });

  it("reports a header row that is no row of the data", () => {
    const t = findHeaderRow(parseCsv(`${HEADER}\nHuế;0,9;0,8\n`), fw, { headerRow: 9 });
    expect(t.issues.map((i) => [i.code, i.severity, i.message])).toEqual([["OPTION_INVALID", "error", "the header row 9 is not a row of the data (the first row is 1, the last 2)"]]);
  });

  it("reads header cells that are numbers or blank (a sheet's typed cells) as text", () => {
    const table = { columns: ["Năm 2024", "", ""], rows: [{ line: 2, cells: ["Đơn vị", "awareness", 2024] }, { line: 3, cells: ["Huế", 0.9, null] }], format: "csv" as const, issues: [] };
    const t = findHeaderRow(table, fw);
    expect(t.columns).toEqual(["Đơn vị", "awareness", "2024"]);
    expect(t.rows).toHaveLength(1);
  });

  it("never looks for a header in JSON records", () => {
    const t = tableFromRecords([{ title: "x" }, { title: "unit", a: "awareness" }]);
    expect(findHeaderRow(t, fw)).toBe(t);
  });

  it("drops the ragged-row errors of title lines narrower than the table (a delimiter given)", () => {
    const table = parseCsv(`UBND TỈNH HUẾ\nSỞ KH&CN\n${HEADER}\nHuế;0,9;0,8\n`, { delimiter: ";" });
    expect(table.issues).toEqual([]);
    const t = findHeaderRow(table, fw);
    expect(t.columns).toEqual(["Tỉnh/thành phố", "Nhận thức số", "Thể chế số"]);
    expect(t.issues.map((i) => i.code)).toEqual(["DATA_HEADER_ROW"]);
  });
});
