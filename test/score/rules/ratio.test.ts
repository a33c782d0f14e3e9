import { describe, expect, it } from "vitest";
import { ratScaledHalfUp } from "../../../src/number/rational.ts";
import { scoreRatio } from "../../../src/score/rules/ratio.ts";
import { failure, scoreOf } from "./helpers.ts";

describe("scoreRatio", () => {
  it("divides a by b, exactly", () => {
    expect(scoreOf(scoreRatio({ type: "ratio" }, "45", "60"))).toBe("0.75");
    expect(scoreOf(scoreRatio({ type: "ratio" }, 0, 7))).toBe("0");
    expect(scoreOf(scoreRatio({ type: "ratio" }, "7", "7"))).toBe("1");
    const third = scoreRatio({ type: "ratio" }, "1", "3");
    // Exactly one third, never a rounded decimal.
    expect(third.ok && third.score).toEqual({ n: 1n, d: 3n });
    expect(third.ok && ratScaledHalfUp(third.score, 4)).toBe(3333n);
  });

  it("reports which input is not a number", () => {
    expect(failure(scoreRatio({ type: "ratio" }, "x", "60"), "DATA_NOT_A_NUMBER", 0)).toBe('"x" is not a number');
    expect(failure(scoreRatio({ type: "ratio" }, "45", "y"), "DATA_NOT_A_NUMBER", 1)).toBe('"y" is not a number');
  });

  it("reports negative inputs and ratios above 1 by default", () => {
    expect(failure(scoreRatio({ type: "ratio" }, "-1", "60"), "DATA_OUT_OF_RANGE", 0)).toBe("numerator -1 is negative");
    expect(failure(scoreRatio({ type: "ratio" }, "1", "-60"), "DATA_OUT_OF_RANGE", 1)).toBe("denominator -60 is negative");
    expect(failure(scoreRatio({ type: "ratio" }, "70", "60"), "DATA_OUT_OF_RANGE", 0)).toBe("ratio 70/60 is above 1");
  });

  it("clamps when asked", () => {
    expect(scoreOf(scoreRatio({ type: "ratio", outOfRange: "clamp" }, "70", "60"))).toBe("1");
    expect(scoreOf(scoreRatio({ type: "ratio", outOfRange: "clamp" }, "-5", "10"))).toBe("0");
    expect(scoreOf(scoreRatio({ type: "ratio", outOfRange: "clamp" }, "5", "-10"))).toBe("0");
  });

  // With outOfRange "clamp" a negative input scores 0 (the RatioRule doc: "A ratio above 1 (or a
  // negative input): … clamped"): -5 / -10 is not the share 0.5.
  it("clamps a negative numerator to 0 even when the denominator is negative too", () => {
    expect(scoreOf(scoreRatio({ type: "ratio", outOfRange: "clamp" }, "-5", "-10"))).toBe("0");
  });

  it("follows zeroDenominator when b is 0", () => {
    expect(failure(scoreRatio({ type: "ratio" }, "0", "0"), "DATA_ZERO_DENOMINATOR", 1)).toContain("denominator is 0");
    failure(scoreRatio({ type: "ratio", zeroDenominator: "error" }, "5", "0"), "DATA_ZERO_DENOMINATOR", 1);
    expect(scoreOf(scoreRatio({ type: "ratio", zeroDenominator: "zero" }, "0", "0"))).toBe("0");
    expect(scoreOf(scoreRatio({ type: "ratio", zeroDenominator: "one" }, "0", "0,0"))).toBe("1");
  });

  it("checks a negative numerator before a zero denominator", () => {
    failure(scoreRatio({ type: "ratio", zeroDenominator: "one" }, "-1", "0"), "DATA_OUT_OF_RANGE", 0);
  });
});
