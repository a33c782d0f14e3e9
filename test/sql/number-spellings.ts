// Number cells the library reads in spellings beyond the plain decimal (exponent form), for the
// engines' tests (to-sql.test.ts on DuckDB, postgres.test.ts): each scored by score() and by an
// engine, the outcomes compared.
import { defineFramework, getFramework, score } from "../../src/index.ts";
import { DtiError } from "../../src/errors.ts";
import { parseCsv } from "../../src/csv.ts";
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

/** Cells no engine nor the library reads as a number (percentages with the library's advice on what to write instead). */
export const NOT_NUMBER_CELLS = ["abc", " x y ", "1..2", "--1", "0,5,5", "1.2.3.4", `"quoted"`, "x".repeat(100), "85%", " 44,49 % "];

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

/**
 * Number cells in the other spellings the library reads (white space anywhere, a no-break or
 * thin space, "−" as the minus sign, a decimal comma, thousands groups, trailing zeros past
 * inputDecimals, blank words between white space) and near ones it refuses: each engine must give
 * score()'s value, or its code and message. A lone separator before three digits ("1.050") is read
 * as score() reads it (1.05); whether it groups thousands is asked from the whole column
 * (DATA_AMBIGUOUS_NUMBER), tested on its own in thousands-cases.ts; alone in its column it is asked
 * about, here as there.
 */
export const SPELLED_CELLS = [
  "−0,5", "−1.5e-3", " −2 ", "- 0.5", "1 234,5", "1\u00a0234,5", "1\u202f234,5", "1\u2009234", "\t0.5", "0.5\n", "\u3000 0.5", "0.5\ufeff", "0, 5", "0 .5", "1 .5e-3",
  "1.050", "2,300", " -1.050 ", "999.999", "1.234,5", "1,234.5", "1.234.567", "1,234,567", "1.234.567,891", "-1.234.567,891", "1,234,567.891", "0.234.567", "0,234", "1.2345", "12,34", ",5",
  "0.12340000", "0,12340000", "-0.50000000000", "5.000000000", ".000", "0.0000000",
  " NA ", " n/a ", "\tNA", "NA\t", "\u00a0null\u00a0", "   ",
  "1e−3", "1,5e-3", "N A", "1,234,5", "1.2345,6", "1234.567,8", "1.234.56", "1,234.567.890", "+−1", "−−1", "1−", "—1", "１", "1.234,5,6",
];

/** A leaf whose goalposts hold every value of {@link SPELLED_CELLS} (±10,000,000), published with 12 decimals: each value shows exactly. */
const wide = defineFramework({
  id: "spellings", version: "1", title: { vi: "Cách viết số" }, decimals: 12,
  root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "government", name: { vi: "Chính quyền số" }, rule: { type: "goalposts", min: -10_000_000, max: 10_000_000, direction: "higher" } }] },
});

/** What scoring one unit's record gives with framework `fw`: score()'s outcome and an engine's. */
async function outcomes(fw: ReturnType<typeof defineFramework>, record: Record<string, string>, dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<[Outcome, Outcome]> {
  const rows = [{ unit: "Huế", ...record }];
  let expected: Outcome;
  try {
    expected = values(score(fw, rows, { missing: "zero" }).units[0]!);
  } catch (e) {
    expected = failed(e);
  }
  try {
    const { sql } = toSql(fw, { dialect, missing: "zero", source: { query: recordsQuery(rows).query } });
    return [expected, values(rowsToResult(fw, await run(sql), { missing: "zero" }).units[0]!)];
  } catch (e) {
    return [expected, failed(e)];
  }
}

/** Where an engine reads a cell of {@link SPELLED_CELLS} otherwise than score() (another value, another code or message). */
export async function spellingDifferences(dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const cell of SPELLED_CELLS) {
    const [expected, actual] = await outcomes(wide, { government: cell }, dialect, run);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${JSON.stringify(cell)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} got`);
  }
  return out;
}

/** One leaf of each rule that reads numbers, as its own framework (points and ladders on points, the others on weights). */
const ruleFrameworks = (
  [
    ["value", { type: "value" }],
    ["points", { type: "points" }, 20],
    ["ratio", { type: "ratio" }],
    ["ladder", { type: "ladder", direction: "higher", steps: [{ threshold: 80, points: 10 }, { threshold: 50, points: 5 }] }, 10],
    ["ladder-share", { type: "ladder", direction: "higher", steps: [{ threshold: 0.8, points: 10 }, { threshold: 0.5, points: 5 }] }, 10],
    ["goalposts", { type: "goalposts", min: 0, max: 100, direction: "higher" }],
    ["target", { type: "target", target: 0.95, direction: "higher" }],
    ["normalise", { type: "normalise", method: "minmax" }],
    ["normalise-bounds", { type: "normalise", method: "minmax", bounds: { min: 0, max: 100 } }],
  ] as const
).map(([id, rule, maxPoints]) =>
  defineFramework({ id: `percent-${id}`, version: "1", title: { vi: "Phần trăm" }, root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "g", name: { vi: "Chỉ số" }, rule: rule as never, ...(maxPoints !== undefined ? { maxPoints } : {}) }] } }),
);

/** Percentages in the spellings the library reads (and some it does not read as percentages), each under a value and a points rule; the other rules read a few. */
/**
 * Percentages past DuckDB's integers (more than 38 digits with the points or the denominator,
 * past a JavaScript number, where the library gives no advice) and in exponent form (signs, a
 * zero, far exponents the share keeps, values `Number()` reads as 0, which lose their minus).
 */
const FAR_PERCENTS = [
  "12345678901234567890%", "123456789012345678901234567890123456789%", `1${"0".repeat(300)}%`, "1234567890.1234567890123456789012345678901%", `1${"0".repeat(308)}9%`,
  "1.7976931348623157e308%", "1.7976931348623159e308%", "5e1%", "1e-2%", "-0e1%", "+5E1%", "007.50e-1%", "1.0e2%", "-1.25e-3%", " 5e1 %", "1e-98%", "-1.50e-150%", "1e150%",
  "-1e-400%", "-2.4703282292062328e-324%", "-2.4703282292062327e-324%",
];
export const PERCENT_CELLS = ["85%", "44,49%", " 12.5 % ", "-5%", "−3,5 %", "0%", "100%", ".5%", "1.234,5%", "1,234.5%", "007%", "-0%", "8 5%", "0,0001%", "85%%", "abc%", "%", ...FAR_PERCENTS];
const FEW = ["85%", "44,49%", "−3,5 %", "0,5%", "5e1%", "-1.25e-3%", `1${"0".repeat(300)}%`];

/** Where an engine's message for a percentage cell differs from score()'s (its advice for the rule), for each rule that reads numbers; a ratio's numerator over denominators in several spellings, and its denominator. */
export async function percentMessageDifferences(dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const fw of ruleFrameworks) {
    const cells = fw.id === "percent-value" || fw.id === "percent-points" ? PERCENT_CELLS : FEW;
    const records =
      fw.id === "percent-ratio"
        ? [
            ...["200", "1 000", "abc", "-4", "2e2", "2e400"].map((b) => ({ "g.a": "44,49%", "g.b": b })),
            ...[["-5%", "+2,5"], [".5%", "-1.234.567,5"], ["1", "85%"], ["1", "5e1%"], ["5e1%", "2E-1"], ["12345678901234567890%", "12345678901234567890123"], [`1${"0".repeat(300)}%`, "2"]].map(([a, b]) => ({ "g.a": a!, "g.b": b! })),
          ]
        : cells.map((g) => ({ g }));
    for (const record of records) {
      const [expected, actual] = await outcomes(fw, record, dialect, run);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${fw.id} ${JSON.stringify(record)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} got`);
    }
  }
  return out;
}

