import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb } from "../../src/sql.ts";
import { dialectOf } from "../../src/sql/dialect.ts";
import { nameKeySql } from "../../src/sql/name-key-sql.ts";
import { nameMismatches, namesQuery, wordMessageDifferences, wordSpellingDifferences } from "./name-spellings.ts";

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

  it("refuses a Greek sigma, whose lower case depends on its place in the word", () => {
    expect(() => nameKeySql(dialectOf("postgres"), "x", ["οδός"], "option unranked")).toThrow(DtiError);
  });
});
