import { describe, expect, it } from "vitest";
import { DtiError } from "../../../src/errors.ts";
import type { FrameworkDefinition, NormaliseRule } from "../../../src/framework/types.ts";
import { score } from "../../../src/pipeline/score.ts";

/** Two raw indicators normalised across provinces, equal weights. */
function framework(fibre: Omit<NormaliseRule, "type">, users: Omit<NormaliseRule, "type"> = { method: "minmax" }, aggregation?: "arithmetic" | "geometric"): FrameworkDefinition {
  return {
    id: "raw-test",
    version: "1",
    title: { vi: "Thử" },
    root: {
      id: "index",
      name: { vi: "Chỉ số" },
      ...(aggregation !== undefined ? { aggregation } : {}),
      children: [
        { id: "fibre", name: { vi: "Cáp quang" }, rule: { type: "normalise", ...fibre } },
        { id: "users", name: { vi: "Người dùng" }, rule: { type: "normalise", ...users } },
      ],
    },
  };
}

const data2022 = [
  { unit: "A", year: 2022, fibre: 40, users: 50 },
  { unit: "B", year: 2022, fibre: 60, users: 70 },
  { unit: "C", year: 2022, fibre: 80, users: 60 },
];
const data2024 = [
  { unit: "A", year: 2024, fibre: 60, users: 70 },
  { unit: "B", year: 2024, fibre: 80, users: 90 },
  { unit: "C", year: 2024, fibre: 100, users: 80 },
];

const byUnit = (r: ReturnType<typeof score>, year: number) =>
  Object.fromEntries(r.units.filter((u) => u.year === year).map((u) => [u.unit, [u.nodes["fibre"]!.value, u.value]]));

describe("normalise leaves in the pipeline", () => {
  it("normalises per year by default: every year's best gets the top", () => {
    const r = score(framework({ method: "minmax" }), [...data2022, ...data2024]);
    // fibre 40/60/80 → 0/0.5/1; users 50/70/60 → 0/1/0.5; index = mean
    expect(byUnit(r, 2022)).toEqual({ A: ["0.0000", "0.0000"], B: ["0.5000", "0.7500"], C: ["1.0000", "0.7500"] });
    expect(byUnit(r, 2024)).toEqual(byUnit(r, 2022));
  });

  it("keeps years comparable with bounds fixed across years, or statistics pooled over all years", () => {
    const fixed = score(framework({ method: "minmax", bounds: { min: 0, max: 100 } }), [...data2022, ...data2024]);
    expect(byUnit(fixed, 2022)["A"]![0]).toBe("0.4000");
    expect(byUnit(fixed, 2024)["A"]![0]).toBe("0.6000");
    const pooled = score(framework({ method: "minmax", across: "all" }), [...data2022, ...data2024]);
    // pooled fibre 40..100: A 2022 = 0, A 2024 = 20/60
    expect(byUnit(pooled, 2022)["A"]![0]).toBe("0.0000");
    expect(byUnit(pooled, 2024)["A"]![0]).toBe("0.3333");
    expect(byUnit(pooled, 2024)["C"]![0]).toBe("1.0000");
  });

  it("publishes values in the chosen output range, exactly", () => {
    const r = score(framework({ method: "percentile", range: [0, 100] }, { method: "minmax", range: [0, 100] }), data2022);
    // fibre percentile: 1/6, 3/6, 5/6 ×100; users: 0, 100, 50 → C = (83.333… + 50) / 2 = 66.6667
    expect(Object.fromEntries(r.units.map((u) => [u.unit, u.value]))).toEqual({ B: "75.0000", C: "66.6667", A: "8.3333" });
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 3]);
  });

  it("reports a column that does not spread", () => {
    const r = score(framework({ method: "minmax" }), data2022.map((d) => ({ ...d, fibre: 5 })));
    expect(r.warnings.map((w) => w.code)).toEqual(["DATA_NORMALISE_DEGENERATE"]);
    expect(r.units.find((u) => u.unit === "A")!.nodes["fibre"]!.value).toBe("0.5000");
  });

  it("refuses a geometric mean over negative z-scores with a typed error", () => {
    let caught: unknown;
    try {
      score(framework({ method: "zscore" }, { method: "zscore" }, "geometric"), data2022);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DtiError);
    expect((caught as DtiError).issues[0]!.code).toBe("DATA_AGGREGATION_DOMAIN");
    // on the 100 ± 10 scale it works
    const ok = score(framework({ method: "zscore", mean: 100, sd: 10 }, { method: "zscore", mean: 100, sd: 10 }, "geometric"), data2022);
    expect(ok.units[0]!.unit).toBe("B");
  });
});
