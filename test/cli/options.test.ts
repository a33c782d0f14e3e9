import { describe, expect, it } from "vitest";
import { integerOption, numberOption } from "../../src/cli/options.ts";

describe("numberOption", () => {
  it("reads dots and decimal commas, undefined when absent", () => {
    expect(numberOption({ target: "0,85" }, "target")).toBe(0.85);
    expect(numberOption({ target: "0.8" }, "target")).toBe(0.8);
    expect(numberOption({}, "target")).toBeUndefined();
  });
  it("rejects text with a usage error naming the option", () => {
    expect(() => numberOption({ target: "cao" }, "target")).toThrow('--target must be a number (got "cao")');
  });
});

describe("integerOption", () => {
  it("reads whole numbers at least min (default 0)", () => {
    expect(integerOption({ limit: "20" }, "limit")).toBe(20);
    expect(integerOption({ top: "1" }, "top", 1)).toBe(1);
    expect(integerOption({}, "limit")).toBeUndefined();
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
});
