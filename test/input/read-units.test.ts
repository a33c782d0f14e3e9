import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { readUnits, sheetTable } from "../../src/input/read-units.ts";
import { score, toFramework, validate } from "../../src/pipeline/score.ts";
import { cli, FW22 } from "../cli/helpers.ts";

const fw = getFramework("vn-dti-2022-province");
const EXPORT = "fixtures/dti-2022-province-top5-official-export.csv";
const exported = () => parseCsv(readFileSync(EXPORT, "utf8"));
const expected = parseCsv(readFileSync("fixtures/dti-2022-province-top5.expected.csv", "utf8")).rows.map((r) => r.cells);

describe("an official export: title rows, an STT column, trailing empty columns, an average row", () => {
  it("scores as the plain table does, with a warning for the title rows and one for the average row", () => {
    const result = score(fw, exported());
    const plain = score(fw, parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));
    expect(result.units.map((u) => [u.unit, u.rank, u.value])).toEqual(plain.units.map((u) => [u.unit, u.rank, u.value]));
    // The published DTI and ranks (Hồ Chí Minh: the rounding note in fixtures/README.md).
    expect(result.units.map((u) => [u.unit, String(u.rank), u.value])).toEqual(expected.map(([unit, rank, dti]) => [unit, rank, unit === "TP. Hồ Chí Minh" ? "0.7164" : dti]));
    expect(result.warnings.map((w) => [w.code, w.row, w.message])).toEqual([
      [
        "DATA_HEADER_ROW",
        5,
        'the header is on line 5; lines 1 to 4 above it were left out ("UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ DTI 2022 (5 TỈNH, THÀNH PHỐ DẪN ĐẦU)"); if that is the wrong row, name the header\'s line with headerRow: N',
      ],
      ["DATA_SUMMARY_ROW", 11, 'line 11 ("Trung bình") is a total or average, not a unit: left out of scores and ranks (keep such rows with keepSummaryRows)'],
    ]);
  });

  it("with keepSummaryRows reads the average row as a unit (ranked 2nd of 6), as before", () => {
    const result = score(fw, exported(), { keepSummaryRows: true });
    expect(result.units.map((u) => u.unit)).toContain("Trung bình");
    expect(result.units.find((u) => u.unit === "Trung bình")?.rank).toBe(2);
    expect(result.warnings.map((w) => w.code)).toEqual(["DATA_HEADER_ROW"]);
  });

  it("with a wrong headerRow, reports the columns of that row", () => {
    const issues = validate(fw, exported(), { headerRow: 6 }).errors;
    expect(issues.some((i) => i.code === "DATA_NO_UNIT_COLUMN")).toBe(true);
    expect(validate(fw, exported(), { headerRow: 0 }).errors.map((i) => i.message)).toEqual(["option headerRow must be a line number, 1 or more (got 0)"]);
  });

  it("sheetTable re-bases the header and drops the blank columns; readUnits reads 5 units", () => {
    const t = sheetTable(exported(), fw);
    expect(t.columns).toEqual(["STT", "Tỉnh/thành phố", "Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"]);
    const read = readUnits(exported(), fw);
    expect(read.units.map((u) => u.row)).toEqual([6, 7, 8, 9, 10]);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("an explicit headerRow reads the same; trailing empty columns are no error nor warning", () => {
    const noDetection = score(fw, exported(), { headerRow: 5 });
    expect(noDetection.units).toHaveLength(5);
    const trailing = validate(fw, parseCsv("Đơn vị;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số;;\nHuế;1;1;1;1;1;1;1;1;;\n"));
    expect(trailing.errors).toEqual([]);
    expect(trailing.warnings).toEqual([]);
  });

  it("the CLI prints both warnings and scores; --keep-summary-rows and --header-row are options", async () => {
    const out = await cli(["score", EXPORT, ...FW22, "--format", "csv"]);
    expect(out.code).toBe(0);
    expect(out.stdout.split("\n").filter((l) => l.trim() !== "")).toHaveLength(6);
    expect(out.stderr).toContain("warning DATA_HEADER_ROW row 5");
    expect(out.stderr).toContain("name the header's line with --header-row N");
    expect(out.stderr).toContain('warning DATA_SUMMARY_ROW row 11, column "Tỉnh/thành phố": line 11 ("Trung bình") is a total or average, not a unit: left out of scores and ranks (keep such rows with --keep-summary-rows)');
    const kept = await cli(["score", EXPORT, ...FW22, "--format", "csv", "--keep-summary-rows", "--header-row", "5"]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("Trung bình");
    expect(kept.stderr).not.toContain("--header-row N");
    const bad = await cli(["score", EXPORT, ...FW22, "--header-row", "x"]);
    expect(bad.code).toBe(2);
  });
});

describe("repeated units and codes", () => {
  // A plain restatement of the rule: a unit (per year, names compared as keys) is kept on its first
  // row and refused again; a code (per year) used by a unit of another name is reported, the row
  // kept, and the code then belongs to the later unit.
  function expectedIssues(rows: readonly (readonly [string, string, string])[]) {
    const key = (name: string) => name.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
    const first = new Map<string, number>();
    const codes = new Map<string, { unit: string; row: number }>();
    const out: string[] = [];
    rows.forEach(([unit, code, year], k) => {
      const row = k + 2;
      const name = unit.trim().replace(/\s+/gu, " ");
      const seen = first.get(`${year}|${key(unit)}`);
      if (seen !== undefined) return void out.push(`${row}: unit "${name}"${year === "" ? "" : ` (${year})`} appears again (first on row ${seen})`);
      first.set(`${year}|${key(unit)}`, row);
      const other = codes.get(`${year}|${code}`);
      if (other !== undefined && key(other.unit) !== key(unit)) out.push(`${row}: code "${code}" is used by "${other.unit}" (row ${other.row}) and "${name}"`);
      codes.set(`${year}|${code}`, { unit: name, row });
    });
    return out;
  }

  it("reports what the plain rule reports, on random tables of names, codes and years", () => {
    let s = 20261202;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const fw = { id: "t", version: "1", title: { vi: "t" }, root: { id: "r", name: { vi: "r" }, children: [{ id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" as const } }] } };
    let reported = 0;
    for (let t = 0; t < 60; t++) {
      const years = rnd() < 0.5 ? [""] : ["2023", "2024"];
      const rows = Array.from({ length: 40 }, () => [pick(["Huế", "huế", "Hà  Nội", "Đà Nẵng", "Cần Thơ", "Cà Mau", `Xã ${Math.floor(rnd() * 30)}`]), pick(["H1", "H2", "D1", "X", "x"]), pick(years)] as const);
      const header = years[0] === "" ? "unit,code,a" : "unit,code,year,a";
      const csv = [header, ...rows.map(([u, c, y]) => (y === "" ? `${u},${c},0.5` : `${u},${c},${y},0.5`))].join("\n");
      const issues = readUnits(parseCsv(csv), toFramework(fw).framework!).issues.filter((i) => i.code === "DATA_DUPLICATE_UNIT");
      const expected = expectedIssues(rows);
      expect(issues.map((i) => `${i.row}: ${i.message}`)).toEqual(expected);
      reported += expected.length;
    }
    expect(reported).toBeGreaterThan(500);
  });
});
