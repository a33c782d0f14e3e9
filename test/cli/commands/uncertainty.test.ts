import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseFraction, parseNormalisations } from "../../../src/cli/commands/uncertainty.ts";
import type { CliIO } from "../../../src/cli/io.ts";
import { run } from "../../../src/cli/run.ts";

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => readFile(p, "utf8"),
    writeFile: async () => {},
    readStdin: async () => "",
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const ARGS = ["uncertainty", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--runs", "200", "--seed", "5"];

describe("dti uncertainty", () => {
  it("prints the sensitivity table and a rank interval per unit, the same for the same seed", async () => {
    const a = await cli([...ARGS, "--weights", "±25%", "--aggregation", "arithmetic,geometric", "--lang", "en"]);
    expect(a.code).toBe(0);
    const lines = a.stdout.split("\n");
    expect(lines[0]).toMatch(/^Uncertainty of the ranking: 200 runs, seed 5, 801 evaluations\. Uncertain inputs: weights \(10\); aggregation \(arithmetic, geometric\)\./u);
    expect(lines).toContain("| Input | First-order Sᵢ | Total STᵢ |");
    expect(lines.filter((l) => /^\| \d+ \| /u.test(l))).toHaveLength(63);
    expect(lines.find((l) => l.startsWith("| 1 | "))).toBe("| 1 | TP. Đà Nẵng | 1 | 1–1 | 0 |");
    expect((await cli([...ARGS, "--weights", "±25%", "--aggregation", "arithmetic,geometric", "--lang", "en"])).stdout).toBe(a.stdout);
  });

  it("writes JSON with the per-unit distribution", async () => {
    const r = await cli([...ARGS, "--normalisation", "nominal,minmax,zscore:100:10", "--format", "json", "--sensitivity", "none"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.inputs).toEqual([{ name: "normalisation", dimensions: 1, levels: ["nominal", "minmax", "zscore(100,10)"] }]);
    expect(doc.sensitivity).toBeUndefined();
    expect(doc.units).toHaveLength(63);
    expect(Object.keys(doc.units[0])).toEqual(["unit", "code", "group", "nominalScore", "nominalRank", "medianRank", "meanRank", "rankLow", "rankHigh", "meanAbsShift"]);
  });

  it("explains bad options without a stack trace", async () => {
    const r = await cli([...ARGS, "--weights", "lots"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--weights must be like ±25% or 0\.25/u);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/u);
  });
});

describe("option parsers", () => {
  it("read fractions and normalisation lists", () => {
    expect([parseFraction("±25%"), parseFraction("10%"), parseFraction("0.3"), parseFraction("+-5%")]).toEqual([0.25, 0.1, 0.3, 0.05]);
    expect(parseNormalisations("nominal,rank:0:100,zscore:100:10")).toEqual(["nominal", { method: "rank", range: [0, 100] }, { method: "zscore", mean: 100, sd: 10 }]);
    expect(() => parseNormalisations("goalposts")).toThrow(/--normalisation takes/u);
  });
});

describe("data options --impute and --min-coverage (dti score)", () => {
  it("fills a blank from the group mean and reports it; refuses a coverage share outside [0, 1]", async () => {
    const csv = "unit;Vùng;government;economy;society\nA;Bắc;0,5;0,4;0,3\nB;Bắc;0,7;;0,5\nC;Bắc;0,6;0,6;0,4\n";
    let stdout = "";
    let stderr = "";
    const io: CliIO = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readFile: async () => csv,
      writeFile: async () => {},
      readStdin: async () => csv,
    };
    const code = await run(["score", "-", "--framework", "vn-dti-2020-province", "--impute", "group-mean", "--format", "json"], io);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.imputed).toEqual([{ unit: "B", node: "economy", value: 0.5, method: "group-mean", from: "group Bắc (2 units)" }]);
    // B = 0.4 · 0.7 + 0.3 · 0.5 + 0.3 · 0.5
    expect(doc.units.find((u: { unit: string }) => u.unit === "B").value).toBe("0.5800");
    expect(await run(["score", "-", "--framework", "vn-dti-2020-province", "--min-coverage", "2"], io)).toBe(2);
    expect(stderr).toMatch(/--min-coverage must be a number from 0 to 1/u);
  });
});
