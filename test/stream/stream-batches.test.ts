// stream.batches() hands out the units the stream yields one by one, in the same order, with the
// same identity, index and numbers: on messy generated data (errors, repeated units, blanks,
// units not ranked, a framework that normalises across units), and the summaries are equal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, readCsvBlocks } from "../../src/csv.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { score, scoreStream, type ScoreStream, type StreamOptions } from "../../src/index.ts";
import { streamWith } from "../../src/stream/score-stream.ts";
import { rowReader } from "../../src/stream/row-reader.ts";

const FRAMEWORK: FrameworkDefinition = {
  id: "batches-test",
  version: "1.0.0",
  title: { vi: "Lô" },
  root: {
    id: "idx",
    name: { vi: "Chỉ số" },
    children: [
      { id: "p", name: { vi: "P" }, weight: 2, children: [
        { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
        { id: "b", name: { vi: "b" }, weight: 3, rule: { type: "normalise", method: "minmax" } },
      ] },
      { id: "c", name: { vi: "c" }, weight: 1, maxPoints: 10, rule: { type: "points" } },
    ],
  },
};

/** Every unit as the iterator yields it, numbers as plain arrays. */
async function viaUnits(stream: ScoreStream) {
  const units: unknown[] = [];
  for await (const u of stream) units.push({ ...u, nodes: { scores: [...u.nodes.scores], published: [...u.nodes.published], coverage: [...u.nodes.coverage] } });
  return units;
}

/** The same, read from the batches: each unit made from its batch's arrays. */
async function viaBatches(stream: ScoreStream) {
  const units: unknown[] = [];
  const root = stream.nodes.find((n) => n.id === stream.root)!.position;
  let next = 0;
  for await (const batch of stream.batches()) {
    expect(batch.first).toBe(next);
    expect(batch.size).toBeGreaterThan(0);
    expect(batch.size).toBeLessThanOrEqual(1024);
    expect(batch.units).toHaveLength(batch.size);
    next += batch.size;
    const n = batch.nodes;
    for (let k = 0; k < batch.size; k++) {
      const slice = (a: Float64Array) => [...a.subarray(k * n, (k + 1) * n)];
      const published = batch.published[k * n + root]!;
      units.push({
        index: batch.first + k,
        ...batch.units[k],
        score: batch.scores[k * n + root],
        value: Number.isNaN(published) ? "" : expect.any(String),
        coverage: batch.coverage[k * n + root],
        nodes: { scores: slice(batch.scores), published: slice(batch.published), coverage: slice(batch.coverage) },
      });
    }
  }
  return units;
}

const summaryOf = (stream: ScoreStream) => {
  const s = stream.summary();
  return { ...s, unit: undefined, ranks: [...s.ranks].map(([id, r]) => [id, [...r.rank], [...r.groupRank]]) };
};

const cell = fc.oneof(
  { weight: 16, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `0.${String(n).padStart(4, "0")}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "NA", "abc", "1.5", "12", "-0.5", "0,25") },
);

describe("stream.batches()", () => {
  it("gives the units the stream yields, in order, with the same numbers and summary", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(300), fc.array(cell, { minLength: 3, maxLength: 3 }), fc.boolean()), { minLength: 0, maxLength: 60, size: "max" }),
        fc.constantFrom("error" as const, "zero" as const, "reweight" as const),
        async (rows, missing) => {
          const text = ["unit,a,b,c", ...rows.map(([k, cells]) => [`Đơn vị ${k}`, ...cells].join(","))].join("\n");
          const unranked = rows.filter(([, , out]) => out).map(([k]) => `Đơn vị ${k}`);
          const options: StreamOptions = { missing, rankNodes: "all", maxIssues: 1000, unranked };
          const one = scoreStream(FRAMEWORK, () => readCsvBlocks([text]), options);
          const many = scoreStream(FRAMEWORK, () => readCsvBlocks([text]), options);
          expect(await viaBatches(many)).toEqual(await viaUnits(one));
          expect(summaryOf(many)).toEqual(summaryOf(one));
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it("cuts a large stream into batches of 1,024", async () => {
    const rows = [["unit", "a", "b", "c"], ...Array.from({ length: 2500 }, (_, i) => [`Đơn vị ${i}`, "0.5", String((i % 100) / 100), "7"])];
    const sizes: number[] = [];
    for await (const batch of scoreStream(FRAMEWORK, rows).batches()) sizes.push(batch.size);
    expect(sizes).toEqual([1024, 1024, 452]);
  });
});

describe("full batches one after another", () => {
  // A stream works in the same buffers from one full batch to the next: a batch of plain decimals,
  // then one of blanks, text cells and ratios, then plain again, must each score as score() scores
  // the same rows (nothing left over from the batch before).
  const MIXED_FW: FrameworkDefinition = {
    id: "reuse-test",
    version: "1.0.0",
    title: { vi: "Lô" },
    root: {
      id: "idx",
      name: { vi: "Chỉ số" },
      children: [
        { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
        { id: "b", name: { vi: "b" }, weight: 2, rule: { type: "value" } },
        { id: "r", name: { vi: "r" }, weight: 1, rule: { type: "ratio" } },
        { id: "c", name: { vi: "c" }, weight: 1, maxPoints: 10, rule: { type: "points" } },
      ],
    },
  };
  const plain = (i: number) => `0.${String((i * 7919) % 10000).padStart(4, "0")}`;
  // Batch 0 and 2 plain; batch 1 messy in every leaf; batch 3 (part) plain with one blank.
  const cells = (i: number): string[] => {
    const batch = Math.floor(i / 1024);
    if (batch !== 1) return [plain(i), plain(i + 1), String(i % 7), "7", i === 3500 ? "" : String(i % 11)];
    const messy = ["", "NA", '"0,25"', " 0.5 ", "1", "0.30000000000000004", "0.12500", ".5", "0"];
    return [messy[i % 9]!, i % 5 === 0 ? "" : plain(i), i % 4 === 0 ? "" : String(i % 3), i % 6 === 0 ? "" : "7", String(i % 11)];
  };
  const header = ["unit", "a", "b", "r.a", "r.b", "c"];
  const csv = [header.join(","), ...Array.from({ length: 3600 }, (_, i) => [`Đơn vị ${i}`, ...cells(i)].join(","))].join("\n");

  for (const missing of ["zero", "reweight"] as const) {
    it(`scores each unit as score() does (missing: ${missing})`, async () => {
      const options: StreamOptions = { missing, rankNodes: "all", maxIssues: 100_000 };
      const stream = scoreStream(MIXED_FW, () => readCsvBlocks([new TextEncoder().encode(csv)]), options);
      const streamed = new Map<string, unknown>();
      const sizes: number[] = [];
      for await (const batch of stream.batches()) {
        sizes.push(batch.size);
        for (let k = 0; k < batch.size; k++) {
          const n = batch.nodes;
          streamed.set(batch.units[k]!.unit, stream.nodes.map((info) => [info.id, batch.published[k * n + info.position], batch.coverage[k * n + info.position]]));
        }
      }
      const result = score(MIXED_FW, parseCsv(csv), options);
      expect(sizes).toEqual([1024, 1024, 1024, 528]);
      const scale = 10 ** 4;
      const expected = new Map(
        result.units.map((u) => [u.unit, stream.nodes.map((info) => {
          const node = info.id === stream.root ? u : u.nodes[info.id]!;
          return [info.id, node.value === null ? NaN : Math.round(Number(node.value) * scale), node.coverage];
        })]),
      );
      expect(streamed.size).toBe(expected.size);
      for (const [unit, nodes] of expected) expect([unit, streamed.get(unit)]).toEqual([unit, nodes]);
      const summary = stream.summary();
      expect([summary.errorCount, summary.warningCount]).toEqual([0, result.warnings.length]);
      expect(summary.warnings.map((e) => [e.code, e.node, e.message])).toEqual(result.warnings.map((e) => [e.code, e.node, e.message]));
    });
  }
});

describe("batches that carry some nodes (streamWith)", () => {
  it("give each carried node's numbers, the units' index values and the ranks of every node's stream", async () => {
    const rows = [["unit", "a", "b", "c"], ...Array.from({ length: 1500 }, (_, i) => [`Đơn vị ${i}`, String((i % 97) / 100), String(i % 13), String(i % 11)])];
    const every = scoreStream(FRAMEWORK, () => rows, { rankNodes: ["p"] });
    const positions = new Map(every.nodes.map((info) => [info.id, info.position]));
    // The index, its pillar p (ranked) and leaf c, in plan order.
    const carry = ["idx", "p", "c"].map((id) => positions.get(id)!).sort((x, y) => x - y);
    const some = streamWith(FRAMEWORK, () => rows, { rankNodes: ["p"] }, { reader: rowReader, ranks: true, carry });
    expect(some.nodes.map((info) => [info.id, info.position]).sort()).toEqual(["idx", "p", "c"].map((id) => [id, carry.indexOf(positions.get(id)!)]).sort());
    const numbers = async (stream: ScoreStream) => {
      const out: unknown[] = [];
      for await (const batch of stream.batches()) {
        for (let k = 0; k < batch.size; k++) {
          for (const id of ["idx", "p", "c"]) {
            const at = k * batch.nodes + stream.nodes.find((info) => info.id === id)!.position;
            out.push([batch.units[k]!.unit, id, batch.scores[at], batch.published[at], batch.coverage[at]]);
          }
        }
      }
      const ranks = stream.summary().ranks;
      return { out, ranks: [...ranks].map(([id, r]) => [id, [...r.rank]]) };
    };
    const a = await numbers(some);
    expect(a.out.length).toBe(4500);
    expect(a).toEqual(await numbers(every));
    const units = async (stream: ScoreStream) => {
      const out: unknown[] = [];
      for await (const u of stream) out.push([u.unit, u.score, u.value, u.coverage]);
      return out;
    };
    expect(await units(streamWith(FRAMEWORK, () => rows, { rankNodes: ["p"] }, { reader: rowReader, ranks: true, carry }))).toEqual(await units(scoreStream(FRAMEWORK, () => rows, { rankNodes: ["p"] })));
  });
});
