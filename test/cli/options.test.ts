import { describe, expect, it } from "vitest";
import { delimiterOption, integerOption, numberOption, oneOf } from "../../src/cli/options.ts";

describe("numberOption", () => {
  it("reads dots and decimal commas, undefined when absent", () => {
    expect(numberOption({ target: "0,85" }, "target")).toBe(0.85);
    expect(numberOption({ target: "0.8" }, "target")).toBe(0.8);
    expect(numberOption({}, "target")).toBeUndefined();
  });
  it("rejects text with a usage error naming the option", () => {
    expect(() => numberOption({ target: "cao" }, "target")).toThrow('--target must be a number (got "cao")');
  });
  it("rejects a number outside its range, naming the range", () => {
    expect(numberOption({ tolerance: "0" }, "tolerance", { min: 0 })).toBe(0);
    expect(() => numberOption({ tolerance: "-1" }, "tolerance", { min: 0 })).toThrow('--tolerance must be a number ≥ 0 (got "-1")');
    expect(() => numberOption({ step: "0" }, "step", { min: 0, above: true, max: 1 })).toThrow('--step must be a number in (0, 1] (got "0")');
    expect(() => numberOption({ "min-coverage": "1,5" }, "min-coverage", { min: 0, max: 1 })).toThrow('--min-coverage must be a number from 0 to 1 (got "1,5")');
  });
});

describe("integerOption", () => {
  it("reads whole numbers at least min (default 0)", () => {
    expect(integerOption({ limit: "20" }, "limit")).toBe(20);
    expect(integerOption({ top: "1" }, "top", 1)).toBe(1);
    expect(integerOption({}, "limit")).toBeUndefined();
    expect(Object.is(integerOption({ decimals: "-0" }, "decimals"), 0)).toBe(true);
  });
  it("rejects fractions, text and numbers below min", () => {
    expect(() => integerOption({ limit: "2.5" }, "limit")).toThrow('--limit must be a whole number ≥ 0 (got "2.5")');
    expect(() => integerOption({ top: "0" }, "top", 1)).toThrow('--top must be a whole number ≥ 1 (got "0")');
    expect(() => integerOption({ limit: "-3" }, "limit")).toThrow(/≥ 0/u);
  });
  it("accepts any whole number, negative too, with min null", () => {
    expect(integerOption({ seed: "-7" }, "seed", null)).toBe(-7);
    expect(() => integerOption({ seed: "x" }, "seed", null)).toThrow('--seed must be a whole number (got "x")');
  });
  it("gives the whole range when there is a maximum, also for a number written otherwise", () => {
    expect(integerOption({ width: "10000" }, "width", 200, 10_000)).toBe(10_000);
    expect(() => integerOption({ width: "1e9" }, "width", 200, 10_000)).toThrow('--width must be a whole number from 200 to 10000 (got "1e9")');
    expect(() => integerOption({ runs: "1e12" }, "runs", 1, 10_000_000)).toThrow('--runs must be a whole number from 1 to 10000000 (got "1e12")');
    expect(() => integerOption({ limit: "99999999999999999999" }, "limit")).toThrow(/≥ 0/u);
  });
});

describe("oneOf and delimiterOption", () => {
  it("names what the user typed: a flag, or a subcommand", () => {
    expect(() => oneOf("lang", "fr", ["vi", "en"])).toThrow('--lang must be one of vi, en (got "fr")');
    expect(() => oneOf("framework", "frobnicate", ["import", "export"], "the subcommand of `dti framework`")).toThrow(
      'the subcommand of `dti framework` must be one of import, export (got "frobnicate")',
    );
  });
  it("reads every delimiter it lists, and lists them by name", () => {
    expect(["auto", ",", ";", "tab", "\\t", "\t"].map((d) => delimiterOption({ delimiter: d }))).toEqual(["auto", ",", ";", "\t", "\t", "\t"]);
    expect(() => delimiterOption({ delimiter: "|" })).toThrow('--delimiter must be one of auto, "," (comma), ";" (semicolon), tab (got "|")');
  });
});
