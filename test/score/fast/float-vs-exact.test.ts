// The fast path's promise: float arithmetic only where it provably gives the exact path's
// published values. These tests compare the two paths on real fixtures, on the published golden
// rows, and on generated data built to land on and near rounding half-way points.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/csv.ts";
import type { FrameworkDefinition } from "../../../src/framework/types.ts";
import { getFramework, score, tableFromRecords, type ScoreOptions, type ScoreResult } from "../../../src/index.ts";
import { readUnits } from "../../../src/input/read-units.ts";
import { compileFramework } from "../../../src/score/compile.ts";
import { fastPlan } from "../../../src/score/fast/fast-plan.ts";
import { scoreUnitFloat } from "../../../src/score/fast/score-unit-float.ts";
import { defineFramework } from "../../../src/framework/validate-framework.ts";

/** Every published value, rank, group rank and coverage equal; float scores within 1e-12. */
function expectSame(exact: ScoreResult, fast: ScoreResult): void {
  expect(fast.units.map((u) => u.unit)).toEqual(exact.units.map((u) => u.unit));
  expect(fast.warnings).toEqual(exact.warnings);
  exact.units.forEach((e, i) => {
    const f = fast.units[i]!;
    const strip = (u: typeof e) => ({ ...u, score: null, nodes: Object.fromEntries(Object.entries(u.nodes).map(([k, n]) => [k, { ...n, score: null }])) });
    expect(strip(f), e.unit).toEqual(strip(e));
    for (const [id, n] of Object.entries(e.nodes)) {
      if (n.score === null) expect(f.nodes[id]!.score).toBeNull();
      else expect(Math.abs(f.nodes[id]!.score! - n.score), `${e.unit} ${id}`).toBeLessThan(1e-12);
    }
    expect(Math.abs(f.score! - e.score!)).toBeLessThan(1e-12);
  });
}

function both(framework: Parameters<typeof score>[0], data: Parameters<typeof score>[1], options: ScoreOptions = {}) {
  const exact = score(framework, data, options);
  const fast = score(framework, data, { ...options, arithmetic: "float" });
  expectSame(exact, fast);
  return { exact, fast };
}

const fixture = (name: string) => parseCsv(readFileSync(`fixtures/${name}`, "utf8"));

describe("float path = exact path on the fixtures", { timeout: 30_000 }, () => {
  it("63 provinces (vi-VN CSV, groups), every missing policy and rank style", () => {
    for (const ranking of ["competition", "dense", "ordinal"] as const) {
      both(getFramework("vn-dti-2022-province"), fixture("provinces-63-synthetic.csv"), { ranking, columns: { group: "Vùng" } });
    }
    const json = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")) as Record<string, unknown>[];
    // Blank some values: zero and reweight take the float path with missing leaves.
    const holes = json.map((r, i) => (i % 5 === 0 ? { ...r, awareness: null } : r));
    both(getFramework("vn-dti-2022-province"), holes, { missing: "zero" });
    both(getFramework("vn-dti-2022-province"), holes, { missing: "reweight" });
  });

  it("34 provinces, long form, and 4 to 0 decimals", () => {
    both(getFramework("vn-dti-2025-province"), fixture("provinces-34-synthetic.csv"));
    both(getFramework("vn-dti-2022-province"), fixture("provinces-63-synthetic-long.csv"));
    for (const decimals of [0, 1, 2, 3, 6, 12]) both(getFramework("vn-dti-2022-province"), fixture("provinces-63-synthetic.csv"), { decimals });
  });

  it("the published golden rows: DTI 2022 top five, Bắc Ninh 2020", () => {
    const top5 = both(getFramework("vn-dti-2022-province"), fixture("dti-2022-province-top5.csv")).fast;
    expect(top5.units.map((u) => [u.unit, u.value, u.rank])).toEqual([
      ["TP. Đà Nẵng", "0.8002", 1],
      // Computed from the published rounded inputs: 0.716355 → 0.7164 (published 0.7163, see fixtures/README.md).
      ["TP. Hồ Chí Minh", "0.7164", 2],
      ["Quảng Ninh", "0.7024", 3],
      ["Thừa Thiên - Huế", "0.6975", 4],
      ["TP. Cần Thơ", "0.6924", 5],
    ]);
    const bacNinh = both(getFramework("vn-dti-2020-province"), fixture("dti-2020-bac-ninh.csv")).fast;
    expect(bacNinh.units[0]!.value).toBe("0.4096");
  });

  it("errors are the same issues, in the same order", () => {
    const bad = [
      { unit: "A", government: "abc", economy: 0.5, society: 1.5 },
      { unit: "B", government: 0.5, economy: "", society: 0.5 },
      { unit: "A", government: 0.5, economy: 0.5, society: 0.5 },
    ];
    const fw = getFramework("vn-dti-2020-province");
    const errs = (o: ScoreOptions) => {
      try {
        score(fw, bad, o);
      } catch (e) {
        return (e as { issues: unknown }).issues;
      }
      throw new Error("expected an error");
    };
    expect(errs({ arithmetic: "float" })).toEqual(errs({}));
    expect((errs({ arithmetic: "float" }) as unknown[]).length).toBe(4);
  });
});

