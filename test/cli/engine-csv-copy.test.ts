import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvCellSql } from "../../src/cli/engine-csv-copy.ts";
import { engineCsv } from "../../src/cli/engine-csv.ts";
import { csvCell } from "../../src/report/escape.ts";
import { getFramework } from "../../src/index.ts";
import { queryDuckDb } from "../../src/sql.ts";
import { sqlText } from "../../src/sql/dialect.ts";
import { cli, FW22, SAMPLE } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-engine-copy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The library's CSV and the engine's, written by DuckDB (-o), for the same arguments. */
async function both(file: string, extra: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const library = await cli(["score", file, ...FW22, "--format", "csv", ...extra]);
  const engine = await cli(["score", file, ...FW22, "--format", "csv", ...extra, "--engine", "duckdb", "-o", out]);
  expect(engine.stderr).toContain("wrote");
  return { library: library.stdout, engine: readFileSync(out, "utf8") };
}

// Every unit with the same inputs (so all tie and the order is the names' alone), names that sort
// differently by bytes, by ICU without numeric order, and in Vietnamese (Đ after D, tones after
// the bare letter, "DN 9" before "DN 10"), names and codes CSV must quote or guard as formulas.
// (Names that differ only in case or spacing are one unit to the library: a duplicate.)
const NAMES = ["Đà Nẵng", "Da Nang", "Dà Nẵng", "DN 10", "DN 9", "DN 100", "dn 2", "Hà Nội", "Ha Noi", "Hà Giang", "=SUM(A1)", "+84", "-1", "@home", 'Công ty "An"', "Huế, Thừa Thiên", "Ánh; Sáng", "Ấp Bắc", "Ap Bac", "Zeta", "ông", "o", "ơ", "ô", "Ơn", "Óc Eo"];
// The base: unit, code, group, year and the 8 inputs, comma-separated.
const BASE = "fixtures/provinces-63-synthetic-2years.csv";
const baseRows = readFileSync(BASE, "utf8").split(/\r?\n/u).filter((l) => l !== "");
const header = baseRows[0]!;
const cells = header.split(",");
const firstRow = baseRows[1]!.split(",");
const tiesCsv = join(dir, "ties.csv");
writeFileSync(
  tiesCsv,
  [header, ...NAMES.map((name, i) => cells.map((c, j) => (c === "unit" ? csvCell(name) : c === "code" ? csvCell(i % 3 === 0 ? `=C${i}` : `C,${i}`) : firstRow[j])).join(","))].join("\n"),
);

describe("csvCellSql", () => {
  it("escapes as csvCell does, for both delimiters", async () => {
    const texts = ["plain", "Đà Nẵng", "a,b", "a;b", 'say "hi"', "=1+1", "+84", "-1", "@x", "\tx", "line\nbreak", "cr\rx", "", "'quoted'"];
    for (const d of [",", ";"]) {
      const rows = await queryDuckDb(`SELECT ${texts.map((t, i) => `${csvCellSql(sqlText(t), d)} AS c${i}`).join(", ")}`);
      expect(texts.map((_, i) => rows[0]![`c${i}`])).toEqual(texts.map((t) => csvCell(t, d)));
    }
  }, 30_000);
});

