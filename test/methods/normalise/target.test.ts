import { describe, expect, it } from "vitest";
import { normaliseColumn } from "../../../src/methods/normalise/normalise-column.ts";

const col = (...xs: (number | null)[]) => xs;
const distanceToTarget = normaliseColumn;

describe("distanceToTarget", () => {
  it("measures from the data's worst value to the target, capped at the target", () => {
    expect(distanceToTarget(col(20, 60, 120), { method: "target", target: 100 }).scores.map(String)).toEqual(["0", "0.5", "1"]);
    expect(distanceToTarget(col(20, 60, 120), { method: "target", target: 100, clamp: false }).scores.map(String)).toEqual(["0", "0.5", "1.25"]);
  });

  it("uses a fixed worst value, and works for lower-is-better (price: 2 % of GNI is the goal)", () => {
    expect(distanceToTarget(col(2, 6, 10, 12), { method: "target", target: 2, worst: 10, direction: "lower", range: [0, 100] }).scores.map(String)).toEqual(["100", "50", "0", "0"]);
  });

  it("scores every unit at the top when even the worst reaches the target", () => {
    expect(distanceToTarget(col(110, 130), { method: "target", target: 100 }).scores.map(String)).toEqual(["1", "1"]);
  });
});

describe("normaliseColumn", () => {
  it("scores goalposts as min-max on fixed bounds", () => {
    expect(normaliseColumn(col(40, 60, 140), { method: "goalposts", bounds: { min: 0, max: 100 } }).scores.map(String)).toEqual(["0.4", "0.6", "1"]);
  });
});
