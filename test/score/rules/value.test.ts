import { describe, expect, it } from "vitest";
import { scoreValue } from "../../../src/score/rules/value.ts";
import { failure, scoreOf } from "./helpers.ts";

describe("scoreValue", () => {
  it("passes a score in [0, 1] through exactly", () => {
    expect(scoreOf(scoreValue({ type: "value" }, "0,8002"))).toBe("0.8002");
    expect(scoreOf(scoreValue({ type: "value" }, 0.71635))).toBe("0.71635");
    expect(scoreOf(scoreValue({ type: "value" }, "0"))).toBe("0");
    expect(scoreOf(scoreValue({ type: "value" }, 1))).toBe("1");
  });

  it("reports a value outside [0, 1] by default", () => {
    expect(failure(scoreValue({ type: "value" }, "1.5"), "DATA_OUT_OF_RANGE")).toBe("1.5 is outside [0, 1]");
    expect(failure(scoreValue({ type: "value" }, -0.2), "DATA_OUT_OF_RANGE")).toBe("-0.2 is outside [0, 1]");
    expect(failure(scoreValue({ type: "value", outOfRange: "error" }, 2), "DATA_OUT_OF_RANGE")).toBe("2 is outside [0, 1]");
  });

  it("clamps when asked", () => {
    expect(scoreOf(scoreValue({ type: "value", outOfRange: "clamp" }, "1.5"))).toBe("1");
    expect(scoreOf(scoreValue({ type: "value", outOfRange: "clamp" }, "-0,2"))).toBe("0");
    expect(scoreOf(scoreValue({ type: "value", outOfRange: "clamp" }, "0.3"))).toBe("0.3");
  });

  it("reports what is not a number", () => {
    expect(failure(scoreValue({ type: "value" }, "abc"), "DATA_NOT_A_NUMBER")).toBe('"abc" is not a number');
    failure(scoreValue({ type: "value" }, true), "DATA_NOT_A_NUMBER");
    failure(scoreValue({ type: "value" }, Number.NaN), "DATA_NOT_A_NUMBER");
  });
});
