// Golden tests: published DTI values reproduced through the public API and the CLI.
// Sources: https://dti.gov.vn/xep-hang-2022 ("Xếp hạng chi tiết", the eight main-indicator values
// and the DTI of ranks 1-5); Bắc Ninh 2020 pillars and DTI (en.dangcongsan.vn); DTI 2024 Đà Nẵng
// 0.8335, Quảng Nam 0.5803 and the merged Đà Nẵng 0.7069 (dantri.com.vn, vtcnews.vn). Each source,
// with its address, is listed in fixtures/README.md.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework, getFramework, score } from "../../src/index.ts";
import { run } from "../../src/cli/run.ts";
import type { CliIO } from "../../src/cli/io.ts";

async function cliJson(args: string[]): Promise<{ units: { unit: string; value: string; rank: number; score: number; members?: string[] }[] }> {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: (t) => (out += t, undefined),
    stderr: (t) => (err += t, undefined),
    readFile: (p) => readFile(p, "utf8"),
    writeFile: async () => undefined,
    readStdin: async () => "",
  };
  const code = await run([...args, "--format", "json"], io);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("DTI 2022 (922/QĐ-BTTTT): the published top five from their eight main-indicator values", () => {
  it("reproduces the published DTI and ranks through the API", async () => {
    const expected = parseCsv(await readFile("fixtures/dti-2022-province-top5.expected.csv", "utf8"));
    const result = score(getFramework("vn-dti-2022-province"), parseCsv(await readFile("fixtures/dti-2022-province-top5.csv", "utf8")));
    const exact = Object.fromEntries(result.units.map((u) => [u.unit, u]));
    for (const row of expected.rows) {
      const [unit, rank, dti] = row.cells as [string, string, string];
      const got = exact[unit]!;
      expect(got.rank, unit).toBe(Number(rank));
      if (unit === "TP. Hồ Chí Minh") {
        // The published main-indicator values are themselves rounded to 4 decimals, so a total
        // computed from them is known only to ±0.00005 (the weights sum to 1, each input is off by
        // at most 0.00005). From the rounded inputs HCMC totals exactly 716.355 / 1000 = 0.716355
        // → 0.7164. The official total T used unrounded values: |T − 0.716355| ≤ 0.00005, and
        // T rounds to the published 0.7163, so T ∈ [0.71625, 0.71635). Both hold together exactly
        // when 0.716355 − 0.00005 < 0.71635: the published value is consistent. See docs/frameworks.md.
        expect(got.score).toBe(0.716355);
        expect(got.value).toBe("0.7164");
        const published = Number(dti);
        expect(got.score! - 0.00005).toBeLessThan(published + 0.00005);
        expect(got.score! + 0.00005).toBeGreaterThanOrEqual(published - 0.00005);
      } else {
        expect(got.value, unit).toBe(dti);
      }
    }
    // Đà Nẵng's total is an exact half-up case: 800.175 / 1000 = 0.800175 → 0.8002.
    expect(exact["TP. Đà Nẵng"]!.score).toBe(0.800175);
    expect(exact["TP. Đà Nẵng"]!.value).toBe("0.8002");
  });

  it("reproduces them through the CLI, from the CSV (Vietnamese headers) and the JSON (ids)", async () => {
    for (const file of ["fixtures/dti-2022-province-top5.csv", "fixtures/dti-2022-province-top5.json"]) {
      const doc = await cliJson(["score", file, "--framework", "vn-dti-2022-province"]);
      expect(doc.units.map((u) => [u.rank, u.value])).toEqual([
        [1, "0.8002"],
        [2, "0.7164"],
        [3, "0.7024"],
        [4, "0.6975"],
        [5, "0.6924"],
      ]);
    }
  });
});

describe("DTI 2020 (1726/QĐ-BTTTT): Bắc Ninh from its pillars", () => {
  it("0.4 × 0.4449 + 0.3 × 0.3668 + 0.3 × 0.4052 = 0.40956 → 0.4096", async () => {
    const result = score(getFramework("vn-dti-2020-province"), parseCsv(await readFile("fixtures/dti-2020-bac-ninh.csv", "utf8")));
    // score is the float evaluator's (within its bound); exact arithmetic gives the nearest double of 0.40956.
    expect(result.units[0]!.score).toBeCloseTo(0.40956, 14);
    expect(score(getFramework("vn-dti-2020-province"), parseCsv(await readFile("fixtures/dti-2020-bac-ninh.csv", "utf8")), { arithmetic: "exact" }).units[0]!.score).toBe(0.40956);
    expect(result.units[0]!.value).toBe("0.4096");
    const doc = await cliJson(["score", "fixtures/dti-2020-bac-ninh.csv", "--framework", "vn-dti-2020-province"]);
    expect(doc.units[0]!.value).toBe("0.4096");
  });
});

describe("DTI 2024, 34 provinces: the new Đà Nẵng is the mean of Đà Nẵng and Quảng Nam", () => {
  // The published constituents are totals only, so a one-indicator framework carries them; the
  // merge rule (unweighted mean of indicator values) is the same one the built-ins use.
  const totals = defineFramework({
    id: "dti-total", version: "1.0.0", title: { vi: "DTI (tổng)" },
    root: { id: "index", name: { vi: "Chỉ số" }, children: [{ id: "dti", name: { vi: "DTI" }, rule: { type: "value" } }] },
  });

  it("(0.8335 + 0.5803) / 2 = 0.7069 through the API", async () => {
    const table = parseCsv(await readFile("fixtures/dti-2024-danang-quangnam.csv", "utf8"));
    const result = score(totals, table, { merge: [{ unit: "Quảng Nam", into: "Đà Nẵng" }] });
    expect(result.units).toHaveLength(1);
    expect(result.units[0]!.unit).toBe("Đà Nẵng");
    expect(result.units[0]!.members).toEqual(["Đà Nẵng", "Quảng Nam"]);
    expect(result.units[0]!.value).toBe("0.7069");
  });

  it("and through the CLI with a merge map and a framework file", async () => {
    const { writeFile, mkdir } = await import("node:fs/promises");
    await mkdir(".tmp", { recursive: true });
    await writeFile(".tmp/dti-total.json", JSON.stringify(totals));
    await writeFile(".tmp/merge-dn.csv", "unit,merged\nQuảng Nam,Đà Nẵng\n");
    const doc = await cliJson(["score", "fixtures/dti-2024-danang-quangnam.csv", "--framework", ".tmp/dti-total.json", "--merge", ".tmp/merge-dn.csv"]);
    expect(doc.units.map((u) => [u.unit, u.value, u.members])).toEqual([["Đà Nẵng", "0.7069", ["Đà Nẵng", "Quảng Nam"]]]);
  });
});
