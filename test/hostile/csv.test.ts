import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { MAX_RECORD_SIZE } from "../../src/input/csv/parse-csv.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { outcome, thrownCodes } from "../helpers/outcome.ts";
import { HEADER, ward } from "./fixtures.ts";

const codesOf = (csv: string) => validate(ward, parseCsv(csv)).errors.map((e) => e.code);

describe("hostile CSV: every case is a typed issue, never a crash or a silent drop", () => {
  it("malformed quoting is DATA_PARSE with the line", () => {
    const unclosed = outcome(() => parseCsv(`${HEADER}\nHuế,20,"1,2,Chưa có\nHà Nội,1,1,1,Chưa có\n`));
    expect(unclosed.kind).toBe("dti");
    if (unclosed.kind === "dti") {
      expect(unclosed.codes).toEqual(["DATA_PARSE"]);
      expect(unclosed.issues[0]?.row).toBe(2);
    }
    expect(thrownCodes(() => parseCsv(`${HEADER}\nHu"ế,20,1,2,Chưa có\n`))).toEqual(["DATA_PARSE"]);
    expect(thrownCodes(() => parseCsv(`${HEADER}\n"Huế"x,20,1,2,Chưa có\n`))).toEqual(["DATA_PARSE"]);
  });

  it("ragged rows are reported with their line and the other rows still read", () => {
    const table = parseCsv(`${HEADER}\nHuế,20,1,2\nHà Nội,25,1,2,Chưa có,extra\nĐà Nẵng,30,2,2,Bí thư/Chủ tịch\n`);
    expect(table.issues.map((i) => [i.code, i.row])).toEqual([
      ["DATA_PARSE", 2],
      ["DATA_PARSE", 3],
    ]);
    expect(table.rows).toHaveLength(3);
    const report = validate(ward, table);
    // The short row's missing cell is also a missing value: nothing is dropped silently.
    expect(report.errors.map((e) => e.code)).toEqual(["DATA_PARSE", "DATA_PARSE", "DATA_MISSING_VALUE"]);
  });

  it("empty files, blank files, a lone BOM and a header without rows are DATA_EMPTY", () => {
    for (const text of ["", "\n\n\n", "\uFEFF", " ", `${HEADER}\n`, `${HEADER}\n,,,,\n,,\n`]) {
      expect(codesOf(text), JSON.stringify(text)).toContain("DATA_EMPTY");
      expect(thrownCodes(() => score(ward, parseCsv(text)))).toContain("DATA_EMPTY");
    }
  });

  it("a UTF-8 BOM is removed (header matches); a U+FEFF elsewhere is not mistaken for one", () => {
    const r = score(ward, parseCsv(`\uFEFF${HEADER}\nHuế,30,1,1,Bí thư/Chủ tịch\n`));
    expect(r.units[0]?.value).toBe("1.0000");
    expect(codesOf(`${HEADER}\n\uFEFFHuế,30,1,1,Bí thư/Chủ tịch\n`)).toEqual([]);
  });

  it("text that was not UTF-8 (U+FFFD) or UTF-16 read as UTF-8 (NUL) is DATA_ENCODING with its line", () => {
    // "Hà Nội" saved as Windows-1258 and decoded as UTF-8: the non-ASCII bytes become U+FFFD.
    const latin = new TextDecoder("utf-8").decode(new Uint8Array([...Buffer.from(`${HEADER}\n`), 0x48, 0xe0, 0x20, 0x4e, 0x1ed9 & 0xff, 0x69, ...Buffer.from(",30,1,1,Chưa có\n")]));
    expect(latin).toContain("\uFFFD");
    const table = parseCsv(latin);
    expect(table.issues.map((i) => [i.code, i.row])).toEqual([["DATA_ENCODING", 2]]);
    expect(thrownCodes(() => score(ward, table))).toEqual(["DATA_ENCODING"]);

    const utf16 = Buffer.from(`\uFEFF${HEADER}\nHuế,30,1,1,Chưa có\n`, "utf16le").toString("utf8");
    const t16 = parseCsv(utf16);
    expect(t16.issues[0]?.code).toBe("DATA_ENCODING");
    expect(t16.issues[0]?.message).toMatch(/U\+FFFD|UTF-16/u);
  });

  it("NaN, Infinity, 1e309, -Infinity and hex are not numbers; negative points are out of range", () => {
    const rows = ["NaN", "Infinity", "1e309", "-Infinity", "0x10", "1e99999999999999999999", "--1"].map((v, i) => `U${i},${v},1,1,Chưa có`);
    expect(codesOf(`${HEADER}\n${rows.join("\n")}\n`)).toEqual(new Array(rows.length).fill("DATA_NOT_A_NUMBER"));
    expect(codesOf(`${HEADER}\nHuế,-1,1,1,Chưa có\nHà Nội,20,-1,2,Chưa có\nHải Phòng,20,3,2,Chưa có\n`)).toEqual([
      "DATA_OUT_OF_RANGE",
      "DATA_OUT_OF_RANGE",
      "DATA_OUT_OF_RANGE",
    ]);
    // Tiny and long numbers are exact, not crashes: 1e-400 points is 0.0000.
    const r = score(ward, parseCsv(`${HEADER}\nHuế,1e-400,0.${"3".repeat(500)},1,Chưa có\n`));
    expect(r.units[0]?.value).toBe("0.1333");
  });

  it("JSON NaN and Infinity from code are refused", () => {
    const report = validate(ward, [{ unit: "Huế", awareness: Number.NaN, "services.a": Number.POSITIVE_INFINITY, "services.b": 1, steering: "Chưa có" }]);
    expect(report.errors.map((e) => e.code)).toEqual(["DATA_NOT_A_NUMBER", "DATA_NOT_A_NUMBER"]);
  });

  it("duplicate headers are DATA_DUPLICATE_COLUMN, also when they differ only in Unicode form or case", () => {
    expect(codesOf(`${HEADER},awareness\nHuế,1,1,1,Chưa có,2\n`)).toEqual(["DATA_DUPLICATE_COLUMN"]);
    const nfd = "Nhận thức số".normalize("NFD");
    expect(codesOf(`unit,Nhận thức số,${nfd.toUpperCase()},services.a,services.b,steering\nHuế,1,2,1,1,Chưa có\n`)).toEqual(["DATA_DUPLICATE_COLUMN"]);
  });

  it("a 100 MB single line stops at maxRecordSize with DATA_TOO_LARGE, in well under a few seconds", () => {
    const hundredMB = 100 * 1024 * 1024;
    const started = performance.now();
    const oneCell = `${HEADER}\nHuế,${"9".repeat(hundredMB)}\n`;
    const a = outcome(() => parseCsv(oneCell));
    const manyCells = "1,".repeat(hundredMB / 2);
    const b = outcome(() => parseCsv(manyCells));
    const elapsed = performance.now() - started;
    for (const o of [a, b]) {
      expect(o.kind).toBe("dti");
      if (o.kind === "dti") {
        expect(o.codes).toEqual(["DATA_TOO_LARGE"]);
        expect(o.issues[0]?.message).toContain(String(MAX_RECORD_SIZE));
      }
    }
    if (a.kind === "dti") expect(a.issues[0]?.row).toBe(2);
    // Bounded work: the parser stops after 1,000,000 characters of the line instead of reading
    // 100 MB of cells (about 6 s and 17 s without the limit). The bound is loose on purpose (a
    // shared 2-core machine).
    expect(elapsed).toBeLessThan(5000);
  });

  it("maxRecordSize is an option; bad values are OPTION_INVALID", () => {
    expect(thrownCodes(() => parseCsv(`${HEADER}\nHuế,30,1,1,Chưa có\n`, { maxRecordSize: 10 }))).toEqual(["DATA_TOO_LARGE"]);
    expect(parseCsv(`${HEADER}\nHuế,30,1,1,Chưa có\n`, { maxRecordSize: Number.POSITIVE_INFINITY }).rows).toHaveLength(1);
    for (const bad of [0, -1, 1.5, Number.NaN, "10"]) {
      expect(thrownCodes(() => parseCsv(HEADER, { maxRecordSize: bad as number }))).toEqual(["OPTION_INVALID"]);
    }
  });

  it("a long cell's text is cut in messages", () => {
    const report = validate(ward, parseCsv(`${HEADER}\nHuế,${"x".repeat(5000)},1,1,Chưa có\n`));
    expect(report.errors[0]?.code).toBe("DATA_NOT_A_NUMBER");
    expect(report.errors[0]?.message.length).toBeLessThan(200);
    expect(report.errors[0]?.message).toContain("(5,000 characters)");
  });
});
