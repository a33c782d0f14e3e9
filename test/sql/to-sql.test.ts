import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getFramework, score, type ScoreOptions } from "../../src/index.ts";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb, rowsToResult, toSql, type SqlColumns } from "../../src/sql.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { adjustedExpected, adjustedOnEngine } from "./adjusted-case.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";
import { READING_CHECKS } from "./number-spellings.ts";

const inputKeysOf = (framework: ReturnType<typeof getFramework>) => compileFramework(framework).leaves.flatMap((l) => compileFramework(framework).nodes[l]!.inputs);
const fixture = (name: string) => readFileSync(`fixtures/${name}`, "utf8");

async function onDuckDb(frameworkId: string, records: Record<string, unknown>[], columns: SqlColumns, options: ScoreOptions = {}) {
  const framework = getFramework(frameworkId);
  const { query, columns: present } = recordsQuery(records);
  const inputs = Object.fromEntries(framework.root.children.length > 0 ? inputKeysOf(framework).filter((k) => !present.includes(k)).map((k) => [k, null]) : []);
  const sqlOptions = { ...options, columns, inputs } as Parameters<typeof toSql>[1];
  const { sql } = toSql(framework, { ...sqlOptions, source: { query } });
  return rowsToResult(framework, await queryDuckDb(sql), sqlOptions);
}

describe("toSql on DuckDB: the fixtures", () => {
  it("provinces-63-synthetic.json: values, ranks, group ranks and coverage as score()", async () => {
    const records = JSON.parse(fixture("provinces-63-synthetic.json")) as Record<string, unknown>[];
    const expected = score(getFramework("vn-dti-2022-province"), records, { columns: { code: "Mã", group: "Vùng" } });
    const actual = await onDuckDb("vn-dti-2022-province", records, { code: "Mã", group: "Vùng" });
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.find((u) => u.unit === "Bình Định")?.value).toBe("0.8091");
  }, 60_000);
});

describe("toSql on DuckDB: bonus and penalty points", () => {
  it.each(["total", "non-negative", "none"])("adjustedRange %s: values, ranks and coverage as score()", async (range) => {
    const got = await adjustedOnEngine(range, "duckdb", queryDuckDb);
    expect(got).toEqual({ differences: [], ...adjustedExpected(range) });
  }, 60_000);
});

describe("toSql refuses what SQL cannot compute as the library does", () => {
  const base = getFramework("vn-dti-2020-province");
  const source = { table: "units" };
  const refused = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as DtiError;
    }
    throw new Error("not refused");
  };
  it("a geometric mean, naming the node", () => {
    const geometric = { ...base, root: { ...base.root, aggregation: "geometric" as const } };
    const e = refused(() => toSql(geometric, { source }));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.issues[0]?.node).toBe(base.root.id);
    expect(e.message).toMatch(/irrational/u);
  });
  it("a Mazziotta-Pareto mean, naming the node and not calling it irrational (it is M − S²/M)", () => {
    const mpi = { ...base, root: { ...base.root, aggregation: "mazziotta-pareto" as const } };
    const e = refused(() => toSql(mpi, { source }));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.issues[0]?.node).toBe(base.root.id);
    expect(e.message).not.toMatch(/irrational/u);
    expect(e.message).toMatch(/arithmetic and harmonic means only/u);
  });
  it.each([
    [{ method: "zscore" }, /square root/u],
    [{ method: "minmax", range: [-1, 1] }, /below 0/u],
    [{ method: "goalposts", bounds: { min: 0, max: 10 }, clamp: false }, /clamp/u],
    [{ method: "target", target: 10, clamp: false }, /clamp/u],
  ])("a normalise rule %j, naming the leaf", (rule, message) => {
    const leaf = base.root.children[0]!;
    const normalised = { ...base, root: { ...base.root, children: [{ ...leaf, rule: { type: "normalise", ...rule } } as never, ...base.root.children.slice(1)] } };
    const e = refused(() => toSql(normalised, { source }));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.issues[0]?.node).toBe(leaf.id);
    expect(e.message).toMatch(message);
  });
  it("on DuckDB, values with more digits than its float first guess rounds exactly (PostgreSQL divides exactly)", () => {
    const leaf = base.root.children[0]!;
    const wide = { ...base, root: { ...base.root, children: [{ ...leaf, rule: { type: "normalise", method: "minmax", range: [0, 100000] } } as never, ...base.root.children.slice(1)] } };
    const e = refused(() => toSql(wide, { source, decimals: 12 }));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.issues[0]?.node).toBe(leaf.id);
    expect(toSql(wide, { source, decimals: 12, dialect: "postgres" }).sql).toContain("div(");
  });
  it("a view over an index that penalty points may take below 0, naming the view", () => {
    const penalised = {
      ...base,
      root: { ...base.root, maxPoints: 100, adjustedRange: "none", children: [...base.root.children, { id: "tru", name: { vi: "Điểm trừ" }, adjust: "penalty", maxPoints: 5, rule: { type: "points", max: 5 } } as never] },
      views: [{ id: "tong", name: { vi: "Tổng" }, terms: [{ node: base.root.id, weight: 1 }, { node: base.root.children[0]!.id, weight: 1 }] }],
    };
    const e = refused(() => toSql(penalised as never, { source }));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.issues[0]?.node).toBe("tong");
  });
  it.each([
    [{ unranked: ["Σπάρτη"] } as object, /Greek sigma/u],
    [{ shape: "long", columns: { ranked: "Được xếp hạng" } } as object, /long data/u],
    [{ unranked: ["Huế"], merge: [{ unit: "Quảng Nam", into: "Đà Nẵng" }] } as object, /together with merges/u],
    [{ columns: { unit: "unit", ranked: "Được xếp hạng" }, merge: [{ unit: "Quảng Nam", into: "Đà Nẵng" }] } as object, /together with merges/u],
    [{ ties: "exact" as const }, /published/u],
    [{ ranking: "ordinal" as const }, /competition/u],
    [{ impute: "group-mean" } as object, /imputation/u],
    [{ dialect: "postgres" as const, source: { csv: "x.csv" } }, /PostgreSQL/u],
  ])("%j", (options, message) => {
    const e = refused(() => toSql(base, { source, ...options } as Parameters<typeof toSql>[1]));
    expect(e.code).toBe("SQL_UNSUPPORTED");
    expect(e.message).toMatch(message);
  });
  it("an input missing from the source under missing: error", () => {
    const e = refused(() => toSql(base, { source, inputs: { government: null } }));
    expect(e.code).toBe("DATA_MISSING_COLUMN");
  });
});

