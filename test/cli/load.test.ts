import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { excelRow, excelWorkbook } from "../helpers/xlsx.ts";
import { cli, FW22 } from "./helpers.ts";

const lines = readFileSync("fixtures/dti-2022-province-top5.csv", "utf8").trim().split("\n").map((l) => l.split(","));

/** The top-5 CSV as a workbook: a notes sheet first, the data on the sheet "Số liệu". */
function workbook(): Uint8Array {
  const strings: string[] = [];
  const data = lines.map((cells, i) => excelRow(i + 1, i === 0 ? cells : [cells[0] as string, ...cells.slice(1).map(Number)], strings)).join("");
  return excelWorkbook([{ name: "Hướng dẫn", sheetData: excelRow(1, ["Điền số liệu vào sheet Số liệu"], strings) }, { name: "Số liệu", sheetData: data }], strings);
}

describe("the CLI reads .xlsx workbooks", () => {
  it("scores a sheet picked by --sheet (name or number) as it scores the CSV", async () => {
    const bytes = { "data.xlsx": workbook() };
    const fromCsv = await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--format", "csv"]);
    const byName = await cli(["score", "data.xlsx", ...FW22, "--format", "csv", "--sheet", "số liệu"], {}, undefined, bytes);
    const byNumber = await cli(["score", "data.xlsx", ...FW22, "--format", "csv", "--sheet", "2"], {}, undefined, bytes);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(fromCsv.stdout);
    expect(byNumber.stdout).toBe(fromCsv.stdout);
  });

  it("validate, report and the analysis commands take a workbook too", async () => {
    const bytes = { "data.xlsx": workbook() };
    expect((await cli(["validate", "data.xlsx", ...FW22, "--sheet", "Số liệu"], {}, undefined, bytes)).code).toBe(0);
    const explain = await cli(["explain", "data.xlsx", ...FW22, "--sheet", "Số liệu", "--unit", "Quảng Ninh"], {}, undefined, bytes);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("Quảng Ninh");
  });

  it("names the sheets when --sheet names none, and reads the first sheet by default", async () => {
    const bytes = { "data.xlsx": workbook() };
    const wrong = await cli(["score", "data.xlsx", ...FW22, "--sheet", "Dữ liệu"], {}, undefined, bytes);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('data.xlsx: the workbook has no sheet "Dữ liệu" (sheets: "Hướng dẫn", "Số liệu")');
    const first = await cli(["score", "data.xlsx", ...FW22], {}, undefined, bytes);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("no unit column");
  });

  it("refuses --sheet with a CSV file, and an old .xls or .ods file with what to do", async () => {
    const csv = await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--sheet", "1"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("--sheet picks a sheet of an .xlsx workbook");
    const xls = await cli(["score", "old.xls", ...FW22]);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('save this file from Excel or LibreOffice as "Excel Workbook (.xlsx)"');
  });

  it("says so when the workbook is missing, or is not a workbook", async () => {
    const missing = await cli(["score", "nowhere.xlsx", ...FW22]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("file not found: nowhere.xlsx");
    const notZip = await cli(["score", "x.xlsx", ...FW22], {}, undefined, { "x.xlsx": new TextEncoder().encode("Tỉnh,NTS\n") });
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain("DATA_PARSE");
  });

  it("says a workbook must be given as a .xlsx file, not on standard input or under another name", async () => {
    const text = new TextDecoder("latin1").decode(workbook());
    const stdin = await cli(["score", "-", ...FW22], { "-": text });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain("standard input is a zip file (an .xlsx workbook?): give it as a file named *.xlsx");
    const renamed = await cli(["score", "data.csv", ...FW22], { "data.csv": text });
    expect(renamed.stderr).toContain("data.csv is a zip file");
  });
});
