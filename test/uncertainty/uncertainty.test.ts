import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { evaluateNodes, nodeColumns } from "../../src/score/evaluate-nodes.ts";
import { rankFloats } from "../../src/rank/rank-floats.ts";
import type { UncertaintyOptions } from "../../src/uncertainty/types.ts";
import { uncertainty } from "../../src/uncertainty/uncertainty.ts";

const sample = parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8"));
const dti = getFramework("vn-dti-2022-province");

/** Every mean, nested, with a missing value. */
const mixed: FrameworkDefinition = {
  id: "mixed",
  version: "1",
  title: { vi: "Thử" },
  root: {
    id: "index",
    name: { vi: "Chỉ số" },
    aggregation: "geometric",
    children: [
      { id: "p1", name: { vi: "P1" }, weight: 2, aggregation: "harmonic", children: [
        { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
        { id: "b", name: { vi: "b" }, weight: 3, rule: { type: "value" } },
      ] },
      { id: "p2", name: { vi: "P2" }, weight: 1, aggregation: "mazziotta-pareto", children: [
        { id: "c", name: { vi: "c" }, rule: { type: "value" } },
        { id: "d", name: { vi: "d" }, rule: { type: "value" } },
        { id: "e", name: { vi: "e" }, rule: { type: "value" } },
      ] },
      { id: "f", name: { vi: "f" }, weight: 1, rule: { type: "value" } },
    ],
  },
};
const mixedRows = [
  { unit: "U1", a: 0.2, b: 0.9, c: 0.5, d: 0.7, e: 0.9, f: 0.4 },
  { unit: "U2", a: 0.6, b: 0.5, c: 0.8, d: 0.8, e: 0.8, f: 0.5 },
  { unit: "U3", a: 0.9, b: "", c: 0.3, d: 0.9, e: 0.6, f: 0.7 },
  { unit: "U4", a: 0.4, b: 0.4, c: 0.6, d: 0.5, e: 0.4, f: 0.9 },
];

describe("the float evaluation", () => {
  it("gives the exact pipeline's scores and ranks (every mean, a missing value)", () => {
    const exact = score(mixed, mixedRows, { missing: "reweight", ties: "exact" });
    const compiled = compileFramework(defineFramework(mixed));
    const leaves = ["a", "b", "c", "d", "e", "f"];
    const cols = nodeColumns(compiled.nodes.length, 4);
    for (const id of leaves) mixedRows.forEach((r, u) => (cols.value[compiled.index.get(id)! * 4 + u] = r[id as keyof typeof r] === "" ? NaN : Number(r[id as keyof typeof r])));
    evaluateNodes(compiled, cols, { bounds: false, thresholds: false });
    const scores = cols.value.slice(compiled.root * 4, compiled.root * 4 + 4);
    mixedRows.forEach((r, u) => expect(scores[u]).toBeCloseTo(exact.units.find((x) => x.unit === r.unit)!.score!, 12));
    const ranks = new Int32Array(4);
    rankFloats(scores, 4, ranks, 4);
    expect(Array.from(ranks)).toEqual(mixedRows.map((r) => exact.units.find((x) => x.unit === r.unit)!.rank));
  });

  it("gives the same on complete data (the fast path without missing checks), zeros included", () => {
    const full = mixedRows.map((r, i) => ({ ...r, b: [0.3, 0.5, 0.7, 0][i]! }));
    const exact = score(mixed, full, { ties: "exact" });
    const compiled = compileFramework(defineFramework(mixed));
    const leaves = ["a", "b", "c", "d", "e", "f"] as const;
    const cols = nodeColumns(compiled.nodes.length, 4);
    for (const id of leaves) full.forEach((r, u) => (cols.value[compiled.index.get(id)! * 4 + u] = Number(r[id])));
    evaluateNodes(compiled, cols, { bounds: false, thresholds: false });
    const scores = cols.value.slice(compiled.root * 4, compiled.root * 4 + 4);
    full.forEach((r, u) => expect(scores[u]).toBeCloseTo(exact.units.find((x) => x.unit === r.unit)!.score!, 12));
    expect(scores[3]).toBe(0); // b = 0 under a harmonic mean, then a geometric root
  });

  it("ranks the nominal DTI 2022 sample as score() does", () => {
    const ua = uncertainty(dti, sample, { runs: 1, sensitivity: false });
    const exact = score(dti, sample, { columns: { group: "Vùng" }, ties: "exact" });
    for (const u of ua.units) expect(u.nominalRank).toBe(exact.units.find((x) => x.unit === u.unit)!.rank);
  });
});

describe("uncertainty", () => {
  const options: UncertaintyOptions = { runs: 300, weights: 0.25, aggregation: ["arithmetic", "geometric"], normalisation: ["nominal", { method: "rank" }] };

  it("is reproducible: the same seed gives the same result, another seed another", () => {
    const a = uncertainty(dti, sample, { ...options, seed: 7 });
    expect(uncertainty(dti, sample, { ...options, seed: 7 })).toEqual(a);
    const b = uncertainty(dti, sample, { ...options, seed: 8 });
    expect(b.units.map((u) => u.meanRank)).not.toEqual(a.units.map((u) => u.meanRank));
    expect(a.evaluations).toBe(1 + 300 * (3 + 2));
    expect(a.inputs.map((i) => i.name)).toEqual(["weights", "normalisation", "aggregation"]);
  });

  it("keeps every nominal rank inside its 5-95 % interval when the weights barely move", () => {
    const ua = uncertainty(dti, sample, { runs: 500, weights: 0.01, sensitivity: false });
    for (const u of ua.units) {
      expect(u.rankLow).toBeLessThanOrEqual(u.nominalRank);
      expect(u.rankHigh).toBeGreaterThanOrEqual(u.nominalRank);
    }
    expect(ua.meanAbsShift).toBeLessThan(0.2);
    expect(ua.units[0]).toMatchObject({ unit: "TP. Đà Nẵng", nominalRank: 1, medianRank: 1, rankLow: 1, rankHigh: 1, meanAbsShift: 0 });
  });

  it("attributes everything to the only input that moves the ranks (S ≈ 1), nothing to one that cannot (S = 0)", () => {
    // Every leaf spans exactly [0, 1], so min-max changes nothing; only the aggregation matters.
    const rows = mixedRows.map((r, i) => ({ ...r, b: [0, 1, 0.5, 0.25][i], a: [0, 1, 0.3, 0.6][i], c: [1, 0, 0.2, 0.6][i], d: [0.5, 1, 0, 0.7][i], e: [0, 0.3, 0.9, 1][i], f: [1, 0.2, 0, 0.6][i] }));
    const flat: FrameworkDefinition = { ...mixed, root: { ...mixed.root, aggregation: "arithmetic" } };
    const ua = uncertainty(flat, rows, { runs: 2000, seed: 1, normalisation: ["nominal", { method: "minmax" }], aggregation: ["arithmetic", "harmonic"] });
    const [norm, agg] = ua.sensitivity!;
    expect(norm).toEqual({ input: "normalisation", first: 0, total: 0, firstMargin: 0, totalMargin: 0 });
    expect(agg!.first!).toBeGreaterThan(0.9);
    expect(agg!.first!).toBeLessThan(1.1);
    expect(agg!.total!).toBeCloseTo(1, 1);
  });

  it("bounds a node's weight in [low, high] and refuses unknown nodes and bad options with typed errors", () => {
    const ua = uncertainty(dti, sample, { runs: 100, weights: { nodes: { awareness: [0, 0.5] } }, sensitivity: "node" });
    expect(ua.inputs).toEqual([{ name: "weights:foundation", dimensions: 1 }]);
    expect(() => uncertainty(dti, sample, { weights: { nodes: { nowhere: 0.1 } } })).toThrow(/"nowhere" is not a node/u);
    expect(() => uncertainty(dti, sample, { runs: 0 })).toThrow(/runs must be/u);
    expect(() => uncertainty(dti, sample, { aggregation: ["median" as "arithmetic"] })).toThrow(/aggregation alternatives/u);
  });

  it("counts runs whose means leave their domain (geometric over negative z-scores)", () => {
    const ua = uncertainty(mixed, mixedRows, { runs: 50, missing: "reweight", normalisation: ["nominal", { method: "zscore" }], sensitivity: false });
    expect(ua.invalidRuns).toBeGreaterThan(0);
    expect(ua.warnings.map((w) => w.code)).toContain("DATA_AGGREGATION_DOMAIN");
  });
});
