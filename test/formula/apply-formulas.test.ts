import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { applyFormulas } from "../../src/formula/apply-formulas.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { thrownCodes } from "../helpers/outcome.ts";

const ward = defineFramework({
  id: "ward-formula",
  version: "1.0.0",
  title: { vi: "Phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    maxPoints: 100,
    children: [
      { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 40, rule: { type: "points" } },
      // The computed share, scored against goalposts 0-100 %.
      { id: "online-share", name: { vi: "Tỷ lệ hồ sơ trực tuyến" }, maxPoints: 60, rule: { type: "goalposts", min: 0, max: 100, direction: "higher" } },
    ],
  },
});

const csv = "Phường;Nhận thức số;Hồ sơ trực tuyến;Tổng hồ sơ\nBến Nghé;30;180;200\nĐa Kao;20;45;60\nTân Định;40;;100\n";
const formulas = [{ column: "online-share", expression: "a / b * 100", inputs: { a: "Hồ sơ trực tuyến", b: "Tổng hồ sơ" } }];

describe("applyFormulas: computed input columns before scoring", () => {
  it("computes exact values per row, consumes the input columns, keeps a blank input blank", () => {
    const table = applyFormulas(parseCsv(csv), formulas);
    expect(table.columns).toEqual(["Phường", "Nhận thức số", "online-share"]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["Bến Nghé", "30", "90"],
      ["Đa Kao", "20", "75"],
      ["Tân Định", "40", undefined],
    ]);
    const result = score(ward, table, { missing: "zero" });
    // Bến Nghé: (30 + 0.9 × 60) / 100 = 0.84; Đa Kao: (20 + 0.75 × 60) / 100 = 0.65; Tân Định: 40 / 100.
    expect(result.units.map((u) => [u.unit, u.value, u.rank])).toEqual([
      ["Bến Nghé", "0.8400", 1],
      ["Đa Kao", "0.6500", 2],
      ["Tân Định", "0.4000", 3],
    ]);
  });

  it("gives the same result from JSON records", () => {
    const records = [
      { "Phường": "Bến Nghé", "Nhận thức số": 30, "Hồ sơ trực tuyến": 180, "Tổng hồ sơ": 200 },
      { "Phường": "Đa Kao", "Nhận thức số": 20, "Hồ sơ trực tuyến": 45, "Tổng hồ sơ": 60 },
    ];
    const fromJson = score(ward, applyFormulas(records, formulas));
    const fromCsv = score(ward, applyFormulas(parseCsv(csv.split("\n").slice(0, 3).join("\n")), formulas));
    expect(fromJson.units.map((u) => u.value)).toEqual(fromCsv.units.map((u) => u.value));
  });

  it("bad values and non-finite results are row issues that stop score() and show in validate()", () => {
    const table = applyFormulas(parseCsv("Phường;Nhận thức số;Hồ sơ trực tuyến;Tổng hồ sơ\nBến Nghé;30;abc;200\nĐa Kao;20;45;0\n"), formulas);
    expect(table.issues.map((i) => [i.code, i.row, i.column, i.unit])).toEqual([
      ["DATA_NOT_A_NUMBER", 2, "online-share", "Bến Nghé"],
      ["FORMULA_NOT_FINITE", 3, "online-share", "Đa Kao"],
    ]);
    // The message says what to write instead.
    expect(table.issues[1]?.message).toContain("b == 0 ? 0 : a / b");
    // Under missing: "error" the two cells left blank are also missing values.
    expect(validate(ward, table).errors.map((e) => e.code)).toEqual(["DATA_NOT_A_NUMBER", "FORMULA_NOT_FINITE", "DATA_MISSING_VALUE", "DATA_MISSING_VALUE"]);
    // Under missing: "zero" the blanks are a warning (listed after the errors).
    expect(thrownCodes(() => score(ward, table, { missing: "zero" }))).toEqual(["DATA_NOT_A_NUMBER", "FORMULA_NOT_FINITE", "DATA_MISSING_VALUE"]);
  });

  it("refuses bad formulas, unknown input columns and clashing computed columns, all at once", () => {
    const codes = thrownCodes(() =>
      applyFormulas(parseCsv(csv), [
        { column: "x1", expression: "a.constructor", inputs: { a: "Hồ sơ trực tuyến" } },
        { column: "x2", expression: "a + 1", inputs: { a: "Không có cột này" } },
        { column: "Nhận thức số", expression: "a + 1", inputs: { a: "Tổng hồ sơ" } },
      ]),
    );
    expect(codes).toEqual(["FORMULA_FORBIDDEN", "DATA_MISSING_COLUMN", "DATA_DUPLICATE_COLUMN"]);
  });

  it("keepInputs keeps the columns the formulas read", () => {
    const table = applyFormulas(parseCsv(csv), formulas, { keepInputs: true });
    expect(table.columns).toEqual(["Phường", "Nhận thức số", "Hồ sơ trực tuyến", "Tổng hồ sơ", "online-share"]);
  });
});

describe("applyFormulas: hostile arguments", () => {
  it("bad data, formulas or options are typed errors", () => {
    expect(thrownCodes(() => applyFormulas(null as never, formulas))).toEqual(["DATA_MISSING_COLUMN", "DATA_MISSING_COLUMN"]);
    expect(thrownCodes(() => applyFormulas(parseCsv(csv), "a + b" as never))).toEqual(["OPTION_INVALID"]);
    expect(thrownCodes(() => applyFormulas(parseCsv(csv), [null] as never))).toEqual(["OPTION_INVALID"]);
    expect(applyFormulas(parseCsv(csv), formulas, null as never).columns).toEqual(["Phường", "Nhận thức số", "online-share"]);
  });
});
