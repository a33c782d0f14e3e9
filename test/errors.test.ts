import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareYears, explain, planImprovements } from "../src/analysis.ts";
import { parseCsv } from "../src/csv.ts";
import { findUnit, frameworkColumns, frameworkFromTable, getFramework, parseFramework, parseRuleText, readUnits, score, tableFromRecords } from "../src/index.ts";
import { rankingBarChart, toHTMLReport, toMarkdown } from "../src/report.ts";
import { readXlsx, toTemplateXLSX } from "../src/xlsx.ts";
import { DtiError, error, formatIssue, isDtiError, warning, type Issue } from "../src/errors.ts";

describe("formatIssue", () => {
  it("formats the documented example", () => {
    const issue: Issue = { code: "DATA_NOT_A_NUMBER", severity: "error", row: 5, column: "NTS", unit: "Hà Nội", message: '"abc" is not a number' };
    expect(formatIssue(issue)).toBe('error DATA_NOT_A_NUMBER row 5, column "NTS", unit "Hà Nội": "abc" is not a number');
  });

  it("prints no location when there is none", () => {
    expect(formatIssue({ code: "DATA_EMPTY", severity: "error", message: "the data has no rows" })).toBe("error DATA_EMPTY: the data has no rows");
  });

  it("prints warnings, nodes and paths", () => {
    expect(formatIssue(warning("DATA_MISSING_VALUE", "3 blank values", { node: "awareness" }))).toBe("warning DATA_MISSING_VALUE node awareness: 3 blank values");
    expect(formatIssue(error("FRAMEWORK_RULE_INVALID", "bad", { node: "x", path: "root.children[0].rule" }))).toBe(
      "error FRAMEWORK_RULE_INVALID node x, at root.children[0].rule: bad",
    );
  });

  it("leaves the node out when a column is given", () => {
    expect(formatIssue(error("DATA_OUT_OF_RANGE", "too big", { row: 2, column: "NTS", node: "awareness" }))).toBe(
      'error DATA_OUT_OF_RANGE row 2, column "NTS": too big',
    );
  });

  it("quotes columns and units as JSON strings", () => {
    expect(formatIssue(error("DATA_PARSE", "m", { column: 'a "b"', unit: "x\ny" }))).toBe('error DATA_PARSE column "a \\"b\\"", unit "x\\ny": m');
  });

  it("uses the Vietnamese message when asked and there is one", () => {
    const issue = error("DATA_EMPTY", "the data has no rows", { messageVi: "dữ liệu không có dòng nào" });
    expect(formatIssue(issue, "vi")).toBe("error DATA_EMPTY: dữ liệu không có dòng nào");
    expect(formatIssue(issue, "en")).toBe("error DATA_EMPTY: the data has no rows");
    expect(formatIssue(error("DATA_EMPTY", "the data has no rows"), "vi")).toBe("error DATA_EMPTY: the data has no rows");
  });
});

describe("error and warning", () => {
  it("build issues with their location", () => {
    expect(error("DATA_PARSE", "m", { row: 3, column: "c" })).toEqual({ code: "DATA_PARSE", severity: "error", message: "m", row: 3, column: "c" });
    expect(warning("DATA_UNKNOWN_COLUMN", "m")).toEqual({ code: "DATA_UNKNOWN_COLUMN", severity: "warning", message: "m" });
  });
});

describe("DtiError", () => {
  it("takes its code from the first error, skipping warnings before it", () => {
    const e = new DtiError([warning("DATA_UNKNOWN_COLUMN", "w"), error("DATA_NOT_A_NUMBER", "e1"), error("DATA_EMPTY", "e2")]);
    expect(e.code).toBe("DATA_NOT_A_NUMBER");
    expect(e.issues).toHaveLength(3);
    expect(e.name).toBe("DtiError");
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DtiError);
  });

  it("falls back to the first warning's code, then to USAGE", () => {
    expect(new DtiError([warning("DATA_MISSING_VALUE", "w")]).code).toBe("DATA_MISSING_VALUE");
    expect(new DtiError([]).code).toBe("USAGE");
  });

  it("summarises the errors in its message", () => {
    const e = new DtiError([warning("DATA_UNKNOWN_COLUMN", "w"), error("DATA_NOT_A_NUMBER", '"x" is not a number', { row: 2, column: "NTS" })]);
    expect(e.message).toBe('1 error(s)\nerror DATA_NOT_A_NUMBER row 2, column "NTS": "x" is not a number');
  });

  it("shows at most five errors and counts the rest", () => {
    const issues = Array.from({ length: 7 }, (_, i) => error("DATA_PARSE", `problem ${i + 1}`, { row: i + 2 }));
    const lines = new DtiError(issues).message.split("\n");
    expect(lines[0]).toBe("7 error(s)");
    expect(lines.slice(1, 6)).toEqual([2, 3, 4, 5, 6].map((r) => `error DATA_PARSE row ${r}: problem ${r - 1}`));
    expect(lines[6]).toBe("… and 2 more");
    expect(lines).toHaveLength(7);
  });

  it("lists warnings when there is no error, and takes a custom summary", () => {
    expect(new DtiError([warning("DATA_MISSING_VALUE", "w")]).message).toBe("0 error(s)\nwarning DATA_MISSING_VALUE: w");
    expect(new DtiError([error("USAGE", "x")], "custom").message).toBe("custom");
  });
});

