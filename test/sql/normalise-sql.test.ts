// Normalisation across units and harmonic means compiled to SQL, on DuckDB, against score(): the
// cases the generated ones do not draw (ranges not starting at 0, ties "min", blanks as raw 0
// under "zero", a year missing a unit, across all years) and the DuckDB size guard.
import { describe, expect, it } from "vitest";
import { score, type FrameworkDefinition, type ScoreOptions } from "../../src/index.ts";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb, rowsToResult, toSql } from "../../src/sql.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import type { Framework } from "../../src/framework/types.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";

const leaf = (id: string, rule: object) => ({ id, name: { vi: id }, rule });

function framework(rules: readonly object[], aggregation: "arithmetic" | "harmonic" = "arithmetic"): Framework {
  const checked = validateFramework({
    id: "sql-normalise",
    version: "1",
    title: { vi: "Chuẩn hoá" },
    root: { id: "idx", name: { vi: "Chỉ số" }, aggregation, children: rules.map((r, k) => ({ ...leaf(`i${k}`, r), weight: k + 1 })) },
  } as unknown as FrameworkDefinition);
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.framework;
}

const records = [
  { unit: "An Giang", year: 2023, i0: "10", i1: "3,5", i2: "70", i3: "" },
  { unit: "Bắc Ninh", year: 2023, i0: "40", i1: "3.5", i2: "", i3: "12" },
  { unit: "Cà Mau", year: 2023, i0: "10", i1: "9", i2: "55", i3: "7" },
  { unit: "An Giang", year: 2024, i0: "25", i1: "1", i2: "90", i3: "7" },
  { unit: "Bắc Ninh", year: 2024, i0: "25", i1: "", i2: "20", i3: "30" },
  { unit: "Đà Nẵng", year: 2024, i0: "5", i1: "4", i2: "61.25", i3: "8" },
];

async function compare(definition: Framework, options: ScoreOptions & { missing: "zero" | "reweight" }) {
  const sqlOptions = { missing: options.missing, columns: { year: "year" } };
  const { sql } = toSql(definition, { ...sqlOptions, source: { query: recordsQuery(records).query } });
  const actual = rowsToResult(definition, await queryDuckDb(sql), sqlOptions);
  return differences(score(definition, records, sqlOptions), actual);
}

describe("normalisation across units on DuckDB, as score()", () => {
  const n = (method: string, extra: object = {}) => ({ type: "normalise", method, ...extra });
  it.each([
    ["min-max into [1, 100], lower better", [n("minmax", { range: [1, 100], direction: "lower" }), n("minmax"), n("minmax", { across: "all" }), n("minmax", { bounds: { min: 0, max: 50 }, range: [0.5, 1] })]],
    ["rank with ties min and average, percentile", [n("rank", { ties: "min" }), n("rank", { range: [2, 10] }), n("percentile", { direction: "lower" }), n("percentile", { across: "all", range: [0, 100] })]],
    ["target with and without worst, goalposts", [n("target", { target: 20 }), n("target", { target: 2, direction: "lower", range: [10, 20] }), n("target", { target: 80, worst: 30 }), n("goalposts", { bounds: { min: 5, max: 9 }, direction: "lower" })]],
  ])("%s", async (_, rules) => {
    for (const missing of ["zero", "reweight"] as const) {
      expect(await compare(framework(rules), { missing }), missing).toEqual([]);
      expect(await compare(framework(rules, "harmonic"), { missing }), `${missing}, harmonic`).toEqual([]);
    }
  }, 60_000);
});

describe("harmonic means on DuckDB", () => {
  it("stops with SQL_UNSUPPORTED naming the group where the exact fraction passes 38 digits", async () => {
    const rules = Array.from({ length: 9 }, () => ({ type: "value" }));
    const definition = framework(rules, "harmonic");
    const row = Object.fromEntries(rules.map((_, k) => [`i${k}`, `0.${String(100003 + 7919 * k).slice(0, 6)}`]));
    const { sql } = toSql(definition, { source: { query: recordsQuery([{ unit: "Huế", ...row }]).query } });
    const failure = await queryDuckDb(sql).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DtiError);
    expect((failure as DtiError).issues[0]).toMatchObject({ code: "SQL_UNSUPPORTED", node: "idx", unit: "Huế" });
  }, 30_000);
  it("scores 0 where a child is 0, and the mean of the others where one is missing", async () => {
    const definition = framework([{ type: "value" }, { type: "value" }, { type: "points", max: 3 }], "harmonic");
    const rows = [
      { unit: "A", i0: "0", i1: "0.5", i2: "2" },
      { unit: "B", i0: "", i1: "0.25", i2: "1.5" },
      { unit: "C", i0: "0.3", i1: "0.7", i2: "0.25" },
    ];
    const { sql } = toSql(definition, { missing: "reweight", source: { query: recordsQuery(rows).query } });
    const actual = rowsToResult(definition, await queryDuckDb(sql), { missing: "reweight" });
    expect(differences(score(definition, rows, { missing: "reweight" }), actual)).toEqual([]);
    expect(actual.units.find((u) => u.unit === "A")?.value).toBe("0.0000");
  }, 30_000);
});
