import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { tableFromRecords } from "../../src/input/table.ts";
import { score, validate } from "../../src/pipeline/score.ts";

/** A small points-based framework: total = points / 100, like the DTI's points / 1000. */
const points: FrameworkDefinition = {
  id: "ward-test",
  version: "1.0.0",
  title: { vi: "Phường thử", en: "Test ward" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    maxPoints: 100,
    children: [
      {
        id: "foundation",
        name: { vi: "Nền tảng", en: "Foundation" },
        maxPoints: 60,
        children: [
          { id: "awareness", name: { vi: "Nhận thức số", en: "Digital awareness" }, short: "NTS", maxPoints: 30, rule: { type: "points" } },
          { id: "skills", name: { vi: "Nhân lực số" }, short: "NLS", maxPoints: 30, rule: { type: "points" } },
          { id: "smart", name: { vi: "Đô thị thông minh" }, maxPoints: 0, rule: { type: "value" } },
        ],
      },
      { id: "services", name: { vi: "Dịch vụ công trực tuyến" }, maxPoints: 40, rule: { type: "ratio" } },
    ],
  },
  views: [{ id: "people", name: { vi: "Con người" }, terms: [{ node: "awareness" }, { node: "skills" }] }],
};

function expectIssues(fn: () => unknown): DtiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DtiError);
    return e as DtiError;
  }
  throw new Error("expected a DtiError");
}

describe("score: values", () => {
  it("computes every node as points over max points, exactly", () => {
    const r = score(points, [{ unit: "Phường Bến Nghé", awareness: 27, skills: "22,5", "services.a": 30, "services.b": 40 }]);
    const u = r.units[0]!;
    // (27 + 22.5 + 0.75 × 40) / 100 = 0.795
    expect(u.value).toBe("0.7950");
    expect(u.score).toBe(0.795);
    expect(u.nodes["foundation"]!.value).toBe("0.8250"); // 49.5 / 60
    expect(u.nodes["awareness"]!.value).toBe("0.9000");
    expect(u.nodes["services"]!.value).toBe("0.7500");
    expect(u.nodes["people"]!.value).toBe("0.8250"); // view: (27 + 22.5) / 60
    expect(u.nodes["smart"]!.value).toBeNull(); // zero-weight node may be blank
    expect(u.coverage).toBe(1);
    expect(r.root).toBe("dti");
  });

  it("rounds published values half-up from the exact value, not from a float", () => {
    const fw = defineFramework({
      id: "t", version: "1", title: { vi: "T" },
      root: { id: "i", name: { vi: "I" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] },
    });
    // 0.00105 as a float is 0.00104999…; toFixed(4) gives "0.0010". Exact half-up gives "0.0011".
    expect(score(fw, [{ unit: "X", a: "0.00105" }]).units[0]!.value).toBe("0.0011");
    expect(score(fw, [{ unit: "X", a: 0.00105 }]).units[0]!.value).toBe("0.0011");
    expect(score(fw, [{ unit: "X", a: "0.71635" }], { decimals: 2 }).units[0]!.value).toBe("0.72");
  });

  it("aggregates geometrically when a group asks for it", () => {
    const fw = defineFramework({
      id: "g", version: "1", title: { vi: "G" },
      root: {
        id: "i", name: { vi: "I" }, aggregation: "geometric",
        children: [
          { id: "a", name: { vi: "A" }, rule: { type: "value" } },
          { id: "b", name: { vi: "B" }, rule: { type: "value" } },
        ],
      },
    });
    const r = score(fw, [
      { unit: "X", a: 0.25, b: 1 },
      { unit: "Y", a: 0, b: 1 },
    ]);
    expect(r.units.find((u) => u.unit === "X")!.value).toBe("0.5000");
    expect(r.units.find((u) => u.unit === "Y")!.value).toBe("0.0000");
  });
});

