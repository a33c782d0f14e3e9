import { describe, expect, it } from "vitest";
import { defaultLocale, formatValue, localeSeparators, MISSING, valueFormatter } from "../../src/report/format-number.ts";

describe("valueFormatter", () => {
  it("writes vi-VN with a decimal comma, from the published text", () => {
    const vi = valueFormatter("vi-VN");
    expect(vi("0.8002")).toBe("0,8002");
    expect(vi("1.0000")).toBe("1,0000");
    expect(vi("0")).toBe("0");
    expect(vi("12345.5")).toBe("12.345,5");
  });
  it("writes en-US with a decimal point and comma groups", () => {
    const en = valueFormatter("en-US");
    expect(en("0.8002")).toBe("0.8002");
    expect(en("1234567.25")).toBe("1,234,567.25");
  });
  it("never rounds again: every published digit is kept, trailing zeros too", () => {
    expect(formatValue("0.80015000", "vi-VN")).toBe("0,80015000");
    expect(formatValue("0.1000", "en-US")).toBe("0.1000");
  });
  it("shows missing values as an en dash and leaves non-numeric text alone", () => {
    expect(formatValue(null, "vi-VN")).toBe(MISSING);
    expect(formatValue(undefined, "en-US")).toBe("–");
    expect(formatValue("n/a", "vi-VN")).toBe("n/a");
  });
  it("writes negative values with a minus sign", () => {
    expect(formatValue("-0.0123", "vi-VN")).toBe("−0,0123");
  });
  it("takes the separators from Intl for other locales", () => {
    expect(localeSeparators("de-DE")).toEqual({ decimal: ",", group: "." });
    expect(formatValue("0.5", "fr-FR")).toBe("0,5");
  });
  it("picks the locale from the language", () => {
    expect(defaultLocale("vi")).toBe("vi-VN");
    expect(defaultLocale("en")).toBe("en-US");
    expect(defaultLocale()).toBe("vi-VN");
  });
});
