// Number cells the library reads in spellings beyond the plain decimal (exponent form), for the
// engines' tests (to-sql.test.ts on DuckDB, postgres.test.ts): each scored by score() and by an
// engine, the outcomes compared.
import { getFramework, score } from "../../src/index.ts";
import { DtiError } from "../../src/errors.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import type { SqlDialect } from "../../src/sql/dialect.ts";
import { recordsQuery } from "./engine-helpers.ts";

// Exponent spellings: exact values the float of the text would round otherwise (1.5e-4 is a hair
// below 0.00015 as a float: 0.0001 at 4 decimals, where the exact value gives 0.0002), trailing
// zeros past inputDecimals, zeros, signs, spaces; and those neither reads (a decimal comma, no
// digit after the point, an exponent past ±100,000, a value past a JavaScript number).
export const EXPONENT_CELLS = [
  "1.0e0", "5E-1", "1.5e-3", "1.5e-4", "15E-5", "0.00015e0", "2.5e-1", "+2.5E-01", " 1.25e-1 ", "12.5e-2", "0.0000125e4", "1.50000000e-1", "150000000e-9",
  "0e5", "0e-100000", "-0e1", "0.5e0", "1e-6", "0.000001e0",
  "1.5e-7", "1e-100000", "1e1", "-1e-1", "1e12", "1e400", "1.8e308", "0e999999", "1e100001", "1e-100001", "1,5e-3", "1.e3", ".5e1", "1e", "e5", "1e+-1",
  // Plain numbers about a JavaScript number's largest (1.797…e308): 309 digits below it and at
  // it, 310 digits, signed: PostgreSQL's NUMERIC holds them all, the library reads only the finite.
  ...[`17${"9".repeat(307)}`, `1797693134862315807${"0".repeat(290)}`, `-1797693134862315807${"0".repeat(290)}`, `1${"0".repeat(309)}`, `-1${"0".repeat(309)}`],
];
/** The plain numbers of {@link EXPONENT_CELLS} past DuckDB's 18 digits (refused there as such). */
const PLAIN_LONG = EXPONENT_CELLS.filter((c) => c.replace(/^-/u, "").length > 18 && /^-?[0-9]+$/u.test(c));

/** What scoring one unit with `cell` as its "government" input gives: its published values, or its first issue's code and message. */
type Outcome = { values: string[] } | { code: string; message: string };

const framework = getFramework("vn-dti-2020-province");
const record = (cell: string) => ({ unit: "Huế", government: cell, economy: "0.5", society: "0.25" });

const failed = (e: unknown): Outcome => (e instanceof DtiError ? { code: e.issues[0]!.code, message: e.issues[0]!.message } : { code: String(e), message: "" });
const values = (unit: { value: string | null; nodes: Record<string, { value: string | null }> }): Outcome => ({ values: [unit.value ?? "", ...Object.values(unit.nodes).map((n) => n.value ?? "")] });

function libraryOutcome(cell: string): Outcome {
  try {
    return values(score(framework, [record(cell)], { missing: "zero" }).units[0]!);
  } catch (e) {
    return failed(e);
  }
}

async function engineOutcome(cell: string, dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<Outcome> {
  const { sql } = toSql(framework, { dialect, missing: "zero", source: { query: recordsQuery([record(cell)]).query } });
  try {
    return values(rowsToResult(framework, await run(sql), { missing: "zero" }).units[0]!);
  } catch (e) {
    return failed(e);
  }
}

/** An outcome without its message (the values, or the code alone). */
const withoutMessage = (o: Outcome) => ("values" in o ? o : { code: o.code });

/**
 * The cells an engine refuses (`SQL_UNSUPPORTED`) though the library reads them or refuses them
 * otherwise: more decimals than inputDecimals, and on DuckDB more than 18 digits.
 */
export const EXPONENT_REFUSED: Record<SqlDialect, readonly string[]> = { postgres: ["1.5e-7", "1e-100000"], duckdb: ["1.5e-7", "1e-100000", "1e12", "1.8e308", ...PLAIN_LONG] };

/** Where an engine reads an exponent cell otherwise than score() (another value, another error), or refuses another cell than {@link EXPONENT_REFUSED} says. */
export async function exponentDifferences(dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const cell of EXPONENT_CELLS) {
    const expected = EXPONENT_REFUSED[dialect].includes(cell) ? { code: "SQL_UNSUPPORTED" } : withoutMessage(libraryOutcome(cell));
    const actual = withoutMessage(await engineOutcome(cell, dialect, run));
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${JSON.stringify(cell)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} got`);
  }
  return out;
}

/** A wide CSV of the readable exponent cells, one unit each (for the CSV paths), and score()'s result of it. */
export function exponentCsv(): { text: string; expected: ReturnType<typeof score> } {
  const cells = EXPONENT_CELLS.filter((c) => "values" in libraryOutcome(c) && !EXPONENT_REFUSED.duckdb.includes(c) && !c.includes(","));
  const records = cells.map((cell, k) => ({ ...record(cell), unit: `U${k}` }));
  const text = `unit,government,economy,society\n${records.map((r) => `${r.unit},${r.government},${r.economy},${r.society}`).join("\n")}\n`;
  return { text, expected: score(framework, records, { missing: "zero" }) };
}

/** Cells no engine nor the library reads as a number (and no percentage, whose message the library adds advice to). */
export const NOT_NUMBER_CELLS = ["abc", " x y ", "1..2", "--1", "0,5,5", "1.2.3.4", `"quoted"`, "x".repeat(100)];

/** Where an engine's "not a number" message differs from score()'s (both must stop with DATA_NOT_A_NUMBER). */
export async function notANumberMessageDifferences(dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const cell of NOT_NUMBER_CELLS) {
    const expected = libraryOutcome(cell);
    const actual = await engineOutcome(cell, dialect, run);
    if (!("code" in expected) || expected.code !== "DATA_NOT_A_NUMBER" || JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${JSON.stringify(cell)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} got`);
  }
  return out;
}
