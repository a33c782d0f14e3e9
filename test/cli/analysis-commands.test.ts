import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";

async function cli(args: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (p) => files[p] ?? readFile(p, "utf8"),
    writeFile: async () => {},
    readStdin: async () => files["-"] ?? "",
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const TOP5 = ["fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province"];

describe("dti explain", () => {
  it("prints the summary and the contribution table (vi)", async () => {
    const r = await cli(["explain", ...TOP5, "--unit", "TP. Đà Nẵng", "--target", "0,85", "--bands", "dti-2020-map"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TP. Đà Nẵng xếp hạng 1/5 với DTI 0,8002. Mức: Nhóm 1. Mạnh nhất: Nhận thức số (1,0000).");
    // awareness: 100 of 100 points, 100 / 800.175 = 12.5 % of the total
    expect(r.stdout).toMatch(/\| \u00a0{3}Nhận thức số \(NTS\) \| 1,0000 \| 1 \| 100 \/ 100 \| 12,5 % \| 0 \|/u);
    expect(r.stdout).toContain("| **DTI** | **0,8002** | 1/5 | 800,175 / 1000 | 100 % | 199,825 |");
  });

  it("prints JSON in English and refuses a missing --unit or an unknown band preset", async () => {
    const r = await cli(["explain", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--format", "json"]);
    const ex = JSON.parse(r.stdout);
    expect(ex.points).toBe(716.355);
    expect(ex.priorities[0]).toBe("digital-government");
    expect((await cli(["explain", ...TOP5])).code).toBe(2);
    const bad = await cli(["explain", ...TOP5, "--unit", "TP. Đà Nẵng", "--bands", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no band preset "nope"/u);
    const bands = await cli(["explain", ...TOP5, "--unit", "TP. Đà Nẵng", "--bands", "b.json", "--lang", "en"], {
      "b.json": JSON.stringify({ id: "pass", name: { vi: "Đạt" }, bands: [{ id: "pass", label: { vi: "Đạt", en: "Pass" }, min: 0.8 }, { id: "fail", label: { vi: "Chưa đạt" } }] }),
    });
    expect(bands.stdout).toContain("Band: Pass.");
  });
});

describe("dti whatif", () => {
  it("re-scores with --set", async () => {
    const r = await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--set", "HĐXHS=0,5", "--format", "json"]);
    expect(r.code).toBe(0);
    const after = JSON.parse(r.stdout).after;
    expect(after).toMatchObject({ value: "0.7375", rank: 2, groupRank: null });
    expect(after.score).toBeCloseTo(0.737505, 14);
  });

  it("plans the least improvement to rank 1, and lists priorities without a goal", async () => {
    const plan = await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--to-rank", "1", "--lang", "en"]);
    expect(plan.stdout).toContain("Reached: 0.7164 → 0.8002, rank 2 → 1 (total improvement 0.5055).");
    const p = await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh"]);
    expect(p.stdout.split("\n")[2]).toBe("| 1 | Hoạt động chính quyền số | 0,8406 | 0,002000 | 31,88 |");
    expect((await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--to-rank", "1", "--set", "NTS=1"])).code).toBe(2);
    const over = await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--set", "awareness=1.5"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/DATA_OUT_OF_RANGE/u);
  });
});

describe("dti years and dti assess", () => {
  it("compares two years (synthetic)", async () => {
    const r = await cli(["years", "fixtures/provinces-63-synthetic-2years.csv", "--framework", "vn-dti-2022-province", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| Vĩnh Phúc | 0.7450 | 0.7885 | +0.0435 | 20 | 17 | +3 |");
    expect((await cli(["years", ...TOP5])).code).toBe(2);
  });

  it("totals and flags an assessment", async () => {
    const r = await cli(["assess", "fixtures/assessment-2022-synthetic.csv", "--framework", "vn-dti-2022-province"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| TP. Đà Nẵng | 0,8094 (809,395) | 0,7926 (792,635) | 0,8002 (800,175) | 1 | 3 |");
    expect(r.stderr).toMatch(/ASSESSMENT_FINAL_MISSING row 17/u);
  });
});

describe("dti score --bands", () => {
  it("adds a band table (md), a band column (csv) and a bands object (json)", async () => {
    const md = await cli(["score", ...TOP5, "--bands", "egdi", "--lang", "en"]);
    // all five published 2022 values are ≥ 0.5 and Đà Nẵng 0.8002 ≥ 0.75
    expect(md.stdout).toContain("| Very High | ≥ 0.7500 | 1 | TP. Đà Nẵng |");
    // Markdown writes "<" as an entity (it renders as "<"), like every cell from markdownCell.
    expect(md.stdout).toContain("| High | 0.5000 ≤ x &lt; 0.7500 | 4 | TP. Hồ Chí Minh, Quảng Ninh, Thừa Thiên - Huế, TP. Cần Thơ |");
    const csv = await cli(["score", ...TOP5, "--bands", "dti-2020-map", "--format", "csv"]);
    const lines = csv.stdout.trim().split("\r\n");
    expect(lines[0]?.endsWith(",band")).toBe(true);
    expect(lines.slice(1).every((l) => l.endsWith(",Nhóm 1"))).toBe(true);
    const json = JSON.parse((await cli(["score", ...TOP5, "--bands", "egdi", "--format", "json"])).stdout);
    expect(json.bands.counts.map((c: { count: number }) => c.count)).toEqual([1, 4, 0, 0]);
    expect(json.units[0].value).toBe("0.8002");
  });
});

describe("dti whatif --step", () => {
  it("reaches a rank the exact minimum reaches with a tiny step, and refuses a step outside (0, 1]", async () => {
    for (const step of ["1e-4", "1e-9"]) {
      const r = await cli(["whatif", ...TOP5, "--unit", "Quảng Ninh", "--to-rank", "1", "--step", step]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Đạt được: 0,7024 → 0,8002, hạng 3 → 1");
      expect(r.stdout).not.toContain("Không đạt được");
    }
    const zero = await cli(["whatif", ...TOP5, "--unit", "Quảng Ninh", "--to-rank", "1", "--step", "0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--step must be");
  }, 120_000);
});

describe("dti whatif --cost", () => {
  it("weighs the plan by cost: a dear digital government is left for last", async () => {
    // Cost 2 per unit of digital government: its 0.2 share per cost (0.1) falls below the 150-point
    // indicators (0.15): economy to 1 (+0.035835), then society: (0.083795 − 0.035835) / 0.15 = 0.319733…
    const r = await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--to-rank", "1", "--cost", "digital-government=2", "--format", "json"]);
    const plan = JSON.parse(r.stdout);
    expect(plan.exact.changes.map((c: { id: string }) => c.id)).toEqual(["digital-economy", "digital-society"]);
    expect(plan.exact.total).toBeCloseTo(0.2389 + 0.04796 / 0.15, 12);
    expect(plan.changes.map((c: { id: string }) => c.id)).toEqual(["digital-economy", "digital-society"]);
    expect(plan.result.after.rank).toBe(1);
    expect((await cli(["whatif", ...TOP5, "--unit", "TP. Hồ Chí Minh", "--cost", "x"])).code).toBe(2);
  });
});
