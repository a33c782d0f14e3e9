import { describe, expect, it } from "vitest";
import { unitStrengths } from "../../src/report/strengths.ts";
import { sampleResult, tinyResult } from "./helpers.ts";

describe("unitStrengths", () => {
  it("lists indicators above and below the average with exact gaps", () => {
    // a: avg 0.55, Đà Nẵng 0.5 → −0.05; b: avg 0.6667, Đà Nẵng 0.7 → +0.0333
    const { strengths, weaknesses } = unitStrengths(tinyResult(), "Đà Nẵng");
    expect(strengths.map((g) => [g.node.id, g.value, g.average, g.difference])).toEqual([["b", "0.7000", "0.6667", "0.0333"]]);
    expect(weaknesses.map((g) => [g.node.id, g.value, g.average, g.difference])).toEqual([["a", "0.5000", "0.5500", "-0.0500"]]);
  });

  it("leaves out missing values", () => {
    const { strengths, weaknesses } = unitStrengths(tinyResult(), "Cà Mau");
    expect([...strengths, ...weaknesses].map((g) => g.node.id)).toEqual(["a"]);
  });

  it("orders by gap and keeps at most count", () => {
    const { strengths, weaknesses } = unitStrengths(sampleResult(), "Hà Giang", { count: 2 });
    expect(strengths.length).toBeLessThanOrEqual(2);
    expect(weaknesses.length).toBeLessThanOrEqual(2);
    const s = strengths.map((g) => Number(g.difference));
    const w = weaknesses.map((g) => Number(g.difference));
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    expect([...w].sort((a, b) => a - b)).toEqual(w);
    expect(s.every((g) => g > 0) && w.every((g) => g < 0)).toBe(true);
  });
});

describe("unitStrengths for a unit above the average everywhere", () => {
  it("gives its relatively weakest indicators, flagged, never on both sides", () => {
    // The hostile-named unit leads on both a (0.9) and b (0.7, avg 0.6667): no real weakness.
    const s = unitStrengths(tinyResult(), "<script>alert('x')</script>");
    expect(s.strengths.map((g) => [g.node.id, g.difference])).toEqual([["a", "0.3500"]]);
    expect(s.relativeStrengths).toBe(false);
    expect(s.weaknesses.map((g) => [g.node.id, g.difference])).toEqual([["b", "0.0333"]]);
    expect(s.relativeWeaknesses).toBe(true);
  });
  it("on the sample leader, lists 3 strengths and 3 relative weaknesses, disjoint", () => {
    const s = unitStrengths(sampleResult(), "TP. Đà Nẵng");
    const ids = [...s.strengths, ...s.weaknesses].map((g) => g.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(s.weaknesses).toHaveLength(3);
  });
});
