import { describe, expect, it } from "vitest";
import { formatScaled } from "../../src/number/publish-float.ts";
import { score } from "../../src/pipeline/score.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { nodeCells } from "../../src/pipeline/unit-nodes.ts";
import fc from "fast-check";
import { csvByteRows, IDENTITY_BYTES, keepIdentity, keepsIdentity } from "../../src/report/csv-byte-rows.ts";
import type { ByteBuffer } from "../../src/text/utf8-bytes.ts";
import { csvCell, csvPlain } from "../../src/report/escape.ts";
import { rankingShape } from "../../src/report/ranking-shape.ts";
import { csvCellText, csvRankingWriter, type CsvReportOptions } from "../../src/report/to-csv.ts";
import { sampleResult, tiny, tinyResult } from "./helpers.ts";

/** Every line of `result` through the byte rows, as text: node cells from the numbers a stream record holds. */
function byteLines(result: ScoreResult, options: CsvReportOptions, places: number, start = 16): string {
  const nodes = result.nodes.filter((n) => n.id !== result.root);
  const index = new Map(nodes.map((n, p) => [n.id, p]));
  const w = csvByteRows(rankingShape(result), options, index, places);
  const out: ByteBuffer = { bytes: new Uint8Array(start), length: 0 };
  const published = new Float64Array(nodes.length);
  const ranks = new Int32Array(nodes.length);
  for (const u of result.units) {
    const cells = nodeCells(u);
    nodes.forEach((n, p) => {
      const v = cells.value(n.id);
      published[p] = v === null ? NaN : Math.round(Number(v) * 10 ** places);
      ranks[p] = cells.rank(n.id) ?? 0;
    });
    w.row(u, { published, ranks }, out);
  }
  return w.header + new TextDecoder().decode(out.bytes.subarray(0, out.length));
}

function stringLines(result: ScoreResult, options: CsvReportOptions): string {
  const w = csvRankingWriter(rankingShape(result), options);
  return w.header + result.units.map((u) => w.row(u, nodeCells(u))).join("");
}

/** Any character, the awkward ones often: CSV specials, formula starts, 2- and 3-byte letters, surrogates. */
const char = fc.oneof(
  fc.constantFrom("a", "1", ",", ";", '"', "\n", "\r", "=", "+", "-", "@", "\t", "ệ", "Đ", "ă", "\u00a0", "\u07ff", "\u0800", "\uffff", "😀", "\ud800", "\udc00", "\u3000"),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);

