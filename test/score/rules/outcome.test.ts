import { describe, expect, it } from "vitest";
import { ratFromDecimal, ratToDecimalText, type Rational } from "../../../src/number/rational.ts";

const r = (t: string) => ratFromDecimal(t)!;
const text = (x: Rational) => ratToDecimalText(x);
import { clamp01, fail, notANumber, ok } from "../../../src/score/rules/outcome.ts";
import { readDecimal } from "../../../src/analysis/read-decimal.ts";

describe("readDecimal", () => {
  it("reads finite numbers and numeric text (decimal commas too)", () => {
    expect(readDecimal(0.8)?.toString()).toBe("0.8");
    expect(readDecimal("0,8125")?.toString()).toBe("0.8125");
    expect(readDecimal("1.234,5")?.toString()).toBe("1234.5");
  });

  it("gives undefined for non-numbers, non-finite numbers and booleans", () => {
    expect(readDecimal("abc")).toBeUndefined();
    expect(readDecimal(Number.NaN)).toBeUndefined();
    expect(readDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(readDecimal(true)).toBeUndefined();
    expect(readDecimal("85%")).toBeUndefined();
  });
});

describe("outcome helpers", () => {
  it("clamp01 clamps into [0, 1]", () => {
    expect(text(clamp01(r("-0.5")))).toBe("0");
    expect(text(clamp01(r("1.5")))).toBe("1");
    expect(text(clamp01(r("0.25")))).toBe("0.25");
    expect(text(clamp01(r("1")))).toBe("1");
  });

  it("fail keeps the input index only when given", () => {
    expect(fail("DATA_OUT_OF_RANGE", "m")).toEqual({ ok: false, code: "DATA_OUT_OF_RANGE", message: "m" });
    expect(fail("DATA_OUT_OF_RANGE", "m", 1)).toEqual({ ok: false, code: "DATA_OUT_OF_RANGE", message: "m", input: 1 });
    expect(Object.keys(fail("DATA_OUT_OF_RANGE", "m"))).not.toContain("input");
  });

  it("notANumber says how to write a percentage instead (decimal comma kept)", () => {
    expect(notANumber("44,49%")).toMatchObject({ message: '"44,49%" is not a number (percentages are not read: write 0,4449, e.g. format the column as a number before exporting)' });
    expect(notANumber("85 %")).toMatchObject({ message: '"85 %" is not a number (percentages are not read: write 0.85, e.g. format the column as a number before exporting)' });
    expect(notANumber("abc%")).toMatchObject({ message: '"abc%" is not a number' });
  });

  it("notANumber quotes the input", () => {
    expect(notANumber("abc")).toEqual({ ok: false, code: "DATA_NOT_A_NUMBER", message: '"abc" is not a number' });
    expect(notANumber(true, 0)).toEqual({ ok: false, code: "DATA_NOT_A_NUMBER", message: "true is not a number", input: 0 });
  });

  it("ok wraps a score", () => {
    const o = ok(r("0.5"));
    expect(o.ok && text(o.score)).toBe("0.5");
  });
});
