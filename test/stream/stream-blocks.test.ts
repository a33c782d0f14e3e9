// scoreStream over CSV blocks (readCsvBlocks: plain decimal cells read in place) gives exactly what
// it gives over rows (readCsvStream): every yielded unit and node, the summary's errors and
// warnings (codes, rows, columns, messages, order), counts and ranks, on messy generated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitBytes } from "../helpers/split-text.ts";
import { readCsvBlocks, readCsvStream } from "../../src/csv.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { scoreStream, type StreamOptions } from "../../src/index.ts";

const MIXED: FrameworkDefinition = {
  id: "mixed-test",
  version: "1.0.0",
  title: { vi: "Hỗn hợp" },
  root: {
    id: "idx",
    name: { vi: "Chỉ số" },
    children: [
      { id: "p", name: { vi: "P" }, weight: 2, children: [
        { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } },
        { id: "b", name: { vi: "b" }, weight: 3, rule: { type: "value" } },
        { id: "c", name: { vi: "c" }, weight: 2, maxPoints: 10, rule: { type: "points" } },
      ] },
      { id: "q", name: { vi: "Q" }, weight: 1, children: [
        { id: "d", name: { vi: "d" }, weight: 1, rule: { type: "value" } },
        { id: "r", name: { vi: "r" }, weight: 1, rule: { type: "ratio" } },
      ] },
    ],
  },
};

const NORMALISED: FrameworkDefinition = {
  id: "norm-test",
  version: "1.0.0",
  title: { vi: "Chuẩn hoá" },
  root: { id: "idx", name: { vi: "Chỉ số" }, children: [
    { id: "a", name: { vi: "a" }, weight: 1, rule: { type: "normalise", method: "minmax" } },
    { id: "b", name: { vi: "b" }, weight: 2, rule: { type: "value" } },
    { id: "d", name: { vi: "d" }, weight: 1, rule: { type: "normalise", method: "rank" } },
  ] },
};

async function run(def: FrameworkDefinition, rows: () => AsyncIterable<never>, options: StreamOptions) {
  const stream = scoreStream(def, rows, options);
  const units: unknown[] = [];
  try {
    for await (const u of stream) units.push({ ...u, nodes: { scores: [...u.nodes.scores], published: [...u.nodes.published], coverage: [...u.nodes.coverage] } });
  } catch (e) {
    // Malformed quoting stops the stream: the same error, after the same units.
    return { units, error: String(e) };
  }
  const s = stream.summary();
  return { units, summary: { ...s, unit: undefined, ranks: [...s.ranks].map(([id, r]) => [id, [...r.rank], [...r.groupRank]]) } };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `0.${String(n).padStart(4, "0")}`) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `0,${String(n).padStart(4, "0")}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => String(n / 10)) },
  { weight: 2, arbitrary: fc.constantFrom("", "NA", "1", "1,0", "01", ".5", "0.12500", " 0.25 ", '"0,5"', "abc", "-0.5", "5e-1", "0.30000000000000004", "12", "1.5", "2,5%", "0.000000000000000001") },
);
const unitName = fc.constantFrom("Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ", "A", "B", '"C; D"', '"E ""F"""', "", "G");

describe("scoreStream over CSV blocks", () => {
  it("gives what it gives over rows: every unit, node, error, warning and rank", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(unitName, fc.nat(40), fc.array(cell, { minLength: 6, maxLength: 7 })), { minLength: 0, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom("error" as const, "zero" as const, "reweight" as const),
        fc.boolean(),
        fc.boolean(),
        async (rows, cuts, missing, normalised, crlf) => {
          const eol = crlf ? "\r\n" : "\n";
          const header = normalised ? "unit;a;b;d" : "unit;a;b;c;d;r.a;r.b";
          const width = normalised ? 3 : 6;
          const lines = rows.map(([name, k, cells], i) => [name === "" ? "" : name.startsWith('"') ? name.replace(/"$/u, `${k % 4 === 0 ? "" : k}"`) : `${name}${k % 4 === 0 ? "" : k}`, ...cells.slice(0, i % 9 === 8 ? width + 1 : width)].join(";"));
          const text = [header, ...lines].join(eol) + (rows.length % 2 === 0 ? eol : "");
          const chunks = splitBytes(text, cuts);
          const def = normalised ? NORMALISED : MIXED;
          const options: StreamOptions = { missing, rankNodes: "all", maxIssues: 1000 };
          const viaRows = await run(def, () => readCsvStream(chunks) as AsyncIterable<never>, options);
          const viaBlocks = await run(def, () => readCsvBlocks(chunks) as AsyncIterable<never>, options);
          expect(viaBlocks).toEqual(viaRows);
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);
});