describe("isDtiError", () => {
  it("recognises DtiError and look-alikes from another copy of the library", () => {
    expect(isDtiError(new DtiError([error("USAGE", "x")]))).toBe(true);
    expect(isDtiError({ name: "DtiError", issues: [], code: "USAGE", message: "" })).toBe(true);
  });

  it("rejects everything else", () => {
    expect(isDtiError(new Error("x"))).toBe(false);
    expect(isDtiError({ name: "DtiError" })).toBe(false);
    expect(isDtiError({ name: "DtiError", issues: "no" })).toBe(false);
    expect(isDtiError({ name: "Error", issues: [] })).toBe(false);
    expect(isDtiError(null)).toBe(false);
    expect(isDtiError(undefined)).toBe(false);
    expect(isDtiError("DtiError")).toBe(false);
  });
});

describe("wrong arguments to the public functions", () => {
  const top5 = () => score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));
  const bad: unknown[] = [42, null, undefined, {}, "abc", Buffer.from("{}")];
  // Each call with every wrong argument: a DtiError OPTION_INVALID saying what to pass, never a TypeError.
  const calls: [string, (x: never) => unknown, RegExp][] = [
    ["parseFramework", (x) => parseFramework(x), /parseFramework needs the framework JSON as a string/u],
    ["tableFromRecords", (x) => tableFromRecords(x), /tableFromRecords needs an array of records/u],
    ["getFramework", (x) => getFramework(x), /getFramework needs a built-in framework id as a string/u],
    ["parseRuleText", (x) => parseRuleText(x), /parseRuleText needs the rule as text/u],
    ["frameworkFromTable", (x) => frameworkFromTable(x), /frameworkFromTable needs the criteria table's rows/u],
    ["readUnits", (x) => readUnits(x, getFramework("vn-dti-2022-province")), /readUnits needs a table/u],
    ["findUnit", (x) => findUnit(x, "Hà Nội"), /findUnit needs the result of score\(\)/u],
    ["toMarkdown", (x) => toMarkdown(x), /toMarkdown needs the result of score\(\)/u],
    ["rankingBarChart", (x) => rankingBarChart(x), /rankingBarChart needs the result of score\(\)/u],
    ["explain", (x) => explain(x, top5(), "Quảng Ninh"), /needs a framework/u],
    ["readXlsx", (x) => readXlsx(x), /readXlsx needs the workbook's bytes/u],
    ["compareYears", (x) => compareYears(x, { from: 2022, to: 2023 }), /compareYears needs the result of score\(\)/u],
    ["planImprovements", (x) => planImprovements(getFramework("vn-dti-2022-province"), [], "Quảng Ninh", x), /planImprovements needs options with a goal/u],
    ["frameworkColumns", (x) => frameworkColumns(x), /frameworkColumns needs a framework/u],
    ["toTemplateXLSX", (x) => toTemplateXLSX(x), /toTemplateXLSX needs a framework/u],
    ["toHTMLReport", (x) => toHTMLReport(x), /toHTMLReport needs the result of score\(\)/u],
    // The analyses find their unit as findUnit does, but say so as the analysis.
    ["explain (unit)", (x) => explain(getFramework("vn-dti-2022-province"), top5(), x), /OPTION_INVALID: the analysis needs the unit's name or code as a string/u],
  ];
  it.each(calls)("%s", (_name, call, message) => {
    for (const x of bad) {
      // A string is a valid argument for some (a rule text, a framework id): skip those where it is.
      if (typeof x === "string" && ["parseFramework", "getFramework", "parseRuleText", "explain (unit)"].includes(_name)) continue;
      if (x instanceof Uint8Array && _name === "readXlsx") continue;
      // An object is a framework definition to explain (validateFramework reports what is wrong with it), or options to check.
      if (typeof x === "object" && x !== null && ["explain", "planImprovements"].includes(_name)) continue;
      let thrown: unknown;
      try {
        call(x as never);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `${_name}(${String(x)})`).toBeInstanceOf(DtiError);
      expect((thrown as DtiError).code).toBe("OPTION_INVALID");
      expect((thrown as DtiError).message).toMatch(message);
    }
  });

  it("says what it got", () => {
    expect(() => parseFramework(Buffer.from("{}") as never)).toThrow("parseFramework needs the framework JSON as a string (read the file as UTF-8 text; a parsed object goes to validateFramework) (got bytes)");
    expect(() => tableFromRecords({} as never)).toThrow(/\(got an object\)$/u);
    expect(() => tableFromRecords(null as never)).toThrow(/\(got null\)$/u);
  });
});
