import { describe, expect, it } from "vitest";
import { roundHalfUp } from "../../src/number/round-half-up.ts";

describe("roundHalfUp", () => {
  it("rounds text as written, decimal commas too", () => {
    expect(roundHalfUp("0.71635")).toBe("0.7164");
    expect(roundHalfUp("0,71635")).toBe("0.7164");
    expect(roundHalfUp("0.800175")).toBe("0.8002");
  });

  it("rounds numbers by their shortest text, not their binary value", () => {
    expect(roundHalfUp(0.00105)).toBe("0.0011");
    expect(roundHalfUp(1.005, 2)).toBe("1.01");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundHalfUp(-0.00105)).toBe("-0.0011");
  });

  it("throws a RangeError for what is not a finite number", () => {
    expect(() => roundHalfUp("abc")).toThrow(RangeError);
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => roundHalfUp("1e309")).toThrow(RangeError);
  });
});
