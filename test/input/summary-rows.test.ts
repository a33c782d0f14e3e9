import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { resolveColumns } from "../../src/input/resolve-columns.ts";
import { isSummaryName, summaryRows } from "../../src/input/summary-rows.ts";

const fw = getFramework("vn-dti-2022-province");
const split = (csv: string, keep = false) => {
  const table = parseCsv(csv);
  return summaryRows(table, resolveColumns(table.columns, fw, { unknownColumns: "warn" }), keep);
};

describe("isSummaryName", () => {
  it("knows totals and averages in Vietnamese and English, in any case, spacing or Unicode form", () => {
    for (const name of ["Tổng", "TỔNG CỘNG", "Tổng cộng:", "Cộng", "Trung bình", "trung  bình".normalize("NFD"), "Bình quân", "Bình quân chung", "Trung bình toàn thành phố", "Total", "Average", "Grand total"]) {
      expect(isSummaryName(name), name).toBe(true);
    }
  });
  it("does not take unit names that begin like one", () => {
    for (const name of ["Tổng cục Thuế", "Cộng Hòa", "Xã Trung Bình", "Phường Bình Quới", "TP. Hồ Chí Minh"]) expect(isSummaryName(name), name).toBe(false);
  });
});

describe("summaryRows", () => {
  it("leaves out an average row and a total row, one warning each naming the line and label", () => {
    const { rows, issues } = split("Đơn vị;Nhận thức số\nHuế;0,9\nĐà Nẵng;1\nTrung bình;0,95\nTổng cộng;1,9\n");
    expect(rows.map((r) => r.cells[0])).toEqual(["Huế", "Đà Nẵng"]);
    expect(issues.map((i) => [i.code, i.severity, i.row, i.column, i.message])).toEqual([
      ["DATA_SUMMARY_ROW", "warning", 4, "Đơn vị", 'line 4 ("Trung bình") is a total or average, not a unit: left out of scores and ranks (keep such rows with keepSummaryRows)'],
      ["DATA_SUMMARY_ROW", "warning", 5, "Đơn vị", 'line 5 ("Tổng cộng") is a total or average, not a unit: left out of scores and ranks (keep such rows with keepSummaryRows)'],
    ]);
  });

  it("finds labels typed decomposed (NFD), in capitals or after an invisible character", () => {
    const { rows, issues } = split(`Đơn vị;Nhận thức số\nHuế;0,9\n${"Trung bình".normalize("NFD")};0,9\nTỔNG CỘNG;1\n\u200bBình quân;0,9\nThành phố Huế;0,8\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(issues.map((i) => i.row)).toEqual([3, 4, 5]);
  });

  it("takes a row with numbers and a blank unit cell as a summary, its label from another column (merged cells)", () => {
    const { rows, issues } = split("STT;Đơn vị;Nhận thức số\n1;Huế;0,9\nTổng;;0,9\n;;\n");
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(issues[0]?.message).toMatch(/^line 3 \("Tổng"\) is a total or average/u);
    const midTable = split("STT;Đơn vị;Nhận thức số\n1;Huế;0,9\nCộng;;0,9\n2;Đà Nẵng;1\n");
    expect(midTable.rows.map((r) => r.line)).toEqual([2, 4]);
    const unlabelled = split("Đơn vị;Nhận thức số\nHuế;0,9\n;0,9\n");
    expect(unlabelled.issues[0]?.message).toBe("line 3 has numbers but no unit name, not a unit: left out of scores and ranks (keep such rows with keepSummaryRows)");
  });

  it("leaves a nameless row above a named unit to the reader: a name left out (DATA_MISSING_UNIT)", () => {
    const { rows, issues } = split("STT;Đơn vị;Nhận thức số\n1;Huế;0,9\n2;;0,8\n3;Đà Nẵng;1\n");
    expect(rows).toHaveLength(3);
    expect(issues).toEqual([]);
  });

  it("keeps a unit named like a summary when it has a code", () => {
    const { rows, issues } = split("Mã;Đơn vị;Nhận thức số\n01;Trung bình;0,9\n;Trung bình;0,9\n");
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(issues).toHaveLength(1);
  });

  it("keeps every row with keep, and a blank unit without numbers is left to the reader (DATA_MISSING_UNIT)", () => {
    const table = parseCsv("Đơn vị;Nhận thức số\nHuế;0,9\nTrung bình;0,9\n");
    expect(split("Đơn vị;Nhận thức số\nHuế;0,9\nTrung bình;0,9\n", true)).toEqual({ rows: table.rows, issues: [] });
    expect(split("Đơn vị;Nhận thức số;Thể chế số\nHuế;0,9;1\n;;x\n").issues).toEqual([]);
  });

  it("groups the rows of one label in long form into one warning", () => {
    const { rows, issues } = split("unit;indicator;value\nHuế;awareness;0,9\nTrung bình;awareness;0,9\nTrung bình;institutions;0,8\n");
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => i.message)).toEqual(['lines 3, 4 ("Trung bình") are a total or average, not units: left out of scores and ranks (keep such rows with keepSummaryRows)']);
  });
});
