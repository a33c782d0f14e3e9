// DATA_AMBIGUOUS_NUMBER in DuckDB: a CSV file ("1.050" makes the scan take the text path), the
// text query itself, and a Parquet file of text columns refuse exactly where score() does, with
// its message, and otherwise give its values.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDuckDb, rowsToResult, scoreFileWithDuckDb } from "../../src/sql.ts";
import { duckDbFileQuery } from "../../src/sql/duckdb.ts";
import { csvNumbersReadable } from "../../src/sql/csv-number-scan.ts";
import { sqlText } from "../../src/sql/dialect.ts";
import { failedOutcome, libraryOutcome, outcomeDifferences, outcomeOf, THOUSANDS_FW, thousandsCsvs, type ThousandsOutcome } from "./thousands-cases.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-thousands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = Number(process.env["DTI_SQL_THOUSANDS_RUNS"] ?? 16);

async function engineOutcome(run: () => Promise<ReturnType<typeof rowsToResult>>): Promise<ThousandsOutcome> {
  try {
    return await run().then((result) => outcomeOf(() => result));
  } catch (e) {
    return failedOutcome(e);
  }
}

describe("DATA_AMBIGUOUS_NUMBER in DuckDB, as score() decides it", () => {
  it("the library's cases and generated columns: CSV file, its text query, Parquet of text", async () => {
    const session = await openDuckDb();
    const out: string[] = [];
    let refused = 0;
    try {
      for (const [n, text] of thousandsCsvs(RUNS).entries()) {
        const expected = libraryOutcome(text);
        if ("ambiguous" in expected) refused++;
        const file = join(dir, `case${n}.csv`);
        writeFileSync(file, text);
        const options = { missing: "zero" as const, delimiter: ";" as const };
        const viaFile = await engineOutcome(() => scoreFileWithDuckDb(THOUSANDS_FW, file, options));
        const { sql } = await duckDbFileQuery(session, THOUSANDS_FW, file, options);
        const viaText = await engineOutcome(async () => rowsToResult(THOUSANDS_FW, await session.query(sql), options));
        const parquet = join(dir, `case${n}.parquet`);
        await session.run(`COPY (SELECT * FROM read_csv(${sqlText(file)}, header = true, all_varchar = true, delim = ';')) TO ${sqlText(parquet)} (FORMAT parquet)`);
        const viaParquet = await engineOutcome(() => scoreFileWithDuckDb(THOUSANDS_FW, parquet, { missing: "zero" }));
        for (const [path, actual] of [["csv", viaFile], ["text", viaText], ["parquet", viaParquet]] as const) {
          for (const d of outcomeDifferences(expected, actual)) out.push(`case ${n} ${path}: ${d}\n${text}`);
        }
      }
    } finally {
      session.close();
    }
    expect(out.slice(0, 5)).toEqual([]);
    // The cases ask often enough to test both answers.
    expect(refused).toBeGreaterThan(10);
  }, 600_000);

  it("the scan sends a file with a lone '.' before three digits to the text path, and only such a file", async () => {
    const check = async (cells: string) => {
      const file = join(dir, "scan.csv");
      writeFileSync(file, `unit,a\n${cells}\n`);
      return csvNumbersReadable(file, 6);
    };
    for (const cells of ["x,1.050", "x,-1.050", "x,999.999", "x, 1.050 ", 'x,"1.050"', "x,0.5\ny,1.050"]) expect(await check(cells), cells).toBe(false);
    for (const cells of ["x,0.6929", "x,0.850", "x,12.5", "x,1.0500", "x,1234.567", "x,1.05", "x,1050", "x,10.50"]) expect(await check(cells), cells).toBe(true);
  });
});
