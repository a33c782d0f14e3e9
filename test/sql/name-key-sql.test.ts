import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { queryDuckDb } from "../../src/sql.ts";
import { nameKeySql } from "../../src/sql/name-key-sql.ts";
import { KEYS, nameKeyExpected, nameKeyQuery, nameKeyRows } from "./name-key-sql.ts";

describe("names in SQL as cleanName and normalizeKey read them", () => {
  it("on DuckDB: every name's cleaned form, and which keys its key equals", async () => {
    const rows = nameKeyRows(await queryDuckDb(nameKeyQuery("duckdb")));
    expect(rows).toEqual(nameKeyExpected());
    // Not trivially: names in upper case, NFD and with invisible characters match their key.
    expect(rows.filter((r) => r.equal[0] === 1).length).toBe(7);
  }, 60_000);

  it("translates only the capitals of letters that occur in the keys", () => {
    expect(nameKeySql("x", ["abc"])).toBe("translate(x, 'ABC', 'abc')");
    expect(nameKeySql("x", ["123"])).toBe("x");
    expect(nameKeySql("x", ["i\u0307"])).toContain("replace(x, 'İ'");
    expect(KEYS.length).toBeGreaterThan(10);
  });

  it("refuses a key with a Greek small sigma (its capital's lower case depends on its place)", () => {
    expect(() => nameKeySql("x", ["σοφία"])).toThrow(DtiError);
  });
});
