import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { readJsonRecords } from "../../src/input/read-json.ts";
import { cli } from "../cli/helpers.ts";

const thrown = (text: string) => {
  try {
    readJsonRecords(text, "d.json");
  } catch (e) {
    return (e as DtiError).issues.map((i) => [i.code, i.message]);
  }
  return [];
};

describe("readJsonRecords", () => {
  it("reports a key written twice in a record, with the record number, key, line and column", () => {
    const t = readJsonRecords('[\n  {"unit": "Huế", "a": 0.5},\n  {"unit": "Hà Nội", "a": 0.6, "unit": "Hà Nam"}\n]', "d.json");
    expect(t.issues.map((i) => [i.code, i.severity, i.row, i.column, i.message])).toEqual([
      [
        "DATA_DUPLICATE_COLUMN",
        "error",
        2,
        "unit",
        'd.json: record 2 has the key "unit" twice (line 3, column 32); JSON keeps only the last value: keep one of them',
      ],
    ]);
  });

  it("numbers records the same way inside { \"units\": [...] }, and reports a top-level key written twice", () => {
    const t = readJsonRecords('{"units": [{"unit": "A", "a": 1, "a": 2}], "units": [{"unit": "B"}]}', "d.json");
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([
      ["DATA_DUPLICATE_COLUMN", 1],
      ["DATA_PARSE", undefined],
    ]);
  });

  it("warns about keys beside \"units\" that are not read", () => {
    const t = readJsonRecords('{"year": 2024, "units": [{"unit": "A", "a": 1}], "framework": "vn-dti-2022-province"}', "d.json");
    expect(t.rows).toHaveLength(1);
    expect(t.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        "DATA_UNKNOWN_COLUMN",
        "warning",
        'd.json: the keys "year", "framework" beside "units" are not read: only the records in "units" are (put a value every unit shares, such as the year, in each record)',
      ],
    ]);
    expect(readJsonRecords('{"data": [], "note": "x"}', "d.json").issues.map((i) => i.message)).toEqual([
      'd.json: the key "note" beside "data" is not read: only the records in "data" are (put a value every unit shares, such as the year, in each record)',
    ]);
    expect(readJsonRecords('{"units": []}', "d.json").issues).toEqual([]);
  });

  it("says where invalid JSON is: line and column", () => {
    expect(thrown('[\n  {"unit": "A", "a": 1,}\n]')).toEqual([["DATA_PARSE", "d.json is not valid JSON at line 2, column 24: expected a key in double quotes"]]);
    expect(thrown('\uFEFF[{"unit": "A"')).toEqual([["DATA_PARSE", 'd.json is not valid JSON at line 1, column 14: the text ends where "," or "}" was expected']]);
    expect(thrown('{"rows": []}')).toEqual([["DATA_NOT_A_ROW", 'd.json must hold an array of records, or an object with a "units" array']]);
  });

  it("reads JSON -0 as 0", () => {
    const t = readJsonRecords('[{"unit": "A", "a": -0, "b": -0.0e0}]', "d.json");
    expect(t.rows[0]?.cells.slice(1).map((c) => Object.is(c, 0))).toEqual([true, true]);
  });
});

describe("dti with JSON data", () => {
  const fw = JSON.stringify({
    id: "mini",
    version: "1",
    title: { vi: "Mini" },
    root: { id: "total", name: { vi: "Tổng" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] },
  });

  it("a duplicate \"unit\" key no longer renames the unit silently: exit 1", async () => {
    const r = await cli(["score", "d.json", "--framework", "mini.json"], { "mini.json": fw, "d.json": '[{"unit": "Huế", "a": 0.5, "unit": "Hà Nội"}]' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error DATA_DUPLICATE_COLUMN row 1, column "unit": d.json: record 1 has the key "unit" twice (line 1, column 28)');
  });

  it("JSON -0 scores as 0, as CSV -0 does", async () => {
    const json = await cli(["score", "d.json", "--framework", "mini.json", "--format", "json"], { "mini.json": fw, "d.json": '[{"unit": "Huế", "a": -0}]' });
    const csv = await cli(["score", "d.csv", "--framework", "mini.json", "--format", "json"], { "mini.json": fw, "d.csv": "unit,a\nHuế,-0\n" });
    expect([json.code, csv.code]).toEqual([0, 0]);
    expect(JSON.parse(json.stdout).units[0].value).toBe("0.0000");
    expect(JSON.parse(csv.stdout).units[0].value).toBe("0.0000");
  });

  it("warns about keys beside \"units\" and still scores", async () => {
    const r = await cli(["score", "d.json", "--framework", "mini.json"], { "mini.json": fw, "d.json": '{"year": 2024, "units": [{"unit": "Huế", "a": 0.5}]}' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning DATA_UNKNOWN_COLUMN: d.json: the key "year" beside "units" is not read');
  });

  it("invalid JSON data says the line and column", async () => {
    const r = await cli(["score", "d.json", "--framework", "mini.json"], { "mini.json": fw, "d.json": '[{"unit": "Huế",\n "a": 0.5,]' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("d.json is not valid JSON at line 2, column 11: expected a key in double quotes");
  });
});
