import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { split, splitByteArray, splitBytes } from "../helpers/split-text.ts";
import { blockCell, readCsvBlocks, readCsvStream, type CsvBlock, type CsvStreamRow } from "../../src/csv.ts";
import { readFloat } from "../../src/score/fast/read-float.ts";
import { csvBlocks, type BlockMemory } from "../../src/input/csv/csv-blocks.ts";
import { decodeCells } from "../../src/input/csv/csv-block.ts";

type Outcome = { rows: unknown[] } | { error: string };

/** Cells cut in place that the float path reads but the block did not (must be over 15 digits). */
const plainMissed: string[] = [];

async function viaStream(chunks: readonly (string | Uint8Array)[], options: { maxRecordSize?: number } = {}): Promise<Outcome> {
  try {
    const rows: unknown[] = [];
    for await (const row of readCsvStream(chunks, options)) rows.push({ line: row.line, cells: [...row.cells], issues: row.issues ?? [] });
    return { rows };
  } catch (e) {
    return { error: String(e) };
  }
}

/** The block reader's rows, expanded; each number checked against the cell's text as it goes. */
async function viaBlocks(chunks: Iterable<string | Uint8Array>, options: { maxRecordSize?: number } = {}, memory?: BlockMemory): Promise<Outcome> {
  try {
    const rows: unknown[] = [];
    for await (const item of memory === undefined ? readCsvBlocks(chunks, options) : csvBlocks(chunks, options, memory)) {
      if (!("kind" in item)) {
        const row = item as CsvStreamRow;
        rows.push({ line: row.line, cells: [...row.cells], issues: [] });
        continue;
      }
      const block = item as CsvBlock;
      for (let r = 0; r < block.rows; r++) {
        const cells: (string | undefined)[] = [];
        for (let c = 0; c < block.width; c++) {
          const text = blockCell(block, r, c);
          cells.push(text);
          const x = block.numbers[c * block.rows + r]!;
          // A number is exactly the float path's reading of the text (NaN: read the text).
          if (!Number.isNaN(x)) {
            if (!Object.is(x, readFloat(text!))) throw new Error(`cell ${JSON.stringify(text)} read as ${x}`);
          }
          else if (block.spans[2 * (c * block.rows + r)]! >= 0 && text !== undefined && readFloat(text) !== undefined) plainMissed.push(text);
        }
        for (const t of plainMissed.splice(0)) if (t.replace(/[.,]/u, "").length <= 15) throw new Error(`plain cell ${JSON.stringify(t)} not read`);
        rows.push({ line: block.lines[r], cells, issues: block.issues.filter((i) => i.row === r).map((i) => i.issue) });
      }
    }
    return { rows };
  } catch (e) {
    return { error: String(e) };
  }
}

const piece = fc.constantFrom(
  "a", "01", "0,5", "0.6789", ".5", "5.", "1.2.3", "-0.5", "1e3", "12345678901234567", "0.000000000000001",
  "Hà Nội", "Ha\u0300 No\u0323i", "😀", "x y", "na", "", "1",
  ",", ";", "\t", "\n", "\r\n", "\r", "\n\n", " ", "  ", "\u00a0", "\u3000", "\u2028", "\ufeff",
  '"', '""', '"a"', '"a,b"', '"a\nb"', '"q""q"', '" s "', "'",
);

