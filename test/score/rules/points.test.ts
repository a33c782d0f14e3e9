import { describe, expect, it } from "vitest";
import { scorePoints } from "../../../src/score/rules/points.ts";
import { failure, scoreOf } from "./helpers.ts";

describe("scorePoints", () => {
  it("divides points by the max, exactly", () => {
    expect(scoreOf(scorePoints({ type: "points" }, 100, "85"))).toBe("0.85");
    expect(scoreOf(scorePoints({ type: "points" }, 30, "22,5"))).toBe("0.75");
    expect(scoreOf(scorePoints({ type: "points" }, 3, 1)).slice(0, 12)).toBe("0.3333333333");
    expect(scoreOf(scorePoints({ type: "points" }, 40, 0))).toBe("0");
    expect(scoreOf(scorePoints({ type: "points" }, 40, 40))).toBe("1");
  });

  it("reports points above the max or below 0 by default", () => {
    expect(failure(scorePoints({ type: "points" }, 100, "120"), "DATA_OUT_OF_RANGE")).toBe("120 points is outside [0, 100]");
    expect(failure(scorePoints({ type: "points", outOfRange: "error" }, 100, -1), "DATA_OUT_OF_RANGE")).toBe("-1 points is outside [0, 100]");
  });

  it("caps when asked", () => {
    expect(scoreOf(scorePoints({ type: "points", outOfRange: "clamp" }, 100, "120"))).toBe("1");
    expect(scoreOf(scorePoints({ type: "points", outOfRange: "clamp" }, 100, "-5"))).toBe("0");
    expect(scoreOf(scorePoints({ type: "points", outOfRange: "clamp" }, 100, "50"))).toBe("0.5");
  });

  it("reports what is not a number", () => {
    expect(failure(scorePoints({ type: "points" }, 100, "n/a"), "DATA_NOT_A_NUMBER")).toBe('"n/a" is not a number');
  });
});