describe("dti score --engine duckdb --format csv -o (DuckDB writes the file)", () => {
  it.each([
    [SAMPLE, [] as string[]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--decimal-comma", "--bom"]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--group-by", "group"]],
    [SAMPLE, ["--ranking", "dense", "--decimals", "2"]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--group-by", "group", "--depth", "1"]],
    [SAMPLE, ["--depth", "0"]],
    [SAMPLE, ["--points"]],
    [SAMPLE, ["--headers", "names"]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--points", "--headers", "names", "--lang", "en", "--decimal-comma", "--bom", "--group-by", "group"]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--points", "--headers", "ids", "--depth", "0"]],
    ["fixtures/provinces-63-synthetic-2years.csv", ["--points", "--headers", "names", "--depth", "1", "--unranked", "Hà Giang"]],
  ])("%s %j: the same bytes as the library", async (file, extra) => {
    const { library, engine } = await both(file, extra);
    expect(engine).toBe(library);
  }, 60_000);

  it.each([
    [["--points"]],
    [["--headers", "names", "--points", "--lang", "en", "--decimal-comma", "--group-by", "group"]],
    [["--headers", "names", "--depth", "0", "--points"]],
  ])("%j on standard output: the same bytes as the library (the points column and the headers kept)", async (extra) => {
    const args = ["score", "fixtures/provinces-63-synthetic-2years.csv", ...FW22, "--format", "csv", ...extra];
    const library = (await cli(args)).stdout;
    expect(library.split("\r\n")[0]).toMatch(extra.includes("names") ? /(Points|Điểm) \((of|trên) 1000\)/u : /dti_points/u);
    expect((await cli([...args, "--engine", "duckdb"])).stdout).toBe(library);
  }, 60_000);

  it("--points with a framework without total points: refused with the library's usage error, nothing written", async () => {
    const fw = join(dir, "no-points.json");
    writeFileSync(fw, JSON.stringify({ id: "no-points", version: "1.0.0", title: { vi: "Không điểm", en: "No points" }, root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, children: [{ id: "x", name: { vi: "X", en: "X" }, weight: 1, rule: { type: "value" } }] } }));
    const file = join(dir, "no-points.csv");
    writeFileSync(file, "unit,x\nA,0.5\n");
    const out = join(dir, "no-points-out.csv");
    for (const extra of [[], ["-o", out]]) {
      const r = await cli(["score", file, "--framework", fw, "--format", "csv", "--points", "--engine", "duckdb", ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--points");
      expect(r.stdout).toBe("");
    }
  }, 60_000);

  it.each([["--sheet", "1"], ["--header-row", "1"]])("%s %s is refused (a workbook's sheet; a header line DuckDB is not told), not left unread", async (...option) => {
    for (const format of ["csv", "md"]) {
      const r = await cli(["score", SAMPLE, ...FW22, "--format", format, ...option, "--engine", "duckdb"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(option[0]);
      expect(r.stdout).toBe("");
    }
  }, 60_000);

  it("--depth: the same bytes on standard output, and as the library writes them in other formats", async () => {
    const args = ["score", "fixtures/provinces-63-synthetic-2years.csv", ...FW22, "--group-by", "group", "--depth", "1"];
    const library = await cli([...args, "--format", "csv"]);
    expect((await cli([...args, "--format", "csv", "--engine", "duckdb"])).stdout).toBe(library.stdout);
    expect(library.stdout.split("\r\n")[0]!.split(",").length).toBeLessThan(20);
    expect((await cli([...args, "--format", "md", "--engine", "duckdb"])).stdout).toBe((await cli([...args, "--format", "md"])).stdout);
    // JSON: the same nodes, published values and ranks (the float scores may differ in the last bit).
    type Doc = { nodes: { id: string }[]; units: { value: string; rank: number; nodes: Record<string, { value: string; rank: number }> }[] };
    const published = (doc: Doc) => ({ nodes: doc.nodes.map((n) => n.id), units: doc.units.map((u) => [u.value, u.rank, Object.entries(u.nodes).map(([id, n]) => [id, n.value, n.rank])]) });
    const json = async (engine: string[]) => published(JSON.parse((await cli([...args, "--format", "json", ...engine])).stdout) as Doc);
    expect(await json(["--engine", "duckdb"])).toEqual(await json([]));
  }, 60_000);

  it("--rank-nodes: the same bytes as the engine's CSV on standard output (the other nodes' ranks blank)", async () => {
    const out = join(dir, "rank-nodes.csv");
    const args = ["score", "fixtures/provinces-63-synthetic-2years.csv", ...FW22, "--format", "csv", "--group-by", "group", "--rank-nodes", "activity", "--engine", "duckdb"];
    const streamed = await cli(args);
    expect((await cli([...args, "-o", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(streamed.stdout);
    expect(streamed.stdout.split("\r\n")[1]!.split(",").filter((c) => c === "").length).toBeGreaterThan(5);
  }, 60_000);

  it("units that tie are in the library's order (Vietnamese names, numbers in them, then codes); cells escaped", async () => {
    const { library, engine } = await both(tiesCsv, []);
    expect(engine).toBe(library);
    expect(engine.split("\r\n").filter((l) => l.startsWith("1,")).length).toBe(NAMES.length);
  }, 60_000);

  it("when DuckDB's order of names is not the library's, the rows are put in the library's order", async () => {
    // Sorted by bytes in DuckDB ("Da Nang" < "DN 10" < "Đà Nẵng" < "da nang"), which this process then corrects.
    for (const [file, extra] of [
      [tiesCsv, { decimalComma: false, bom: false }],
      ["fixtures/provinces-63-synthetic-2years.csv", { decimalComma: true, bom: true }],
    ] as const) {
      const out = join(dir, "bytes.csv");
      const io = { stdout: () => undefined, stderr: () => undefined } as unknown as Parameters<typeof engineCsv>[0];
      const fw = getFramework("vn-dti-2022-province");
      const columns = { unit: "unit", code: "code", year: "year" };
      await engineCsv(io, fw, file, { columns }, { out, delimiter: extra.decimalComma ? ";" : ",", decimalComma: extra.decimalComma, bom: extra.bom, presort: "bytes" });
      const library = await cli(["score", file, ...FW22, "--format", "csv", ...(extra.decimalComma ? ["--decimal-comma", "--bom"] : [])]);
      expect(readFileSync(out, "utf8")).toBe(library.stdout);
    }
  }, 60_000);

  it("units not ranked (the data's column, --unranked, --lang en): the note column as the library writes it, to a file and to standard output", async () => {
    const wards = ["score", "fixtures/danang-wards-illustration-synthetic.csv", "-f", "fixtures/danang-framework-illustration.csv", "--format", "csv"];
    // Every unit ranked though the column is there: no note column.
    const allRanked = join(dir, "all-ranked.csv");
    writeFileSync(allRanked, [`${header},Được xếp hạng`, ...baseRows.slice(1, 20).map((l) => `${l},Có`)].join("\n"));
    const runs = [
      [...wards],
      [...wards, "--lang", "en", "--unranked", "Phường Sơn Trà", "--decimal-comma"],
      ["score", allRanked, ...FW22, "--format", "csv"],
    ];
    for (const args of runs) {
      const library = (await cli(args)).stdout;
      const out = join(dir, "unranked-out.csv");
      expect((await cli([...args, "--engine", "duckdb", "-o", out])).code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(library);
      expect((await cli([...args, "--engine", "duckdb"])).stdout).toBe(library);
      expect(library.includes("rank_note")).toBe(args[1] !== allRanked);
    }
  }, 60_000);

  it("blank inputs under reweight: coverage written as the library writes it (many distinct coverages)", async () => {
    // 12 inputs weighted 1, 2, 4, … 2048: each pattern of blanks has its own coverage (more than a
    // CASE in the query holds), 300 units.
    const leaves = Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, name: { vi: `Chỉ tiêu ${i}`, en: `Indicator ${i}` }, weight: 2 ** i, rule: { type: "value" } }));
    const fw = join(dir, "weights.json");
    writeFileSync(fw, JSON.stringify({ id: "weights", version: "1.0.0", title: { vi: "Trọng số", en: "Weights" }, root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, children: leaves } }));
    const lines = [["unit", "code", ...leaves.map((l) => l.id)].join(",")];
    for (let u = 0; u < 300; u++) lines.push([`Đơn vị ${u}`, `U${u}`, ...leaves.map((_, i) => ((u * 37 + 11) >> i) % 2 === 1 || i === (u % 12) ? String(((u * 13 + i * 7) % 100) / 100) : "")].join(","));
    const file = join(dir, "blanks.csv");
    writeFileSync(file, lines.join("\n"));
    const out = join(dir, "blanks-out.csv");
    const args = ["score", file, "--framework", fw, "--format", "csv", "--missing", "reweight"];
    const library = await cli(args);
    expect((await cli([...args, "--engine", "duckdb", "-o", out])).code).toBe(0);
    const engine = readFileSync(out, "utf8");
    expect(engine).toBe(library.stdout);
    expect(new Set(engine.split("\r\n").slice(1, -1).map((l) => l.split(",").at(-1))).size).toBeGreaterThan(64);
    // With points on a total of 330: the many distinct values and coverages, both worked out beside the query.
    const fw330 = join(dir, "weights-330.json");
    writeFileSync(fw330, JSON.stringify({ id: "weights", version: "1.0.0", title: { vi: "Trọng số", en: "Weights" }, root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, maxPoints: 330, children: leaves } }));
    const pointsArgs = ["score", file, "--framework", fw330, "--format", "csv", "--missing", "reweight", "--points", "--headers", "names"];
    const withPoints = (await cli(pointsArgs)).stdout;
    expect(withPoints.split("\r\n")[0]).toContain("Điểm (trên 330)");
    expect(new Set(withPoints.split("\r\n").slice(1, -1).map((l) => l.split(",")[4])).size).toBeGreaterThan(64);
    expect((await cli([...pointsArgs, "--engine", "duckdb", "-o", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(withPoints);
    expect((await cli([...pointsArgs, "--engine", "duckdb"])).stdout).toBe(withPoints);
  }, 60_000);
});
