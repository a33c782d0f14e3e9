import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb } from "../../src/sql.ts";
import { dialectOf } from "../../src/sql/dialect.ts";
import { ENGINE_LOWER_CHARS, nameKeySql } from "../../src/sql/name-key-sql.ts";
import { nameMismatches, namesQuery, sigmaUnitIssue, unitSpellingDifferences, wordMessageDifferences, wordSpellingDifferences } from "./name-spellings.ts";
import { sqlText } from "../../src/sql/dialect.ts";

describe("names in SQL as the library compares and shows them", () => {
  it("a key equals a target exactly when normalizeKey does; the clean form is cleanName's (DuckDB)", async () => {
    expect(nameMismatches(await queryDuckDb(namesQuery(dialectOf("duckdb"))))).toEqual([]);
  }, 30_000);

  it("DuckDB: upper case, NFD and invisible characters give the library's key", async () => {
    const rows = await queryDuckDb(namesQuery(dialectOf("duckdb")));
    // Not trivially: the seven spellings of Đà Nẵng other than "Da Nang" share its key.
    expect(rows.filter((r) => r["k"] === "đà nẵng").length).toBe(7);
  }, 60_000);

  it("word cells and long data's indicator names in other spellings read as score() reads them (DuckDB)", async () => {
    expect(await wordSpellingDifferences(dialectOf("duckdb"), queryDuckDb)).toEqual([]);
  }, 60_000);

  it("a word cell that is no label nor yes/no is quoted in the message as score() quotes it (DuckDB)", async () => {
    expect(await wordMessageDifferences(dialectOf("duckdb"), queryDuckDb)).toEqual([]);
  }, 60_000);

  it("long data: unit names in other spellings (case, NFD, invisible characters, İ, Vietnamese capitals) put together as score() does (DuckDB)", async () => {
    expect(await unitSpellingDifferences(dialectOf("duckdb"), queryDuckDb)).toEqual([]);
    expect(await sigmaUnitIssue(dialectOf("duckdb"), queryDuckDb)).toMatchObject({ code: "SQL_UNSUPPORTED", unit: "ΟΔΟΣ" });
  }, 60_000);

  it("DuckDB's lower() is JavaScript's toLowerCase for every letter the unit key leaves to it", async () => {
    const chars: string[] = [];
    const plain = new RegExp(`^[${ENGINE_LOWER_CHARS}]$`, "u");
    for (let cp = 32; cp <= 0x1eff; cp++) if (plain.test(String.fromCodePoint(cp))) chars.push(String.fromCodePoint(cp));
    const rows = await queryDuckDb(`SELECT c, lower(c) AS l FROM (VALUES ${chars.map((c, i) => `(${i}, ${sqlText(c)})`).join(", ")}) AS t(i, c) ORDER BY i`);
    expect(rows.filter((r) => r["l"] !== String(r["c"]).toLowerCase()).map((r) => r["c"])).toEqual([]);
    expect(rows.length).toBe(chars.length);
  }, 60_000);

  it("refuses a Greek sigma, whose lower case depends on its place in the word", () => {
    expect(() => nameKeySql(dialectOf("postgres"), "x", ["οδός"], "option unranked")).toThrow(DtiError);
  });
});
