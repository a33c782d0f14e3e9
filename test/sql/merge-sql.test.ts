import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getFramework, score, type ScoreOptions } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import { readMergeTable } from "../../src/input/read-merge-map.ts";
import type { MergeMapping } from "../../src/score/merge-units.ts";
import { queryDuckDb, rowsToResult, toSql, type SqlColumns } from "../../src/sql.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";

const FW = "vn-dti-2020-province";
const MERGE_2025 = readMergeTable(parseCsv(readFileSync("fixtures/merge-2025.csv", "utf8"))).entries;

/** `records` scored with `merge` by score() and on DuckDB, and the engine's rows. */
async function both(frameworkId: string, records: Record<string, unknown>[], columns: SqlColumns, merge: MergeMapping, options: ScoreOptions = {}) {
  const framework = getFramework(frameworkId);
  const plan = compileFramework(framework);
  const { query, columns: present } = recordsQuery(records);
  const inputs = Object.fromEntries(plan.leaves.flatMap((l) => plan.nodes[l]!.inputs).filter((k) => !present.includes(k)).map((k) => [k, null]));
  const sqlOptions = { ...options, columns, inputs, merge } as Parameters<typeof toSql>[1];
  const { sql, columns: names } = toSql(framework, { ...sqlOptions, source: { query } });
  const rows = await queryDuckDb(sql);
  const expected = score(framework, records, { ...options, columns, merge });
  return { expected, actual: rowsToResult(framework, rows, sqlOptions), rows, names };
}

const row = (unit: string, government: string, economy: string, society: string, extra: Record<string, unknown> = {}) => ({ unit, government, economy, society, ...extra });

