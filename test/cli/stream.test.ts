import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.ts";
import { run } from "../../src/cli/run.ts";
import { parseCsv } from "../../src/csv.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function dti(args: string[]) {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readFile: (p) => readFile(p, "utf8"),
    writeFile: async () => undefined,
    readStdin: async () => "",
  };
  const code = await run(args, io);
  return { code, out, err };
}

describe("dti score --decimal-comma", () => {
  it("writes every number column with a comma, coverage too (batch and stream)", async () => {
    const dir = tempDir();
    const file = join(dir, "data.csv");
    writeFileSync(file, "unit,awareness,institutions,infrastructure,human-resources,cybersecurity,digital-government,digital-economy,digital-society\nA,1,0.9,0.8,0.8,0.7,0.8,0.7,0.5\nB,0.5,,0.8,0.8,0.7,0.8,0.7,0.5\n");
    const args = ["score", file, "--framework", "vn-dti-2022-province", "--missing", "reweight", "--decimal-comma"];
    for (const extra of [["--format", "csv"], ["--format", "csv", "--stream"]]) {
      const r = await dti([...args, ...extra]);
      expect(r.code).toBe(0);
      const table = parseCsv(r.out, { delimiter: ";" });
      const coverage = table.rows.map((row) => row.cells[table.columns.indexOf("coverage")]);
      expect(coverage, extra.join(" ")).toEqual(["1", "0,9"]);
      for (const row of table.rows) for (const cell of row.cells) expect(String(cell), extra.join(" ")).not.toMatch(/^\d+\.\d+$/u);
    }
  });
});

describe("dti score --stream", () => {
  it("writes the columns and the order of dti score: every node's value and rank, in result order", async () => {
    const args = ["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--group-by", "Vùng", "--format", "csv"];
    const streamed = await dti([...args, "--stream"]);
    expect(streamed.err).toBe("");
    expect(streamed.code).toBe(0);
    const table = parseCsv(streamed.out);
    expect(table.columns.slice(0, 9)).toEqual(["rank", "group_rank", "unit", "code", "group", "dti", "foundation", "foundation_rank", "awareness"]);
    expect(table.rows).toHaveLength(63);
    expect(table.rows.map((r) => Number(r.cells[0]))).toEqual([...table.rows.map((r) => Number(r.cells[0]))].sort((a, b) => a - b));
    expect(streamed.out).toBe((await dti(args)).out);
  });

  it("writes JSON lines to a file, the units of the JSON document", async () => {
    const dir = tempDir();
    const out = join(dir, "out.jsonl");
    const args = ["score", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province"];
    const r = await dti([...args, "--stream", "--format", "jsonl", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`dti: wrote 5 units to ${out}\n`);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { unit: string; value: string; rank: number; nodes: Record<string, { value: string | null }> });
    expect(lines[0]!.unit).toBe("TP. Đà Nẵng");
    expect(lines[0]!.nodes["awareness"]!.value).toBe("1.0000");
    expect(lines).toEqual(JSON.parse((await dti([...args, "--format", "json"])).out).units);
  });

  it("has no --leaves, and --rank-nodes only with --engine duckdb (every node is ranked)", async () => {
    const args = ["score", "fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province", "--stream"];
    expect((await dti([...args, "--leaves"])).code).toBe(2);
    const r = await dti([...args, "--rank-nodes", "awareness"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--rank-nodes works with --engine duckdb/u);
  });

  it("exits 1 with the errors (capped, counted) and writes nothing", async () => {
    const dir = tempDir();
    const input = join(dir, "bad.csv");
    const lines = ["unit,government,economy,society"];
    for (let i = 0; i < 50; i++) lines.push(`U${i},x,0.5,0.5`);
    writeFileSync(input, lines.join("\n"));
    const out = join(dir, "out.csv");
    const r = await dti(["score", input, "--framework", "vn-dti-2020-province", "--stream", "--max-issues", "3", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      'error DATA_NOT_A_NUMBER row 2, column "government", unit "U0": "x" is not a number',
      'error DATA_NOT_A_NUMBER row 3, column "government", unit "U1": "x" is not a number',
      'error DATA_NOT_A_NUMBER row 4, column "government", unit "U2": "x" is not a number',
      "dti: 50 errors in all; the first 3 are shown (--max-issues to show more)",
      "",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses what streaming cannot do", async () => {
    expect((await dti(["score", "fixtures/provinces-63-synthetic.json", "--framework", "vn-dti-2022-province", "--stream"])).code).toBe(2);
    expect((await dti(["score", "nope.csv", "--framework", "vn-dti-2022-province", "--stream"])).err).toMatch(/file not found/u);
    expect((await dti(["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--stream", "--ties", "exact"])).code).toBe(2);
    const html = await dti(["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province", "--stream", "--format", "html"]);
    expect(html.code).toBe(2);
    expect(html.err).toMatch(/--stream writes --format md, csv, json or jsonl/u);
  });
});