/** Two to four value inputs with weights that put many results exactly on half-way points. */
const boundary: FrameworkDefinition = {
  id: "boundary",
  version: "1.0.0",
  title: { vi: "Biên làm tròn" },
  root: {
    id: "idx",
    name: { vi: "Chỉ số" },
    children: [
      {
        id: "pair",
        name: { vi: "Cặp" },
        weight: 0.4,
        children: [
          { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
          { id: "b", name: { vi: "b" }, weight: 1, rule: { type: "value" } },
        ],
      },
      { id: "c", name: { vi: "c" }, weight: 0.3, rule: { type: "value" } },
      {
        id: "pts",
        name: { vi: "Điểm" },
        weight: 0.3,
        maxPoints: 30,
        children: [
          { id: "p", name: { vi: "p" }, maxPoints: 20, rule: { type: "points" } },
          { id: "r", name: { vi: "r" }, maxPoints: 10, rule: { type: "ratio" } },
        ],
      },
    ],
  },
};

describe("float path = exact path near rounding boundaries (generated)", { timeout: 30_000 }, () => {
  let seed = 20251123;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const four = () => (Math.floor(rnd() * 10001) / 10000).toFixed(4);

  it("pairs whose mean is a half-way point: 0.8001 and 0.8002 → 0.80015 → 0.8002", () => {
    const rows = [];
    for (let i = 0; i < 400; i++) {
      const a = Math.floor(rnd() * 9999);
      rows.push({ unit: `u${i}`, a: (a / 10000).toFixed(4), b: ((a + 1) / 10000).toFixed(4), c: four(), p: String(Math.floor(rnd() * 21)), "r.a": String(Math.floor(rnd() * 7)), "r.b": "7" });
    }
    const fw = defineFramework(boundary);
    const { fast } = both(fw, rows);
    const pairOf = (u: string) => fast.units.find((x) => x.unit === u)!.nodes["pair"]!.value;
    const first = rows[0]!;
    expect(pairOf("u0")).toBe(((Number(first.a) * 10000 + 1) / 10000).toFixed(4));
    // Those units really were decided by the exact path (the float cannot tell).
    const compiled = compileFramework(fw);
    const read = readUnits(tableFromRecords(rows), fw);
    const context = { presentKeys: read.presentKeys, missing: "error" as const, places: 4 };
    const exactCount = read.units.filter((u) => scoreUnitFloat(fastPlan(compiled), u, context).exact).length;
    expect(exactCount).toBe(400);
  });

  it("random 4-decimal inputs (0.4/0.3/0.3 weights give 5-decimal totals, many ending in 5), 0.1 + 0.2 style sums", () => {
    const rows = [];
    for (let i = 0; i < 600; i++) {
      rows.push({ unit: `u${i}`, a: four(), b: i % 7 === 0 ? "0.1" : four(), c: i % 7 === 0 ? "0.2" : four(), p: (rnd() * 20).toFixed(3), "r.a": String(Math.floor(rnd() * 12)), "r.b": "11" });
    }
    const fw = defineFramework(boundary);
    both(fw, rows);
    both(fw, rows, { decimals: 1 });
    both(fw, rows, { decimals: 3 });
    const compiled = compileFramework(fw);
    const read = readUnits(tableFromRecords(rows), fw);
    const flags = read.units.map((u) => scoreUnitFloat(fastPlan(compiled), u, { presentKeys: read.presentKeys, missing: "error", places: 4 }).exact);
    // This data is built to hit half-way points often (a mean of two 4-decimal values is one half
    // of the time): both paths are exercised many times.
    expect(flags.filter((x) => !x).length).toBeGreaterThan(120);
    expect(flags.filter((x) => x).length).toBeGreaterThan(120);
  });

  it("values on range limits and unusual text go to the exact path", () => {
    const fw = defineFramework(boundary);
    const rows = [
      { unit: "one", a: "1", b: "1,0", c: "1.00000000000000000001", p: "20", "r.a": "7", "r.b": "7" },
      { unit: "comma", a: "0,5", b: " 0.5 ", c: "5e-1", p: "19.99999999999999999999", "r.a": "0.7", "r.b": "0.70000000000000000001" },
    ];
    const exact = () => score(fw, rows);
    expect(exact).toThrow(/outside \[0, 1\]/u);
    expect(() => score(fw, rows, { arithmetic: "float" })).toThrow(/outside \[0, 1\]/u);
    const ok = [{ ...rows[0]!, c: "1" }, rows[1]!];
    both(fw, ok);
  });
});