describe("toSql with merged units, on DuckDB, as score()", () => {
  it("provinces-63-synthetic.json with merge-2025.csv (63 → 34 provinces): values, ranks, group ranks, coverage, codes, groups, members", async () => {
    const records = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")) as Record<string, unknown>[];
    const { expected, actual, names } = await both("vn-dti-2022-province", records, { code: "Mã", group: "Vùng" }, MERGE_2025);
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units).toHaveLength(34);
    expect(names.slice(0, 7)).toEqual(["rank", "group_rank", "unit", "code", "group", "members", "dti"]);
    const dn = actual.units.find((u) => u.unit === "TP. Đà Nẵng");
    expect([dn?.members, dn?.code]).toEqual([["TP. Đà Nẵng", "Quảng Nam"], "48"]);
  }, 60_000);

  it("provinces-63-synthetic-long.csv (long data) with merge-2025.csv: as score()", async () => {
    const framework = getFramework("vn-dti-2022-province");
    const table = parseCsv(readFileSync("fixtures/provinces-63-synthetic-long.csv", "utf8"));
    const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, k) => [c, r.cells[k] ?? null])));
    const merge = MERGE_2025.map(({ unit, into }) => ({ unit, into }));
    const options = { shape: "long" as const, columns: { indicator: "indicator", value: "value" }, merge };
    const { sql } = toSql(framework, { ...options, source: { query: recordsQuery(records).query } });
    const actual = rowsToResult(framework, await queryDuckDb(sql), options);
    expect(actual.units).toHaveLength(34);
    expect(differences(score(framework, table, { merge }), actual)).toEqual([]);
  }, 60_000);

  it("matches names as score() does: case, NFD, invisible characters, no-break and doubled spaces", async () => {
    const records = [
      row("ĐÀ NẴNG", "0.5", "0.25", "0.125"),
      row("Quảng Nam\u200b".normalize("NFD"), "0.3", "0.7", "0.1"),
      row("\u00a0Huế  ", "0.9", "0.1", "0.2"),
      row("Hà Nội", "0.2", "0.2", "0.2"),
    ];
    const merge = [{ unit: "quảng nam", into: "Đà Nẵng" }, { unit: "HUẾ", into: "Đà Nẵng" }];
    const { expected, actual } = await both(FW, records, {}, merge);
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.map((u) => [u.unit, u.members ?? null])).toEqual([
      ["Đà Nẵng", ["ĐÀ NẴNG", "Quảng Nam", "Huế"]],
      ["Hà Nội", null],
    ]);
  }, 60_000);

  it("names units as score() cleans them, merged or not: invisible characters, NFD, no-break and doubled spaces; codes and groups too", async () => {
    const records = [
      row("ĐÀ NẴNG", "0.5", "0.25", "0.125", { code: " 48\u200b", group: "Miền  Trung" }),
      row("Quảng Nam", "0.3", "0.7", "0.1", { code: "49", group: "Miền Trung" }),
      row("\u00a0Hà\u200b  Nội ", "0.2", "0.2", "0.2", { code: "01", group: "Miền\u00a0Bắc" }),
      row("Huế".normalize("NFD"), "0.9", "0.1", "0.2", { code: "46", group: "Miền Trung" }),
    ];
    const columns = { code: "code", group: "group" };
    for (const merge of [[], [{ unit: "quảng nam", into: "Đà Nẵng" }]]) {
      const { expected, actual } = await both(FW, records, columns, merge);
      expect(differences(expected, actual)).toEqual([]);
      expect(actual.units.map((u) => [u.unit, u.code, u.group])).toEqual(expected.units.map((u) => [u.unit, u.code, u.group]));
      expect(actual.units.find((u) => u.code === "01")?.unit).toBe("Hà Nội");
      expect(actual.units.find((u) => u.code === "46")?.unit).toBe("Huế");
    }
  }, 60_000);

  it("merges within each year; a member missing from a year, blanks under reweight, the members' common group", async () => {
    const records = [
      row("A", "0.5", "0.25", "", { year: "2023", region: "Bắc" }),
      row("B", "0.3", "", "0.1", { year: "2023", region: "Bắc" }),
      row("C", "", "0.6", "0.6", { year: "2023", region: "Nam" }),
      row("A", "0.45", "0.35", "0.15", { year: "2024", region: "Bắc" }),
      row("C", "0.7", "0.1", "0.3", { year: "2024", region: "Nam" }),
    ];
    const { expected, actual } = await both(FW, records, { year: "year", group: "region" }, [{ unit: "A", into: "AB" }, { unit: "B", into: "AB" }], { missing: "reweight" });
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.map((u) => [u.year, u.unit, u.group ?? null, u.members?.length ?? 0])).toEqual([
      [2023, "C", "Nam", 0],
      [2023, "AB", "Bắc", 2],
      [2024, "C", "Nam", 0],
      [2024, "AB", "Bắc", 1],
    ]);
  }, 60_000);

  it("a code and group only the mapping gives: columns of the query, blank for the other units, group ranks among the grouped", async () => {
    const records = [row("A", "0.5", "0.25", "0.125"), row("B", "0.3", "0.7", "0.1"), row("C", "0.9", "0.1", "0.2"), row("D", "0.2", "0.6", "0.2")];
    const merge = [{ unit: "A", into: "AB", code: "01", group: "Bắc" }, { unit: "B", into: "AB" }, { unit: "C", into: "C", group: "Bắc" }];
    const { expected, actual, names } = await both(FW, records, {}, merge);
    expect(differences(expected, actual)).toEqual([]);
    expect(names.slice(0, 6)).toEqual(["rank", "group_rank", "unit", "code", "group", "members"]);
    expect(actual.units.map((u) => [u.unit, u.code ?? null, u.group ?? null, u.groupRank])).toEqual(expected.units.map((u) => [u.unit, u.code ?? null, u.group ?? null, u.groupRank]));
    expect(actual.units.find((u) => u.unit === "AB")).toMatchObject({ code: "01", group: "Bắc" });
  }, 60_000);

  it("a chain (A into B, B into C), a merged unit of one member, row numbers: as score()", async () => {
    const records = [row("C", "0.5", "0.25", "0.125"), row("A", "0.3", "0.7", "0.1"), row("B", "0.9", "0.1", "0.2"), row("D", "0.2", "0.6", "0.2"), row("E", "0.4", "0.4", "0.4")];
    const merge = [{ unit: "A", into: "B" }, { unit: "B", into: "C" }, { unit: "E", into: "Mới" }];
    const { expected, actual, rows } = await both(FW, records, {}, merge, { rowNumbers: true } as ScoreOptions);
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.map((u) => [u.unit, u.members ?? null])).toEqual(expected.units.map((u) => [u.unit, u.members ?? null]));
    // The merged unit's row is its first member's (the source's lines as a CSV file numbers them).
    expect(rows.filter((r) => r["members"] !== null).map((r) => [r["unit"], r["members"], r["row"]]).sort()).toEqual([["B", "A", 3], ["C", "C + B", 2], ["Mới", "E", 6]]);
  }, 60_000);

  it("a merged unit's leaf is the mean of its members' after normalisation across the units as the data has them", async () => {
    const framework = {
      id: "nm",
      version: "1",
      title: { vi: "Chuẩn hoá" },
      root: { id: "idx", name: { vi: "Chỉ số" }, children: [{ id: "x", name: { vi: "X" }, weight: 1, rule: { type: "normalise", method: "minmax" } }, { id: "y", name: { vi: "Y" }, weight: 2, rule: { type: "ratio" } }] },
    };
    const records = [
      { unit: "A", x: "10", "y.a": "1", "y.b": "3" },
      { unit: "B", x: "40", "y.a": "2", "y.b": "7" },
      { unit: "C", x: "25", "y.a": "5", "y.b": "11" },
    ];
    const { query } = recordsQuery(records);
    const merge = [{ unit: "A", into: "AB" }, { unit: "B", into: "AB" }];
    const expected = score(framework as never, records, { merge });
    const actual = rowsToResult(framework as never, await queryDuckDb(toSql(framework as never, { source: { query }, merge }).sql), { merge });
    expect(differences(expected, actual)).toEqual([]);
    // x: (0 + 1) / 2; y: (1/3 + 2/7) / 2 = 13/42; index (1/2 + 2 · 13/42) / 3 = 47/126.
    expect(actual.units.find((u) => u.unit === "AB")?.value).toBe("0.3730");
  }, 60_000);
});

