import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/errors.ts";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { cellShape, mayBeGrouped } from "../../src/input/thousands.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { tableFromRecords } from "../../src/input/table.ts";
import { thrownCodes } from "../helpers/outcome.ts";

const fw = defineFramework({
  id: "ward-counts",
  version: "1.0.0",
  title: { vi: "Phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    children: [
      { id: "online", name: { vi: "Hồ sơ trực tuyến" }, weight: 1, rule: { type: "ratio", numerator: "Hồ sơ trực tuyến", denominator: "Tổng hồ sơ" } },
      { id: "people", name: { vi: "Người dùng" }, weight: 1, rule: { type: "goalposts", min: 0, max: 5000, direction: "higher" } },
      { id: "share", name: { vi: "Tỷ lệ" }, weight: 1, rule: { type: "value" } },
      { id: "points", name: { vi: "Điểm" }, weight: 1, maxPoints: 20, rule: { type: "points" } },
    ],
  },
});

const csv = (rows: string[]) => parseCsv(`Phường;Hồ sơ trực tuyến;Tổng hồ sơ;Người dùng;Tỷ lệ;Điểm\n${rows.join("\n")}\n`);
const ambiguous = (issues: readonly Issue[]) => issues.filter((i) => i.code === "DATA_AMBIGUOUS_NUMBER");

