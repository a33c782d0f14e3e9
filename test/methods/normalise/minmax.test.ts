import { describe, expect, it } from "vitest";
import { normaliseColumn } from "../../../src/methods/normalise/normalise-column.ts";

const col = (...xs: (number | null)[]) => xs;
const minMax = normaliseColumn;
const str = (r: { scores: unknown[] }) => r.scores.map(String);

describe("minMax", () => {
  it("maps the data's min to the bottom and max to the top of the range, keeping blanks", () => {
    expect(str(minMax(col(10, 20, 30, null), { method: "minmax" }))).toEqual(["0", "0.5", "1", "null"]);
    expect(str(minMax(col(10, 20, 30), { method: "minmax", range: [0, 100] }))).toEqual(["0", "50", "100"]);
    expect(str(minMax(col(10, 15, 30), { method: "minmax", range: [1, 100] }))).toEqual(["1", "25.75", "100"]);
  });

  it("mirrors for lower-is-better", () => {
    expect(str(minMax(col(10, 20, 30), { method: "minmax", direction: "lower" }))).toEqual(["1", "0.5", "0"]);
  });

  it("uses fixed bounds, clamped by default and unclamped on request (DESI: 77.6 against a max of 75 scores 1.03)", () => {
    expect(str(minMax(col(10, 20, 30), { method: "minmax", bounds: { min: 0, max: 25 } }))).toEqual(["0.4", "0.8", "1"]);
    expect(str(minMax(col(10, 20, 30), { method: "minmax", bounds: { min: 0, max: 25 }, clamp: false }))).toEqual(["0.4", "0.8", "1.2"]);
    expect(minMax(col(77.6), { method: "minmax", bounds: { min: 0, max: 75 }, clamp: false }).scores[0]!).toBeCloseTo(1.0347, 4);
  });

  it("gives the middle of the range when the data cannot spread, and says so", () => {
    const r = minMax(col(7, 7), { method: "minmax", range: [0, 100] });
    expect(str(r)).toEqual(["50", "50"]);
    expect(r.degenerate).toBe(true);
  });
});
