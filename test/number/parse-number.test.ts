import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/number/parse-number.ts";

describe("parseNumber", () => {
  it("reads plain integers and decimals", () => {
    expect(parseNumber("0")).toBe("0");
    expect(parseNumber("42")).toBe("42");
    expect(parseNumber("0.6789")).toBe("0.6789");
    expect(parseNumber(".5")).toBe("0.5");
    expect(parseNumber("007")).toBe("007");
  });

  it("reads a decimal comma (vi-VN)", () => {
    expect(parseNumber("0,6789")).toBe("0.6789");
    expect(parseNumber("12,5")).toBe("12.5");
    expect(parseNumber(",5")).toBe("0.5");
    expect(parseNumber("1,23")).toBe("1.23");
    expect(parseNumber("1,2345")).toBe("1.2345");
  });

  it("reads '.' thousands with a ',' decimal mark", () => {
    expect(parseNumber("1.234,5")).toBe("1234.5");
    expect(parseNumber("1.234.567,891")).toBe("1234567.891");
    expect(parseNumber("12.345.678")).toBe("12345678");
  });

  it("reads ',' thousands with a '.' decimal mark", () => {
    expect(parseNumber("1,234.5")).toBe("1234.5");
    expect(parseNumber("1,234,567.891")).toBe("1234567.891");
    expect(parseNumber("12,345,678")).toBe("12345678");
  });

  it("drops spaces, no-break spaces and narrow no-break spaces", () => {
    expect(parseNumber(" 0,5 ")).toBe("0.5");
    expect(parseNumber("1 234,5")).toBe("1234.5");
    expect(parseNumber("1\u00a0234\u00a0567,8")).toBe("1234567.8");
    expect(parseNumber("1\u202f234.5")).toBe("1234.5");
    expect(parseNumber("\t0.25\n")).toBe("0.25");
  });

  it("reads a sign: '-', '+' and the minus sign U+2212", () => {
    expect(parseNumber("-0,5")).toBe("-0.5");
    expect(parseNumber("+0,5")).toBe("0.5");
    expect(parseNumber("\u22120.25")).toBe("-0.25");
    expect(parseNumber("- 1.234,5")).toBe("-1234.5");
    expect(parseNumber("-1e3")).toBe("-1e3");
  });

  it("drops the sign of zero", () => {
    expect(parseNumber("-0")).toBe("0");
    expect(parseNumber("-0,0")).toBe("0.0");
  });

  it("reads a percent only when allowed, dividing by 100 exactly", () => {
    expect(parseNumber("85%")).toBeUndefined();
    expect(parseNumber("85%", { percent: true })).toBe("0.85");
    expect(parseNumber("12,5%", { percent: true })).toBe("0.125");
    expect(parseNumber("5%", { percent: true })).toBe("0.05");
    expect(parseNumber("0.5%", { percent: true })).toBe("0.005");
    expect(parseNumber("100%", { percent: true })).toBe("1");
    expect(parseNumber("1050%", { percent: true })).toBe("10.5");
    expect(parseNumber("0%", { percent: true })).toBe("0");
    expect(parseNumber("-50 %", { percent: true })).toBe("-0.5");
    expect(parseNumber("1e2%", { percent: true })).toBe("1");
    expect(parseNumber("%", { percent: true })).toBeUndefined();
  });

  it("reads scientific notation as written", () => {
    expect(parseNumber("1e3")).toBe("1e3");
    expect(parseNumber("1.5E-3")).toBe("1.5E-3");
    expect(parseNumber("2e+2")).toBe("2e+2");
    expect(Number(parseNumber("1.5E-3"))).toBe(0.0015);
  });

  it("rejects numbers that overflow a double ('1e309')", () => {
    expect(parseNumber("1e309")).toBeUndefined();
    expect(parseNumber("-1e309")).toBeUndefined();
    expect(parseNumber("1e308")).toBe("1e308");
  });

  it("rejects junk", () => {
    for (const junk of [
      "",
      "   ",
      "abc",
      "1.2.3",
      "1,2,3",
      "1..2",
      "1,,2",
      "1.234.5",
      "1234.567,8",
      "1,234.567,8",
      "0x10",
      "1_000",
      "NaN",
      "Infinity",
      "1e",
      "e5",
      "1,5e3",
      "-",
      "+-1",
      "1-",
      "12abc",
      "١٢",
    ]) {
      expect(parseNumber(junk), JSON.stringify(junk)).toBeUndefined();
    }
  });

  it("reads an ambiguous lone separator before three digits as a decimal mark by default", () => {
    expect(parseNumber("1,234")).toBe("1.234");
    expect(parseNumber("1.234")).toBe("1.234");
    expect(parseNumber("0,125")).toBe("0.125");
  });

  it("reads it as thousands when `thousands` names that separator", () => {
    expect(parseNumber("1,234", { thousands: "," })).toBe("1234");
    expect(parseNumber("1.234", { thousands: "." })).toBe("1234");
    // The other separator stays a decimal mark.
    expect(parseNumber("1.234", { thousands: "," })).toBe("1.234");
    expect(parseNumber("1,234", { thousands: "." })).toBe("1.234");
    // Not three digits, or no integer part: not a thousands group.
    expect(parseNumber("1,2345", { thousands: "," })).toBe("1.2345");
    expect(parseNumber("1,23", { thousands: "," })).toBe("1.23");
    expect(parseNumber(",234", { thousands: "," })).toBe("0.234");
    // Several groups are unambiguous either way.
    expect(parseNumber("1.234.567", { thousands: "," })).toBe("1234567");
  });

  it("normalises to NFC first (a decomposed character is still junk, not a crash)", () => {
    expect(parseNumber("0,5".normalize("NFD"))).toBe("0.5");
    expect(parseNumber("5ố")).toBeUndefined();
  });
});

describe("parseNumber: a percent in scientific notation", () => {
  it("divides by 100 exactly, moving the decimal point (9 cases)", () => {
    expect(parseNumber("7e-1%", { percent: true })).toBe("0.007");
    expect(parseNumber("1.1e0%", { percent: true })).toBe("0.011");
    expect(parseNumber("1.1E2%", { percent: true })).toBe("1.1");
    expect(parseNumber("5e2%", { percent: true })).toBe("5");
    expect(parseNumber("12.5e3%", { percent: true })).toBe("125");
    expect(parseNumber("-2.5e1%", { percent: true })).toBe("-0.25");
    expect(parseNumber("0e5%", { percent: true })).toBe("0");
    // Far exponents stay exponents (exact, and short).
    expect(parseNumber("1e-200%", { percent: true })).toBe("1e-202");
    expect(parseNumber("3.5e150%", { percent: true })).toBe("3.5e148");
  });
});
