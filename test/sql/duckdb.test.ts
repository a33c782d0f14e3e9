import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDb, type DuckDbSession } from "../../src/sql.ts";
import { generatedCases, runGenerated } from "./generated.ts";

const RUNS = Number(process.env["DTI_SQL_RUNS"] ?? 300);

describe("toSql on DuckDB: generated frameworks and data with half-way totals", () => {
  let db: DuckDbSession;
  beforeAll(async () => {
    db = await openDuckDb();
  });
  afterAll(() => db.close());

  it(`${RUNS} cases: published values, ranks, group ranks and coverage as score()`, async () => {
    const tally = await runGenerated(generatedCases(RUNS, 20261201), "duckdb", (sql) => db.query(sql));
    console.log(`DuckDB: ${tally.compared} cases compared (${tally.units} units, ${tally.halfWayRoots} with an exactly half-way index, ${tally.unranked} with units not ranked), ${tally.refused} refused (${tally.overflows} past 38 digits); methods ${JSON.stringify(tally.methods)}; refused for: ${[...new Set(tally.refusals)].slice(0, 5).join(" | ")}`);
    expect(tally.mismatches.slice(0, 3)).toEqual([]);
    expect(tally.compared).toBeGreaterThan(RUNS / 2);
    expect(tally.halfWayRoots).toBeGreaterThan(tally.compared / 4);
    // Units not ranked (by the option, by the ranked column, by both) in a share of the cases.
    expect(tally.unranked).toBeGreaterThan(tally.compared / 4);
    // Every method the SQL compiles across units, harmonic means, bonus and penalty points in every
    // adjusted range and merged units are among the compared cases.
    for (const m of ["harmonic", "minmax", "minmax-bounds", "goalposts", "rank", "percentile", "target", "adjusted-total", "adjusted-non-negative", "adjusted-none", "merge"]) expect(tally.methods[m] ?? 0, m).toBeGreaterThan(0);
  }, 600_000);
});
