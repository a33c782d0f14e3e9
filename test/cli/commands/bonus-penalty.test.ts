import { describe, expect, it } from "vitest";
import { readCsvRows } from "../../../src/input/csv/parse-csv.ts";
import { frameworkFromTable, frameworkToTable } from "../../../src/framework/framework-table.ts";
import type { RawRow } from "../../../src/input/table.ts";
import { parseFramework } from "../../../src/framework/validate-framework.ts";
import { ADJUSTED } from "../../helpers/adjusted-framework.ts";
import { cli } from "../helpers.ts";

const TABLE = "fixtures/danang-framework-illustration.csv";
const WARDS = "fixtures/danang-wards-illustration-synthetic.csv";
const asRows = (cells: readonly (readonly string[])[]): RawRow[] => cells.map((c, i) => ({ line: i + 1, cells: c }));

describe("bonus and penalty points in the table format and the CLI", () => {
  it("imports the Đà Nẵng-shaped illustration: 6 weighted groups on 100 points, a bonus (cap 5) and a penalty (cap 10)", async () => {
    const out = await cli(["framework", "import", TABLE]);
    expect(out.code, out.stderr).toBe(0);
    const fw = parseFramework(out.stdout);
    expect(fw.root.maxPoints).toBe(100);
    expect(fw.root.children.map((c) => [c.id, c.adjust ?? null, c.maxPoints])).toEqual([
      ["1", null, 10], ["2", null, 10], ["3", null, 20], ["4", null, 15], ["5", null, 30], ["6", null, 15], ["7", "bonus", 5], ["8", "penalty", 10],
    ]);
  });

  it("export then import is the identity, for groups and single criteria, with adjustedRange", () => {
    const withRange = { ...ADJUSTED, root: { ...ADJUSTED.root, adjustedRange: "non-negative" as const } };
    const rows = frameworkToTable(withRange);
    expect(rows.find((r) => r[1] === "thuong")?.[7]).toBe("thưởng");
    expect(rows.find((r) => r[1] === "tru")?.[7]).toBe("trừ: điểm");
    const back = frameworkFromTable(asRows(rows));
    expect(back.issues).toEqual([]);
    expect(JSON.parse(JSON.stringify(back.framework))).toEqual(JSON.parse(JSON.stringify(withRange)));
  });

  it("reads the other words and a bare word on a criterion as points; names the row of a misplaced one", () => {
    const table = (rule: string, code = "3") => asRows([["STT", "Tiêu chí", "Điểm tối đa", "Cách tính"], ["1", "A", "60", "điểm"], ["2", "B", "40", "điểm"], [code, "Thưởng", "5", rule]]);
    const bonus = frameworkFromTable(table("Điểm thưởng"));
    expect(bonus.framework?.root.children[2]).toMatchObject({ adjust: "bonus", rule: { type: "points" } });
    expect(bonus.framework?.root.maxPoints).toBe(100);
    expect(frameworkFromTable(table("penalty: có/không")).framework?.root.children[2]).toMatchObject({ adjust: "penalty", rule: { type: "boolean" } });
    const nested = frameworkFromTable(asRows([["STT", "Tiêu chí", "Điểm tối đa", "Cách tính"], ["1", "A", "100", ""], ["1.1", "A1", "100", "điểm"], ["1.2", "Thưởng", "5", "thưởng"]]));
    expect(nested.issues[0]).toMatchObject({ code: "FRAMEWORK_ADJUSTMENT", row: 4, node: "1.2" });
  });

  it("scores the wards: the unit not ranked has a value and a note, no rank; bonus and penalty columns", async () => {
    const out = await cli(["score", WARDS, "-f", TABLE, "--format", "csv", "--points"]);
    expect(out.code, out.stderr).toBe(0);
    const lines = readCsvRows(out.stdout).map((r) => r.cells.map((c) => String(c ?? "")));
    const header = lines[0]!;
    expect(header).toContain("rank_note");
    expect(header).toContain("7");
    const hoaVang = lines.find((l) => l.includes("Xã Hòa Vang"))!;
    expect(hoaVang[header.indexOf("rank")]).toBe("");
    expect(hoaVang[header.indexOf("index")]).toMatch(/^0\.\d{4}$/u);
    expect(hoaVang[header.indexOf("rank_note")]).toBe("không xếp hạng: thành lập mới, chưa đủ một kỳ đánh giá");
    const ranks = lines.slice(1).map((l) => l[header.indexOf("rank")]).filter((r) => r !== "");
    expect(ranks.map(Number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(out.stderr).toContain("DATA_NOT_RANKED");
    const md = await cli(["score", WARDS, "-f", TABLE, "--format", "md"]);
    expect(md.stdout).toContain("Ghi chú xếp hạng");
    const json = JSON.parse((await cli(["score", WARDS, "-f", TABLE, "--format", "json"])).stdout) as { units: { unit: string; ranked?: boolean }[]; nodes: { id: string; adjust?: string }[] };
    expect(json.units.find((u) => u.unit === "Xã Hòa Vang")?.ranked).toBe(false);
    expect(json.nodes.filter((n) => n.adjust !== undefined).map((n) => [n.id, n.adjust])).toEqual([["7", "bonus"], ["8", "penalty"]]);
  });

  it("dti sql compiles bonus and penalty points; the DuckDB engine scores the data's not-ranked column as the library does", async () => {
    const sql = await cli(["sql", "-f", TABLE, "--source", "wards"]);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toMatch(/^-- .*\nWITH\n/u);
    for (const extra of [[], ["--lang", "en"], ["--unranked", "Phường Sơn Trà"]]) {
      const library = await cli(["score", WARDS, "-f", TABLE, "--format", "csv", ...extra]);
      const engine = await cli(["score", WARDS, "-f", TABLE, "--format", "csv", ...extra, "--engine", "duckdb"]);
      expect(engine.code, engine.stderr).toBe(0);
      expect(engine.stdout).toBe(library.stdout);
      expect(engine.stdout).toContain(extra[1] === "en" ? "not ranked: thành lập mới" : "không xếp hạng: thành lập mới");
    }
    const json = JSON.parse((await cli(["score", WARDS, "-f", TABLE, "--format", "json", "--engine", "duckdb"])).stdout) as { units: { unit: string; ranked?: boolean; rankNote?: string }[] };
    expect(json.units.find((u) => u.unit === "Xã Hòa Vang")).toMatchObject({ ranked: false, rankNote: "thành lập mới, chưa đủ một kỳ đánh giá" });
  }, 60_000);
});

describe("dti score --unranked", () => {
  it("leaves the named unit out of the ranks, and refuses a name the data lacks", async () => {
    const out = await cli(["score", WARDS, "-f", TABLE, "--format", "json", "--unranked", "Phường Sơn Trà"]);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { units: { unit: string; rank: number | null; ranked?: boolean }[] };
    expect(json.units.filter((u) => u.ranked === false).map((u) => u.unit).sort()).toEqual(["Phường Sơn Trà", "Xã Hòa Vang"]);
    expect(json.units.map((u) => u.rank).filter((r) => r !== null)).toEqual([1, 2, 3, 4]);
    const bad = await cli(["score", WARDS, "-f", TABLE, "--unranked", "Phường Không Có"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("DATA_NOT_RANKED");
  });
});
