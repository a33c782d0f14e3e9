import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCsvTokenizer, type CsvRecord } from "../../src/input/csv/csv-tokenizer.ts";
import { readCsvStream } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import { startLine, toDtiError } from "../../src/input/csv/parse-csv.ts";

type Outcome = { records: CsvRecord[] } | { error: { code: unknown; lines: unknown; column: unknown } };

/** csv-parse with the options readCsvStream gave it, records with their start lines. */
function reference(text: string, delimiter: string, max: number): Outcome {
  try {
    const parsed = parse(text, {
      delimiter,
      record_delimiter: "\n",
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: max,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: parsed.map(({ record, info }) => ({ cells: record, line: startLine(record, info.lines) })) };
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

/** Splits text at the given positions (any UTF-16 position, also inside a surrogate pair or "\"\""). */
function split(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
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
  });

  it("gives the same records, or the same error (code, line, cell), as csv-parse on any text, limit and chunking", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), delimiterArb, maxArb, fc.array(fc.nat(), { maxLength: 8 }), (pieces, delimiter, max, cuts) => {
        const text = pieces.join("");
        expect(tokenize(split(text, cuts), delimiter, max)).toEqual(reference(text, delimiter, max));
      }),
      { numRuns: 4000 },
    );
  });

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

  it("gives readCsvStream the same DATA_PARSE / DATA_TOO_LARGE issues as csv-parse's errors did", async () => {
    const cases: [string, number][] = [
      ['a,b\n1,"x\n2,3\n', 0],
      ['a,b\n1,"x"y\n', 0],
      ['a,b\n1,"x" y\n', 0],
      ['a,b\n1,x"y\n', 0],
      ["a,b\n1,22222222222\n", 8],
      ['a,b\n1,"2\n\n33333333"\n', 6],
    ];
    for (const [text, max] of cases) {
      let want: unknown;
      try {
        parse(text, { delimiter: ",", record_delimiter: "\n", info: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: max });
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
    }
  });
});
