import { describe, expect, it } from "vitest";
import { cli } from "../helpers.ts";

describe("dti frameworks <id>", () => {
  it("lists the columns the framework reads, with other spellings, what a cell holds and the rule", async () => {
    const out = await cli(["frameworks", "vn-dti-2022-province"]);
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n");
    expect(lines[0]).toBe("vn-dti-2022-province  (v1.0.0)  Bộ chỉ số chuyển đổi số cấp tỉnh (922/QĐ-BTTTT) / Provincial Digital Transformation Index (Decision 922/QĐ-BTTTT)");
    expect(lines[1]).toBe("    total points: 1000");
    expect(out.stdout).toContain("Columns it reads (9; one row per unit; a header may be any spelling shown):");
    expect(out.stdout).toContain("  Nhận thức số (or awareness, Digital awareness, NTS)\n      giá trị từ 0 đến 1 (0,85 hoặc 85%); rule: giá trị; max 100 points\n");
  });

  it("gives the columns as JSON, ratio inputs as two columns", async () => {
    const framework = JSON.stringify({
      id: "w", version: "1", title: { vi: "Phường" },
      root: { id: "r", name: { vi: "R" }, children: [
        { id: "hs", name: { vi: "Hồ sơ trực tuyến" }, maxPoints: 10, rule: { type: "ratio" } },
        { id: "ct", name: { vi: "Chủ trì" }, maxPoints: 10, rule: { type: "categorical", categories: [{ label: "Bí thư", points: 10 }, { label: "Phó", points: 5 }] } },
      ] },
    });
    const out = await cli(["frameworks", "w.json", "--json"], { "w.json": framework });
    expect(out.code).toBe(0);
    const parsed = JSON.parse(out.stdout) as { totalPoints: number; columns: { key: string; part: string; rule: string; accepts: string }[] };
    expect(parsed.totalPoints).toBe(20);
    expect(parsed.columns.map((c) => [c.key, c.part, c.rule, c.accepts])).toEqual([
      ["hs.a", "numerator", "tỷ lệ", "tử số (số đạt được), số ≥ 0"],
      ["hs.b", "denominator", "tỷ lệ", "mẫu số (tổng số), số > 0"],
      ["ct", "value", "Bí thư: 10; Phó: 5", "một trong: Bí thư; Phó"],
    ]);
  });

  it("refuses an unknown id and two ids; without an id lists the built-ins", async () => {
    expect((await cli(["frameworks", "nope"])).code).toBe(2);
    expect((await cli(["frameworks", "a", "b"])).code).toBe(2);
    const all = await cli(["frameworks"]);
    expect(all.stdout).toContain("vn-dti-2025-province");
  });
});
