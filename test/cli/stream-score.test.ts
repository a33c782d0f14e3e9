/**
 * One output whatever the path: `dti score` from `score()` and `dti score --stream` (the two-pass
 * stream, which large CSV files take on their own) write the same bytes in every format, for
 * points, plain and min-max frameworks, with groups, years, codes, missing values and ties.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prng } from "../helpers/prng.ts";
import { cli } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-stream-same-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Min-max data: units in groups over two years, codes, some blanks, values on a coarse grid and
 * repeated rows, so that published values tie.
 */
function minmaxData(): string {
  const framework = {
    id: "minmax-groups",
    version: "1.0.0",
    title: { vi: "Min-max thử", en: "Min-max test" },
    root: {
      id: "index",
      name: { vi: "Chỉ số", en: "Index" },
      children: [
        { id: "p1", name: { vi: "Trụ cột 1", en: "Pillar 1" }, short: "P1", weight: 2, children: [
          { id: "a", name: { vi: "Chỉ tiêu A", en: "A" }, weight: 1, rule: { type: "normalise", method: "minmax" } },
          { id: "b", name: { vi: "Chỉ tiêu B", en: "B" }, weight: 3, rule: { type: "normalise", method: "minmax" } },
        ] },
        { id: "p2", name: { vi: "Trụ cột 2", en: "Pillar 2" }, short: "P2", weight: 1, children: [
          { id: "c", name: { vi: "Chỉ tiêu C", en: "C" }, weight: 1, rule: { type: "normalise", method: "minmax" } },
          { id: "d", name: { vi: "Chỉ tiêu D", en: "D" }, weight: 1, rule: { type: "value" } },
        ] },
      ],
    },
  };
  writeFileSync(join(dir, "minmax.json"), JSON.stringify(framework));
  const next = prng(20251202);
  const lines = ["unit,code,group,year,a,b,c,d"];
  const groups = ["Miền Bắc", "Miền Trung", "Miền Nam"];
  const names = ["Đà Nẵng", "Hà Nội", "Huế", "Hải Phòng", "Cần Thơ", "Ấp Bắc", "An Giang", "Bạc Liêu", "Đắk Lắk", "Gia Lai"];
  for (const year of [2023, 2024]) {
    for (let i = 0; i < 120; i++) {
      const cell = () => (next() < 0.08 ? "" : (Math.round(next() * 20) / 4).toString());
      const row = [`${names[i % names.length]} ${Math.floor(i / names.length)}`, String(100 + i), groups[i % 3], String(year), cell(), cell(), cell(), (Math.round(next() * 8) / 8).toString()];
      lines.push(row.join(","));
      // A twin under another name: equal values, a tie broken by name order.
      if (i % 17 === 0) lines.push([`${row[0]} bis`, String(500 + i), ...row.slice(2)].join(","));
    }
  }
  writeFileSync(join(dir, "minmax.csv"), `${lines.join("\n")}\n`);
  return join(dir, "minmax.csv");
}

writeFileSync(join(dir, "tiny-ab.json"), JSON.stringify({
  id: "tiny-ab",
  version: "1.0.0",
  title: { vi: "Hai chỉ tiêu", en: "Two indicators" },
  root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, children: [
    { id: "a", name: { vi: "A", en: "A" }, weight: 1, rule: { type: "value" } },
    { id: "b", name: { vi: "B", en: "B" }, weight: 2, rule: { type: "value" } },
  ] },
}));

const cases: { name: string; args: string[] }[] = [
  { name: "a points framework (criteria table, ';' and decimal commas, BOM)", args: ["fixtures/wards-illustration-synthetic.csv", "--framework", "fixtures/ward-framework-illustration.csv"] },
  { name: "DTI 2022, groups, years and codes", args: ["fixtures/provinces-63-synthetic-2years.csv", "--framework", "vn-dti-2022-province", "--group-by", "group"] },
  { name: "DTI 2022 top 5, Vietnamese headers", args: ["fixtures/dti-2022-province-top5.csv", "--framework", "vn-dti-2022-province"] },
];

