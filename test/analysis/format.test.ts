import { describe, expect, it } from "vitest";
import { formatDecimal, formatPoints, formatSigned } from "../../src/analysis/format.ts";

describe("analysis number text", () => {
  it("rounds half-up exactly, signs changes, uses a decimal comma in Vietnamese", () => {
    expect(formatDecimal(0.00105, 4)).toBe("0.0011"); // toFixed would give 0.0010
    expect(formatDecimal(0.015, 4, "vi")).toBe("0,0150");
    expect(formatSigned("0.0123", 4)).toBe("+0.0123");
    expect(formatSigned(-0.004, 4, "vi")).toBe("-0,0040");
    expect(formatSigned(0.00004, 4)).toBe("0.0000");
    expect(formatPoints(800.175)).toBe("800.175");
    expect(formatPoints(100, 3, "vi")).toBe("100");
    expect(formatPoints(49.8250000001)).toBe("49.825");
  });
});
