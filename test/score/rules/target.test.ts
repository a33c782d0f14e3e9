import { describe, expect, it } from "vitest";
import { scoreTarget } from "../../../src/score/rules/target.ts";
import { failure, scoreOf } from "./helpers.ts";

describe("scoreTarget without worst", () => {
  const up = { type: "target", target: 80, direction: "higher" } as const;
  const down = { type: "target", target: 5, direction: "lower" } as const;

  it("higher: x / target, capped at 1, floored at 0", () => {
    expect(scoreOf(scoreTarget(up, 60))).toBe("0.75");
    expect(scoreOf(scoreTarget(up, "80"))).toBe("1");
    expect(scoreOf(scoreTarget(up, 100))).toBe("1");
    expect(scoreOf(scoreTarget(up, 0))).toBe("0");
    expect(scoreOf(scoreTarget(up, -10))).toBe("0");
  });

  it("lower: target / x, capped at 1; x <= 0 scores 1", () => {
    expect(scoreOf(scoreTarget(down, 10))).toBe("0.5");
    expect(scoreOf(scoreTarget(down, "20"))).toBe("0.25");
    expect(scoreOf(scoreTarget(down, 5))).toBe("1");
    expect(scoreOf(scoreTarget(down, 4))).toBe("1");
    expect(scoreOf(scoreTarget(down, 0))).toBe("1");
    expect(scoreOf(scoreTarget(down, "-0"))).toBe("1");
    expect(scoreOf(scoreTarget(down, -3))).toBe("1");
  });
});

describe("scoreTarget with worst", () => {
  const up = { type: "target", target: 100, worst: 20, direction: "higher" } as const;
  const down = { type: "target", target: 2, worst: 10, direction: "lower" } as const;

  it("higher: linear from worst (0) to target (1), clamped", () => {
    expect(scoreOf(scoreTarget(up, 60))).toBe("0.5");
    expect(scoreOf(scoreTarget(up, 20))).toBe("0");
    expect(scoreOf(scoreTarget(up, 100))).toBe("1");
    expect(scoreOf(scoreTarget(up, 10))).toBe("0");
    expect(scoreOf(scoreTarget(up, 120))).toBe("1");
  });

  it("lower: linear from worst (0) down to target (1), clamped", () => {
    expect(scoreOf(scoreTarget(down, 6))).toBe("0.5");
    expect(scoreOf(scoreTarget(down, "4"))).toBe("0.75");
    expect(scoreOf(scoreTarget(down, 10))).toBe("0");
    expect(scoreOf(scoreTarget(down, 2))).toBe("1");
    expect(scoreOf(scoreTarget(down, 1))).toBe("1");
    expect(scoreOf(scoreTarget(down, 12))).toBe("0");
  });
});

describe("scoreTarget input", () => {
  it("reports what is not a number", () => {
    expect(failure(scoreTarget({ type: "target", target: 1, direction: "higher" }, "?"), "DATA_NOT_A_NUMBER")).toBe('"?" is not a number');
  });
});