describe("thousands separators read as decimal points are asked about", () => {
  it('"870;1.050": the ratio error comes with the word that 1.050 was read as 1.05', () => {
    const report = validate(fw, csv(["Bến Nghé;870;1.050;100;0,5;10"]));
    const issue = ambiguous(report.errors)[0]!;
    expect(issue).toMatchObject({ severity: "error", row: 2, column: "Tổng hồ sơ", unit: "Bến Nghé", node: "online" });
    expect(issue.message).toBe('"1.050" was read as 1.05; if it means 1050, write 1050 (no thousands separator); if it means 1.05, write 1.05');
    // Three decimals that are meant: a fourth decimal makes them unambiguous.
    const three = ambiguous(validate(fw, csv(["Bến Nghé;1;2;1.757;0,5;10", "Đa Kao;1;2;980;0,6;12", "Tân Định;1;2;2.300;0,7;14"])).errors)[0]!;
    expect(three.message).toContain("if it means 1.757, write 1.7570");
    expect(issue.messageVi).toContain("được đọc là 1,05");
    expect(report.errors.map((e) => e.code)).toContain("DATA_OUT_OF_RANGE");
  });

  it('"1.150;1.320" in both cells: the same ratio either way, so a warning and the score stands', () => {
    const result = score(fw, csv(["Bến Nghé;1.150;1.320;100;0,5;10", "Đa Kao;2.300;2.500;200;0,6;12"]));
    const [w] = ambiguous(result.warnings);
    expect(ambiguous(result.warnings)).toHaveLength(2);
    expect(w).toMatchObject({ severity: "warning", column: "Hồ sơ trực tuyến", row: 2 });
    expect(w?.message).toContain('"1.150" was read as 1.15; if it means 1150, write 1150 (no thousands separator)');
    expect(w?.message).toContain("2 cells of this column are written so (rows 2, 3)");
    expect(w?.message).toContain("both readings give the same scores here");
  });

  it("a column of counts with one thousands group changes the score: an error naming an example cell", () => {
    const codes = thrownCodes(() => score(fw, csv(["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;980;0,6;12", "Tân Định;1;2;2.300;0,7;14"])));
    expect(codes).toEqual(["DATA_AMBIGUOUS_NUMBER"]);
    const issue = ambiguous(validate(fw, csv(["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;980;0,6;12", "Tân Định;1;2;2.300;0,7;14"])).errors)[0]!;
    expect(issue).toMatchObject({ column: "Người dùng", row: 2, node: "people" });
    expect(issue.message).toContain("2 cells of this column are written so (rows 2, 4)");
  });

  it("a decimal comma elsewhere in the column makes the dot a thousands separator", () => {
    const report = validate(fw, csv(["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;12,5;0,6;12", "Tân Định;1;2;3;0,7;14", "Phú Nhuận;1;2;4;0,7;14"]));
    expect(ambiguous(report.errors).map((i) => i.row)).toEqual([2]);
  });

  it("no question where the reading is clear", () => {
    const quiet = [
      // The column writes "." as a decimal point elsewhere.
      ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;12.5;0,6;12"],
      // 0.850 is a decimal; 1.000 as 1000 is no score in [0, 1].
      ["Bến Nghé;1;2;100;0.850;10", "Đa Kao;1;2;200;1.000;12"],
      // 12.500 points as 12500 is above the 20-point maximum.
      ["Bến Nghé;1;2;100;0,5;12.500", "Đa Kao;1;2;200;0,6;8.250"],
      // One such cell among many small whole numbers is not a column of grouped counts.
      ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;3;0,6;12", "Tân Định;1;2;4;0,7;14", "Phú Nhuận;1;2;5;0,7;14"],
      // "179.875" among 100 and 90: 179.875 is nearer the column's numbers than 179875 is.
      ["Bến Nghé;1;2;179.875;0,5;10", "Đa Kao;1;2;100;0,6;12"],
    ];
    for (const rows of quiet) expect(ambiguous(validate(fw, csv(rows)).warnings.concat(validate(fw, csv(rows)).errors)), rows.join(" / ")).toEqual([]);
    // A text cell among JSON numbers (a what-if writing "93.375" for one unit) is one cell of three.
    const edited = tableFromRecords([
      { "Phường": "A", "Hồ sơ trực tuyến": 1, "Tổng hồ sơ": 2, "Người dùng": "93.375", "Tỷ lệ": 0.5, "Điểm": 10 },
      { "Phường": "B", "Hồ sơ trực tuyến": 1, "Tổng hồ sơ": 2, "Người dùng": 70, "Tỷ lệ": 0.5, "Điểm": 10 },
      { "Phường": "C", "Hồ sơ trực tuyến": 1, "Tổng hồ sơ": 2, "Người dùng": 60, "Tỷ lệ": 0.5, "Điểm": 10 },
    ]);
    expect(ambiguous(validate(fw, edited).errors)).toEqual([]);
    // JSON numbers are numbers: nothing to ask.
    const records = tableFromRecords([{ "Phường": "Bến Nghé", "Hồ sơ trực tuyến": 870, "Tổng hồ sơ": 1.05, "Người dùng": 100, "Tỷ lệ": 0.5, "Điểm": 10 }]);
    expect(ambiguous(validate(fw, records).errors)).toEqual([]);
  });

  it("long data is scanned per indicator", () => {
    const long = parseCsv("Phường;Chỉ số;Giá trị\nBến Nghé;Hồ sơ trực tuyến;870\nBến Nghé;Tổng hồ sơ;1.050\nBến Nghé;people;100\nBến Nghé;share;0,5\nBến Nghé;points;10\n");
    const issue = ambiguous(validate(fw, long).errors)[0]!;
    expect(issue).toMatchObject({ column: "Giá trị", row: 3, node: "online" });
  });

  it("cellShape tells the forms apart", () => {
    expect(cellShape("1.050")).toEqual({ kind: "ambiguous", sep: ".", thousands: "1050" });
    expect(cellShape("-870,500")).toEqual({ kind: "ambiguous", sep: ",", thousands: "870500" });
    expect(cellShape("1.234.567")).toEqual({ kind: "grouped", sep: "." });
    expect(cellShape("1.234,5")).toEqual({ kind: "grouped", sep: "." });
    expect(cellShape("1,234.5")).toEqual({ kind: "grouped", sep: "," });
    expect(cellShape("0.850")).toEqual({ kind: "decimal", sep: "." });
    expect(cellShape("1050")).toEqual({ kind: "whole" });
    expect(cellShape("1e3")).toEqual({ kind: "other" });
    // The quick test agrees with cellShape on what could be a thousands group.
    for (const text of ["1.050", " -870,500 ", "999.999", "1.050", "0.850", "1.05", "12345", "1.0500", "1.234.567", "abc.def", "", "12.5"]) {
      expect(mayBeGrouped(text), text).toBe(cellShape(text).kind === "ambiguous");
    }
    expect(mayBeGrouped(1050)).toBe(false);
  });
});
