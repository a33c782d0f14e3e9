import { describe, expect, it } from "vitest";
import type { FrameworkDefinition } from "../../../src/framework/types.ts";
import { score, validate } from "../../../src/pipeline/score.ts";

const fw: FrameworkDefinition = {
  id: "imp",
  version: "1",
  title: { vi: "Thử" },
  root: {
    id: "index",
    name: { vi: "Chỉ số" },
    children: [
      { id: "a", name: { vi: "A" }, rule: { type: "value" } },
      { id: "b", name: { vi: "B" }, rule: { type: "value" } },
    ],
  },
};

const rows = [
  { unit: "Hà Nội", region: "Bắc", year: 2022, a: 0.6, b: 0.4 },
  { unit: "Hà Nội", region: "Bắc", year: 2023, a: 0.7, b: "" },
  { unit: "Hải Phòng", region: "Bắc", year: 2023, a: 0.5, b: 0.3 },
  { unit: "Bắc Ninh", region: "Bắc", year: 2023, a: 0.8, b: 0.5 },
  { unit: "Cần Thơ", region: "Nam", year: 2023, a: "", b: 0.2 },
];
const columns = { group: "region" };

describe("imputation", () => {
  it("without it, blanks are errors as before", () => {
    expect(validate(fw, rows, { columns }).errors.map((e) => e.code)).toEqual(["DATA_MISSING_VALUE", "DATA_MISSING_VALUE"]);
  });

  it("fills the previous year's value and lists it; what it cannot fill follows the missing policy", () => {
    const r = score(fw, rows, { columns, impute: "previous-year", missing: "reweight" });
    expect(r.imputed).toEqual([{ unit: "Hà Nội", year: 2023, node: "b", value: 0.4, method: "previous-year", from: "2022" }]);
    const hn = r.units.find((u) => u.unit === "Hà Nội" && u.year === 2023)!;
    expect(hn.value).toBe("0.5500");
    expect(hn.nodes["b"]!.coverage).toBe(0); // coverage counts observed data only
    const ct = r.units.find((u) => u.unit === "Cần Thơ")!;
    expect(ct.value).toBe("0.2000"); // no earlier year: left out and reweighted
    expect(r.warnings.map((w) => w.code).sort()).toEqual(["DATA_IMPUTED", "DATA_MISSING_VALUE"]);
  });

  it("fills the group mean of the same year, tries methods in order, and reports a blank nothing can fill", () => {
    const report = validate(fw, rows, { columns, impute: "group-mean" });
    expect(report.errors.map((e) => [e.code, e.unit])).toEqual([["DATA_MISSING_VALUE", "Cần Thơ"]]);
    const r = score(fw, rows.slice(0, 4), { columns, impute: ["group-mean", "previous-year"] });
    expect(r.imputed).toEqual([{ unit: "Hà Nội", year: 2023, node: "b", value: 0.4, method: "group-mean", from: "group Bắc (2 units)" }]);
    const both = score(fw, rows.slice(0, 4).map((x) => (x.unit === "Hải Phòng" ? { ...x, b: 0.35 } : x)), { columns, impute: ["previous-year", "group-mean"] });
    expect(both.imputed![0]!.method).toBe("previous-year");
  });

  it("takes the latest earlier year that has a value, skipping blank years", () => {
    const panel = [
      { unit: "Huế", year: 2020, a: 0.5, b: 0.1 },
      { unit: "Huế", year: 2021, a: 0.5, b: 0.2 },
      { unit: "Huế", year: 2022, a: 0.5, b: "" },
      { unit: "Huế", year: 2023, a: 0.5, b: "" },
      { unit: "Huế", year: 2019, a: 0.5, b: 0.9 },
    ];
    const r = score(fw, panel, { impute: "previous-year" });
    expect(r.imputed!.map((c) => [c.year, c.value, c.from])).toEqual([
      [2022, 0.2, "2021"],
      [2023, 0.2, "2021"],
    ]);
  });
});
