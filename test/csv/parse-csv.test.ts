import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { isDtiError, type DtiError } from "../../src/errors.ts";
import type { CsvRecord } from "../../src/input/csv/csv-tokenizer.ts";
import { toDtiError } from "../../src/input/csv/parse-csv.ts";
import { csvParse } from "./csv-parse-oracle.ts";

/** Runs `f`, expects a DtiError, returns it. */
function thrown(f: () => unknown): DtiError {
  try {
    f();
  } catch (e) {
    expect(isDtiError(e)).toBe(true);
    return e as DtiError;
  }
  throw new Error("expected a DtiError");
}

describe("parseCsv", () => {
  it("reads a plain comma-separated table", () => {
    const t = parseCsv("unit,awareness\nHà Nội,0.8\nHuế,0.7\n");
    expect(t).toEqual({
      columns: ["unit", "awareness"],
      rows: [
        { line: 2, cells: ["Hà Nội", "0.8"] },
        { line: 3, cells: ["Huế", "0.7"] },
      ],
      format: "csv",
      issues: [],
    });
  });

  it("removes a leading BOM", () => {
    const t = parseCsv("\uFEFFunit,awareness\nHà Nội,0.8\n");
    expect(t.columns).toEqual(["unit", "awareness"]);
    expect(t.columns[0]?.charCodeAt(0)).toBe("u".charCodeAt(0));
    expect(t.rows).toEqual([{ line: 2, cells: ["Hà Nội", "0.8"] }]);
  });

  it("detects ';' and keeps decimal-comma cells as text", () => {
    const t = parseCsv("Tỉnh;Nhận thức số;Điểm\nHà Nội;0,8125;1.234,5\nHuế;0,7;12,5\n");
    expect(t.columns).toEqual(["Tỉnh", "Nhận thức số", "Điểm"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Hà Nội", "0,8125", "1.234,5"],
      ["Huế", "0,7", "12,5"],
    ]);
    expect(t.issues).toEqual([]);
  });

  it("detects tab", () => {
    const t = parseCsv("unit\tcode\tawareness\nHà Nội\t01\t0,8\nHuế\t\t0,7\n");
    expect(t.columns).toEqual(["unit", "code", "awareness"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Hà Nội", "01", "0,8"],
      ["Huế", "", "0,7"],
    ]);
    expect(parseCsv("a\tb\tc\n\t2\t\n").rows).toEqual([{ line: 2, cells: ["", "2", ""] }]);
  });

  it("takes the most frequent delimiter of the header, ignoring those inside quotes", () => {
    const t = parseCsv('"Tỉnh, thành";"a,b";c\nHà Nội;1,5;2\n');
    expect(t.columns).toEqual(["Tỉnh, thành", "a,b", "c"]);
    expect(t.rows[0]?.cells).toEqual(["Hà Nội", "1,5", "2"]);
  });

  it("honours an explicit delimiter over detection", () => {
    const t = parseCsv("a;b,c\n1;2,3\n", { delimiter: "," });
    expect(t.columns).toEqual(["a;b", "c"]);
    expect(t.rows[0]?.cells).toEqual(["1;2", "3"]);
    expect(parseCsv("a;b,c\n1;2,3\n", { delimiter: ";" }).columns).toEqual(["a", "b,c"]);
    expect(parseCsv("a\tb\n1\t2\n", { delimiter: "\t" }).columns).toEqual(["a", "b"]);
    expect(parseCsv("a;b\n1;2\n", { delimiter: "auto" }).columns).toEqual(["a", "b"]);
  });

  it("reads a header with no delimiter as one column, even when rows hold commas", () => {
    const t = parseCsv("Tỉnh\nHà Nội\n0,5\n1;2\n");
    expect(t.columns).toEqual(["Tỉnh"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["Hà Nội"] },
      { line: 3, cells: ["0,5"] },
      { line: 4, cells: ["1;2"] },
    ]);
    expect(t.issues).toEqual([]);
  });

  it("reads quoted cells holding delimiters, doubled quotes and line breaks, with the right line numbers after them", () => {
    const text = [
      "unit,note,awareness",
      '"Hà Nội, thủ đô","nói ""xin chào""",0.8',
      '"Thừa Thiên',
      'Huế","dòng 1',
      "dòng 2",
      'dòng 3",0.7',
      "Đà Nẵng,,0.6",
      "",
      'Cần Thơ,"",0.5',
    ].join("\n");
    const t = parseCsv(text);
    expect(t.issues).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["Hà Nội, thủ đô", 'nói "xin chào"', "0.8"] },
      { line: 3, cells: ["Thừa Thiên\nHuế", "dòng 1\ndòng 2\ndòng 3", "0.7"] },
      { line: 7, cells: ["Đà Nẵng", "", "0.6"] },
      { line: 9, cells: ["Cần Thơ", "", "0.5"] },
    ]);
  });

  it("counts a header spanning lines", () => {
    const t = parseCsv('unit,"Nhận thức\nsố"\nHà Nội,0.8\n');
    expect(t.columns).toEqual(["unit", "Nhận thức\nsố"]);
    expect(t.rows).toEqual([{ line: 3, cells: ["Hà Nội", "0.8"] }]);
  });

  it("normalises NFD headers to NFC and trims them", () => {
    const nfd = "Nhận thức số".normalize("NFD");
    expect(nfd).not.toBe("Nhận thức số");
    const t = parseCsv(`  Tỉnh ,${nfd}  \nHà Nội,0.8\n`);
    expect(t.columns).toEqual(["Tỉnh", "Nhận thức số"]);
    expect(t.columns[1]).toBe("Nhận thức số".normalize("NFC"));
  });

  it("keeps duplicate headers as written", () => {
    const t = parseCsv("unit,a,a\nHà Nội,1,2\n");
    expect(t.columns).toEqual(["unit", "a", "a"]);
    expect(t.rows[0]?.cells).toEqual(["Hà Nội", "1", "2"]);
  });

  it("keeps ragged rows: shorter padded with undefined, longer cut, each reported with its line", () => {
    const t = parseCsv("unit,code,awareness\nHà Nội,01\nHuế,46,0,7\nĐà Nẵng,48,0.6\nCần Thơ\n");
    expect(t.rows).toEqual([
      { line: 2, cells: ["Hà Nội", "01", undefined] },
      { line: 3, cells: ["Huế", "46", "0"] },
      { line: 4, cells: ["Đà Nẵng", "48", "0.6"] },
      { line: 5, cells: ["Cần Thơ", undefined, undefined] },
    ]);
    expect(t.rows[0]?.cells).toHaveLength(3);
    expect(t.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ["DATA_PARSE", "error", 2],
      ["DATA_PARSE", "error", 3],
      ["DATA_PARSE", "error", 5],
    ]);
    const [fewer, more, fewer2] = t.issues;
    expect(fewer?.message).toContain("line 2 has 2 cells but the header has 3");
    expect(fewer?.message).toContain("read as blank");
    expect(more?.message).toContain("line 3 has 4 cells but the header has 3");
    expect(more?.message).toContain("extra cell was not read");
    expect(more?.message).toContain('decimal comma must be quoted ("0,5")');
    expect(fewer2?.message).toContain("line 5 has 1 cell but the header has 3");
  });

  it("reports ragged rows by their first line after multi-line cells", () => {
    const t = parseCsv('a;b\n"x\ny";1;2\n');
    expect(t.rows).toEqual([{ line: 2, cells: ["x\ny", "1"] }]);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]?.row).toBe(2);
    expect(t.issues[0]?.message).toContain("line 2 has 3 cells but the header has 2");
    expect(t.issues[0]?.message).not.toContain("decimal comma");
  });

  it("throws DATA_PARSE with the line for a quote that is never closed", () => {
    const e = thrown(() => parseCsv('unit,awareness\nHà Nội,0.8\n\nHuế,"0.7\nĐà Nẵng,0.6\n'));
    expect(e.code).toBe("DATA_PARSE");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.row).toBe(4);
    expect(e.issues[0]?.message).toBe("the quote opened on line 4 is never closed (the file ends inside it at line 5)");
    expect(e.message).not.toMatch(/\n\s+at /u);
  });

  it("finds the unclosed quote after a closed multi-line cell in the same record", () => {
    const e = thrown(() => parseCsv('a,b,c\n"x\ny",1,"open\nmore\n'));
    expect(e.issues[0]?.row).toBe(3);
  });

  it("throws DATA_PARSE with the line for text after a closing quote", () => {
    const e = thrown(() => parseCsv('unit,note\nHà Nội,"a\nb"\nHuế,"x"y\n'));
    expect(e.code).toBe("DATA_PARSE");
    expect(e.issues[0]?.row).toBe(4);
    expect(e.issues[0]?.message).toContain("line 4 (cell 2): a closing quote is followed by more text");
  });

  it("throws DATA_PARSE with the line for a quote inside an unquoted cell", () => {
    const e = thrown(() => parseCsv('unit,note\nHà Nội,ok\nHuế,5"x\n'));
    expect(e.code).toBe("DATA_PARSE");
    expect(e.issues[0]?.row).toBe(3);
    expect(e.issues[0]?.message).toContain("line 3 (cell 2): a quote inside an unquoted cell");
  });

  it("gives line numbers of the file after a CRLF inside a quoted cell", () => {
    const e = thrown(() => parseCsv('a,b\r\n1,"x\r\ny"\r\n2,"p"q\r\n'));
    expect(e.issues[0]?.row).toBe(4);
  });

  it("returns an empty table with DATA_EMPTY for empty input", () => {
    for (const text of ["", "\uFEFF", "\n\n", "\r\n"]) {
      const t = parseCsv(text);
      expect(t.columns).toEqual([]);
      expect(t.rows).toEqual([]);
      expect(t.format).toBe("csv");
      expect(t.issues.map((i) => [i.code, i.severity])).toEqual([["DATA_EMPTY", "error"]]);
    }
  });

  it("returns the columns, no rows and DATA_EMPTY for a header alone", () => {
    for (const text of ["unit,awareness", "unit,awareness\n", "unit,awareness\r\n\r\n", "unit;awareness\n;\n"]) {
      const t = parseCsv(text);
      expect(t.columns).toEqual(["unit", "awareness"]);
      expect(t.rows).toEqual([]);
      expect(t.issues.map((i) => [i.code, i.severity])).toEqual([["DATA_EMPTY", "error"]]);
    }
  });

  it("reads CRLF line endings, also inside quoted cells, with the file's line numbers", () => {
    const t = parseCsv('unit;note;awareness\r\nHà Nội;"a\r\nb\r\nc";0,8\r\n\r\nHuế;x;0,7\r\n');
    expect(t.issues).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["Hà Nội", "a\nb\nc", "0,8"] },
      { line: 6, cells: ["Huế", "x", "0,7"] },
    ]);
  });

  it("reads old Mac CR line endings", () => {
    const t = parseCsv("unit,a\rHà Nội,1\rHuế,2");
    expect(t.rows).toEqual([
      { line: 2, cells: ["Hà Nội", "1"] },
      { line: 3, cells: ["Huế", "2"] },
    ]);
  });

  it("keeps leading zeros: cells are never cast", () => {
    const t = parseCsv("code,unit,value\n01,Hà Nội,0010\n001,Hà Giang,1e3\n");
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["01", "Hà Nội", "0010"],
      ["001", "Hà Giang", "1e3"],
    ]);
    for (const row of t.rows) for (const cell of row.cells) expect(typeof cell).toBe("string");
  });

  it("skips empty and all-blank lines, trims cells and makes blank cells empty strings", () => {
    const t = parseCsv("unit,a,b\n\n  Hà Nội , 1 ,   \n   \n,,\n ; \nHuế,\u00a02\u00a0,\n");
    expect(t.rows).toEqual([
      { line: 3, cells: ["Hà Nội", "1", ""] },
      // " ; " is a one-cell line of a comma file: kept and reported, not blank
      { line: 6, cells: [";", undefined, undefined] },
      { line: 7, cells: ["Huế", "2", ""] },
    ]);
    expect(t.issues.map((i) => i.row)).toEqual([6]);
  });

  it("accepts spaces around a quoted cell", () => {
    const t = parseCsv('unit, note \nHà Nội, "a, b" \n');
    expect(t.rows[0]?.cells).toEqual(["Hà Nội", "a, b"]);
  });

  it("rejects a non-string input and an unknown delimiter with OPTION_INVALID", () => {
    expect(thrown(() => parseCsv(new Uint8Array([97]) as unknown as string)).code).toBe("OPTION_INVALID");
    expect(thrown(() => parseCsv("a|b", { delimiter: "|" as unknown as "," })).code).toBe("OPTION_INVALID");
  });
});