describe("readCsvBlocks", () => {
  it("gives readCsvStream's rows, lines, issues and errors, on any text, any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(undefined, 5, 12, 40),
        async (pieces, cuts, max) => {
          const options = max === undefined ? {} : { maxRecordSize: max };
          // Comma and tab (a delimiter that is also trimmed) headers; as text, and as bytes cut
          // anywhere (inside a character, a CRLF, the BOM).
          for (const header of ["unit,a,b", "unit\ta\tb"]) {
            const text = `${header}\n${pieces.join("")}`;
            for (const chunks of [split(text, cuts), splitBytes(text, cuts)]) expect(await viaBlocks(chunks, options)).toEqual(await viaStream(chunks, options));
          }
        },
      ),
      { numRuns: 3000 },
    );
  }, 120_000);

  it("gives every cell's text as before once some columns' cells are decoded (decodeCells), on any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat({ max: 3 }), { maxLength: 4 }), async (pieces, columns) => {
        const items: unknown[] = [];
        try {
          for await (const item of readCsvBlocks([`unit,a,b\n${pieces.join("")}`])) items.push(item);
        } catch (e) {
          // Text that is not CSV: the blocks before its error are checked.
          if ((e as { code?: string }).code !== "DATA_PARSE") throw e;
        }
        for (const item of items as object[]) {
          if (!("kind" in item)) continue;
          const block = item as CsvBlock;
          const cells = (b: CsvBlock) => Array.from({ length: b.rows * b.width }, (_, k) => blockCell(b, k % b.rows, Math.floor(k / b.rows)));
          const before = cells(block);
          const decoded = decodeCells(block, columns);
          expect(cells(decoded)).toEqual(before);
          // The cells of those columns are texts now (all but the blank), and the rest as they were.
          for (let k = 0; k < block.rows * block.width; k++) {
            const column = Math.floor(k / block.rows);
            if (columns.includes(column) && before[k] !== undefined) expect(decoded.spans[2 * k]).toBeLessThanOrEqual(-2);
            else if (!columns.includes(column)) expect(decoded.spans.slice(2 * k, 2 * k + 2)).toEqual(block.spans.slice(2 * k, 2 * k + 2));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("reads numeric rows (decimal commas, padding, ragged and blank rows) as readCsvStream does, from bytes", async () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map((n) => String(n / 10000)),
      fc.integer({ min: 0, max: 99999 }).map((n) => String(n / 10000).replace(".", ",")),
      fc.constantFrom("", " 0.5 ", "NA", "1", "0.30000000000000004", '"0,5"', "Huế"),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => cells.join(";"));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (rows, cuts, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = `\uFEFFunit;a;b;c${eol}${rows.join(eol)}`;
        const pieces = splitBytes(text, cuts);
        expect(await viaBlocks(pieces)).toEqual(await viaStream(pieces));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("reads bytes that are not UTF-8 (bad, cut and overlong sequences, NUL) as readCsvStream reads them, cut anywhere", async () => {
    const enc = (t: string) => Array.from(new TextEncoder().encode(t));
    const piece = fc.oneof(
      fc.constantFrom(enc("a"), enc("0,5"), enc("0.25"), enc(","), enc(";"), enc("\n"), enc("\r\n"), enc('"'), enc('"x,y"'), enc("Huế"), enc(" "), enc("\u00a0")),
      fc.constantFrom([0xff], [0xfe], [0xc3], [0xe1, 0xbb], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0x00], [0xc2, 0xa0], [0xef, 0xbb, 0xbf]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), async (pieces, cuts) => {
        const chunks = splitByteArray(Uint8Array.from([...enc("unit,a,b\n"), ...pieces.flat()]), cuts);
        expect(await viaBlocks(chunks)).toEqual(await viaStream(chunks));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it("reads into whatever memory it is given: buffers larger than asked, full of old bytes", async () => {
    // The streamed CLI reads blocks into the buffers of blocks already scored.
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(255), fc.nat(64), async (pieces, cuts, fill, extra) => {
        const used: BlockMemory = (bytes) => {
          const buffer = new ArrayBuffer(bytes + extra);
          new Uint8Array(buffer).fill(fill);
          return buffer;
        };
        const text = `unit;a;b\n${pieces.join("")}`;
        for (const chunks of [split(text, cuts), splitBytes(text, cuts)]) expect(await viaBlocks(chunks, {}, used)).toEqual(await viaBlocks(chunks));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("stops at the record-size limit inside a quote left open, without reading the rest of the input", async () => {
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      yield new TextEncoder().encode('unit,a\nHuế,"0,5\n');
      for (; pulled < 100_000; pulled++) yield new TextEncoder().encode("Đà Nẵng,0.25\n".repeat(80));
    }
    const outcome = await viaBlocks(endless(), { maxRecordSize: 10_000 });
    expect(outcome).toEqual({ error: expect.stringMatching(/too (large|long)|10000|10,000/iu) });
    // One block's bytes (512 KiB) are gathered before they are read: about 400 chunks, not 100,000.
    expect(pulled).toBeLessThan(1_000);
  });

  it("stops a line without a line feed at the record-size limit, without gathering the rest of the input", async () => {
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      yield new TextEncoder().encode("unit,a\n");
      for (; pulled < 100_000; pulled++) yield new Uint8Array(1024).fill(120);
    }
    const outcome = await viaBlocks(endless(), { maxRecordSize: 10_000 });
    expect(outcome).toEqual({ error: expect.stringMatching(/DATA_TOO_LARGE/u) });
    expect(pulled).toBeLessThan(1_000);
  });

  it("reads an unended quoted record cut inside a character as the stream does (no early record-size error)", async () => {
    const enc = (t: string) => Array.from(new TextEncoder().encode(t));
    const chunks = [Uint8Array.from([...enc('unit,a\n        "a\ncd'), 0xc3]), Uint8Array.from([0xa9, 0x22, 0x0a])];
    const expected = await viaStream(chunks, { maxRecordSize: 5 });
    expect(expected).toEqual({ rows: [expect.anything(), expect.objectContaining({ cells: ["a\ncdé", undefined] })] });
    expect(await viaBlocks(chunks, { maxRecordSize: 5 })).toEqual(expected);
  });

  it("reads a last line without a line feed in place as the lines before it, and one with quotes by the tokenizer", async () => {
    const last = async (text: string) => {
      let block: CsvBlock | undefined;
      for await (const item of readCsvBlocks([text])) if ("kind" in item) block = item as CsvBlock;
      const r = block!.rows - 1;
      return { numbers: [0, 1, 2].map((c) => block!.numbers[c * block!.rows + r]), inPlace: [0, 1, 2].map((c) => block!.spans[2 * (c * block!.rows + r)]! >= 0), cells: [0, 1, 2].map((c) => blockCell(block!, r, c)) };
    };
    for (const end of ["", "\n"]) {
      expect(await last(`unit,a,b\nHuế,0.5,1\nĐà Nẵng,0.25,12${end}`)).toEqual({ numbers: [NaN, 0.25, 12], inPlace: [true, true, true], cells: ["Đà Nẵng", "0.25", "12"] });
      expect(await last(`unit,a,b\nHuế,0.5,1\nĐà Nẵng,0.25, 12 ${end}`)).toEqual({ numbers: [NaN, 0.25, 12], inPlace: [true, true, true], cells: ["Đà Nẵng", "0.25", "12"] });
      expect(await last(`unit,a,b\nHuế,0.5,1\n"Đà Nẵng",0.25,12${end}`)).toEqual({ numbers: [NaN, NaN, NaN], inPlace: [false, false, false], cells: ["Đà Nẵng", "0.25", "12"] });
    }
  });

  it("cuts a large input into blocks whose rows are the stream's", async () => {
    const lines = ["unit,code,x,y"];
    for (let i = 0; i < 8000; i++) lines.push(`Đơn vị ${i},DV${i},0.${String(i % 9973).padStart(4, "0")},${i % 7 === 0 ? "" : "0,25"}`);
    const text = lines.join("\n");
    const chunks = split(text, [70000, 140000, 200000]);
    let blocks = 0;
    for await (const item of readCsvBlocks(chunks)) if ("kind" in item) blocks++;
    expect(blocks).toBeGreaterThan(1);
    expect(await viaBlocks(chunks)).toEqual(await viaStream(chunks));
  }, 60_000);
});
