import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceOf } from "../../../src/cli/commands/sql.ts";
import { getFramework, score } from "../../../src/index.ts";
import { queryDuckDb } from "../../../src/sql.ts";
import { cli, FW22, SAMPLE } from "../helpers.ts";

describe("dti sql", () => {
  it("prints a DuckDB query that scores a CSV file as dti score does", async () => {
    const { code, stdout } = await cli(["sql", "-f", "vn-dti-2020-province", "--source", "fixtures/dti-2020-bac-ninh.csv", "--unit-column", "Tỉnh/thành phố"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^-- vn-dti-2020-province/u);
    expect(stdout).toContain("read_csv('fixtures/dti-2020-bac-ninh.csv'");
    expect(stdout.trimEnd().endsWith(";")).toBe(true);
  });

  it("--dialect postgres: materialised CTEs, NUMERIC, a table source", async () => {
    const { code, stdout } = await cli(["sql", ...FW22, "--dialect", "postgres", "--source", "public.provinces", "--group-by", "region", "--year-column", "year"]);
    expect(code).toBe(0);
    expect(stdout).toContain("AS MATERIALIZED (");
    expect(stdout).toContain("SELECT * FROM public.provinces");
    expect(stdout).toContain("AS NUMERIC");
    expect(stdout).not.toContain("HUGEINT");
    expect(stdout).toContain('AS "group_rank"');
  });

  it("runs: the printed query over a view gives dti score's values", async () => {
    const { stdout } = await cli(["sql", "-f", "vn-dti-2020-province", "--source", "SELECT 'Bắc Ninh' AS unit, '0.4449' AS government, '0.3668' AS economy, '0.4052' AS society"]);
    const rows = await queryDuckDb(stdout.trimEnd().replace(/;$/u, ""));
    expect(rows[0]).toMatchObject({ unit: "Bắc Ninh", dti: "0.4096", rank: 1, coverage: 1 });
  }, 30_000);

  it("--unranked, --ranked-column, --rank-note-column: the units not ranked get no rank and a note", async () => {
    const source = "SELECT * FROM (VALUES ('Bắc Ninh', '0.4449', '0.3668', '0.4052', 'Có', NULL), ('Huế', '0.5', '0.5', '0.5', 'Không', 'mới'), ('Hà Nội', '0.1', '0.1', '0.1', NULL, NULL)) AS t(unit, government, economy, society, ranked, note)";
    const { stdout, code, stderr } = await cli(["sql", "-f", "vn-dti-2020-province", "--source", source, "--ranked-column", "ranked", "--rank-note-column", "note", "--unranked", "HÀ NỘI"]);
    expect(code, stderr).toBe(0);
    const rows = await queryDuckDb(stdout.trimEnd().replace(/;$/u, ""));
    expect(rows.map((r) => [r["unit"], r["rank"], r["rank_note"]])).toEqual([
      ["Bắc Ninh", 1, null],
      ["Huế", null, "không xếp hạng: mới"],
      ["Hà Nội", null, "không xếp hạng"],
    ]);
  });

  it("--merge: merged units in the query, as dti score --merge makes them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-sql-merge-"));
    try {
      const map = join(dir, "merge.csv");
      writeFileSync(map, "unit,merged\nQuảng Nam,Đà Nẵng\n");
      const source = "SELECT * FROM (VALUES ('Đà Nẵng', '0.5', '0.25', '0.125'), ('QUẢNG NAM', '0.3', '0.7', '0.1'), ('Huế', '0.4', '0.4', '0.4')) AS t(unit, government, economy, society)";
      const { code, stdout } = await cli(["sql", "-f", "vn-dti-2020-province", "--source", source, "--merge", map]);
      expect(code).toBe(0);
      const rows = await queryDuckDb(stdout.trimEnd().replace(/;$/u, ""));
      const records = [["Đà Nẵng", "0.5", "0.25", "0.125"], ["QUẢNG NAM", "0.3", "0.7", "0.1"], ["Huế", "0.4", "0.4", "0.4"]].map(([unit, government, economy, society]) => ({ unit, government, economy, society }));
      const library = score(getFramework("vn-dti-2020-province"), records, { merge: [{ unit: "Quảng Nam", into: "Đà Nẵng" }] });
      expect(rows.map((r) => [r["unit"], r["members"], r["government"], r["dti"]])).toEqual(library.units.map((u) => [u.unit, u.members?.join(" + ") ?? null, u.nodes["government"]?.value, u.value]));
      // Đà Nẵng's government: (0.5 + 0.3) / 2.
      expect(rows.find((r) => r["unit"] === "Đà Nẵng")).toMatchObject({ members: "Đà Nẵng + QUẢNG NAM", government: "0.4000" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("refuses what SQL does not compute, with the error code", async () => {
    const { code, stderr } = await cli(["sql", ...FW22, "--ranking", "ordinal"]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("SQL_UNSUPPORTED");
  });

  it("reads --source as a file, a query or a table", () => {
    expect(sourceOf("a.parquet")).toEqual({ parquet: "a.parquet" });
    expect(sourceOf("data/x.CSV")).toEqual({ csv: "data/x.CSV" });
    expect(sourceOf("(SELECT 1)")).toEqual({ query: "SELECT 1" });
    expect(sourceOf("warehouse.units_2024")).toEqual({ table: "warehouse.units_2024" });
  });
});

describe("dti score --engine duckdb", () => {
  it.each(["csv", "json"])("--format %s: the same output as the library", async (format) => {
    const library = await cli(["score", SAMPLE, ...FW22, "--format", format]);
    const duckdb = await cli(["score", SAMPLE, ...FW22, "--format", format, "--engine", "duckdb"]);
    expect(duckdb.code).toBe(0);
    if (format === "csv") expect(duckdb.stdout).toBe(library.stdout);
    else {
      // JSON: the same but for node scores (the engine's floats of the exact values), and warnings.
      const strip = (text: string) => JSON.stringify(JSON.parse(text), (k, v) => (k === "score" || k === "warnings" ? undefined : v), 1).split("\n");
      const [a, b] = [strip(duckdb.stdout), strip(library.stdout)];
      expect(a.filter((line, i) => line !== b[i]).slice(0, 5)).toEqual([]);
      expect(a.length).toBe(b.length);
    }
  }, 60_000);

  it.each([
    ["fixtures/provinces-63-synthetic-2years.csv", ["--decimal-comma", "--bom"]],
    ["fixtures/provinces-63-synthetic.csv", ["--ranking", "dense", "--decimals", "2"]],
  ])("--format csv %s %j: the same bytes as the library", async (file, extra) => {
    const library = await cli(["score", file, ...FW22, "--format", "csv", ...extra]);
    const duckdb = await cli(["score", file, ...FW22, "--format", "csv", ...extra, "--engine", "duckdb"]);
    expect(duckdb.stdout).toBe(library.stdout);
  }, 60_000);

  it("-o writes the CSV file (through a temporary file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-engine-"));
    try {
      const out = join(dir, "ranking.csv");
      const { code, stderr } = await cli(["score", SAMPLE, ...FW22, "--format", "csv", "--engine", "duckdb", "-o", out]);
      expect(code).toBe(0);
      expect(stderr).toContain("wrote 63 units");
      expect(readFileSync(out, "utf8")).toBe((await cli(["score", SAMPLE, ...FW22, "--format", "csv"])).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses --stream with it", async () => {
    expect((await cli(["score", SAMPLE, ...FW22, "--engine", "duckdb", "--stream"])).stderr).toContain("choose one");
  });

  it("--merge (63 → 34 provinces): the same CSV bytes as the library, streamed and written with -o, and the same JSON", async () => {
    const merge = ["--merge", "fixtures/merge-2025.csv"];
    const library = await cli(["score", SAMPLE, ...FW22, ...merge, "--format", "csv"]);
    const duckdb = await cli(["score", SAMPLE, ...FW22, ...merge, "--format", "csv", "--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect(library.stdout.split("\r\n")[0]).toContain(",members,");
    expect(library.stdout.split("\r\n")).toHaveLength(36);
    expect(duckdb.stdout).toBe(library.stdout);
    const dir = mkdtempSync(join(tmpdir(), "dti-engine-merge-"));
    try {
      const out = join(dir, "ranking.csv");
      expect((await cli(["score", SAMPLE, ...FW22, ...merge, "--format", "csv", "--engine", "duckdb", "-o", out])).code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(library.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Data without code and group columns, a mapping with a code and group: the library's columns.
    const dir2 = mkdtempSync(join(tmpdir(), "dti-engine-merge-"));
    try {
      const map = join(dir2, "merge.csv");
      writeFileSync(map, "unit,merged,merged code,merged group\nTP. Hồ Chí Minh,TP. Hồ Chí Minh,79,Đông Nam Bộ\nQuảng Ninh,TP. Hồ Chí Minh,,\n");
      const top5 = ["score", "fixtures/dti-2022-province-top5.csv", ...FW22, "--merge", map, "--format", "csv"];
      const [lib, engine] = [await cli(top5), await cli([...top5, "--engine", "duckdb"])];
      expect(lib.stdout.split("\r\n")[0]).toMatch(/^rank,group_rank,unit,code,group,members,dti,/u);
      expect(engine.stdout).toBe(lib.stdout);
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
    const strip = (text: string) => JSON.stringify(JSON.parse(text), (k, v) => (k === "score" || k === "warnings" ? undefined : v), 1);
    const [a, b] = await Promise.all([cli(["score", SAMPLE, ...FW22, ...merge, "--format", "json", "--engine", "duckdb"]), cli(["score", SAMPLE, ...FW22, ...merge, "--format", "json"])]);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  }, 90_000);
});
