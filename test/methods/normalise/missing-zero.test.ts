// Under missing: "zero" a blank normalised cell is the raw value 0, normalised with the others
// (docs/input.md, the missing-value policy): the documented example, on the score and stream paths.
import { describe, expect, it } from "vitest";
import { defineFramework, score, scoreStream } from "../../../src/index.ts";

const fw = defineFramework({
  id: "t",
  version: "1",
  title: { vi: "T" },
  level: "ward",
  source: { decision: "x", date: "2025-01-01" },
  root: { id: "root", name: { vi: "R" }, children: [{ id: "a", name: { vi: "A" }, weight: 1, rule: { type: "normalise", method: "minmax" } }] },
});
const rows = [
  { unit: "X", a: 5 },
  { unit: "Y", a: 10 },
  { unit: "Z", a: "" },
];

describe("a blank normalised cell under missing: zero", () => {
  it("is the raw value 0 in the column: min-max of 5, 10 and a blank gives 0.5, 1 and 0", async () => {
    const result = score(fw, rows, { missing: "zero" });
    expect(Object.fromEntries(result.units.map((u) => [u.unit, u.value]))).toEqual({ X: "0.5000", Y: "1.0000", Z: "0.0000" });
    expect(result.units.find((u) => u.unit === "Z")!.coverage).toBe(0);
    const stream = scoreStream(fw, () => rows, { missing: "zero" });
    const values: Record<string, string> = {};
    for await (const u of stream) values[u.unit] = u.value;
    expect(values).toEqual({ X: "0.5000", Y: "1.0000", Z: "0.0000" });
  });
});
