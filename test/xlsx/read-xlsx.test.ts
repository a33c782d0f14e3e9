import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { findHeaderRow } from "../../src/input/find-header-row.ts";
import { score } from "../../src/pipeline/score.ts";
import { listSheets, readXlsx } from "../../src/xlsx.ts";
import { excelRow, excelWorkbook } from "../helpers/xlsx.ts";

const fw = getFramework("vn-dti-2022-province");
const csv = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));

/**
 * The top-5 provinces as an official's workbook: a two-row header (group titles merged over their
 * indicators, STT and the unit column merged down), percent cells, a formula with its saved value,
 * a blank trailing column, a second sheet.
 */
function officialWorkbook(): Uint8Array {
  const strings: string[] = [];
  const names = csv.columns.slice(1);
  const rows = [
    excelRow(1, ["STT", "Tỉnh/thành phố", "Nền tảng chuyển đổi số", null, null, null, null, "Hoạt động", null, null], strings),
    excelRow(2, [null, null, ...names], strings),
    ...csv.rows.map((r, i) =>
      excelRow(
        i + 3,
        [
          i + 1,
          r.cells[0] as string,
          // Nhận thức số as a percent cell (100% is 1), Thể chế số as a formula with its saved value.
          { pct: Number(r.cells[1]) },
          { f: `ROUND(${r.cells[2]}*1,4)`, v: Number(r.cells[2]) },
          ...r.cells.slice(3).map((c) => Number(c)),
          "",
        ],
        strings,
      ),
    ),
  ];
  return excelWorkbook(
    [
      { name: "Tổng hợp DTI", sheetData: rows.join(""), merges: ["A1:A2", "B1:B2", "C1:G1", "H1:J1"] },
      { name: "Ghi chú", sheetData: excelRow(1, ["Ghi chú"], strings) },
    ],
    strings,
  );
}

