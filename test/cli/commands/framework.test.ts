import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "../../../src/framework/builtin/index.ts";
import { totalPoints } from "../../../src/framework/total-points.ts";
import { parseFramework } from "../../../src/framework/validate-framework.ts";
import { cli } from "../helpers.ts";

const TABLE = "fixtures/ward-framework-illustration.csv";
const WARDS = "fixtures/wards-illustration-synthetic.csv";

describe("dti framework import / export", () => {
  it("imports the illustrative ward table: 8 groups, 42 criteria, 100 points", async () => {
    const out = await cli(["framework", "import", TABLE]);
    expect(out.code).toBe(0);
    const fw = parseFramework(out.stdout);
    expect(fw.id).toBe("phuong-minh-hoa");
    expect(fw.root.children).toHaveLength(8);
    expect(fw.root.children.flatMap((g) => g.children ?? [])).toHaveLength(42);
    expect(totalPoints(fw)).toBe(100);
    expect(fw.root.children[5]?.children?.[0]).toMatchObject({ id: "6.1", name: { vi: "Tỷ lệ hồ sơ trực tuyến toàn trình" }, maxPoints: 5, measure: "%", rule: { type: "ladder", direction: "higher" } });
  });

  it("export then import gives every built-in framework back unchanged (files on disk through --out)", async () => {
    for (const definition of builtinFrameworks) {
      const exported = await cli(["framework", "export", definition.id, "--out", "c.csv", "--delimiter", ";", "--bom"]);
      expect(exported.code).toBe(0);
      const csv = exported.written["c.csv"] as string;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const imported = await cli(["framework", "import", "c.csv"], { "c.csv": csv });
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toEqual(JSON.parse(JSON.stringify(definition)));
    }
  });

  it("scores ward data against the table directly (--framework criteria.csv), ranks 6 wards", async () => {
    const out = await cli(["score", WARDS, "-f", TABLE, "--format", "csv", "--points"]);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split("\r\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]?.startsWith("rank,unit,index,index_points,1,1_rank,")).toBe(true);
    const columns = await cli(["frameworks", TABLE]);
    expect(columns.stdout).toContain("  6.2.a\n      tử số (số đạt được), số ≥ 0; rule: tỷ lệ; max 4 points\n");
  });

  it("names the table file and row of a problem; refuses what it cannot do", async () => {
    const broken = readFileSync(TABLE, "utf8").replace("1.2;Người đứng đầu trực tiếp chỉ đạo chuyển đổi số;2;", "1.2;Người đứng đầu trực tiếp chỉ đạo chuyển đổi số;hai;");
    const out = await cli(["framework", "import", "t.csv"], { "t.csv": broken });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('error FRAMEWORK_TABLE row 11: t.csv: Điểm tối đa "hai" is not a number\n');
    expect((await cli(["framework", "import", "x.json"])).code).toBe(2);
    const convert = await cli(["framework", "convert", "x.csv"]);
    expect(convert.code).toBe(2);
    expect(convert.stderr).toContain('the subcommand of `dti framework` must be one of import, export (got "convert")');
    expect((await cli(["framework", "export"])).code).toBe(2);
  });
});