/** Cells out of a rule's range: the message shows the value as the library read it. */
const OUT_OF_RANGE: Record<string, readonly Record<string, string>[]> = {
  "percent-value": ["1234.5", "-0.5", "25", "-0,000001", "1.000001", " 1 234,50 ", "1.5e1", "-1e1", "−2"].map((g) => ({ g })),
  "percent-points": ["25", "-1", "20.000001", "1.234,5", "-0.000100", "3e1"].map((g) => ({ g })),
  "percent-ratio": [["-3", "4"], ["3", "-4.50"], ["5", "4"], ["1.000001", "1"], ["-0,5", "-2"], ["12e-1", "1.1"], ["3000000", "1 000 000.5"], ["10", "-0"]].map(([a, b]) => ({ "g.a": a!, "g.b": b! })),
};

/** Where an engine's out-of-range message (value, points, ratio) differs from score()'s. */
export async function outOfRangeMessageDifferences(dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const fw of ruleFrameworks.filter((f) => OUT_OF_RANGE[f.id] !== undefined)) {
    for (const record of OUT_OF_RANGE[fw.id]!) {
      const [expected, actual] = await outcomes(fw, record, dialect, run);
      if (!("code" in expected) || JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${fw.id} ${JSON.stringify(record)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} got`);
    }
  }
  return out;
}

/** A wide CSV (";" between cells) of the spellings of {@link SPELLED_CELLS} a 0-1 score holds, one unit each, and score()'s result of it. */
export function spelledCsv(): { text: string; expected: ReturnType<typeof score> } {
  const cells = ["0,5", " 0, 25 ", "0\u00a0,125", "−0", "- 0", "0.12340000", "0,50000000", ",75", " NA ", "\u00a0n/a\u00a0", "\tnull", "1 .5e-3"];
  const records = cells.map((cell, k) => ({ ...record(cell), unit: `U${k}` }));
  const text = `unit;government;economy;society\n${records.map((r) => `${r.unit};${r.government};${r.economy};${r.society}`).join("\n")}\n`;
  return { text, expected: score(framework, parseCsv(text), { missing: "zero" }) };
}

/**
 * The checks of how an engine reads cells against how score() reads them, each with its title:
 * both engines' suites run every one (`it.each`), each expecting no difference.
 */
export const READING_CHECKS: readonly (readonly [title: string, differences: (dialect: SqlDialect, run: (sql: string) => Promise<SqlRow[]>) => Promise<string[]>])[] = [
  ["numbers in exponent form read exactly as score() reads them (1.5e-4 is 0.00015, not its float), refusing only what it cannot hold", exponentDifferences],
  ["a cell that is not a number is quoted in the message as score() quotes it", notANumberMessageDifferences],
  ["reads the other spellings score() reads (white space, −, thousands groups, trailing zeros, spaced blank words) as score() reads them, and refuses the others as it does", spellingDifferences],
  ["a percentage's message gives the library's advice for the rule reading it (a value, points, a ratio's numerator and denominator, a ladder, goalposts, a target, a normalisation)", percentMessageDifferences],
  ["an out-of-range message shows the value as the library read it (a value, points, a ratio's numerator, denominator and both)", outOfRangeMessageDifferences],
];
