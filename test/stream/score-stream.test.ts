import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseCsv, readCsvStream } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import type { FrameworkDefinition, FrameworkNode } from "../../src/framework/types.ts";
import { getFramework, score, scoreStream, type ScoreResult, type StreamUnitResult } from "../../src/index.ts";
import { formatScaled } from "../../src/number/publish-float.ts";

const fw = getFramework("vn-dti-2022-province");
const csvText = readFileSync("fixtures/provinces-63-synthetic.csv", "utf8");

async function collect(stream: AsyncIterable<StreamUnitResult>) {
  const out: StreamUnitResult[] = [];
  for await (const u of stream) out.push(u);
  return out;
}

/** A framework of one group of leaves. */
function flatFramework(id: string, children: FrameworkNode[]): FrameworkDefinition {
  return { id, version: "1.0.0", title: { vi: id }, root: { id: "idx", name: { vi: "Chỉ số" }, children } };
}

/** A leaf `id` of weight `weight` with `rule`. */
function leaf(id: string, weight: number, rule: FrameworkNode["rule"]): FrameworkNode {
  return { id, name: { vi: id }, weight, rule } as FrameworkNode;
}

const MINMAX = { type: "normalise", method: "minmax" } as const;

/** Compares every node's value, rank and group rank of a stream (all nodes ranked) with `score`. */
function expectSameAsScore(result: ScoreResult, units: StreamUnitResult[], stream: ReturnType<typeof scoreStream>) {
  const summary = stream.summary();
  expect(summary.units).toBe(result.units.length);
  const byName = new Map(result.units.map((u) => [u.unit, u]));
  for (const u of units) {
    const expected = byName.get(u.unit)!;
    expect(u.value).toBe(expected.value);
    expect(u.row).toBe(expected.row);
    expect(u.code).toBe(expected.code);
    expect(u.group).toBe(expected.group);
    for (const node of stream.nodes) {
      const want = node.id === result.root ? expected : expected.nodes[node.id]!;
      const p = u.nodes.published[node.position]!;
      expect(Number.isNaN(p) ? null : formatScaled(p, stream.decimals), `${u.unit} ${node.id}`).toBe(want.value);
      const ranks = summary.ranks.get(node.id)!;
      expect(ranks.rank[u.index] || null, `${u.unit} ${node.id} rank`).toBe(want.rank);
      expect(ranks.groupRank[u.index] || null, `${u.unit} ${node.id} group rank`).toBe(want.groupRank);
      expect(u.nodes.coverage[node.position]).toBe(want.coverage);
    }
  }
}