describe("csvByteRows", () => {
  const grouped = () => score(tiny, [
    { unit: "=Hà Nội, \"thủ đô\"", code: "01", group: "Miền Bắc", year: 2024, a: 0.9, b: 1 },
    { unit: "Đà Nẵng", code: "48", group: "Miền Trung", year: 2024, a: 0.5, b: "" },
    { unit: "Huế", code: "46", group: "Miền Trung", year: 2024, a: 0.5, b: "" },
    { unit: "Cà Mau", code: "96", group: "Miền Nam", year: 2025, a: 0, b: 0 },
  ], { missing: "reweight", columns: { code: "code", group: "group", year: "year" } });

  it.each<[string, CsvReportOptions]>([
    ["defaults", {}],
    ["decimal commas and ;", { decimalComma: true, delimiter: ";" }],
    ["tabs, a BOM, names in English, points", { delimiter: "\t", bom: true, headers: "names", language: "en", points: 100 }],
  ])("writes the string writer's lines, byte for byte (%s)", (_, options) => {
    for (const result of [tinyResult(), grouped(), sampleResult()]) {
      expect(byteLines(result, options, 4)).toBe(stringLines(result, options));
    }
  });

  it("writes values beyond the table (more decimals, above 1) as the string writer does", () => {
    const r = score(tiny, [
      { unit: "A", a: 0.1234567, b: 0.5 },
      { unit: "B", a: 0.7654321, b: 0.25 },
    ], { decimals: 6 });
    expect(byteLines(r, {}, 6)).toBe(stringLines(r, {}));
    // Keys outside 0 … 10^4 (negative, above 1, fractions of a key) are written as their text.
    const result = tinyResult();
    const index = new Map([["a", 0], ["b", 1]]);
    for (const options of [{ delimiter: "," as const }, { decimalComma: true, delimiter: ";" as const }]) {
      const out: ByteBuffer = { bytes: new Uint8Array(8), length: 0 };
      csvByteRows(rankingShape(result), options, index, 4).row(result.units[0]!, { published: [12345, -4336], ranks: [0, 2] }, out);
      const cell = csvCellText(options);
      expect(new TextDecoder().decode(out.bytes.subarray(0, out.length)).split(options.delimiter).slice(-5)).toEqual(
        [cell("value", formatScaled(12345, 4)), "", cell("value", formatScaled(-4336, 4)), "2", `${cell("share", result.units[0]!.coverage)}\r\n`],
      );
    }
  });

  it("writes ranks of any size as their digits", () => {
    const result = tinyResult();
    const w = csvByteRows(rankingShape(result), {}, new Map([["a", 0], ["b", 1]]), 4);
    for (const rank of [1, 9, 10, 99, 100, 1000, 99_999, 100_000, 1_234_567, 10_000_000, 999_999_999, 1_000_000_000, 2 ** 31 - 1]) {
      const out: ByteBuffer = { bytes: new Uint8Array(0), length: 0 };
      w.row(result.units[0]!, { published: [NaN, 5], ranks: [rank, 0] }, out);
      expect(new TextDecoder().decode(out.bytes.subarray(0, out.length)).split(",").slice(-5, -1)).toEqual(["", String(rank), "0.0005", ""]);
    }
  });

  it("grows its buffer for long names and many rows", () => {
    const long = score(tiny, [{ unit: "Phường ".repeat(400), a: 0.3, b: 0.4 }, { unit: "B", a: 0.5, b: 0.5 }]);
    expect(byteLines(long, {}, 4, 1)).toBe(stringLines(long, {}));
  });

  it("uses the one CSV cell rule", () => {
    const cell = csvCellText({ decimalComma: true, delimiter: ";" });
    expect([cell("rank", 3), cell("value", "0.8002"), cell("text", "Huế; Đà Nẵng"), cell("rank", null), cell("share", 0.5)]).toEqual(["3", "0,8002", "\"Huế; Đà Nẵng\"", "", "0,5"]);
  });

  it("writes a unit's name and code from the bytes keepIdentity kept, as from its strings", () => {
    const result = tinyResult();
    const nodes = result.nodes.filter((n) => n.id !== result.root);
    const index = new Map(nodes.map((n, p) => [n.id, p]));
    const numbers = { published: nodes.map(() => 5000), ranks: nodes.map(() => 1) };
    const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(""));
    const writers = new Map([",", ";", "\t"].map((d) => [d, csvByteRows(rankingShape(result), { delimiter: d as "," }, index, 4)]));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.constantFrom(",", ";", "\t"), fc.nat(40), (unit, code, delimiter, at) => {
        const w = writers.get(delimiter)!;
        const { code: _, ...first } = result.units[0]!;
        const u = code === undefined ? { ...first, unit } : { ...first, unit, code };
        const bytes = new Uint8Array(at + IDENTITY_BYTES).fill(7);
        const kept = keepIdentity(bytes, at, unit, code, delimiter);
        expect(keepsIdentity(bytes, at)).toBe(kept);
        // Kept exactly when both cells fit, in UTF-8, and neither has a surrogate.
        const cells = [csvCell(unit, delimiter), csvCell(code ?? "", delimiter)];
        expect(kept).toBe(cells.join("").length === 0 || (!/[\ud800-\udfff]/.test(cells.join("")) && new TextEncoder().encode(cells.join("")).length <= IDENTITY_BYTES - 2));
        const fromStrings: ByteBuffer = { bytes: new Uint8Array(0), length: 0 };
        w.row(u, numbers, fromStrings);
        // The kept bytes are read in place of the unit's strings, which then do not matter.
        const fromKept: ByteBuffer = { bytes: new Uint8Array(0), length: 0 };
        w.row(kept ? { ...first, unit: "?", code: "?" } : u, numbers, fromKept, bytes, at);
        expect(Array.from(fromKept.bytes.subarray(0, fromKept.length))).toEqual(Array.from(fromStrings.bytes.subarray(0, fromStrings.length)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("csvPlain", () => {
  it("is true exactly when the text has no formula start and nothing a CSV cell quotes", () => {
    // The rule as csvCell wrote it with regular expressions (csvCell now asks csvPlain first).
    const byRule = (text: string, delimiter: string) => !/^[=+\-@\t\r]/u.test(text) && !text.includes(delimiter) && !/["\r\n]/u.test(text);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join("")), fc.constantFrom(",", ";", "\t", "||", ""), (text, delimiter) => {
        expect(csvPlain(text, delimiter)).toBe(byRule(text, delimiter));
        if (csvPlain(text, delimiter)) expect(csvCell(text, delimiter)).toBe(text);
        else expect(csvCell(text, delimiter)).not.toBe(text);
      }),
      { numRuns: 5000 },
    );
    const cases: [string, string, boolean][] = [
      ["Huế", ",", true], ["Huế, Đà Nẵng", ",", false], ["Huế; Đà Nẵng", ";", false], ["Huế; Đà Nẵng", ",", true], ["a\tb", "\t", false], ["a\tb", ",", true],
      ["a\nb", ",", false], ["a\rb", ",", false], ['a"b', ",", false], ["", ",", true],
      ["=x", ",", false], ["+x", ",", false], ["-5", ",", false], ["@x", ",", false], ["\tx", ",", false], ["\rx", ",", false], ["a-5", ",", true], ["a=b", ",", true],
    ];
    expect(cases.map(([text, d]) => csvPlain(text, d))).toEqual(cases.map(([, , plain]) => plain));
  });
});
