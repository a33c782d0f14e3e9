import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { score } from "../../src/pipeline/score.ts";
import { csvCell } from "../../src/report/escape.ts";
import { toCSV } from "../../src/report/to-csv.ts";
import { tiny, tinyResult } from "./helpers.ts";

describe("csvCell (OWASP CSV injection)", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "\"'\rx\""],
  ])("neutralises %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it("leaves ordinary text alone and quotes delimiters and quotes", () => {
    expect(csvCell("Đà Nẵng")).toBe("Đà Nẵng");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("=a;b", ";")).toBe("\"'=a;b\"");
  });
});

describe("toCSV", () => {
  it("neutralises formulas in unit names, codes and groups, and reads back", () => {
    const r = score(tiny, [
      { unit: "=HYPERLINK(\"http://x\")", code: "@01", group: "+G", a: 0.5, b: 0.5 },
      { unit: "-Đà Nẵng", code: "02", group: "G", a: 0.4, b: 0.4 },
    ], { columns: { code: "code", group: "group" } });
    const csv = toCSV(r);
    const table = parseCsv(csv);
    const units = table.rows.map((row) => row.cells[table.columns.indexOf("unit")]);
    expect(units).toEqual(["'=HYPERLINK(\"http://x\")", "'-Đà Nẵng"]);
    expect(csv).toContain(",'@01,'+G,");
  });
  it("starts with a UTF-8 BOM only when asked", () => {
    expect(toCSV(tinyResult(), { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(toCSV(tinyResult()).charCodeAt(0)).not.toBe(0xfeff);
  });
  it("writes decimal commas with a ; delimiter and leaves missing values empty", () => {
    const lines = toCSV(tinyResult(), { decimalComma: true, delimiter: ";" }).split("\r\n");
    expect(lines[0]).toBe("rank;unit;dti;a;a_rank;b;b_rank;coverage");
    expect(lines[4]).toBe("4;Cà Mau;0,2000;0,2000;4;;;0,5");
  });
  it("with decimal commas, every number column follows, coverage too", () => {
    const r = score(tiny, [{ unit: "A", a: 0.5, b: 0.5 }, { unit: "B", a: 0.4, b: "" }, { unit: "C", a: "", b: "" }], { missing: "reweight" });
    const table = parseCsv(toCSV(r, { decimalComma: true, delimiter: ";" }), { delimiter: ";" });
    const coverage = table.rows.map((row) => row.cells[table.columns.indexOf("coverage")]);
    expect(coverage).toEqual(["1", "0,5", "0"]);
    // Every cell of a number column is written with a comma, never a point.
    for (const row of table.rows) for (const cell of row.cells) expect(String(cell)).not.toMatch(/^\d+\.\d+$/u);
    expect(toCSV(r).split("\r\n")[2]?.endsWith(",0.5")).toBe(true);
  });
});
