import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitBytes } from "../helpers/split-text.ts";
import { parseCsv, readCsvStream } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";

async function rows(input: Parameters<typeof readCsvStream>[0], options?: Parameters<typeof readCsvStream>[1]) {
  const out = [];
  for await (const row of readCsvStream(input, options)) out.push(row);
  return out;
}

/** Splits text into UTF-8 byte chunks of `size` (cutting multi-byte characters and CRLF pairs). */
function byteChunks(text: string, size: number): Uint8Array[] {
  const bytes = Buffer.from(text, "utf8");
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe("readCsvStream", () => {
  it("reads the same rows and lines as parseCsv (BOM, ';', decimal commas, CRLF), whatever the chunking", async () => {
    for (const name of ["provinces-63-synthetic.csv", "provinces-63-synthetic-long.csv", "dti-2022-province-top5.csv"]) {
      const text = readFileSync(`fixtures/${name}`, "utf8");
      const table = parseCsv(text);
      for (const size of [1, 7, 4096]) {
        const got = await rows(byteChunks(text, size));
        expect(got[0]).toEqual({ line: 1, cells: table.columns });
        expect(got.slice(1)).toEqual(table.rows);
      }
    }
  });

  it("keeps quoted line breaks with the starting line, skips blank lines, reports ragged rows", async () => {
    const text = 'unit,a\r\n"Hà\r\nNội",1\r\n\r\n;;\r\nHuế,2,3\r\nB\r\n';
    const got = await rows([text]);
    expect(got.map((r) => [r.line, r.cells])).toEqual([
      [1, ["unit", "a"]],
      [2, ["Hà\nNội", "1"]],
      [5, [";;", undefined]],
      [6, ["Huế", "2"]],
      [7, ["B", undefined]],
    ]);
    expect(got[3]!.issues?.[0]).toMatchObject({ code: "DATA_PARSE", row: 6 });
    expect(got[4]!.issues?.[0]?.message).toMatch(/line 7 has 1 cell but the header has 2/u);
    expect(got.slice(1).map((r) => r.cells)).toEqual(parseCsv(text).rows.map((r) => r.cells));
  });

  it("throws DATA_PARSE with the line for an unclosed quote, and DATA_EMPTY for nothing", async () => {
    await expect(rows(['unit,a\nA,1\nB,"2\n'])).rejects.toThrow(/quote opened on line 3/u);
    await expect(rows(['unit,a\nA,1\nB,"2\n'])).rejects.toBeInstanceOf(DtiError);
    await expect(rows([""])).rejects.toThrow(/empty/u);
  });

  it("stops reading when the consumer stops", async () => {
    let pulled = 0;
    async function* source() {
      yield "unit,a\n";
      for (let i = 0; i < 1e6; i++) {
        pulled++;
        yield `u${i},0.5\n`;
      }
    }
    for await (const row of readCsvStream(source())) if (row.line === 3) break;
    expect(pulled).toBeLessThan(100000);
  });

  it("reads bytes cut anywhere (inside characters, CRLF pairs, lines) as parseCsv reads the whole text", async () => {
    const piece = fc.constantFrom("Hà Nội", "Ha\u0300 No\u0323i", "😀", "0,5", "0.6789", ",", ";", "\n", "\r\n", "\r", "\n\n", " ", '"a\nb"', '"q""q"', "\ufeff");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (pieces, cuts, someText) => {
        const text = `unit,a\n${pieces.join("")}`;
        let expected: unknown;
        try {
          expected = parseCsv(text).rows;
        } catch (e) {
          expected = String(e);
        }
        // Some chunks as text (a stream may give both): the bytes held before them are read first.
        const decode = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
        const chunks = splitBytes(text, cuts).map((b, i) => (someText && i % 2 === 1 && !decode(b).includes("\ufffd") ? decode(b) : b));
        let got: unknown;
        try {
          got = (await rows(chunks)).slice(1).map(({ line, cells }) => ({ line, cells }));
        } catch (e) {
          got = String(e);
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("reads a file without line feeds (CR line breaks) past the bytes it holds back looking for one", async () => {
    const lines = ["unit,a"];
    for (let i = 0; i < 300_000; i++) lines.push(`Đơn vị ${i},0.${i % 10}`);
    const text = lines.join("\r");
    expect(text.length).toBeGreaterThan(1 << 22);
    const got = await rows(splitBytes(text, [65536, 1 << 20, 3 << 20, 5 << 20]));
    expect(got.length).toBe(300_001);
    expect(got.slice(1)).toEqual(parseCsv(text).rows);
  }, 60_000);
});