describe("a compiled query stops on bad data with the library's issue codes", () => {
  const framework = getFramework("vn-dti-2020-province");
  const run = async (record: Record<string, unknown>, options: { missing?: "zero"; inputDecimals?: number } = {}) => {
    const { sql } = toSql(framework, { ...options, source: { query: recordsQuery([record]).query } });
    return queryDuckDb(sql).then(
      () => undefined,
      (e: unknown) => (e as DtiError).issues[0],
    );
  };
  it.each([
    [{ unit: "Huế", government: "abc", economy: "0.5", society: "0.5" }, { code: "DATA_NOT_A_NUMBER", node: "government", unit: "Huế" }],
    [{ unit: "Huế", government: "1.5", economy: "0.5", society: "0.5" }, { code: "DATA_OUT_OF_RANGE", node: "government", unit: "Huế" }],
    [{ unit: "Huế", government: "", economy: "0.5", society: "0.5" }, { code: "DATA_MISSING_VALUE", node: "government", unit: "Huế" }],
    [{ unit: " ", government: "0.1", economy: "0.5", society: "0.5" }, { code: "DATA_MISSING_UNIT" }],
    [{ unit: "Huế", government: "0.1234567", economy: "0.5", society: "0.5" }, { code: "SQL_UNSUPPORTED", node: "government" }],
    // Past the float-read plain numbers (14 digits), still exact, then checked.
    [{ unit: "Huế", government: "123456789.5", economy: "0.5", society: "0.5" }, { code: "DATA_OUT_OF_RANGE", node: "government", unit: "Huế" }],
    // Past DuckDB's 18 digits with 6 decimals.
    [{ unit: "Huế", government: "1234567890123", economy: "0.5", society: "0.5" }, { code: "SQL_UNSUPPORTED", node: "government" }],
    [{ unit: "Huế", government: "1e-7", economy: "0.5", society: "0.5" }, { code: "SQL_UNSUPPORTED", node: "government", unit: "Huế" }],
    [{ unit: "Huế", government: "1e400", economy: "0.5", society: "0.5" }, { code: "DATA_NOT_A_NUMBER", node: "government", unit: "Huế" }],
  ])("%j", async (record, issue) => {
    expect(await run(record)).toMatchObject(issue);
  }, 30_000);
  it.each(READING_CHECKS)("%s", async (_, differences) => {
    expect(await differences("duckdb", queryDuckDb)).toEqual([]);
  }, 120_000);
  it.each(["NULL", "#N/A", " n/a ", "Na", ""])("a unit named %j is blank: DATA_MISSING_UNIT", async (unit) => {
    expect(await run({ unit, government: "0.1", economy: "0.5", society: "0.5" })).toMatchObject({ code: "DATA_MISSING_UNIT" });
  }, 30_000);
  it("names and codes: plain ones as they are, others cleaned, blank words and blanks no code", async () => {
    const cells = [
      ["Đà Nẵng", "DN-12345"],
      ["  Hà   Nội ", " HN\u00a0 01 "],
      ["Nullx", "NULL"],
      ["nulls", "#n/a "],
      ["A\u200bB", "na"],
      ["Huế", null],
    ] as const;
    const records = cells.map(([unit, code]) => ({ unit, code, government: "0.1", economy: "0.5", society: "0.5" }));
    const { sql } = toSql(framework, { source: { query: recordsQuery(records).query }, columns: { code: "code" } });
    const rows = await queryDuckDb(sql);
    expect(rows.map((r) => [r["unit"], r["code"]]).sort()).toEqual([["AB", null], ["Huế", null], ["Hà Nội", "HN 01"], ["Nullx", null], ["nulls", null], ["Đà Nẵng", "DN-12345"]].sort());
  }, 30_000);
  it("takes more decimals when asked, and blanks as zero", async () => {
    expect(await run({ unit: "Huế", government: "0.1234567", economy: "", society: "0,5" }, { inputDecimals: 7, missing: "zero" })).toBeUndefined();
  }, 30_000);
  it("reads spaced, signed and decimal-comma numbers exactly, the fast and the checked way alike", async () => {
    const records = [
      { unit: "A", government: " 0,1235 ", economy: "+0.5", society: ".25" },
      { unit: "B", government: "0.1235", economy: "0.50000", society: "0.250000" },
    ];
    const { sql } = toSql(framework, { source: { query: recordsQuery(records).query } });
    const rows = await queryDuckDb(sql);
    const root = framework.root.id;
    expect(rows.map((r) => [r["unit"], String(r[root]), r["rank"]])).toEqual([
      ["A", String(rows[1]![root]), 1],
      ["B", String(rows[0]![root]), 1],
    ]);
    expect(rows.map((r) => String(r["government"]))).toEqual(["0.1235", "0.1235"]);
  }, 30_000);
});