describe("score: ranking", () => {
  const fw = defineFramework({
    id: "r", version: "1", title: { vi: "R" },
    root: { id: "i", name: { vi: "I" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] },
  });
  const data = [
    { unit: "Hà Nội", a: 0.7 },
    { unit: "Đà Nẵng", a: "0.80001" },
    { unit: "Cần Thơ", a: 0.8 },
    { unit: "An Giang", a: 0.6 },
  ];

  it("ties share a rank and the next is skipped (1224), judged on the published value", () => {
    const r = score(fw, data);
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Cần Thơ", 1],
      ["Đà Nẵng", 1],
      ["Hà Nội", 3],
      ["An Giang", 4],
    ]);
  });

  it("can judge ties on the exact value", () => {
    const r = score(fw, data, { ties: "exact" });
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Đà Nẵng", 1],
      ["Cần Thơ", 2],
      ["Hà Nội", 3],
      ["An Giang", 4],
    ]);
  });

  it("offers dense and ordinal ranks; ordinal breaks ties in Vietnamese name order", () => {
    expect(score(fw, data, { ranking: "dense" }).units.map((u) => u.rank)).toEqual([1, 1, 2, 3]);
    const ordinal = score(fw, data, { ranking: "ordinal" }).units;
    expect(ordinal.map((u) => [u.unit, u.rank])).toEqual([
      ["Cần Thơ", 1],
      ["Đà Nẵng", 2],
      ["Hà Nội", 3],
      ["An Giang", 4],
    ]);
  });

  it("ranks within groups and per year", () => {
    const r = score(fw, [
      { unit: "A", "Nhóm": "có DVC", a: 0.9, year: 2023 },
      { unit: "B", "Nhóm": "có DVC", a: 0.5, year: 2023 },
      { unit: "C", "Nhóm": "không DVC", a: 0.7, year: 2023 },
      { unit: "A", "Nhóm": "có DVC", a: 0.4, year: 2024 },
      { unit: "B", "Nhóm": "có DVC", a: 0.6, year: 2024 },
      { unit: "C", "Nhóm": "không DVC", a: 0.8, year: 2024 },
    ]);
    const at = (unit: string, year: number) => r.units.find((u) => u.unit === unit && u.year === year)!;
    expect([at("A", 2023).rank, at("C", 2023).rank, at("B", 2023).rank]).toEqual([1, 2, 3]);
    expect([at("A", 2023).groupRank, at("B", 2023).groupRank, at("C", 2023).groupRank]).toEqual([1, 2, 1]);
    expect([at("C", 2024).rank, at("B", 2024).rank, at("A", 2024).rank]).toEqual([1, 2, 3]);
    expect(at("A", 2024).groupRank).toBe(2);
    expect(r.units.map((u) => u.year)).toEqual([2023, 2023, 2023, 2024, 2024, 2024]);
    expect(at("A", 2023).nodes["a"]!.groupRank).toBe(1);
  });

  it("gives units without a group no group rank", () => {
    const r = score(fw, [{ unit: "A", a: 0.5 }]);
    expect(r.units[0]!.groupRank).toBeNull();
  });
});

describe("score: missing values", () => {
  const rows = [
    { unit: "Full", awareness: 30, skills: 30, "services.a": 1, "services.b": 1 },
    { unit: "Gap", awareness: 30, skills: "", "services.a": 1, "services.b": 1 },
  ];

  it("'error' (default) reports every missing value with row, column and unit", () => {
    const e = expectIssues(() => score(points, rows));
    expect(e.code).toBe("DATA_MISSING_VALUE");
    expect(e.issues).toEqual([
      expect.objectContaining({ code: "DATA_MISSING_VALUE", row: 2, column: "skills", unit: "Gap", node: "skills", severity: "error" }),
    ]);
  });

  it("'zero' scores a missing value 0 and reports coverage", () => {
    const r = score(points, rows, { missing: "zero" });
    const gap = r.units.find((u) => u.unit === "Gap")!;
    expect(gap.value).toBe("0.7000"); // (30 + 0 + 40) / 100
    expect(gap.coverage).toBe(0.7); // 70 of 100 points had data
    expect(gap.nodes["foundation"]!.coverage).toBe(0.5);
    expect(r.coverage).toEqual({ units: 2, complete: 1, mean: 0.85 });
    expect(r.warnings).toEqual([expect.objectContaining({ code: "DATA_MISSING_VALUE", severity: "warning", node: "skills" })]);
    expect(r.warnings[0]!.message).toMatch(/1 unit\(s\).*scored 0/u);
  });

  it("'reweight' averages over what is present", () => {
    const r = score(points, rows, { missing: "reweight" });
    const gap = r.units.find((u) => u.unit === "Gap")!;
    expect(gap.nodes["foundation"]!.value).toBe("1.0000"); // 30 / 30
    expect(gap.value).toBe("1.0000"); // (30 + 40) / 70
    expect(gap.nodes["skills"]!.value).toBeNull();
    expect(gap.nodes["skills"]!.rank).toBeNull();
    expect(gap.coverage).toBe(0.7);
  });

  it("reports a whole missing column once, as an error or (with a policy) a warning", () => {
    const data = [{ unit: "A", awareness: 30, "services.a": 1, "services.b": 2 }];
    const e = expectIssues(() => score(points, data));
    expect(e.issues.map((i) => [i.code, i.node])).toEqual([["DATA_MISSING_COLUMN", "skills"]]);
    const r = score(points, data, { missing: "zero" });
    expect(r.warnings.map((i) => [i.code, i.severity])).toEqual([["DATA_MISSING_COLUMN", "warning"]]);
    expect(r.units[0]!.value).toBe("0.5000");
  });
});

