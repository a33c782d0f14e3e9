import { describe, expect, it } from "vitest";
import { scoreGoalposts } from "../../../src/score/rules/goalposts.ts";
import { failure, scoreOf } from "./helpers.ts";

describe("scoreGoalposts", () => {
  const up = { type: "goalposts", min: 20, max: 100, direction: "higher" } as const;
  const down = { type: "goalposts", min: 20, max: 100, direction: "lower" } as const;

  it("higher: (x - min) / (max - min)", () => {
    expect(scoreOf(scoreGoalposts(up, 60))).toBe("0.5");
    expect(scoreOf(scoreGoalposts(up, "40"))).toBe("0.25");
    expect(scoreOf(scoreGoalposts(up, 20))).toBe("0");
    expect(scoreOf(scoreGoalposts(up, 100))).toBe("1");
  });

  it("lower: (max - x) / (max - min)", () => {
    expect(scoreOf(scoreGoalposts(down, 60))).toBe("0.5");
    expect(scoreOf(scoreGoalposts(down, "30"))).toBe("0.875");
  });

  it("clamps outside the goalposts, both directions", () => {
    expect(scoreOf(scoreGoalposts(up, 10))).toBe("0");
    expect(scoreOf(scoreGoalposts(up, 120))).toBe("1");
    expect(scoreOf(scoreGoalposts(down, 10))).toBe("1");
    expect(scoreOf(scoreGoalposts(down, 110))).toBe("0");
  });

  it("works with negative and fractional goalposts", () => {
    expect(scoreOf(scoreGoalposts({ type: "goalposts", min: -1, max: 1, direction: "higher" }, "0"))).toBe("0.5");
    expect(scoreOf(scoreGoalposts({ type: "goalposts", min: 0.1, max: 0.3, direction: "higher" }, "0,2"))).toBe("0.5");
  });

  it("reports what is not a number", () => {
    expect(failure(scoreGoalposts(up, "sáu mươi"), "DATA_NOT_A_NUMBER")).toBe('"sáu mươi" is not a number');
  });
});