describe("toSql with merged units: DuckDB's 38 digits", () => {
  it("a mean over members' ratios whose denominators multiply past 38 digits stops the query naming the leaf and unit", async () => {
    const framework = { id: "r", version: "1", title: { vi: "Tỉ lệ" }, root: { id: "idx", name: { vi: "Chỉ số" }, children: [{ id: "y", name: { vi: "Y" }, weight: 1, rule: { type: "ratio" } }] } };
    const b = ["999999.999997", "999999.999989", "999999.999983", "999999.999971"];
    const { query } = recordsQuery(b.map((d, k) => ({ unit: `U${k}`, "y.a": "1", "y.b": d })));
    const merge = b.map((_, k) => ({ unit: `U${k}`, into: "Tất cả" }));
    const failure = await queryDuckDb(toSql(framework as never, { source: { query }, merge }).sql).catch((e: unknown) => e);
    expect((failure as DtiError).issues?.[0]).toMatchObject({ code: "SQL_UNSUPPORTED", node: "y", unit: "Tất cả" });
    // Three of them fit, and give the library's value.
    const three = { query: recordsQuery(b.slice(0, 3).map((d, k) => ({ unit: `U${k}`, "y.a": "1", "y.b": d }))).query };
    const rows = await queryDuckDb(toSql(framework as never, { source: three, merge: merge.slice(0, 3) }).sql);
    expect(rows[0]?.["idx"]).toBe(score(framework as never, b.slice(0, 3).map((d, k) => ({ unit: `U${k}`, "y.a": "1", "y.b": d })), { merge: merge.slice(0, 3) }).units[0]?.value);
  }, 60_000);
});

describe("toSql with merged units: errors as score() reports them", () => {
  const source = { query: recordsQuery([row("A", "0.5", "0.5", "0.5"), row("B", "0.5", "0.5", "0.5")]).query };

  it("a mapped unit the data lacks stops the query (DATA_MERGE_UNKNOWN_UNIT, naming it)", async () => {
    const { sql } = toSql(getFramework(FW), { source, merge: [{ unit: "B", into: "AB" }, { unit: "Z", into: "AB" }] });
    const failure = await queryDuckDb(sql).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DtiError);
    expect((failure as DtiError).issues[0]).toMatchObject({ code: "DATA_MERGE_UNKNOWN_UNIT", unit: "Z" });
  }, 60_000);

  it("a unit twice in a year inside a merged unit stops the query (DATA_DUPLICATE_UNIT)", async () => {
    const twice = { query: recordsQuery([row("A", "0.5", "0.5", "0.5"), row("a", "0.4", "0.5", "0.5"), row("B", "0.5", "0.5", "0.5")]).query };
    const failure = await queryDuckDb(toSql(getFramework(FW), { source: twice, merge: { A: "AB", B: "AB" } }).sql).catch((e: unknown) => e);
    expect((failure as DtiError).issues[0]).toMatchObject({ code: "DATA_DUPLICATE_UNIT", unit: "AB" });
  }, 60_000);

  it.each([
    [[{ unit: "A", into: "X" }, { unit: "a", into: "Y" }], "DATA_MERGE_INVALID", /mapped to both/u],
    [[{ unit: "A", into: "AB" }, { unit: "B", into: "ab" }], "SQL_UNSUPPORTED", /written "ab"/u],
    [[{ unit: "A", into: "A + B" }], "SQL_UNSUPPORTED", /" \+ "/u],
    [[{ unit: "A", into: "Σοφία" }], "SQL_UNSUPPORTED", /sigma/u],
  ])("%j: %s", (merge, code, message) => {
    const compile = () => toSql(getFramework(FW), { source, merge });
    expect(compile).toThrow(DtiError);
    expect(compile).toThrow(message);
    expect(compile).toThrow(expect.objectContaining({ code }));
  });

  it("an empty mapping merges nothing (no members column)", () => {
    expect(toSql(getFramework(FW), { source, merge: [] }).columns).not.toContain("members");
  });
});
