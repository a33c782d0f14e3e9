// One rule for two-row headers, CSV and .xlsx alike: the official workbook of
// fixtures/dti-2022-province-official.xlsx (title rows, a blank row, group titles on row 4 merged
// over their indicators on row 5, STT and the unit column merged down) and the same sheet saved
// as CSV (a merged cell's text in its first cell only) read the same columns, whichever of the two
// header rows is named, or none.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { findHeaderRow } from "../../src/input/find-header-row.ts";
import { isGroupRow, placeHeader } from "../../src/input/two-row-header.ts";
import { score } from "../../src/pipeline/score.ts";
import { readXlsx } from "../../src/xlsx.ts";
import { cli, FW22 } from "../cli/helpers.ts";
import { OFFICIAL_FIXTURE } from "../helpers/official-workbook.ts";

const fw = getFramework("vn-dti-2022-province");
const top5 = readFileSync("fixtures/dti-2022-province-top5.csv", "utf8").trim().split("\n").map((l) => l.split(","));
const names = top5[0]!.slice(1);
const COLUMNS = ["STT", "Tỉnh/thành phố", ...names];

/** The official workbook's sheet as Excel saves it as CSV: merged cells hold their text in their first cell. */
const OFFICIAL_CSV = [
  "BỘ KHOA HỌC VÀ CÔNG NGHỆ;;;;;;;;;",
  "KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2022 (số liệu minh hoạ);;;;;;;;;",
  ";;;;;;;;;",
  "STT;Tỉnh/thành phố;Nhóm chỉ số nền tảng chung;;;;;Nhóm chỉ số hoạt động;;",
  `;;${names.join(";")}`,
  ...top5.slice(1).map((cells, i) => `${i + 1};${cells.join(";")}`),
].join("\n");

const xlsxBytes = new Uint8Array(readFileSync(OFFICIAL_FIXTURE));

describe("a two-row header read from CSV and from .xlsx", () => {
  for (const headerRow of [undefined, 4, 5]) {
    const named = headerRow === undefined ? "found" : `named as row ${headerRow}`;
    it(`reads the same columns, header on row 5 under the group titles of row 4 (${named})`, () => {
      const options = headerRow === undefined ? {} : { headerRow };
      const fromCsv = findHeaderRow(parseCsv(OFFICIAL_CSV), fw, options);
      const fromXlsx = findHeaderRow(readXlsx(xlsxBytes), fw, options);
      expect(fromCsv.columns).toEqual(COLUMNS);
      expect(fromXlsx.columns).toEqual(COLUMNS);
      expect([fromCsv.groupLine, fromCsv.headerLine, fromCsv.rows[0]?.line]).toEqual([4, 5, 6]);
      expect([fromXlsx.groupLine, fromXlsx.headerLine, fromXlsx.rows[0]?.line]).toEqual([4, 5, 6]);
      // The header row's warning is the same; the rows left out run from line 1 to the group titles.
      const note = (t: typeof fromCsv) => t.issues.find((i) => i.code === "DATA_HEADER_ROW")?.message;
      expect(note(fromXlsx)).toBe(note(fromCsv));
      expect(note(fromCsv)).toMatch(/^the header is on line 5 \(under the group titles on line 4\); lines 1 to 3 above it were left out/u);
    });
  }

  it("scores the same units to the same values and ranks either way", () => {
    for (const headerRow of [undefined, 4, 5]) {
      const options = { ...(headerRow === undefined ? {} : { headerRow }), ignoreColumns: ["STT"] };
      const fromCsv = score(fw, parseCsv(OFFICIAL_CSV), options);
      const fromXlsx = score(fw, readXlsx(xlsxBytes), options);
      expect(fromCsv.units).toHaveLength(5);
      expect(fromXlsx.units.map((u) => [u.unit, u.rank, u.value, u.row])).toEqual(fromCsv.units.map((u) => [u.unit, u.rank, u.value, u.row]));
    }
  });

  it("readXlsx given either header row reads the two rows as one, and scoring it again keeps them", () => {
    for (const headerRow of [4, 5]) {
      const table = readXlsx(xlsxBytes, { headerRow });
      expect(table.columns).toEqual(COLUMNS);
      expect([table.groupLine, table.headerLine]).toEqual([4, 5]);
      expect(findHeaderRow(table, fw, { headerRow })).toBe(table);
    }
  });

  it("the CLI scores data.csv and data.xlsx alike, with --header-row 4, 5 or none", async () => {
    const outputs = new Set<string>();
    for (const flag of [[], ["--header-row", "4"], ["--header-row", "5"]]) {
      const csv = await cli(["score", "data.csv", ...FW22, "--format", "csv", ...flag], { "data.csv": OFFICIAL_CSV });
      const xlsx = await cli(["score", OFFICIAL_FIXTURE, ...FW22, "--format", "csv", ...flag]);
      expect([csv.code, xlsx.code]).toEqual([0, 0]);
      expect(xlsx.stdout).toBe(csv.stdout);
      outputs.add(csv.stdout);
    }
    expect(outputs.size).toBe(1);
  });
});

describe("isGroupRow", () => {
  it("needs two titles, one over blank cells with names under each, and no number below", () => {
    expect(isGroupRow(["Đơn vị", "Nhóm chỉ số nền tảng chung", ""], ["", "Nhận thức số", "Thể chế số"])).toBe(true);
    expect(isGroupRow(["UBND TỈNH HUẾ", "", ""], ["Đơn vị", "Nhận thức số", "Thể chế số"])).toBe(false);
    expect(isGroupRow(["Đơn vị", "Nhận thức số", "Thể chế số"], ["Huế", "Nhận thức số", "Thể chế số"])).toBe(false);
    expect(isGroupRow(["Đơn vị", "Nhận thức số", ""], ["Huế", "0,9", "0,8"])).toBe(false);
    expect(isGroupRow(["Đơn vị", "Nhận thức số", ""], ["Huế", 0.9, "x"])).toBe(false);
    expect(isGroupRow(["STT", "Nhóm", ""], ["", "Nhận thức số", ""])).toBe(false);
  });
});

describe("placeHeader", () => {
  it("reads the upper row's name where the lower row is blank (merged down, saved in its first cell)", () => {
    const t = placeHeader(parseCsv("STT;Đơn vị;Nhóm;\n;;Nhận thức số;Thể chế số\n1;Huế;0,9;0,8\n"));
    expect(t.columns).toEqual(["STT", "Đơn vị", "Nhận thức số", "Thể chế số"]);
    expect([t.groupLine, t.headerLine]).toEqual([1, 2]);
    expect(t.rows).toEqual([{ line: 3, cells: ["1", "Huế", "0,9", "0,8"] }]);
  });

  it("leaves a one-row header as it is (the same table)", () => {
    const table = parseCsv("Đơn vị;Nhận thức số\nHuế;0,9\n");
    expect(placeHeader(table)).toBe(table);
    expect(placeHeader(table, 1)).toBe(table);
  });
});