describe("score: data errors are all collected", () => {
  it("finds every bad cell, naming row, column and unit", () => {
    const report = validate(points, [
      { unit: "A", awareness: "abc", skills: 31, "services.a": 5, "services.b": 0 },
      { unit: "B", awareness: 10, skills: 10, "services.a": 5, "services.b": 4 },
      { unit: "", awareness: 10, skills: 10, "services.a": 1, "services.b": 4 },
      { unit: "a", awareness: 10, skills: 10, "services.a": 1, "services.b": 4 },
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors.map((i) => [i.code, i.row, i.column, i.unit])).toEqual([
      ["DATA_MISSING_UNIT", 3, "unit", undefined],
      ["DATA_DUPLICATE_UNIT", 4, undefined, "a"],
      ["DATA_NOT_A_NUMBER", 1, "awareness", "A"],
      ["DATA_OUT_OF_RANGE", 1, "skills", "A"],
      ["DATA_ZERO_DENOMINATOR", 1, "services.b", "A"],
      ["DATA_OUT_OF_RANGE", 2, "services.a", "B"],
    ]);
    expect(report.units).toBe(2);
  });

  it("rejects unknown columns unless told to warn or ignore them", () => {
    const data = [{ unit: "A", awareness: 1, skills: 1, "services.a": 1, "services.b": 1, "Ghi chú": "x" }];
    expect(validate(points, data).errors.map((i) => [i.code, i.column])).toEqual([["DATA_UNKNOWN_COLUMN", "Ghi chú"]]);
    expect(validate(points, data, { unknownColumns: "warn" }).warnings.map((i) => i.code)).toEqual(["DATA_UNKNOWN_COLUMN"]);
    expect(validate(points, data, { ignoreColumns: ["ghi chú"] }).ok).toBe(true);
  });

  it("suggests the indicator a misspelt column was meant for", () => {
    const fw = getFramework("vn-dti-2022-province");
    const row = { unit: "A", "Nhận thức số": 1, "Thê chế số": 1, "Hạ tầng số": 1, "Nhân lực số": 1, "An toàn thông tin mạng": 1, "Hoạt động chính quyền số": 1, "Hoạt động kinh tế số": 1, "Hoạt động xã hội số": 1, "Ghi chú": "x" };
    const messages = validate(fw, [row]).errors.filter((i) => i.code === "DATA_UNKNOWN_COLUMN").map((i) => i.message);
    expect(messages[0]).toMatch(/^column "Thê chế số" is not an indicator .*; did you mean "Thể chế số"\?/u);
    expect(messages[1]).not.toMatch(/did you mean/u);
    const warned = validate(fw, [row], { unknownColumns: "warn" }).warnings.find((i) => i.code === "DATA_UNKNOWN_COLUMN")!.message;
    expect(warned).toMatch(/; it is not read; did you mean "Thể chế số"\?$/u);
  });

  it("warns about a computed score column instead of reading it", () => {
    const r = score(points, [{ unit: "A", awareness: 1, skills: 1, "services.a": 1, "services.b": 1, DTI: "0.9" }]);
    expect(r.warnings.map((i) => [i.code, i.column])).toEqual([["DATA_UNKNOWN_COLUMN", "DTI"]]);
  });

  it("matches columns by id, Vietnamese or English name and short label, NFC and case-insensitively", () => {
    const r = score(points, [
      { "Đơn vị": "A", ["NHẬN THỨC SỐ".normalize("NFD")]: 30, nls: 15, "services.a": 1, "services.b": 1 },
    ]);
    expect(r.units[0]!.nodes["awareness"]!.value).toBe("1.0000");
    expect(r.units[0]!.nodes["skills"]!.value).toBe("0.5000");
    const e = validate(points, [{ unit: "A", awareness: 1, "Nhận thức số": 2, skills: 1, "services.a": 1, "services.b": 1 }]);
    expect(e.errors.map((i) => i.code)).toEqual(["DATA_AMBIGUOUS_COLUMN"]);
  });

  it("reports a duplicate header", () => {
    const table = { columns: ["unit", "a", "A"], rows: [{ line: 2, cells: ["X", "0.5", "0.6"] }], format: "csv" as const, issues: [] };
    const fw = defineFramework({ id: "d", version: "1", title: { vi: "D" }, root: { id: "i", name: { vi: "I" }, children: [{ id: "a", name: { vi: "Alpha" }, rule: { type: "value" } }] } });
    expect(validate(fw, table).errors.map((i) => [i.code, i.column])).toEqual([["DATA_DUPLICATE_COLUMN", "A"]]);
  });

  it("needs a unit column, and says which names it accepts", () => {
    const e = validate(points, [{ who: "A", awareness: 1 }]);
    expect(e.errors.map((i) => i.code)).toContain("DATA_NO_UNIT_COLUMN");
    const ok = validate(points, [{ who: "A", awareness: 1, skills: 1, "services.a": 1, "services.b": 1 }], { columns: { unit: "who" } });
    expect(ok.ok).toBe(true);
  });

  it("reports empty data and bad years", () => {
    expect(validate(points, []).errors.map((i) => i.code)).toContain("DATA_EMPTY");
    const r = validate(points, [{ unit: "A", year: "20x4", awareness: 1, skills: 1, "services.a": 1, "services.b": 1 }]);
    expect(r.errors.map((i) => [i.code, i.column])).toEqual([["DATA_BAD_YEAR", "year"]]);
  });

  it("reports invalid options", () => {
    const e = expectIssues(() => score(points, [], { missing: "guess" as never }));
    expect(e.code).toBe("OPTION_INVALID");
  });

  it("validates an unvalidated framework definition first", () => {
    const e = expectIssues(() => score({ ...points, root: { ...points.root, children: [] } }, []));
    expect(e.code).toBe("FRAMEWORK_SCHEMA");
  });
});

describe("score: long form", () => {
  it("reads (unit, indicator, value) rows, indicators by id or name", () => {
    const r = score(points, [
      { unit: "A", indicator: "awareness", value: 15 },
      { unit: "A", indicator: "Nhân lực số", value: 30 },
      { unit: "A", indicator: "services.a", value: 1 },
      { unit: "A", indicator: "services.b", value: 2 },
    ]);
    expect(r.units[0]!.value).toBe("0.6500"); // (15 + 30 + 20) / 100
  });

  it("reports unknown indicators, duplicates, conflicts and missing values", () => {
    const report = validate(points, [
      { unit: "A", group: "x", indicator: "awareness", value: 15 },
      { unit: "A", group: "y", indicator: "awareness", value: 16 },
      { unit: "A", indicator: "nope", value: 1 },
      { unit: "A", indicator: "DTI", value: 1 },
      { unit: "A", indicator: "services.a", value: 1 },
      { unit: "A", indicator: "services.b", value: 2 },
    ]);
    expect(report.errors.map((i) => [i.code, i.row])).toEqual([
      ["DATA_CONFLICT", 2],
      ["DATA_DUPLICATE_VALUE", 2],
      ["DATA_UNKNOWN_INDICATOR", 3],
      ["DATA_UNKNOWN_INDICATOR", 4],
      ["DATA_MISSING_VALUE", 1],
    ]);
    expect(report.errors[4]!.message).toBe('no value for "skills" (Nhân lực số)');
  });

  it("gives the same result as the wide form", () => {
    const wide = score(points, [{ unit: "A", awareness: 12, skills: 21, "services.a": 3, "services.b": 4 }]);
    const long = score(points, [
      { unit: "A", indicator: "awareness", value: 12 },
      { unit: "A", indicator: "skills", value: 21 },
      { unit: "A", indicator: "services.a", value: 3 },
      { unit: "A", indicator: "services.b", value: 4 },
    ]);
    expect(long.units).toEqual(wide.units.map((u) => ({ ...u })));
  });
});

describe("score: merging units", () => {
  const fw = defineFramework({
    id: "m", version: "1", title: { vi: "M" },
    root: {
      id: "dti", name: { vi: "DTI" }, maxPoints: 300,
      children: [
        { id: "a", name: { vi: "A" }, maxPoints: 100, rule: { type: "value" } },
        { id: "b", name: { vi: "B" }, maxPoints: 200, rule: { type: "value" } },
      ],
    },
  });
  const data = [
    { unit: "Đà Nẵng", region: "Trung", a: 0.9, b: 0.8 },
    { unit: "Quảng Nam", region: "Trung", a: 0.5, b: 0.6 },
    { unit: "Huế", region: "Trung", a: 0.7, b: 0.7 },
    { unit: "Cần Thơ", region: "Nam", a: 0.6, b: 0.4 },
    { unit: "Hậu Giang", region: "Nam", a: 0.2, b: 0.5 },
  ];

  it("merged indicator values are the unweighted mean of the members'", () => {
    const r = score(fw, data, {
      merge: [
        { unit: "Quảng Nam", into: "Đà Nẵng" },
        { unit: "Hậu Giang", into: "Cần Thơ", code: "92" },
      ],
      columns: { group: "region" },
    });
    // Merged Đà Nẵng (0.7) ties Huế (0.7): both rank 1, listed in Vietnamese order.
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Đà Nẵng", 1],
      ["Huế", 1],
      ["Cần Thơ", 3],
    ]);
    const dn = r.units.find((u) => u.unit === "Đà Nẵng")!;
    expect(dn.members).toEqual(["Đà Nẵng", "Quảng Nam"]);
    expect(dn.nodes["a"]!.value).toBe("0.7000");
    expect(dn.nodes["b"]!.value).toBe("0.7000");
    expect(dn.group).toBe("Trung");
    const ct = r.units.find((u) => u.unit === "Cần Thơ")!;
    expect(ct.code).toBe("92");
    // a = (0.6 + 0.2) / 2 = 0.4, b = (0.4 + 0.5) / 2 = 0.45 → (0.4 × 100 + 0.45 × 200) / 300 = 0.43333…
    expect(ct.nodes["b"]!.value).toBe("0.4500");
    expect(ct.value).toBe("0.4333");
    expect(r.units.find((u) => u.unit === "Huế")!.members).toBeUndefined();
  });

  it("accepts a plain object mapping, and reports unknown units and double mappings", () => {
    expect(score(fw, data, { merge: { "Quảng Nam": "Đà Nẵng" } }).units).toHaveLength(4);
    const report = validate(fw, data, {
      merge: [
        { unit: "Kon Tum", into: "Quảng Ngãi" },
        { unit: "Huế", into: "A" },
        { unit: "Huế", into: "B" },
      ],
    });
    expect(report.errors.map((i) => [i.code, i.unit])).toEqual([
      ["DATA_MERGE_INVALID", "Huế"],
      ["DATA_MERGE_UNKNOWN_UNIT", "Kon Tum"],
    ]);
  });

  it("warns when a merge target is a new name that nearly matches a unit left apart", () => {
    const named = data.map((d) => (d.unit === "Đà Nẵng" ? { ...d, unit: "TP. Đà Nẵng" } : d));
    const r = score(fw, named, { merge: [{ unit: "Quảng Nam", into: "Đà Nẵng" }] });
    expect(r.units.map((u) => u.unit)).toContain("TP. Đà Nẵng");
    expect(r.warnings.map((i) => [i.code, i.unit, i.message])).toEqual([
      ["DATA_MERGE_INVALID", "Đà Nẵng", 'the merge target "Đà Nẵng" is not a unit of the data, so it is a new unit and "TP. Đà Nẵng" stays apart; did you mean "TP. Đà Nẵng"?'],
    ]);
    // A real new name (nothing like it in the data) is no warning.
    expect(score(fw, data, { merge: [{ unit: "Quảng Nam", into: "Tỉnh Mới" }, { unit: "Huế", into: "Tỉnh Mới" }] }).warnings).toEqual([]);
  });

  it("warns when members are in different groups", () => {
    const r = score(fw, data, { merge: { "Cần Thơ": "X", "Huế": "X" }, columns: { group: "region" } });
    expect(r.warnings.map((i) => i.code)).toEqual(["DATA_MERGE_INVALID"]);
    expect(r.units.find((u) => u.unit === "X")!.group).toBeUndefined();
  });
});

describe("score: input forms", () => {
  it("accepts a RawTable (as parseCsv returns) with line numbers kept", () => {
    const fw = defineFramework({ id: "t", version: "1", title: { vi: "T" }, root: { id: "i", name: { vi: "I" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] } });
    const table = { columns: ["Tỉnh", "a"], rows: [{ line: 7, cells: ["Huế", "x"] }], format: "csv" as const, issues: [] };
    expect(validate(fw, table).errors).toEqual([expect.objectContaining({ code: "DATA_NOT_A_NUMBER", row: 7, column: "a", unit: "Huế" })]);
    expect(score(fw, tableFromRecords([{ "Tỉnh": "Huế", a: "1" }])).units[0]!.value).toBe("1.0000");
  });

  it("treats unit names containing __proto__ and constructor as plain names", () => {
    const fw = defineFramework({ id: "t", version: "1", title: { vi: "T" }, root: { id: "i", name: { vi: "I" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] } });
    const r = score(fw, JSON.parse('[{"unit":"__proto__","a":0.5},{"unit":"constructor","a":0.7}]') as unknown[]);
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ["constructor", 1],
      ["__proto__", 2],
    ]);
    expect(({} as Record<string, unknown>)["a"]).toBeUndefined();
  });
});
