import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/text/scan-json.ts";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("scanJson: syntax errors", () => {
  it("finds an error exactly when JSON.parse fails: any JSON value (500 cases)", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(scanJson(text).error).toBeUndefined();
      }),
      { numRuns: 500, seed: 20260302 },
    );
  });

  it("finds an error exactly when JSON.parse fails: strings of JSON pieces (2,000 cases)", () => {
    const piece = fc.constantFrom("{", "}", "[", "]", ",", ":", '"', '"a"', '"\\u00e9"', '"\\x"', "\\", "1", "-", "0", "01", "1.5", "1.", "1e5", "-0", "true", "tru", "null", "nul", " ", "\n", "\t", "\r", "\u0001", "ấ", "\u00a0");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        expect(scanJson(text).error === undefined, JSON.stringify(text)).toBe(parses(text));
      }),
      { numRuns: 2000, seed: 20260303 },
    );
  });

  it("says the line and column of the error and what was expected", () => {
    expect(scanJson('{\n  "a": 1,\n}').error).toEqual({ line: 3, column: 1, message: "expected a key in double quotes" });
    expect(scanJson('{"a": 1\n "b": 2}').error).toEqual({ line: 2, column: 2, message: 'expected "," or "}"' });
    expect(scanJson("[1, 2").error).toEqual({ line: 1, column: 6, message: 'the text ends where "," or "]" was expected' });
    expect(scanJson('{"tên": "Hà\nNội"}').error).toEqual({ line: 1, column: 12, message: "a line break or other control character inside a string (write \\n or \\t)" });
    expect(scanJson('{"a": tru}').error?.column).toBe(7);
    expect(scanJson("").error).toEqual({ line: 1, column: 1, message: "the text ends where a value was expected" });
    expect(scanJson("[1] x").error?.message).toBe("unexpected text after the end of the JSON value");
    expect(scanJson('["abc').error).toEqual({ line: 1, column: 2, message: "a string is not closed (a missing double quote)" });
  });

  it("reads 100,000 levels of nesting without recursion", () => {
    expect(scanJson(`${"[".repeat(100_000)}${"]".repeat(100_000)}`).error).toBeUndefined();
    expect(scanJson(`${"[".repeat(100_000)}${"]".repeat(99_999)}`).error?.message).toBe('the text ends where "," or "]" was expected');
  });
});

describe("scanJson: repeated keys", () => {
  it("names each repeated key with the path of its object and where it is written again", () => {
    const text = '{"units": [\n  {"unit": "A", "a": 1},\n  {"unit": "B", "a": 2, "unit": "C"}\n], "units": []}';
    expect(scanJson(text).duplicates).toEqual([
      { path: ["units", 1], key: "unit", line: 3, column: 25 },
      { path: [], key: "units", line: 4, column: 4 },
    ]);
  });

  it("compares keys as JSON.parse reads them (escapes decoded), not as written", () => {
    expect(scanJson('[{"unit": 1, "\\u0075nit": 2}]').duplicates.map((d) => [d.path, d.key])).toEqual([[[0], "unit"]]);
    // Differently written names are different keys here (tableFromRecords folds those).
    expect(scanJson('[{"unit": 1, " unit": 2, "Unit": 3}]').duplicates).toEqual([]);
  });

  it("finds no repeats where JSON.parse keeps every key (500 cases)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(scanJson(JSON.stringify(value, null, 1)).duplicates).toEqual([]);
      }),
      { numRuns: 500, seed: 20260304 },
    );
  });
});
