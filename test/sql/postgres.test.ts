// The SQL differential tests on a real PostgreSQL server (a throw-away cluster, see
// postgres-server.ts). Skipped, with a message, only where PostgreSQL's server binaries are not
// installed; .ci/run installs them.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFramework, score } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import { engineIssue } from "../../src/sql/duckdb.ts";
import { DtiError } from "../../src/errors.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";
import { generatedCases, runGenerated } from "./generated.ts";
import { adjustedExpected, adjustedOnEngine } from "./adjusted-case.ts";
import { postgresBin, startPostgres, type PostgresServer } from "./postgres-server.ts";
import { READING_CHECKS } from "./number-spellings.ts";
import { nameMismatches, namesQuery, sigmaUnitIssue, unitSpellingDifferences, wordMessageDifferences, wordSpellingDifferences } from "./name-spellings.ts";
import { dialectOf } from "../../src/sql/dialect.ts";
import { readMergeTable } from "../../src/input/read-merge-map.ts";
import { failedOutcome, libraryOutcome, outcomeDifferences, outcomeOf, THOUSANDS_FW, thousandsCsvs, type ThousandsOutcome } from "./thousands-cases.ts";

const RUNS = Number(process.env["DTI_SQL_PG_RUNS"] ?? 800);
const bin = postgresBin();
const required = process.env["DTI_REQUIRE_POSTGRES"] === "1";
if (bin === undefined && !required) console.warn("SKIPPED: the PostgreSQL tests need PostgreSQL's server binaries (Debian: apt-get install postgresql; or set DTI_PG_BIN)");

describe.runIf(bin === undefined && required)("PostgreSQL required (DTI_REQUIRE_POSTGRES=1)", () => {
  it("finds PostgreSQL's server binaries", () => {
    expect(bin, "initdb and pg_ctl: apt-get install postgresql, or set DTI_PG_BIN").toBeDefined();
  });
});