describe("parseCsv against csv-parse (the oracle)", () => {
  // Pieces of CSV text, well-formed or not, in Vietnamese too, with CRLF line breaks.
  const piece = fc.constantFrom("a", "01", "0,5", "Hà Nội", "Ha\u0300 No\u0323i", "😀", ",", ";", "\n", "\r\n", "\n\n", " ", "\u00a0", '"', '""', '"a,b"', '"a\r\nb"', '"q""q"', ";;");
  it("reads the same rows and lines, or throws the issue csv-parse's error gives, on any text and limit", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(",", ";"), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })), (pieces, delimiter, max) => {
        const text = pieces.join("");
        const body = text.replace(/\r\n?/gu, "\n");
        let records: CsvRecord[];
        try {
          records = csvParse(body, delimiter, max);
        } catch (e) {
          const issues = (toDtiError(e, max || Infinity) as DtiError).issues;
          expect(thrown(() => parseCsv(text, { delimiter, maxRecordSize: max || Infinity })).issues).toEqual(issues);
          return;
        }
        const table = parseCsv(text, { delimiter, maxRecordSize: max || Infinity });
        const rows = records.slice(1).filter((r) => r.cells.some((c) => c !== ""));
        expect(table.rows.map((r) => r.line)).toEqual(rows.map((r) => r.line));
        expect(table.rows.map((r) => r.cells.filter((c) => c !== undefined))).toEqual(rows.map((r) => r.cells.slice(0, table.columns.length)));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
