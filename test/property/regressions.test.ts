/** Failing cases the properties found, kept as plain tests after the fix. */
import { describe, expect, it } from "vitest";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";

describe("regressions found by the property tests", () => {
  it("row order: missing-value warnings come in framework order, whichever row misses first", () => {
    // Found by "row order does not change any result" (seed 20261123): the warnings were in the
    // order in which rows first missed a value, so shuffling rows reordered result.warnings.
    const fw = defineFramework({
      id: "r1",
      version: "1",
      title: { vi: "R" },
      root: { id: "root", name: { vi: "Gốc" }, children: [
        { id: "n3", name: { vi: "Nhận thức số n3" }, weight: 1, rule: { type: "value" } },
        { id: "n5", name: { vi: "Nhận thức số n5" }, weight: 1, rule: { type: "value" } },
      ] },
    });
    const a = { unit: "Hà Nội", n3: null, n5: 0.5 };
    const b = { unit: "Huế", n3: 0.5, n5: null };
    const forward = score(fw, [a, b], { missing: "zero" }).warnings.map((w) => w.node);
    const backward = score(fw, [b, a], { missing: "zero" }).warnings.map((w) => w.node);
    expect(forward).toEqual(["n3", "n5"]);
    expect(backward).toEqual(["n3", "n5"]);
  });

  it("a harmonic mean that is exactly a decimal is published from that decimal", () => {
    // Found by "weights scaled by a constant change nothing" (seed 20261123) once harmonic means
    // were drawn: a group with one child of 3.65 / 8 = 0.45625 points computed 1 / (1 / 0.45625)
    // = 0.4562499…9 at 40 digits and published "0.4562"; with the weight scaled it gave "0.4563".
    const fw = (weight: number) =>
      defineFramework({
        id: "h", version: "1", title: { vi: "H" },
        root: { id: "root", name: { vi: "Gốc" }, children: [
          { id: "g", name: { vi: "Nhóm" }, weight: 1, aggregation: "harmonic", children: [
            { id: "a", name: { vi: "A" }, weight, rule: { type: "points", max: 8 } },
          ] },
        ] },
      });
    for (const w of [1, 3, 7]) {
      const r = score(fw(w), [{ unit: "Hà Nội", a: "3.65" }]);
      expect(r.units[0]?.nodes["g"]?.value, `weight ${w}`).toBe("0.4563");
      expect(r.units[0]?.value, `weight ${w}`).toBe("0.4563");
    }
  });
});
