import { describe, expect, it } from "vitest";
import { DtiError, getFramework, score } from "../../src/index.ts";
import { toCSV } from "../../src/report.ts";
import { queryDuckDb, rowsToResult, toSql } from "../../src/sql.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";

const framework = getFramework("vn-dti-2020-province");
const unit = (name: string, code: string, government: string, extra: Record<string, string> = {}) => ({ unit: name, code, government, economy: "0.4", society: "0.3", ...extra });

/** score() and the query on DuckDB over the same records and options. */
async function both(records: Record<string, string>[], options: { unranked?: readonly string[] | Record<string, string> }, columns: Record<string, string>) {
  const expected = score(framework, records, options);
  const { sql, columns: output } = toSql(framework, { ...options, columns, source: { query: recordsQuery(records).query } });
  const actual = rowsToResult(framework, await queryDuckDb(sql), { columns });
  return { expected, actual, output };
}

const failing = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e as DtiError).issues[0],
  );

describe("units assessed but not ranked, in SQL", () => {
  it("by the option (a name spelled otherwise, a code) and the ranked column: no rank, no place in the others', the note as toCSV writes it", async () => {
    const records = [
      unit("Hà Nội", "01", "0.5", { ranked: "có" }),
      unit("Huế", "46", "0.6", { ranked: "KHÔNG", rank_note: "  mới\u00a0 lập\u200b " }),
      unit("Đà Nẵng", "48", "0.7", { ranked: "" }),
      unit("BẮC NINH", "27", "0.2", { ranked: "yes" }),
      unit("Cần Thơ", "92", "0.9", { ranked: "Xếp hạng" }),
    ];
    const { expected, actual, output } = await both(records, { unranked: { "bắc\u200b  ninh": "lý do", "92": "mã" } }, { code: "code", ranked: "ranked", rankNote: "rank_note" });
    expect(differences(expected, actual)).toEqual([]);
    expect(toCSV(actual)).toBe(toCSV(expected));
    expect(output.slice(0, 5)).toEqual(["rank", "unit", "code", "rank_note", "dti"]);
    expect(actual.units.map((u) => [u.unit, u.rank, u.rankNote ?? null])).toEqual([
      ["Đà Nẵng", 1, null],
      ["Hà Nội", 2, null],
      ["BẮC NINH", null, "lý do"],
      ["Cần Thơ", null, "mã"],
      ["Huế", null, "mới lập"],
    ]);
  }, 30_000);

  it("counts the units not ranked in min-max statistics, and leaves them out of group ranks", async () => {
    const fw = {
      id: "mm", version: "1.0.0", title: { vi: "MM" },
      root: { id: "index", name: { vi: "Chỉ số" }, children: [{ id: "x", name: { vi: "X" }, rule: { type: "normalise", method: "minmax" } }] },
    };
    const records = [{ unit: "A", group: "g", x: "10" }, { unit: "B", group: "g", x: "20" }, { unit: "C", group: "g", x: "40" }];
    const expected = score(fw as never, records, { unranked: ["c"] });
    const columns = { group: "group" };
    const { sql } = toSql(fw as never, { unranked: ["c"], columns, source: { query: recordsQuery(records).query } });
    const actual = rowsToResult(fw as never, await queryDuckDb(sql), { columns });
    expect(differences(expected, actual)).toEqual([]);
    // B is a third of the way from A to C: C still sets the maximum.
    expect(actual.units.map((u) => [u.unit, u.value, u.rank, u.groupRank])).toEqual([
      ["B", "0.3333", 1, 1],
      ["A", "0.0000", 2, 2],
      ["C", "1.0000", null, null],
    ]);
  }, 30_000);

  it("stops on a ranked cell that is not yes/no, naming the unit, as the library does", async () => {
    const records = [unit("Huế", "46", "0.6", { ranked: "có lẽ" })];
    expect(() => score(framework, records)).toThrow(/not yes\/no/u);
    const { sql } = toSql(framework, { columns: { ranked: "ranked" }, source: { query: recordsQuery(records).query } });
    expect(await failing(queryDuckDb(sql))).toMatchObject({ code: "DATA_NOT_A_BOOLEAN", unit: "Huế", message: expect.stringContaining('"có lẽ" is not yes/no') });
  }, 30_000);

  it("stops on a name of the option that no unit has, as the library's DATA_NOT_RANKED error", async () => {
    const records = [unit("Huế", "46", "0.6"), unit("Hà Nội", "01", "0.5")];
    expect(() => score(framework, records, { unranked: ["Huế", "Sơn La"] })).toThrow(/Sơn La/u);
    const { sql } = toSql(framework, { unranked: ["Huế", "Sơn La"], columns: { code: "code" }, source: { query: recordsQuery(records).query } });
    expect(await failing(queryDuckDb(sql))).toMatchObject({ code: "DATA_NOT_RANKED", message: expect.stringContaining('"Sơn La"') });
  }, 30_000);

  it("matches a unit by its name, else by its code: a name taken by a unit's name is not also its code's", async () => {
    const records = [unit("46", "01", "0.6"), unit("Huế", "46", "0.5"), unit("Hà Nội", "02", "0.4")];
    const expected = score(framework, records, { unranked: ["46"] });
    const { sql } = toSql(framework, { unranked: ["46"], columns: { code: "code" }, source: { query: recordsQuery(records).query } });
    const actual = rowsToResult(framework, await queryDuckDb(sql), { columns: { code: "code" } });
    expect(differences(expected, actual)).toEqual([]);
    expect(actual.units.filter((u) => u.ranked === false).map((u) => u.unit)).toEqual(["46", "Huế"]);
    // Huế's name takes the first entry: the second (its code) met no unit.
    const option = { "Huế": "tên", "46": "mã" };
    const one = [unit("Huế", "46", "0.5")];
    expect(() => score(framework, one, { unranked: option })).toThrow(/"46"/u);
    const compiled = toSql(framework, { unranked: option, columns: { code: "code" }, source: { query: recordsQuery(one).query } });
    expect(await failing(queryDuckDb(compiled.sql))).toMatchObject({ code: "DATA_NOT_RANKED", message: expect.stringContaining('names "46",') });
  }, 30_000);
});