describe("readXlsx", () => {
  it("reads a two-row merged header by its lower row, typed numbers, percent and formula cells, and scores as the CSV does", () => {
    const table = readXlsx(officialWorkbook());
    expect(table.format).toBe("xlsx");
    expect(table.columns).toEqual(["STT", "Tỉnh/thành phố", ...csv.columns.slice(1)]);
    expect(table.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(table.rows[0]?.cells.slice(0, 5)).toEqual([1, "TP. Đà Nẵng", 1, 0.9, 0.8253]);
    expect(table.issues).toEqual([]);
    const result = score(fw, table, { ignoreColumns: ["STT"] });
    const fromCsv = score(fw, csv);
    expect(result.units.map((u) => [u.unit, u.rank, u.value])).toEqual(fromCsv.units.map((u) => [u.unit, u.rank, u.value]));
    expect(result.units[0]?.value).toBe("0.8002");
  });

  it("picks a sheet by name (case and spacing ignored) or by tab number, and names the sheets when one is missing", () => {
    const bytes = officialWorkbook();
    expect(listSheets(bytes).map((s) => s.name)).toEqual(["Tổng hợp DTI", "Ghi chú"]);
    expect(readXlsx(bytes, { sheet: "ghi  CHÚ" }).columns).toEqual(["Ghi chú"]);
    expect(readXlsx(bytes, { sheet: 2 }).columns).toEqual(["Ghi chú"]);
    expect(readXlsx(bytes, { sheet: "2" }).columns).toEqual(["Ghi chú"]);
    const missing = readXlsx(bytes, { sheet: "Dữ liệu" });
    expect(missing.issues[0]).toMatchObject({ code: "OPTION_INVALID", severity: "error" });
    expect(missing.issues[0]?.message).toContain('"Tổng hợp DTI", "Ghi chú"');
    expect(readXlsx(bytes, { sheet: 3 }).issues[0]?.message).toContain("no sheet 3");
  });

  it("reads a formula without a saved value as blank, with a warning naming the sheet, the cell and the column", () => {
    const strings: string[] = [];
    const bytes = excelWorkbook(
      [{ name: "Dữ liệu", sheetData: [excelRow(1, ["Tỉnh/thành phố", "Nhận thức số", "Thể chế số"], strings), excelRow(2, ["Huế", { f: "B5*2", v: 0.5 }, { f: "C9/2" }], strings)].join("") }],
      strings,
    );
    const table = readXlsx(bytes);
    expect(table.rows[0]?.cells).toEqual(["Huế", 0.5, undefined]);
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]).toMatchObject({ code: "DATA_NO_CACHED_VALUE", severity: "warning", row: 2, column: "Thể chế số" });
    expect(table.issues[0]?.message).toContain('sheet "Dữ liệu", cell C2: the formula =C9/2 has no saved value');
  });

  it("reads Excel's other cell kinds: inline and rich text, booleans, error values, a custom percent format, the default sheet skipping hidden ones", () => {
    const sheet = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c><c r="B1" t="inlineStr"><is><r><t>Nhận </t></r><r><rPr><b/></rPr><t>thức số</t></r><rPh><t>x</t></rPh></is></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="str"><f>"Hu"&amp;"ế"</f><v>Huế</v></c><c r="B2" s="2"><v>0.8125</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>`;
    const bytes = excelWorkbook([{ name: "Ẩn", sheetData: "", hidden: true }, { name: "Hiện", sheetData: sheet }], ["Có &amp; không", "Lỗi"]);
    const table = readXlsx(bytes);
    expect(table.columns).toEqual(["Tên", "Nhận thức số", "Có &amp; không", "Lỗi"]);
    expect(table.rows[0]?.cells).toEqual(["Huế", 0.8125, true, "#DIV/0!"]);
  });

  it("fills a value merged down over several rows into each of them", () => {
    const strings: string[] = [];
    const bytes = excelWorkbook(
      [{ name: "S", sheetData: [excelRow(1, ["Khối", "Đơn vị"], strings), excelRow(2, ["Sở", "Sở A"], strings), excelRow(3, [null, "Sở B"], strings), excelRow(4, ["Quận", "Quận 1"], strings)].join(""), merges: ["A2:A3"] }],
      strings,
    );
    expect(readXlsx(bytes).rows.map((r) => r.cells)).toEqual([["Sở", "Sở A"], ["Sở", "Sở B"], ["Quận", "Quận 1"]]);
  });

  it("clips a merged range to the rows the sheet has: a merge over the whole sheet or down to row 1,048,576 adds no row", () => {
    const strings: string[] = [];
    const sheetData = [excelRow(1, ["Đơn vị", "NTS"], strings), excelRow(2, ["Huế", 0.5], strings), excelRow(3, ["Đà Nẵng", 0.7], strings)].join("");
    for (const merge of ["A1:XFD1048576", "B3:B1048576", "A2:A1048576"]) {
      const started = performance.now();
      const table = readXlsx(excelWorkbook([{ name: "S", sheetData, merges: [merge] }], strings));
      expect(performance.now() - started, merge).toBeLessThan(500);
      expect(table.rows.map((r) => r.line), merge).toEqual([2, 3]);
      expect(table.issues, merge).toEqual([]);
    }
    // A unit merged over the row below fills it, the row has cells of its own.
    const down = readXlsx(excelWorkbook([{ name: "S", sheetData: [excelRow(1, ["Đơn vị", "NTS"], strings), excelRow(2, ["Huế", 0.5], strings), excelRow(3, [null, 0.7], strings)].join(""), merges: ["A2:A1048576"] }], strings));
    expect(down.rows.map((r) => r.cells)).toEqual([["Huế", 0.5], ["Huế", 0.7]]);
  });

  it("refuses merged ranges made to fill more cells than the sheet holds (Excel never overlaps them)", () => {
    const strings: string[] = [];
    const rows = [excelRow(1, ["Đơn vị", "NTS"], strings), ...Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}"><v>1</v></c></row>`)];
    const merges = Array.from({ length: 2000 }, () => "A1:A1048576");
    const started = performance.now();
    const table = readXlsx(excelWorkbook([{ name: "S", sheetData: rows.join(""), merges }], strings));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(table.issues[0]).toMatchObject({ code: "DATA_TOO_LARGE", severity: "error", row: 1 });
    expect(table.issues[0]?.message).toContain("A1:A1048576");
  });

  it("reports every cell it cannot place or read, naming the sheet and the cell, instead of dropping or guessing", () => {
    const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Đơn vị</t></is></c><c r="B1" t="inlineStr"><is><t>NTS</t></is></c></row>';
    const read = (row2: string, merges?: string[]) => readXlsx(excelWorkbook([{ name: "Dữ liệu", sheetData: head + row2, ...(merges === undefined ? {} : { merges }) }]));
    const unit = '<c r="A2" t="inlineStr"><is><t>Huế</t></is></c>';
    const cases: [string, string, string, string?][] = [
      // a reference past column XFD, an invalid reference, a cell inside another row, a row number past 1,048,576
      [`<row r="2">${unit}<c r="XFE2"><v>0.5</v></c></row>`, "DATA_PARSE", 'the cell reference "XFE2" in row 2 is not a cell of a sheet'],
      [`<row r="2">${unit}<c r="B-2"><v>0.5</v></c></row>`, "DATA_PARSE", 'the cell reference "B-2" in row 2'],
      [`<row r="3">${unit}<c r="B2"><v>0.5</v></c></row>`, "DATA_PARSE", 'the cell "A2" is written inside row 3'],
      [`<row r="99999999999">${unit}</row>`, "DATA_PARSE", 'the row number "99999999999" (after row 1) is not a row of a sheet'],
      // a cell written twice (also in a row written twice): the first is read
      [`<row r="2">${unit}<c r="B2"><v>0.5</v></c><c r="B2"><v>0.9</v></c></row>`, "DATA_PARSE", 'sheet "Dữ liệu", cell B2 is written twice (0.5, then 0.9)'],
      [`<row r="2">${unit}<c r="B2"><v>0.5</v></c></row><row r="2"><c r="B2"><v>0.9</v></c></row>`, "DATA_PARSE", "cell B2 is written twice"],
      // an unknown type, a boolean that is neither 0 nor 1
      [`<row r="2">${unit}<c r="B2" t="zz"><v>0.5</v></c></row>`, "DATA_PARSE", 'cell B2: the cell type t="zz" is not one of Excel\'s'],
      [`<row r="2">${unit}<c r="B2" t="b"><v>2</v></c></row>`, "DATA_PARSE", 'cell B2: "2" is not a stored TRUE or FALSE'],
      // a NUL, written as a character reference, as CSV reports it
      ['<row r="2"><c r="A2" t="inlineStr"><is><t>Huế&#0;</t></is></c><c r="B2"><v>0.5</v></c></row>', "DATA_ENCODING", 'sheet "Dữ liệu", cell A2: the text'],
      // an entity XML does not define stops the reading, at the cell
      ['<row r="2"><c r="A2" t="inlineStr"><is><t>Huế&foo;</t></is></c></row>', "DATA_PARSE", 'the sheet "Dữ liệu" is not well-formed XML at cell A2 ("&foo;" is not an entity'],
    ];
    for (const [row2, code, message] of cases) {
      const table = read(row2);
      const issue = table.issues.find((i) => i.severity === "error");
      expect(issue, row2).toMatchObject(row2.startsWith('<row r="9') ? { code } : { code, row: expect.any(Number) });
      expect(issue?.message, row2).toContain(message);
      expect(JSON.stringify(table.rows), row2).not.toContain("\\u0000");
      expect(JSON.stringify(table.rows), row2).not.toContain("0.9");
    }
    // Below title rows, a header cell written twice is still reported once the header is placed;
    // the title rows' own issues are not.
    const titled = readXlsx(
      excelWorkbook([
        {
          name: "Dữ liệu",
          sheetData:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>BÁO CÁO</t></is></c><c r="A1"><v>1</v></c></row>' +
            '<row r="3"><c r="A3" t="inlineStr"><is><t>Đơn vị</t></is></c><c r="B3" t="inlineStr"><is><t>Nhận thức số</t></is></c><c r="B3" t="inlineStr"><is><t>Thể chế số</t></is></c></row>' +
            '<row r="4"><c r="A4" t="inlineStr"><is><t>Huế</t></is></c><c r="B4"><v>0.5</v></c></row>',
        },
      ]),
    );
    const placed = findHeaderRow(titled, getFramework("vn-dti-2022-province"));
    expect(placed.headerLine).toBe(3);
    expect(placed.issues.filter((i) => i.code === "DATA_PARSE").map((i) => [i.row, i.cell])).toEqual([[3, "B3"]]);
    const merged = read(`<row r="2">${unit}<c r="B2"><v>0.5</v></c></row>`, ["A2:A"]);
    expect(merged.issues[0]).toMatchObject({ code: "DATA_PARSE", message: expect.stringContaining('the merged range "A2:A" is not a range of cells') });
  });

  it("reports a file that is not a workbook, an old .xls file, a broken zip and a DOCTYPE, never throwing", () => {
    expect(readXlsx(strToU8("Tỉnh,NTS\nHuế,1\n")).issues[0]).toMatchObject({ code: "DATA_PARSE" });
    expect(readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])).issues[0]?.message).toContain("Excel 97-2003");
    expect(readXlsx(officialWorkbook().slice(0, 200)).issues[0]).toMatchObject({ code: "DATA_PARSE" });
    const bomb = zipSync({
      "xl/workbook.xml": strToU8('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><workbook><sheets/></workbook>'),
    });
    expect(readXlsx(bomb).issues[0]?.message).toContain("document type declaration is not allowed");
  });

  it("reports an empty sheet and a header without rows", () => {
    expect(readXlsx(excelWorkbook([{ name: "Trống", sheetData: "" }])).issues[0]).toMatchObject({ code: "DATA_EMPTY" });
    const strings: string[] = [];
    const onlyHeader = readXlsx(excelWorkbook([{ name: "S", sheetData: excelRow(1, ["Tỉnh", "NTS"], strings) }], strings));
    expect(onlyHeader.issues[0]?.message).toContain("no rows below it");
  });
});
