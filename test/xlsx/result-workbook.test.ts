import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { toCSV } from "../../src/report/to-csv.ts";
import { listSheets, readXlsx, sheetName, toXLSX } from "../../src/xlsx.ts";
import { totalPoints } from "../../src/index.ts";

const fw = getFramework("vn-dti-2022-province");
const result = score(fw, parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8")));
const bytes = toXLSX(result, { points: totalPoints(fw) as number });
const csv = parseCsv(toCSV(result));
const rootName = result.nodes[0]?.name.vi as string;
const firstPillar = result.nodes.find((n) => n.depth === 1) as (typeof result.nodes)[number];

describe("toXLSX", () => {
  it("has a ranking sheet, a sheet per group, an indicator sheet and an about sheet", () => {
    const taken = new Set(["xếp hạng"]);
    const groups = [...new Set(result.units.map((u) => u.group as string))].sort(new Intl.Collator("vi").compare).map((g) => sheetName(g, taken));
    expect(groups.length).toBeGreaterThan(3);
    // Cut to Excel's 31 characters, without a trailing space.
    expect(groups).toContain("Bắc Trung Bộ và duyên hải miền");
    expect(listSheets(bytes).map((s) => s.name)).toEqual(["Xếp hạng", ...groups, "Chỉ số thành phần", "Thông tin"]);
  });

  it("writes the published values as numbers equal to the CSV's, the points on 1000 beside them, ranks overall and in the group", () => {
    const ranking = readXlsx(bytes, { sheet: "Xếp hạng" });
    expect(ranking.columns.slice(0, 8)).toEqual(["Hạng", "Hạng trong nhóm", "Đơn vị", "Mã", "Nhóm", rootName, "Điểm (trên 1000)", firstPillar.name.vi]);
    const col = (name: string) => ranking.columns.indexOf(name);
    const csvCol = (name: string) => csv.columns.indexOf(name);
    expect(ranking.rows).toHaveLength(result.units.length);
    ranking.rows.forEach((row, i) => {
      const line = csv.rows[i]?.cells as string[];
      expect(row.cells[col("Đơn vị")]).toBe(line[csvCol("unit")]);
      expect(row.cells[col("Hạng")]).toBe(Number(line[csvCol("rank")]));
      expect(row.cells[col("Hạng trong nhóm")]).toBe(Number(line[csvCol("group_rank")]));
      const value = row.cells[col(rootName)] as number;
      expect(value).toBe(Number(line[csvCol(result.root)]));
      // The points are the published value times 1000, exactly: 0.6789 is 678.9.
      expect(String(row.cells[col("Điểm (trên 1000)")])).toBe(String(Number(`${line[csvCol(result.root)]}`.replace(/^(\d)\.(\d{3})(\d*)$/u, "$1$2.$3"))));
      expect(row.cells[col(firstPillar.name.vi)]).toBe(Number(line[csvCol(firstPillar.id)]));
    });
  });

  it("writes every indicator's value and rank on the indicator sheet, equal to the CSV's", () => {
    const sheet = readXlsx(bytes, { sheet: "Chỉ số thành phần" });
    const nodes = result.nodes.filter((n) => n.id !== result.root);
    for (const n of nodes) {
      const v = sheet.columns.indexOf(`${n.name.vi} (${n.short ?? n.id})`);
      expect(v).toBeGreaterThan(0);
      sheet.rows.forEach((row, i) => {
        const text = csv.rows[i]?.cells[csv.columns.indexOf(n.id)] as string;
        expect(row.cells[v]).toBe(text === "" ? undefined : Number(text));
        const rank = csv.rows[i]?.cells[csv.columns.indexOf(`${n.id}_rank`)] as string;
        expect(row.cells[v + 1]).toBe(rank === "" ? undefined : Number(rank));
      });
    }
  });

  it("lists each group's units by their rank in the group", () => {
    const group = [...new Set(result.units.map((u) => u.group as string))].sort(new Intl.Collator("vi").compare)[0] as string;
    const sheet = readXlsx(bytes, { sheet: 2 });
    expect(group.startsWith(listSheets(bytes)[1]?.name as string)).toBe(true);
    expect(sheet.rows.every((r) => r.cells[4] === group)).toBe(true);
    const expected = result.units.filter((u) => u.group === group).sort((a, b) => (a.groupRank as number) - (b.groupRank as number));
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(expected.map((u) => u.groupRank));
    expect(sheet.rows.map((r) => r.cells[2])).toEqual(expected.map((u) => u.unit));
  });

  it("formats values 0.0000, freezes the header row and the unit column, and writes text as text", () => {
    const parts = unzipSync(bytes);
    const styles = strFromU8(parts["xl/styles.xml"] as Uint8Array);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0000"/>');
    const sheet1 = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(sheet1).toContain('<pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>');
    // F2: the leader's index value, style 2 (0.0000), a number.
    expect(sheet1).toMatch(new RegExp(`<c r="F2" s="2"><v>${Number(result.units[0]?.value)}</v></c>`, "u"));
    expect(sheet1).not.toContain("<f>");
  });

  it("writes English headers, a level column and no points column for a framework without points", () => {
    const en = toXLSX(result, { language: "en", bands: result.units.map((u, i) => (i < 3 ? "Top" : null)) });
    expect(listSheets(en).map((s) => s.name).at(-1)).toBe("About");
    const ranking = readXlsx(en, { sheet: "Ranking" });
    expect(ranking.columns.slice(0, 7)).toEqual(["Rank", "Group rank", "Unit", "Code", "Group", result.nodes[0]?.name.en, "Level"]);
    expect(ranking.rows.map((r) => r.cells[6]).slice(0, 4)).toEqual(["Top", "Top", "Top", undefined]);
  });

  it("gives the same bytes for the same result", () => {
    expect(toXLSX(result, { points: 1000 })).toEqual(bytes);
  });
});