const formats: string[][] = [
  ["--format", "csv"],
  ["--format", "csv", "--headers", "names", "--lang", "en", "--bom"],
  ["--format", "csv", "--decimal-comma", "--headers", "names"],
  ["--format", "json"],
  ["--format", "jsonl"],
  ["--format", "md"],
  ["--format", "md", "--lang", "en", "--locale", "vi-VN"],
];

async function same(args: string[]): Promise<void> {
  const memory = await cli(["score", ...args]);
  const stream = await cli(["score", ...args, "--stream"]);
  expect(memory.stderr.replace(/^dti: wrote.*\n/mu, "")).not.toMatch(/error/iu);
  expect(memory.code).toBe(0);
  expect(stream.code, stream.stderr).toBe(0);
  expect(memory.stdout.length).toBeGreaterThan(0);
  if (stream.stdout !== memory.stdout) {
    // The first line that differs, rather than two whole outputs.
    const a = memory.stdout.split("\n");
    const b = stream.stdout.split("\n");
    const at = a.findIndex((line, i) => line !== b[i]);
    expect({ args, line: at, stream: b[at]?.slice(0, 300) }).toEqual({ args, line: at, stream: a[at]?.slice(0, 300) });
  }
}

describe("dti score and dti score --stream write the same bytes", () => {
  it.each(cases)("$name", async ({ args }) => {
    for (const format of formats) await same([...args, ...format]);
  }, 120_000);

  it("a min-max framework with groups, years, codes, blanks and ties, every ranking method", async () => {
    const file = minmaxData();
    const base = [file, "--framework", join(dir, "minmax.json"), "--group-by", "group", "--missing", "reweight"];
    for (const format of formats) await same([...base, ...format]);
    for (const ranking of ["dense", "ordinal"]) for (const format of [["--format", "csv"], ["--format", "json"]]) await same([...base, "--ranking", ranking, ...format]);
    await same([...base, "--missing", "zero", "--decimals", "2", "--format", "csv"]);
  }, 120_000);

  it("names and codes a CSV cell quotes, long, or outside the Basic Multilingual Plane, without groups or years", async () => {
    // Pass 1 keeps each unit's name and code cells beside its numbers when they fit; these do not
    // all fit, and some are quoted or guarded against formulas.
    const names = ['Ủy ban nhân dân xã "Phước Vĩnh An", huyện Củ Chi', "=SUM(A1)", "-Hà Nội", "Huế 🏯", "Tỉnh ".repeat(20).trim(), "Đà Nẵng", "a\tb", "Cần Thơ"];
    const lines = ["unit,code,a,b", ...names.flatMap((name, i) => [`"${name.replace(/"/gu, '""')}",${i % 3 === 0 ? "" : `"C,${i}"`},${(i % 4) / 4},${(i % 5) / 5}`, `${`Xã ${i}`},+${i},0.5,0.25`])];
    writeFileSync(join(dir, "names.csv"), `${lines.join("\n")}\n`);
    for (const format of [["--format", "csv"], ["--format", "csv", "--headers", "names", "--bom"], ["--format", "csv", "--decimal-comma"]]) {
      await same([join(dir, "names.csv"), "--framework", join(dir, "tiny-ab.json"), ...format]);
    }
    // Ordinal ranks are not counted (they are ranked from the records at the end), dense ones are.
    for (const ranking of ["ordinal", "dense"]) await same([join(dir, "names.csv"), "--framework", join(dir, "tiny-ab.json"), "--format", "csv", "--ranking", ranking]);
  }, 60_000);

  it("--points: the index in points beside its value", async () => {
    await same(["fixtures/wards-illustration-synthetic.csv", "--framework", "fixtures/ward-framework-illustration.csv", "--format", "csv", "--points"]);
  }, 60_000);
});

