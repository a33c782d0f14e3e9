import { nodeCells } from "../../src/pipeline/unit-nodes.ts";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { rankingColumns } from "../../src/report/ranking-columns.ts";
import { toCSV } from "../../src/report/to-csv.ts";
import { cli, FW22 } from "../cli/helpers.ts";

const top5 = () => score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));

describe("rankingColumns", () => {
  it("ids by default, as toCSV always wrote them", () => {
    const cols = rankingColumns(top5());
    expect(cols.slice(0, 5).map((c) => c.header)).toEqual(["rank", "unit", "dti", "foundation", "foundation_rank"]);
    expect(cols.map((c) => c.id)).toEqual(cols.map((c) => c.header));
  });

  it("names in Vietnamese or English, a points column after the index, typed cells", () => {
    const r = top5();
    const vi = rankingColumns(r, { headers: "names", points: 1000 });
    expect(vi.slice(0, 6).map((c) => c.header)).toEqual(["Hạng", "Đơn vị", "DTI", "Điểm (trên 1000)", "Nhóm chỉ số nền tảng chung", "Nhóm chỉ số nền tảng chung - hạng"]);
    expect(vi[vi.length - 1]?.header).toBe("Tỷ lệ có dữ liệu");
    const en = rankingColumns(r, { headers: "names", language: "en", points: 1000 });
    expect(en.slice(0, 4).map((c) => c.header)).toEqual(["Rank", "Unit", "DTI", "Points (of 1000)"]);
    const first = r.units[0]!;
    expect(vi.slice(0, 4).map((c) => c.cell(first, nodeCells(first)))).toEqual([1, "TP. Đà Nẵng", "0.8002", "800.2"]);
    expect(vi.map((c) => c.kind).slice(0, 4)).toEqual(["rank", "text", "value", "value"]);
  });

  it("toCSV: names and points, decimal commas in points too", () => {
    const lines = toCSV(top5(), { headers: "names", points: 1000, decimalComma: true, delimiter: ";" }).split("\r\n");
    expect(lines[0]?.startsWith("Hạng;Đơn vị;DTI;Điểm (trên 1000);Nhóm chỉ số nền tảng chung;")).toBe(true);
    expect(lines[1]?.startsWith("1;TP. Đà Nẵng;0,8002;800,2;")).toBe(true);
    expect(lines[2]?.startsWith("2;TP. Hồ Chí Minh;0,7164;716,4;")).toBe(true);
  });

  it("dti score --format csv --headers names --points; refused without csv and for a framework without points", async () => {
    const out = await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--format", "csv", "--headers", "names", "--points"]);
    expect(out.code).toBe(0);
    expect(out.stdout.split("\r\n")[1]?.startsWith("1,TP. Đà Nẵng,0.8002,800.2,")).toBe(true);
    const en = await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--format", "csv", "--headers", "names", "--lang", "en"]);
    expect(en.stdout.startsWith("Rank,Unit,DTI,Common foundation indicators,")).toBe(true);
    expect((await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--headers", "names"])).code).toBe(2);
    expect((await cli(["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--format", "csv", "--headers", "labels"])).code).toBe(2);
    const framework = JSON.stringify({ id: "w", version: "1", title: { vi: "W" }, root: { id: "r", name: { vi: "R" }, children: [{ id: "a", name: { vi: "A" }, weight: 1, rule: { type: "value" } }] } });
    const noPoints = await cli(["score", "d.csv", "-f", "w.json", "--format", "csv", "--points"], { "w.json": framework, "d.csv": "unit,a\nX,0.5\n" });
    expect(noPoints.code).toBe(2);
    expect(noPoints.stderr).toContain('--points: framework "w" has no total points');
  });
});
