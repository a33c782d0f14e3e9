import { describe, expect, it } from "vitest";
import { excelRow, excelWorkbook } from "../helpers/xlsx.ts";
import { cli, FW22 } from "./helpers.ts";

const names = ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"];

describe("issues in a workbook name the sheet and the cell", () => {
  it("adds the Excel cell to a problem with a row and a column", async () => {
    const strings: string[] = [];
    const sheet = [excelRow(1, ["Tỉnh/thành phố", ...names], strings), excelRow(2, ["Huế", 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], strings), excelRow(3, ["Đà Nẵng", 0.9, "khá", 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], strings)].join("");
    const run = await cli(["score", "d.xlsx", ...FW22], {}, undefined, { "d.xlsx": excelWorkbook([{ name: "Số liệu 2024", sheetData: sheet }], strings) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error DATA_NOT_A_NUMBER row 3, column "Thể chế số", unit "Đà Nẵng": .* \(sheet "Số liệu 2024", cell C3\)/u);
  });

  it("leaves CSV problems as they were", async () => {
    const run = await cli(["score", "d.csv", ...FW22], { "d.csv": `Tỉnh/thành phố,${names.join(",")}\nHuế,0.9,khá,0.7,0.6,0.5,0.4,0.3,0.2\n` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 2, column "Thể chế số"');
    expect(run.stderr).not.toContain("cell C2");
  });
});
