import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { split } from "../helpers/split-text.ts";
import { createCsvTokenizer, type CsvRecord } from "../../src/input/csv/csv-tokenizer.ts";
import { parseCsv, readCsvStream } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import { toDtiError } from "../../src/input/csv/parse-csv.ts";
import { csvParse } from "./csv-parse-oracle.ts";

type Outcome = { records: CsvRecord[] } | { error: { code: unknown; lines: unknown; column: unknown } };

/** csv-parse (the oracle) with dti's options, records with their start lines. */
function reference(text: string, delimiter: string, max: number): Outcome {
  try {
    return { records: csvParse(text, delimiter, max) };
  } catch (e) {
    const err = e as Record<string, unknown>;
    return { error: { code: err["code"], lines: err["lines"], column: err["column"] } };
  }
}

function tokenize(chunks: readonly string[], delimiter: string, max: number): Outcome {
  const t = createCsvTokenizer(delimiter, max);
  const records: CsvRecord[] = [];
  try {
    for (const chunk of chunks) records.push(...t.push(chunk));
    records.push(...t.end());
    return { records };
  } catch (e) {
    const err = e as Record<string, unknown>;
    return { error: { code: err["code"], lines: err["lines"], column: err["column"] } };
  }
}

// Pieces of CSV text, well-formed or not: quotes, delimiters, line ends, spaces csv-parse trims
// (incl. multi-byte ones), Vietnamese in NFC and decomposed, an astral character.
const piece = fc.constantFrom(
  "a", "01", "0,5", "Hà Nội", "Ha\u0300 No\u0323i", "Bắc Ninh", "Thừa Thiên Huế", "😀", "x y",
  ",", ";", "\t", "\n", "\n\n", " ", "  ", "\u00a0", "\u3000", "\u2028", "\ufeff",
  '"', '""', '"a"', '"a,b"', '"a\nb"', '"q""q"', '" s "', '""""', "'",
);
const delimiterArb = fc.constantFrom(",", ";", "\t");
const maxArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }));

