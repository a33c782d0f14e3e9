import { describe, expect, it } from "vitest";
import { tableFromRecords } from "../../src/input/table.ts";
import { MAX_NAME_LENGTH } from "../../src/text/clean-name.ts";

describe("tableFromRecords", () => {
  it("takes the union of keys in first-seen order; a missing key is undefined", () => {
    const t = tableFromRecords([
      { unit: "Hà Nội", awareness: 0.8 },
      { unit: "Huế", code: "46", awareness: "0,7" },
      { services: true, unit: "Đà Nẵng" },
    ]);
    expect(t.format).toBe("json");
    expect(t.issues).toEqual([]);
    expect(t.columns).toEqual(["unit", "awareness", "code", "services"]);
    expect(t.rows).toEqual([
      { line: 1, cells: ["Hà Nội", 0.8, undefined, undefined] },
      { line: 2, cells: ["Huế", "0,7", "46", undefined] },
      { line: 3, cells: ["Đà Nẵng", undefined, undefined, true] },
    ]);
    for (const row of t.rows) expect(row.cells).toHaveLength(4);
  });

  it("keeps scalar cells as they are: strings, numbers, booleans, null", () => {
    const t = tableFromRecords([{ a: "01", b: 1, c: false, d: null, e: "" }]);
    expect(t.rows[0]?.cells).toEqual(["01", 1, false, null, ""]);
  });

  it("gives an empty table for no records", () => {
    expect(tableFromRecords([])).toEqual({ columns: [], rows: [], format: "json", issues: [] });
  });

  it("reports records that are not objects, by their 1-based number, and keeps the others' numbers", () => {
    const t = tableFromRecords([{ unit: "A" }, 42, "x", null, [1, 2], { unit: "B" }]);
    expect(t.rows).toEqual([
      { line: 1, cells: ["A"] },
      { line: 6, cells: ["B"] },
    ]);
    expect(t.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ["DATA_NOT_A_ROW", "error", 2],
      ["DATA_NOT_A_ROW", "error", 3],
      ["DATA_NOT_A_ROW", "error", 4],
      ["DATA_NOT_A_ROW", "error", 5],
    ]);
    expect(t.issues.map((i) => i.message)).toEqual([
      "record 2 is 42, not an object",
      'record 3 is "x", not an object',
      "record 4 is null, not an object",
      "record 5 is an array, not an object",
    ]);
  });

  it("reports nested objects and arrays as cells, keeping the row with the cell blank", () => {
    const t = tableFromRecords([{ unit: "A", scores: { a: 1 }, list: [1], ok: 1 }]);
    expect(t.columns).toEqual(["unit", "scores", "list", "ok"]);
    expect(t.rows).toEqual([{ line: 1, cells: ["A", undefined, undefined, 1] }]);
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["DATA_NOT_A_ROW", 1, "scores"],
      ["DATA_NOT_A_ROW", 1, "list"],
    ]);
    expect(t.issues[0]?.message).toBe('record 1, key "scores": a cell must be a string, number, boolean or null');
  });

  it("normalises keys to NFC and trims them", () => {
    const nfd = "Nhận thức số".normalize("NFD");
    const t = tableFromRecords([{ [nfd]: 0.5, " unit ": "A" }, { "Nhận thức số": 0.6, unit: "B" }]);
    expect(t.columns).toEqual(["Nhận thức số", "unit"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      [0.5, "A"],
      [0.6, "B"],
    ]);
  });

  it("reports two keys of one record that normalise to the same column, reading the first", () => {
    const t = tableFromRecords([{ unit: "A", " unit ": "B" }, { unit: "C" }]);
    expect(t.columns).toEqual(["unit"]);
    expect(t.rows.map((r) => r.cells)).toEqual([["A"], ["C"]]);
    expect(t.issues.map((i) => [i.code, i.row, i.column, i.message])).toEqual([
      ["DATA_DUPLICATE_COLUMN", 1, "unit", 'record 1 has both "unit" and " unit ", which name the same column "unit"; keep one of them (the first is read)'],
    ]);
    // NFC and NFD spellings, and a zero-width space, name one column too (6 pairs in all).
    const nfd = "Nhận thức số".normalize("NFD");
    for (const [a, b] of [["unit", " unit "], ["unit", "unit\u200b"], ["\ufeffunit", "unit"], ["Nhận thức số", nfd], [nfd, "Nhận thức số\u00ad"], ["unit\t", "\u2060unit"]]) {
      const twice = tableFromRecords([{ [a as string]: 1, [b as string]: 2 }]);
      expect(twice.issues.map((i) => i.code), JSON.stringify([a, b])).toEqual(["DATA_DUPLICATE_COLUMN"]);
      expect(twice.rows[0]?.cells).toEqual([1]);
    }
  });

  it("reads a JSON -0 as 0, as a CSV \"-0\" is", () => {
    const t = tableFromRecords(JSON.parse('[{"unit": "A", "a": -0, "b": -0.0, "c": -0e5}]') as unknown[]);
    for (const cell of t.rows[0]!.cells.slice(1)) expect(Object.is(cell, 0), String(cell)).toBe(true);
  });

  it("removes invisible characters from headers as shown, and keys longer than MAX_NAME_LENGTH are DATA_TOO_LARGE", () => {
    const t = tableFromRecords([{ "\u200bTỉnh\u200e": "Huế", ["x".repeat(MAX_NAME_LENGTH + 1)]: 1 }]);
    expect(t.columns).toEqual(["Tỉnh"]);
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([["DATA_TOO_LARGE", 1]]);
  });

  it("reads __proto__ and constructor as plain column names without polluting prototypes", () => {
    const records = JSON.parse('[{"__proto__": "x", "constructor": "y", "unit": "A"}, {"__proto__": {"polluted": true}, "unit": "B"}]') as unknown[];
    expect(Object.keys(records[0] as object)).toContain("__proto__");
    const t = tableFromRecords(records);
    expect(t.columns).toEqual(["__proto__", "constructor", "unit"]);
    expect(t.rows).toEqual([
      { line: 1, cells: ["x", "y", "A"] },
      { line: 2, cells: [undefined, undefined, "B"] },
    ]);
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([["DATA_NOT_A_ROW", 2, "__proto__"]]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.getPrototypeOf(t.rows)).toBe(Array.prototype);
    expect(Object.getPrototypeOf(t.rows[0]?.cells)).toBe(Array.prototype);
  });

  it("handles toString, hasOwnProperty and valueOf as plain keys", () => {
    const t = tableFromRecords(JSON.parse('[{"toString": 1, "hasOwnProperty": 2, "valueOf": 3}]') as unknown[]);
    expect(t.columns).toEqual(["toString", "hasOwnProperty", "valueOf"]);
    expect(t.rows[0]?.cells).toEqual([1, 2, 3]);
  });
});

describe("tableFromRecords: encoding", () => {
  it("reports U+FFFD in a header or a text cell once, as DATA_ENCODING", () => {
    const t = tableFromRecords([{ unit: "Hà Nội", a: 1 }, { unit: "H\uFFFD N\uFFFDi", a: 2 }, { unit: "\uFFFD", a: 3 }]);
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([["DATA_ENCODING", 2, "unit"]]);
    expect(tableFromRecords([{ "Nh\uFFFDn th\uFFFDc s\uFFFD": 1 }]).issues.map((i) => [i.code, i.row])).toEqual([["DATA_ENCODING", 1]]);
    expect(tableFromRecords([{ unit: "Hà Nội" }]).issues).toEqual([]);
  });
});