describe("dti score --depth: the upper levels only", () => {
  it("writes the same bytes with and without the stream, at every depth and in every format", async () => {
    const minmax = [minmaxData(), "--framework", join(dir, "minmax.json"), "--group-by", "group", "--missing", "reweight"];
    for (const args of [cases[1]!.args, minmax]) {
      for (const depth of ["0", "1", "2"]) for (const format of formats) await same([...args, "--depth", depth, ...format]);
    }
  }, 180_000);

  it("keeps the index and the nodes down to the depth (views count as 1), each ranked as without it", async () => {
    const args = ["score", "fixtures/provinces-63-synthetic-2years.csv", "--framework", "vn-dti-2022-province", "--format", "csv"];
    const full = (await cli(args)).stdout.split("\r\n");
    const header = (depth: string) => (depth === "" ? full : (await_(depth))).at(0)!.split(",");
    const await_ = (depth: string) => depthRows.get(depth)!;
    const depthRows = new Map<string, string[]>();
    for (const depth of ["0", "1"]) depthRows.set(depth, (await cli([...args, "--depth", depth])).stdout.split("\r\n"));
    const json = JSON.parse((await cli([...args.slice(0, -2), "--format", "json"])).stdout) as { nodes: { id: string; depth: number }[] };
    const depthOf = new Map(json.nodes.map((n) => [n.id, n.depth < 0 ? 1 : n.depth]));
    const identity = header("").filter((h) => !depthOf.has(h.replace(/_rank$/u, "")));
    expect(identity).toEqual(["rank", "group_rank", "unit", "code", "group", "year", "coverage"]);
    expect(header("0")).toEqual([...identity.slice(0, -1), "dti", "coverage"]);
    const pillars = header("1").filter((h) => !identity.includes(h) && h !== "dti");
    expect(pillars.length).toBeGreaterThan(0);
    expect(pillars.map((h) => depthOf.get(h.replace(/_rank$/u, "")))).toEqual(pillars.map(() => 1));
    expect(json.nodes.filter((n) => depthOf.get(n.id) === 1).length * 2).toBe(pillars.length);
    // Each kept column holds what it holds without --depth.
    const fullHeader = header("");
    for (const [i, h] of header("1").entries()) {
      const j = fullHeader.indexOf(h);
      expect(await_("1").map((line) => line.split(",")[i])).toEqual(full.map((line) => line.split(",")[j]));
    }
  }, 60_000);

  it("refuses a depth that is not a whole number, and the formats that show their own nodes", async () => {
    const base = ["score", "fixtures/provinces-63-synthetic.csv", "--framework", "vn-dti-2022-province"];
    for (const bad of ["-1", "1.5", "x"]) {
      const r = await cli([...base, `--depth=${bad}`]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--depth must be a whole number ≥ 0/u)]);
    }
    const svg = await cli([...base, "--depth", "1", "--format", "svg"]);
    expect([svg.code, svg.stderr]).toEqual([2, expect.stringMatching(/--depth works with --format md, csv, json, jsonl or html/u)]);
  }, 60_000);
});

describe("dti score on a CSV file over 8 MiB (streamed unless the whole table is needed)", () => {
  /** 4,500 units of the 2020 framework with a long note column: over 8 MiB. */
  function large(last: string, cell = "0.5"): string {
    const note = "x".repeat(2000);
    const lines = ["unit,note,government,economy,society"];
    for (let i = 0; i < 4500; i++) lines.push(`Đơn vị ${String(i).padStart(5, "0")},${note},${cell},${((i % 97) / 100).toFixed(2)},${((i % 89) / 100).toFixed(2)}`);
    lines.push(last);
    const file = join(dir, `large-${lines.length}-${cell}-${last.slice(0, 3)}.csv`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    return file;
  }
  const args = ["--framework", "vn-dti-2020-province", "--ignore-column", "note", "--format", "csv"];

  it("writes what the stream writes", async () => {
    const file = large("Đơn vị cuối,x,0.1,0.2,0.3");
    const auto = await cli(["score", file, ...args]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stdout.split("\r\n")).toHaveLength(4503);
    expect(auto.stdout).toBe((await cli(["score", file, ...args, "--stream"])).stdout);
  }, 120_000);

  it("leaves a totals row out, as score() does", async () => {
    const file = large("Tổng cộng,,0.5,0.5,0.5");
    const r = await cli(["score", file, ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/DATA_SUMMARY_ROW/u);
    expect(r.stdout).not.toMatch(/Tổng cộng/u);
  }, 120_000);

  it("reports errors as score() does", async () => {
    const file = large("Đơn vị cuối,x,abc,0.2,0.3");
    const r = await cli(["score", file, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATA_NOT_A_NUMBER/u);
  }, 120_000);
});