/** Well-formed CSV: fields quoted when they need it (or at random), rows of varying width. */
const cellText = fc.array(fc.constantFrom("a", "Hà Nội", "Ha\u0300 No\u0323i", "0,5", " ", ",", ";", "\t", "\n", '"', "😀", "1.5", ""), { maxLength: 4 }).map((p) => p.join(""));
const wellFormed = fc
  .tuple(
    delimiterArb,
    fc.array(fc.array(fc.tuple(cellText, fc.boolean(), fc.constantFrom("", " ", "  ")), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([d, rows, finalBreak]) => {
    const line = (row: [string, boolean, string][]) =>
      row
        .map(([text, quote, pad]) => {
          const needs = /["\n,;\t]|^\s|\s$/u.test(text) || text.length === 0;
          return quote || needs ? `${pad}"${text.replace(/"/gu, '""')}"${pad}` : text;
        })
        .join(d);
    return { delimiter: d, text: rows.map(line).join("\n") + (finalBreak ? "\n" : "") };
  });

describe("createCsvTokenizer", () => {
  it("reads well-formed CSV exactly as csv-parse, whatever the chunking", () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 8 }), ({ delimiter, text }, cuts) => {
        const want = reference(text, delimiter, 0);
        expect("records" in want).toBe(true);
        expect(tokenize(split(text, cuts), delimiter, 0)).toEqual(want);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("gives the same records, or the same error (code, line, cell), as csv-parse on any text, limit and chunking", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), delimiterArb, maxArb, fc.array(fc.nat(), { maxLength: 8 }), (pieces, delimiter, max, cuts) => {
        const text = pieces.join("");
        expect(tokenize(split(text, cuts), delimiter, max)).toEqual(reference(text, delimiter, max));
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it("splits at every position of one text alike", () => {
    const text = ' "Hà Nội" ,"a ""b""\nc";Ha\u0300 No\u0323i😀\n\n  \n01,"0,5" \n"" ""\u00a0,x\n';
    for (const delimiter of [",", ";"]) {
      const want = reference(text, delimiter, 0);
      for (let i = 0; i <= text.length; i++) {
        for (let j = i; j <= text.length; j += 5) expect(tokenize(split(text, [i, j]), delimiter, 0)).toEqual(want);
      }
    }
  });

  it("reads records and lines (a known example)", () => {
    const t = createCsvTokenizer(",", 0);
    expect(t.push('a,"b\n""c"""\n1,')).toEqual([{ cells: ["a", 'b\n"c"'], line: 1 }]);
    expect(t.end()).toEqual([{ cells: ["1", ""], line: 3 }]);
  });

  it("throws csv-parse's errors with their lines: unclosed quote, bad quotes, too large", () => {
    expect(tokenize(['a\n"b\nc\n'], ",", 0)).toEqual({ error: { code: "CSV_QUOTE_NOT_CLOSED", lines: 3, column: 0 } });
    expect(tokenize(['a\nx,"b"c'], ",", 0)).toEqual({ error: { code: "CSV_INVALID_CLOSING_QUOTE", lines: 2, column: 1 } });
    expect(tokenize(['a\nb"c'], ",", 0)).toEqual({ error: { code: "INVALID_OPENING_QUOTE", lines: 2, column: 0 } });
    expect(tokenize(["ab\nabcdefgh\n"], ",", 5)).toEqual({ error: { code: "CSV_MAX_RECORD_SIZE", lines: 2, column: 0 } });
  });

  it("gives parseCsv and readCsvStream the same DATA_PARSE / DATA_TOO_LARGE issues as csv-parse's errors give", async () => {
    const cases: [string, number][] = [
      ['a,b\n1,"x\n2,3\n', 0],
      ['a,b\n1,"x"y\n', 0],
      ['a,b\n1,"x" y\n', 0],
      ['a,b\n1,x"y\n', 0],
      ["a,b\n1,22222222222\n", 8],
      ['a,b\n1,"2\n\n33333333"\n', 6],
      // Quotes never closed, reported where they opened: at the end of the text, or where the
      // record-size limit stops reading (also when it stops on a line break).
      ['a,b\n1,2\n\n3,"x\n4,4\n5,5\n', 0],
      ['a,b\n1,2\n3,""  "\n4,4\n', 0],
      ['a,b\n1,"x""\ny""\n4,4\n5,5\n6,6\n', 12],
      [`a,b\n1,1\n2,"open\n${"y,1\n".repeat(40)}`, 100],
      [`a,b\n1,1\n2,"open\n${"y,1\n".repeat(40)}`, 99],
      [`a,b\n1,1\n2,"open\n${"yy,1\n".repeat(40)}`, 20],
    ];
    for (const [text, max] of cases) {
      let want: unknown;
      try {
        // csv-parse tells an open quote's line by its unfinished record.
        csvParse(text, ",", max);
      } catch (e) {
        want = (toDtiError(e, max || Infinity) as DtiError).issues;
      }
      expect(want).toBeDefined();
      const got = await (async () => {
        try {
          for await (const _ of readCsvStream([text], { maxRecordSize: max || Infinity })) void _;
        } catch (e) {
          return (e as DtiError).issues;
        }
        return undefined;
      })();
      expect(got).toEqual(want);
      expect(() => parseCsv(text, { maxRecordSize: max || Infinity })).toThrow(expect.objectContaining({ issues: want }));
    }
  });

  it("names the line where a quote never closed opened, the same for parseCsv and readCsvStream, at any limit and chunking", async () => {
    // Rows, one of them with a quote that is never closed; a limit that stops reading inside it or not.
    const row = fc.array(fc.constantFrom("a", "Hà Nội", "0,5", '"q"', '"a""b"', '"x\ny"', " ", ""), { minLength: 1, maxLength: 3 }).map((cells) => cells.join(","));
    const arb = fc.tuple(fc.array(row, { maxLength: 6 }), fc.array(row, { maxLength: 12 }), fc.constantFrom("open", 'a""b', "x\n", "", '""'), fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 80 })), fc.array(fc.nat(), { maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([before, after, start, max, cuts]) => {
        const head = `h1,h2\n${before.map((r) => `${r}\n`).join("")}`;
        const text = `${head}u,"${start}\n${after.map((r) => `${r}\n`).join("")}`;
        const limit = max === 0 ? Infinity : max;
        let whole: DtiError | undefined;
        try {
          parseCsv(text, { delimiter: ",", maxRecordSize: limit });
        } catch (e) {
          whole = e as DtiError;
        }
        let streamed: DtiError | undefined;
        try {
          for await (const _ of readCsvStream(split(text, cuts), { delimiter: ",", maxRecordSize: limit })) void _;
        } catch (e) {
          streamed = e as DtiError;
        }
        expect(streamed?.issues).toEqual(whole?.issues);
        // Where the text has no other bad quote, the quote left open is on the line after the
        // rows before it (quoted line breaks included), unless the limit stopped reading earlier.
        const quoteLine = head.split("\n").length;
        const issue = whole?.issues[0];
        if (issue?.code === "DATA_PARSE" && /quote opened on line/u.test(issue.message) && !before.some((r) => /"x\ny"/u.test(r))) expect(issue.row).toBe(quoteLine);
      }),
      { numRuns: 1500, seed: 20261201 },
    );
  });

  it("an unclosed quote on line 900,000 is DATA_PARSE at line 900,000, not DATA_TOO_LARGE where the limit stopped reading", async () => {
    // Short rows up to the quote, then rows of 100 characters: the 1,000,000-character limit
    // stops reading about 10,000 lines after the quote.
    const text = (quoteLine: number) => `unit,a\n${"u,1\n".repeat(quoteLine - 2)}u,"1\n${`v,${"1".repeat(100)}\n`.repeat(12_000)}`;
    const failure = async (read: () => Promise<unknown> | unknown) => {
      try {
        await read();
      } catch (e) {
        return e as DtiError;
      }
      return undefined;
    };
    const big = text(900_000);
    const streamed = await failure(async () => {
      for await (const _ of readCsvStream(split(big, [1 << 16, 1 << 20, 3 << 20]))) void _;
    });
    expect(streamed?.issues.map((i) => [i.code, i.row])).toEqual([["DATA_PARSE", 900_000]]);
    expect(streamed?.issues[0]?.message).toMatch(/^the quote opened on line 900000 is not closed within 1,000,000 characters \(reading stopped at line 909\d\d\d\)/u);
    // The whole-text path on 90,000 lines, to keep the test short: the same issue.
    const whole = await failure(() => parseCsv(text(90_000)));
    const streamedSmall = await failure(async () => {
      for await (const _ of readCsvStream([text(90_000)])) void _;
    });
    expect(whole?.issues.map((i) => [i.code, i.row])).toEqual([["DATA_PARSE", 90_000]]);
    expect(streamedSmall?.issues).toEqual(whole?.issues);
    // A row over the limit on one line stays DATA_TOO_LARGE, quoted or not.
    expect(() => parseCsv(`unit,a\nu,${"1".repeat(200)}\n`, { maxRecordSize: 100 })).toThrow(/line 2: a row is longer than 100 characters/u);
    expect(() => parseCsv(`unit,a\nu,"${"1".repeat(200)}\n`, { maxRecordSize: 100 })).toThrow(/line 2: a row is longer than 100 characters/u);
  }, 120_000);
});
