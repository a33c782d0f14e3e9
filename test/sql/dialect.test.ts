import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryDuckDb } from "../../src/sql.ts";
import { dialectOf } from "../../src/sql/dialect.ts";
import { cli } from "../cli/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-dialect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DuckDB's exact division and gcd in BIGINT where the values fit", () => {
  const duckdb = dialectOf("duckdb");
  const huge = (n: bigint) => `CAST('${n}' AS HUGEINT)`;
  // Read back as text: exact, whatever the driver makes of a HUGEINT.
  const text = (sql: string) => `CAST(${sql} AS VARCHAR)`;

  it("a numerator 0 over a denominator past BIGINT: the gcd is the denominator, the quotient 0 (no cast of it to BIGINT)", async () => {
    const d = 9_999_999_999_997_500_000n;
    const rows = await queryDuckDb(`SELECT ${text(duckdb.divExact(huge(0n), huge(d), true))} AS q, ${text(duckdb.divExact(huge(d), huge(d), true))} AS one, ${text(duckdb.gcd(huge(0n), huge(d), true))} AS g`);
    expect(rows[0]).toEqual({ q: "0", one: "1", g: String(d) });
  }, 30_000);

  it("a numerator far below 0 (penalty points): its gcd in HUGEINT", async () => {
    const n = -(10n ** 20n);
    const rows = await queryDuckDb(`SELECT ${text(duckdb.gcd(huge(n), huge(10n ** 6n), true))} AS g, ${text(duckdb.divExact(huge(n), huge(10n ** 6n), true))} AS q`);
    expect(rows[0]).toEqual({ g: String(10n ** 6n), q: String(-(10n ** 14n)) });
  }, 30_000);

  it("dti score --engine duckdb: a unit whose share of a wide ratio is 0 scores as in the library", async () => {
    // L7 (a ratio) normalised against 10^19 less a reference: a numerator 0 over that denominator.
    const fw = join(dir, "fw.json");
    writeFileSync(fw, JSON.stringify({"id":"gen1165","version":"1","title":{"vi":"Gen"},"root":{"id":"idx","name":{"vi":"Chỉ số"},"children":[{"id":"L0","name":{"vi":"L0 tên"},"rule":{"type":"normalise","method":"minmax","direction":"lower","range":[0,100]},"weight":0.4},{"id":"G1","name":{"vi":"G1 nhóm"},"children":[{"id":"L2","name":{"vi":"L2 tên"},"rule":{"type":"goalposts","min":0,"max":100,"direction":"lower"},"maxPoints":15},{"id":"L3","name":{"vi":"L3 tên"},"rule":{"type":"normalise","method":"goalposts","bounds":{"min":0,"max":20}},"maxPoints":15},{"id":"L4","name":{"vi":"L4 tên"},"rule":{"type":"normalise","method":"minmax","bounds":{"min":-10,"max":20}},"maxPoints":100},{"id":"L5","name":{"vi":"L5 tên"},"rule":{"type":"normalise","method":"percentile","direction":"lower"},"maxPoints":15}],"weight":0.3,"maxPoints":145},{"id":"G6","name":{"vi":"G6 nhóm"},"children":[{"id":"L7","name":{"vi":"L7 tên"},"rule":{"type":"ratio"}},{"id":"L8","name":{"vi":"L8 tên"},"rule":{"type":"normalise","method":"target","range":[0,1],"target":10000000000000}},{"id":"L9","name":{"vi":"L9 tên"},"rule":{"type":"normalise","method":"percentile"}}],"weight":0.3},{"id":"L10","name":{"vi":"L10 tên"},"rule":{"type":"normalise","method":"minmax","across":"all","bounds":{"min":-10,"max":20}},"weight":0.4}]}}));
    const data = join(dir, "data.csv");
    writeFileSync(data, `unit,year,group,L0,L2,L3,L4,L5,L7.a,L7.b,L8,L9,L10
Đơn vị 0,2020,Bắc,,50,0.000005,7,,,,123456.789012,-0.5,0.000005
Đơn vị 1,2020,Nam,0.123457,,0.000005,0.000005,999999999999,0,600,2.5,7,
Đơn vị 0,2021,Bắc,-0.000001,50,0.000005,0.000005,999999999999,2.333333,7,,1,0.000001
Đơn vị 1,2021,Nam,0.000001,,0.000005,-1,,,,,7,2.5`);
    const args = ["score", data, "--framework", fw, "--format", "csv", "--year-column", "year", "--missing", "reweight", "--group-by", "group"];
    const library = await cli(args);
    const engine = await cli([...args, "--engine", "duckdb"]);
    expect(engine.stderr).toBe("");
    expect(engine.code).toBe(0);
    expect(engine.stdout).toBe(library.stdout);
  }, 60_000);
});
