import { describe, expect, it } from "vitest";
import type { LadderRule } from "../../../src/framework/types.ts";
import { scoreLadder } from "../../../src/score/rules/ladder.ts";
import { failure, scoreOf } from "./helpers.ts";

/** "4 meetings a year: 20 points; 3: 15; 2: 10; 1: 5" */
const meetings: LadderRule = {
  type: "ladder",
  direction: "higher",
  steps: [
    { threshold: 4, points: 20 },
    { threshold: 3, points: 15 },
    { threshold: 2, points: 10 },
    { threshold: 1, points: 5 },
  ],
};

/** Days to answer: at most 1 day: 10 points; 3 days: 5; 7 days: 2. Steps listed out of order. */
const days: LadderRule = {
  type: "ladder",
  direction: "lower",
  steps: [
    { threshold: 7, points: 2 },
    { threshold: 1, points: 10 },
    { threshold: 3, points: 5 },
  ],
};

describe("scoreLadder", () => {
  it("direction higher: the best step whose threshold the input reaches", () => {
    expect(scoreOf(scoreLadder(meetings, 20, "3"))).toBe("0.75");
    expect(scoreOf(scoreLadder(meetings, 20, "3,5"))).toBe("0.75");
    expect(scoreOf(scoreLadder(meetings, 20, 4))).toBe("1");
    expect(scoreOf(scoreLadder(meetings, 20, 12))).toBe("1");
    expect(scoreOf(scoreLadder(meetings, 20, "1"))).toBe("0.25");
  });

  it("direction higher: below every step scores 0", () => {
    expect(scoreOf(scoreLadder(meetings, 20, "0"))).toBe("0");
    expect(scoreOf(scoreLadder(meetings, 20, "0.99"))).toBe("0");
    expect(scoreOf(scoreLadder(meetings, 20, -3))).toBe("0");
  });

  it("direction lower: the best step whose threshold is at or above the input", () => {
    expect(scoreOf(scoreLadder(days, 10, "0.5"))).toBe("1");
    expect(scoreOf(scoreLadder(days, 10, "1"))).toBe("1");
    expect(scoreOf(scoreLadder(days, 10, "2"))).toBe("0.5");
    expect(scoreOf(scoreLadder(days, 10, "3"))).toBe("0.5");
    expect(scoreOf(scoreLadder(days, 10, 7))).toBe("0.2");
  });

  it("direction lower: above every step scores 0", () => {
    expect(scoreOf(scoreLadder(days, 10, "7,5"))).toBe("0");
    expect(scoreOf(scoreLadder(days, 10, 100))).toBe("0");
  });

  it("divides by the max it is given, which may exceed the best step", () => {
    expect(scoreOf(scoreLadder(meetings, 40, "4"))).toBe("0.5");
  });

  it("scores a reached step worth 0 points as 0", () => {
    const rule: LadderRule = { type: "ladder", direction: "higher", steps: [{ threshold: 0, points: 0 }, { threshold: 5, points: 4 }] };
    expect(scoreOf(scoreLadder(rule, 4, "1"))).toBe("0");
    expect(scoreOf(scoreLadder(rule, 4, "5"))).toBe("1");
  });

  it("reports what is not a number", () => {
    expect(failure(scoreLadder(meetings, 20, "ba"), "DATA_NOT_A_NUMBER")).toBe('"ba" is not a number');
  });
});