describe("scoreStream", { timeout: 30_000 }, () => {
  it("gives score()'s values and ranks (every node, groups) from a CSV stream", async () => {
    const options = { columns: { group: "Vùng" }, rankNodes: "all" as const };
    const result = score(fw, parseCsv(csvText), options);
    // Small chunks: rows, quotes and CRLF are split across chunk ends.
    const chunks = Readable.from(Buffer.from(csvText, "utf8").toString("latin1").match(/[\s\S]{1,37}/gu)!.map((s) => Buffer.from(s, "latin1")));
    const stream = scoreStream(fw, readCsvStream(chunks), options);
    const units = await collect(stream);
    expect(units).toHaveLength(63);
    expect(units.map((u) => u.unit)).toEqual(parseCsv(csvText).rows.map((r) => r.cells[0]));
    expectSameAsScore(result, units, stream);
    expect(stream.summary()).toMatchObject({ ok: true, rows: 63, units: 63, errorCount: 0, warningCount: 0 });
  });

  it("reads arrays (header first) and records, with every rank style and missing policy", async () => {
    const records = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")) as Record<string, unknown>[];
    const holes = records.map((r, i) => (i % 4 === 0 ? { ...r, institutions: "" } : r));
    for (const ranking of ["competition", "dense", "ordinal"] as const) {
      for (const missing of ["zero", "reweight"] as const) {
        const options = { ranking, missing, rankNodes: "all" as const, columns: { group: "Vùng" } };
        const result = score(fw, holes, options);
        const stream = scoreStream(fw, holes, options);
        expectSameAsScore(result, await collect(stream), stream);
        expect(stream.summary().warnings).toEqual(result.warnings);
      }
    }
    const table = parseCsv(csvText);
    const arrays = [table.columns, ...table.rows.map((r) => r.cells)];
    const stream = scoreStream(fw, arrays, { rankNodes: ["awareness"] });
    const units = await collect(stream);
    const result = score(fw, table);
    expect(units.map((u) => [u.unit, u.value, stream.summary().ranks.get("dti")!.rank[u.index]]).sort()).toEqual(
      result.units.map((u) => [u.unit, u.value, u.rank]).sort(),
    );
    expect([...stream.summary().ranks.keys()]).toEqual(["dti", "awareness"]);
  });

  it("keeps only typed arrays per ranked node (memory grows with units and ranked nodes, not with the data)", async () => {
    const header = ["unit", ...fw.root.children.flatMap((c) => c.children ?? []).filter((n) => n.rule !== undefined).map((n) => n.id)];
    const rows = function* (n: number) {
      yield header;
      for (let i = 0; i < n; i++) yield [`u${i}`, ...header.slice(1).map((_, k) => ((i * 7 + k * 13) % 10000) / 10000)];
    };
    const one = scoreStream(fw, rows(1000));
    await collect(one);
    const all = scoreStream(fw, rows(1000), { rankNodes: "all" });
    await collect(all);
    // Root only: one Float64 key per unit (plus year and group number); "all": one per node.
    expect(one.summary().rankBytes).toBeLessThanOrEqual(1024 * (8 + 8 + 4) * 2);
    expect(all.summary().rankBytes).toBeGreaterThan(one.summary().rankBytes * 5);
    expect(all.ranked).toHaveLength(all.nodes.length);
  });

  it("reports errors with row, column and unit, does not yield bad units, and caps the kept issues", async () => {
    const lines = ["Tỉnh;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số"];
    for (let i = 0; i < 300; i++) lines.push(`T${i};${i % 3 === 0 ? "abc" : "0,5"};0,5;0,5;0,5;0,5;0,5;0,5;0,5`);
    lines.push("T1;0,5;0,5;0,5;0,5;0,5;0,5;0,5;0,5");
    const stream = scoreStream(fw, readCsvStream([lines.join("\n")]), { maxIssues: 10 });
    const units = await collect(stream);
    const s = stream.summary();
    expect(s.ok).toBe(false);
    expect(units).toHaveLength(200);
    expect(s.errorCount).toBe(101);
    expect(s.errors).toHaveLength(10);
    expect(s.errors[0]).toMatchObject({ code: "DATA_NOT_A_NUMBER", row: 2, column: "Nhận thức số", unit: "T0", node: "awareness" });
    expect(s.errors[1]).toMatchObject({ row: 5, unit: "T3" });
    // The duplicate at the end is counted, not kept.
    expect(s.rows).toBe(301);
  });

  it("reports a ragged CSV row, a missing unit column, long data and an empty stream", async () => {
    const ragged = scoreStream(getFramework("vn-dti-2020-province"), readCsvStream(["unit,government,economy,society\nA,0.5,0.5,0.5\nB,0.5,0.5\n"]));
    await collect(ragged);
    expect(ragged.summary().errors.map((i) => [i.code, i.row])).toEqual([
      ["DATA_PARSE", 3],
      ["DATA_MISSING_VALUE", 3],
    ]);
    const noUnit = scoreStream(fw, [["x", "y"], ["1", "2"]]);
    expect(await collect(noUnit)).toEqual([]);
    expect(noUnit.summary().errors.map((i) => i.code)).toContain("DATA_NO_UNIT_COLUMN");
    const long = scoreStream(fw, [["unit", "indicator", "value"], ["A", "awareness", "0.5"]]);
    await collect(long);
    expect(long.summary().errors.map((i) => i.message).join()).toMatch(/streaming reads wide data/u);
    const empty = scoreStream(fw, []);
    await collect(empty);
    expect(empty.summary().errors[0]?.code).toBe("DATA_EMPTY");
  });

  it("applies coverage thresholds and non-arithmetic means as score() does (exact path per unit)", async () => {
    const def: FrameworkDefinition = {
      id: "coverage-test",
      version: "1.0.0",
      title: { vi: "Ngưỡng" },
      root: {
        id: "idx",
        name: { vi: "Chỉ số" },
        children: [
          { id: "g", name: { vi: "Nhóm" }, weight: 1, minCoverage: 0.7, children: [
            { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
            { id: "b", name: { vi: "b" }, weight: 1, rule: { type: "value" } },
          ] },
          { id: "h", name: { vi: "Nhân" }, weight: 1, aggregation: "geometric", children: [
            { id: "c", name: { vi: "c" }, weight: 1, rule: { type: "value" } },
            { id: "d", name: { vi: "d" }, weight: 2, rule: { type: "value" } },
          ] },
        ],
      },
    };
    const rows = [
      ["unit", "a", "b", "c", "d"],
      ["A", "0.5", "", "0.25", "0.81"],
      ["B", "0.5", "0.7", "0.36", "0.49"],
      ["C", "0.9", "0.1", "0.64", "0.09"],
    ];
    const options = { missing: "reweight" as const, rankNodes: "all" as const };
    // Same rows for both: score() reads the table (header = line 1), the stream reads the arrays.
    const result = score(def, { columns: rows[0]!, rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })), format: "csv", issues: [] }, options);
    const stream = scoreStream(def, rows, options);
    const units = await collect(stream);
    expect(stream.summary().warnings.map((w) => w.code).sort()).toEqual(result.warnings.map((w) => w.code).sort());
    expect(stream.summary().warnings.map((w) => w.code)).toContain("DATA_LOW_COVERAGE");
    expectSameAsScore(result, units, stream);
    // Geometric means run in floats with a bound too: no unit needed exact arithmetic here.
    expect(stream.summary().exactUnits).toBe(0);
  });

  it("normalises across units in two passes, as score() does, and needs rows it can read twice", async () => {
    const def = flatFramework("norm-test", [leaf("a", 1, MINMAX), leaf("b", 1, { type: "value" })]);
    const rows = [["unit", "a", "b"], ["A", "10", "0.5"], ["B", "30", "0.25"], ["C", "20", "1"], ["D", "", "0.75"]];
    const options = { missing: "reweight" as const, rankNodes: "all" as const };
    const result = score(def, { columns: rows[0]!, rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })), format: "csv", issues: [] }, options);
    const stream = scoreStream(def, () => rows, options);
    expectSameAsScore(result, await collect(stream), stream);
    async function* once() {
      yield* rows;
    }
    expect(() => scoreStream(def, once())).toThrow(/normalises indicators across units, which reads the data twice/u);
  });

  it("scores pass 1's units and normalised leaves as pass 1 read them, or reads them again after an issue", async () => {
    const [a, b] = [leaf("a", 1, MINMAX), leaf("b", 2, MINMAX)];
    // Every leaf normalised (pass 1 reads them all), or one read by the scoring pass.
    const defs = [[a, b, leaf("c", 1, { type: "normalise", method: "rank" })], [a, b, leaf("c", 1, { type: "value" })]].map((children) => flatFramework("norm-only", children));
    const header = ["unit", "code", "year", "a", "b", "c"];
    const clean = [["Huế", "H", "2024", "10", "0.30000000000000004", "0.5"], ["Đà Nẵng", "D", "2024", "30", "7", "0.25"], ["Hà Nội", "N", "2024", "20", "3.5", "1"]];
    const datasets = [
      clean,
      // A repeated unit, a code shared by two units, a blank name, a bad year, a blank normalised cell.
      [...clean, ["huế", "X", "2024", "1", "2", "0.1"], ["Cần Thơ", "H", "2024", "5", "", "0.2"], ["", "Y", "2024", "1", "1", "1"], ["Vinh", "V", "20x4", "1", "1", "1"]],
      [...clean, ["Cần Thơ", "C", "2024", "5", "", "0.2"]],
    ];
    const cases = defs.flatMap((def) => datasets.flatMap((data) => (["error", "reweight", "zero"] as const).map((missing) => ({ def, data, missing }))));
    for (const { def, data, missing } of cases) {
      const options = { missing, rankNodes: "all" as const };
      const stream = scoreStream(def, () => [header, ...data], options);
      const units = await collect(stream);
      const summary = stream.summary();
      let result: ScoreResult;
      try {
        result = score(def, { columns: header, rows: data.map((cells, i) => ({ line: i + 2, cells })), format: "csv", issues: [] }, options);
      } catch (e) {
        const errors = (e as DtiError).issues.filter((i) => i.severity === "error");
        expect(summary.errors.map((i) => [i.code, i.row]).sort()).toEqual(errors.map((i) => [i.code, i.row]).sort());
        continue;
      }
      expect(summary.ok).toBe(true);
      expect(summary.warnings.map((w) => w.code).sort()).toEqual(result.warnings.map((w) => w.code).sort());
      expectSameAsScore(result, units, stream);
    }
  });

  it("decides half-way values exactly from pass 1's raw values, batch after batch", async () => {
    const def = flatFramework("half-way", [leaf("a", 1, MINMAX), leaf("b", 1, MINMAX)]);
    // a / 20000 is half-way between two 4-decimal values for every odd a; b's text is longer than
    // its float holds every 7th unit.
    const header = ["unit", "a", "b"];
    const data = Array.from({ length: 3000 }, (_, u) => [`Đơn vị ${u}`, String(u === 2999 ? 20000 : u), u % 7 === 0 ? "0.30000000000000004" : String(u % 10)]);
    const result = score(def, { columns: header, rows: data.map((cells, i) => ({ line: i + 2, cells })), format: "csv", issues: [] });
    const stream = scoreStream(def, () => [header, ...data], { rankNodes: "all" });
    expectSameAsScore(result, await collect(stream), stream);
    expect(stream.summary().exactUnits).toBeGreaterThan(1024);
  });

  it("throws typed errors for bad options and an early summary", () => {
    expect(() => scoreStream(fw, [], { rankNodes: ["nope"] })).toThrow(DtiError);
    expect(() => scoreStream(fw, [], { maxIssues: -1 })).toThrow(/maxIssues/u);
    expect(() => scoreStream(fw, [], { shape: "long" })).toThrow(/wide data/u);
    expect(() => scoreStream(fw, []).summary()).toThrow(/read to the end/u);
  });
});