describe.skipIf(bin === undefined)("toSql on PostgreSQL", () => {
  let server: PostgresServer;
  let client: pg.Client;
  const query = async (sql: string): Promise<SqlRow[]> => {
    try {
      const result = await client.query(sql);
      return result.rows.map((row: Record<string, unknown>) => {
        const out: Record<string, string | number | null> = {};
        for (const field of result.fields) {
          const v = row[field.name];
          // RANK() is a bigint, which pg gives as text.
          out[field.name] = v === null || v === undefined ? null : field.dataTypeID === 20 ? Number(v) : (v as string | number);
        }
        return out;
      });
    } catch (e) {
      throw new DtiError([engineIssue(e instanceof Error ? e.message : String(e))]);
    }
  };

  beforeAll(async () => {
    server = await startPostgres(bin!);
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  }, 60_000);

  it("names compared and shown as the library does (normalizeKey, cleanName), whatever the database's locale", async () => {
    expect(nameMismatches(await query(namesQuery(dialectOf("postgres"))))).toEqual([]);
  });

  it("word cells and long data's indicator names in other spellings read as score() reads them, whatever the locale", async () => {
    expect(await wordSpellingDifferences(dialectOf("postgres"), query)).toEqual([]);
  }, 60_000);

  it("a word cell that is no label nor yes/no is quoted in the message as score() quotes it", async () => {
    expect(await wordMessageDifferences(dialectOf("postgres"), query)).toEqual([]);
  }, 60_000);

  it("long data: unit names in other spellings (case, NFD, invisible characters, İ, Vietnamese capitals) put together as score() does, whatever the locale", async () => {
    expect(await unitSpellingDifferences(dialectOf("postgres"), query)).toEqual([]);
    expect(await sigmaUnitIssue(dialectOf("postgres"), query)).toMatchObject({ code: "SQL_UNSUPPORTED", unit: "ΟΔΟΣ" });
  }, 60_000);

  it("units not ranked: a ranked cell that is not yes/no, and a name of the option no unit has, stop the query as the library's errors", async () => {
    const framework = getFramework("vn-dti-2020-province");
    const records = [{ unit: "Huế", government: "0.5", economy: "0.5", society: "0.5", ranked: "có lẽ" }];
    const failed = (sql: string) => query(sql).then(() => undefined, (e: unknown) => (e as DtiError).issues[0]);
    const bad = toSql(framework, { dialect: "postgres", columns: { ranked: "ranked" }, source: { query: recordsQuery(records).query } });
    expect(await failed(bad.sql)).toMatchObject({ code: "DATA_NOT_A_BOOLEAN", unit: "Huế" });
    const unknown = toSql(framework, { dialect: "postgres", unranked: ["Sơn La"], source: { query: recordsQuery([{ ...records[0], ranked: "có" }]).query } });
    expect(await failed(unknown.sql)).toMatchObject({ code: "DATA_NOT_RANKED", message: expect.stringContaining('"Sơn La"') });
  });

  it("provinces-63-synthetic.json: values, ranks, group ranks and coverage as score()", async () => {
    const framework = getFramework("vn-dti-2022-province");
    const records = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")) as Record<string, unknown>[];
    const plan = compileFramework(framework);
    const { query: source, columns: present } = recordsQuery(records);
    const inputs = Object.fromEntries(plan.leaves.flatMap((l) => plan.nodes[l]!.inputs).filter((k) => !present.includes(k)).map((k) => [k, null]));
    const options = { columns: { code: "Mã", group: "Vùng" }, inputs };
    const { sql } = toSql(framework, { ...options, dialect: "postgres", source: { query: source } });
    const actual = rowsToResult(framework, await query(sql), options);
    expect(differences(score(framework, records, { columns: { code: "Mã", group: "Vùng" } }), actual)).toEqual([]);
  }, 60_000);

  it("provinces-63-synthetic-long.csv (long data, one row per unit and indicator): as score()", async () => {
    const framework = getFramework("vn-dti-2022-province");
    const table = parseCsv(readFileSync("fixtures/provinces-63-synthetic-long.csv", "utf8"));
    const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, k) => [c, r.cells[k] ?? null])));
    const options = { shape: "long" as const, columns: { indicator: "indicator", value: "value" } };
    const { sql } = toSql(framework, { ...options, dialect: "postgres", source: { query: recordsQuery(records).query } });
    const actual = rowsToResult(framework, await query(sql), options);
    expect(actual.units.length).toBe(63);
    expect(differences(score(framework, table), actual)).toEqual([]);
  }, 60_000);

  it.each(["total", "non-negative", "none"])("bonus and penalty points, adjustedRange %s: as score()", async (range) => {
    expect(await adjustedOnEngine(range, "postgres", query)).toEqual({ differences: [], ...adjustedExpected(range) });
  }, 60_000);

  it("provinces-63-synthetic.json merged by merge-2025.csv (63 → 34): values, ranks, codes, groups and members as score()", async () => {
    const framework = getFramework("vn-dti-2022-province");
    const records = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")) as Record<string, unknown>[];
    const merge = readMergeTable(parseCsv(readFileSync("fixtures/merge-2025.csv", "utf8"))).entries;
    const plan = compileFramework(framework);
    const { query: source, columns: present } = recordsQuery(records);
    const inputs = Object.fromEntries(plan.leaves.flatMap((l) => plan.nodes[l]!.inputs).filter((k) => !present.includes(k)).map((k) => [k, null]));
    const options = { columns: { code: "Mã", group: "Vùng" }, inputs, merge };
    const actual = rowsToResult(framework, await query(toSql(framework, { ...options, dialect: "postgres", source: { query: source } }).sql), options);
    expect(actual.units).toHaveLength(34);
    expect(differences(score(framework, records, { columns: { code: "Mã", group: "Vùng" }, merge }), actual)).toEqual([]);
  }, 60_000);

  it("a bad cell stops the query with the library's code, node and unit", async () => {
    const framework = getFramework("vn-dti-2020-province");
    const { query: source } = recordsQuery([{ unit: "Huế", government: "abc", economy: "0.5", society: "0.5" }]);
    const { sql } = toSql(framework, { dialect: "postgres", source: { query: source } });
    const failure = await query(sql).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DtiError);
    expect((failure as DtiError).issues[0]).toMatchObject({ code: "DATA_NOT_A_NUMBER", node: "government", unit: "Huế" });
  }, 60_000);

  it.each(READING_CHECKS)("%s", async (_, differences) => {
    expect(await differences("postgres", query)).toEqual([]);
  }, 120_000);

  it("'1.050' in a column of counts: refused with DATA_AMBIGUOUS_NUMBER and the library's message exactly where score() refuses, else score()'s values", async () => {
    const out: string[] = [];
    for (const [n, text] of thousandsCsvs(Number(process.env["DTI_SQL_THOUSANDS_RUNS"] ?? 60)).entries()) {
      const table = parseCsv(text);
      const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, k) => [c, r.cells[k]])));
      const { sql } = toSql(THOUSANDS_FW, { dialect: "postgres", missing: "zero", source: { query: recordsQuery(records).query } });
      let actual: ThousandsOutcome;
      try {
        const rows = await query(sql);
        actual = outcomeOf(() => rowsToResult(THOUSANDS_FW, rows, { missing: "zero" }));
      } catch (e) {
        actual = failedOutcome(e);
      }
      for (const d of outcomeDifferences(libraryOutcome(text), actual)) out.push(`case ${n}: ${d}\n${text}`);
    }
    expect(out.slice(0, 3)).toEqual([]);
  }, 300_000);

  it(`${RUNS} generated cases with half-way totals: values, ranks, group ranks and coverage as score()`, async () => {
    const tally = await runGenerated(generatedCases(RUNS, 20261202), "postgres", query);
    console.log(`PostgreSQL: ${tally.compared} cases compared (${tally.units} units, ${tally.halfWayRoots} with an exactly half-way index, ${tally.unranked} with units not ranked), ${tally.refused} refused (${tally.overflows} past 38 digits); methods ${JSON.stringify(tally.methods)}; refused for: ${[...new Set(tally.refusals)].slice(0, 5).join(" | ")}`);
    expect(tally.mismatches.slice(0, 3)).toEqual([]);
    expect(tally.compared).toBeGreaterThan(RUNS / 2);
    expect(tally.halfWayRoots).toBeGreaterThan(tally.compared / 4);
    // Units not ranked (by the option, by the ranked column, by both) in a share of the cases.
    expect(tally.unranked).toBeGreaterThan(tally.compared / 4);
    // Every method the SQL compiles across units, harmonic means, bonus and penalty points in every
    // adjusted range and merged units are among the compared cases.
    for (const m of ["harmonic", "minmax", "minmax-bounds", "goalposts", "rank", "percentile", "target", "adjusted-total", "adjusted-non-negative", "adjusted-none", "merge"]) expect(tally.methods[m] ?? 0, m).toBeGreaterThan(0);
  }, 900_000);
});
