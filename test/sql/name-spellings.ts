// Spellings of names for the tests of names compared in SQL (name-key-sql.test.ts, and on
// PostgreSQL postgres.test.ts): the query of their keys and clean forms, and what differs from
// normalizeKey and cleanName.
import { getFramework, score, type FrameworkDefinition } from "../../src/index.ts";
import { DtiError } from "../../src/errors.ts";
import { toFramework } from "../../src/pipeline/score.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";
import { sqlText, type Dialect } from "../../src/sql/dialect.ts";
import { cleanNameSql, nameKeySql } from "../../src/sql/name-key-sql.ts";
import { cleanName } from "../../src/text/clean-name.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";

// Spellings of names as data and options hold them: case, decomposed marks, invisible characters,
// every kind of white space, letters whose lower case is not ASCII's or is two characters (İ), a
// Kelvin sign (NFC makes it K), title-case digraphs.
export const NAMES = ["Huế", "HUẾ", "Hue\u0301", "HUE\u0302\u0301", "\u200bHuế\u200d ", "Hà\u00a0\u3000Nội", "Hà\tNội\n", "HÀ  NỘI", "İstanbul", "i\u0307stanbul", "istanbul", "\u212Aon Tum", "kon tum", "ǅurđevac", "ǆurđevac", "Ǆurđevac", "Đắk Lắk", "đắk lắk", "ĐẮK LẮK", "Sở Y tế", "SỞ Y TẾ", "so y te", "Ω", "ω", "Ⅻ", "ⅻ", "Ａｂｃ", "ａｂｃ", "\u2028a\u2029", "a",
  // Names as province data writes them, and scripts whose case pairs are not Latin.
  "Đà Nẵng", "ĐÀ NẴNG", "đà nẵng", "Đà Nẵng".normalize("NFD"), "ĐÀ\u00a0NẴNG\u200b", "\t Đà   Nẵng \u3000", "Đà\u2028Nẵng", "Da Nang",
  "Thừa Thiên Huế", "THỪA THIÊN HUẾ", "Thừa\u00adThiên Huế", "TP. Hồ Chí Minh", "TP. HỒ CHÍ MINH\ufeff",
  "\u212Aelvin", "kelvin", "ＡＢＣ", "МОСКВА", "москва", "ΑΘΗΝΑ", "αθηνα", "𐐀𐐁", "𐐨𐐩", "ẞtraße", "ßtraße", "\u2126mega", "ωmega",
];

const TARGETS = [...new Set(NAMES.map(normalizeKey))];

/** The query of every name's key (against every name's normalizeKey) and clean form. */
export function namesQuery(dialect: Dialect): string {
  const values = NAMES.map((n, i) => `(${i}, ${sqlText(n)})`).join(", ");
  return `SELECT i, ${nameKeySql(dialect, "name", TARGETS, "test")} AS k, ${cleanNameSql(dialect, "name")} AS c FROM (VALUES ${values}) AS t(i, name) ORDER BY i`;
}

/** Where the query's rows differ from the library: a key equal to a target that normalizeKey says is not (or the reverse), a clean form that is not cleanName's. */
export function nameMismatches(rows: readonly SqlRow[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const name = NAMES[Number(row["i"])]!;
    for (const t of TARGETS) if ((row["k"] === t) !== (normalizeKey(name) === t)) out.push(`${JSON.stringify(name)} vs ${JSON.stringify(t)}: key ${JSON.stringify(row["k"])}`);
    if (row["c"] !== cleanName(name)) out.push(`${JSON.stringify(name)}: clean ${JSON.stringify(row["c"])}`);
  }
  if (rows.length !== NAMES.length) out.push(`${rows.length} rows for ${NAMES.length} names`);
  return out;
}

const labels = ["Huế", "Hà Nội", "İstanbul", "Kon Tum", "Đắk Lắk", "Sở Y tế", "Đà Nẵng", "Thừa Thiên Huế", "ǆurđevac", "Kelvin", "Straße"];

/** A framework of a categorical leaf whose labels are places ("İstanbul", "Kon Tum", …) and a boolean leaf. */
function wordFramework() {
  const place = (k: number) => ({ label: labels[k]!, score: (k + 1) / 16 });
  const definition = {
    id: "word-spellings",
    version: "1.0.0",
    title: { vi: "Chữ", en: "Words" },
    root: { id: "index", name: { vi: "Chỉ số", en: "Index" }, children: [
      { id: "place", name: { vi: "Địa điểm", en: "Place" }, weight: 1, rule: { type: "categorical", categories: labels.map((_, k) => place(k)) } },
      { id: "flag", name: { vi: "Đạt", en: "Met" }, weight: 1, rule: { type: "boolean" } },
    ] },
  } as unknown as FrameworkDefinition;
  return toFramework(definition).framework!;
}

/**
 * Word cells and long data's indicator names spelled as the names above spell them, scored on an
 * engine (`run`) and by score(): where the published values, ranks and coverage differ. A
 * categorical leaf whose labels are places ("İstanbul", "Kon Tum", …) and a boolean leaf read
 * cells in other cases, NFD, with invisible characters, a Kelvin sign; long rows name
 * vn-dti-2020-province's indicators in such spellings.
 */
export async function wordSpellingDifferences(dialect: Dialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const keys = new Set(labels.map(normalizeKey));
  const places = NAMES.filter((n) => keys.has(normalizeKey(n)));
  const flags = ["CÓ", "Có".normalize("NFD"), "\u200bkhông ", "KHÔNG", "ĐẠT", "Chưa  Đạt", "YES", "True", "\u00a0x"];
  const records = places.map((p, k) => ({ unit: `U${k}`, place: p, flag: flags[k % flags.length]! }));
  const out: string[] = [];
  const framework = wordFramework();
  const wide = toSql(framework, { dialect: dialect.name, source: { query: recordsQuery(records).query } });
  out.push(...differences(score(framework, records), rowsToResult(framework, await run(wide.sql), {})).map((d) => `words: ${d}`));
  const fw2020 = getFramework("vn-dti-2020-province");
  const spellings = ["GOVERNMENT", "Chính quyền số".normalize("NFD").toUpperCase(), "\u212Ainh tế số", "XÃ\u00a0HỘI  SỐ\u200b"];
  const long = ["A", "B"].flatMap((unit, u) => spellings.slice(1).map((indicator, k) => ({ unit, indicator: k === 0 && u === 0 ? spellings[0]! : indicator, value: String((k + u + 1) / 8) })));
  const longSql = toSql(fw2020, { dialect: dialect.name, source: { query: recordsQuery(long).query }, shape: "long" });
  out.push(...differences(score(fw2020, long, { shape: "long" }), rowsToResult(fw2020, await run(longSql.sql), { shape: "long" })).map((d) => `long: ${d}`));
  return out;
}

// Word cells that are no label nor yes/no: spaces around, quotes, backslashes, control characters,
// Vietnamese, past the 80 characters a message quotes; and a ranked cell that is not yes/no.
const BAD_WORDS = ["  có lẽ ", 'a "b"', "c:\\d", "x\ty\u0001", "Hà  Nội?", "ư".repeat(81), `${"đ".repeat(79)}"z`, "a".repeat(1500)];

/** The first issue's code and message of scoring records, by score() and on an engine. */
async function issues(records: readonly Record<string, string>[], columns: { ranked?: string }, dialect: Dialect, run: (sql: string) => Promise<SqlRow[]>): Promise<[string, string]> {
  const framework = wordFramework();
  const first = (e: unknown) => (e instanceof DtiError ? `${e.issues[0]!.code}: ${e.issues[0]!.message}` : String(e));
  let expected = "no error";
  try {
    score(framework, records, { columns });
  } catch (e) {
    expected = first(e);
  }
  const { sql } = toSql(framework, { dialect: dialect.name, columns, source: { query: recordsQuery(records).query } });
  const actual = await run(sql).then(() => "no error", first);
  return [expected, actual];
}

/** Where an engine's message about a bad word cell (categorical, boolean, ranked column) is not score()'s. */
export async function wordMessageDifferences(dialect: Dialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const out: string[] = [];
  for (const bad of BAD_WORDS) {
    const cases = [
      { records: [{ unit: "U", place: bad, flag: "có" }], columns: {} },
      { records: [{ unit: "U", place: "Huế", flag: bad }], columns: {} },
      { records: [{ unit: "U", place: "Huế", flag: "có", ranked: bad }], columns: { ranked: "ranked" } },
    ];
    for (const c of cases) {
      const [expected, actual] = await issues(c.records, c.columns, dialect, run);
      if (expected !== actual || expected === "no error") out.push(`${JSON.stringify(c.records[0])}: ${expected} expected, ${actual} got`);
    }
  }
  return out;
}

/**
 * Long data whose unit names are spelled as {@link NAMES} spell them (case, NFD, invisible
 * characters, İ, Kelvin sign, Vietnamese capitals), each spelling of one unit giving another
 * indicator: where an engine puts the rows together otherwise than score().
 */
export async function unitSpellingDifferences(dialect: Dialect, run: (sql: string) => Promise<SqlRow[]>): Promise<string[]> {
  const framework = getFramework("vn-dti-2022-province");
  const indicators = [...new Set(compileFramework(framework).leaves.flatMap((l) => compileFramework(framework).nodes[l]!.inputs))];
  const seen = new Map<string, number>();
  const records = NAMES.map((unit) => {
    const k = seen.get(normalizeKey(unit)) ?? 0;
    seen.set(normalizeKey(unit), k + 1);
    return { unit, indicator: indicators[k]!, value: String((k + 1) / 16) };
  });
  const options = { shape: "long" as const, missing: "zero" as const };
  const { sql } = toSql(framework, { ...options, dialect: dialect.name, source: { query: recordsQuery(records).query } });
  return differences(score(framework, records, options), rowsToResult(framework, await run(sql), options));
}

/** The first issue of long data with a unit name holding a capital sigma, on an engine. */
export async function sigmaUnitIssue(dialect: Dialect, run: (sql: string) => Promise<SqlRow[]>): Promise<unknown> {
  const framework = getFramework("vn-dti-2020-province");
  const records = [{ unit: "ΟΔΟΣ", indicator: "government", value: "0.5" }];
  const { sql } = toSql(framework, { shape: "long", missing: "zero", dialect: dialect.name, source: { query: recordsQuery(records).query } });
  return run(sql).then(() => undefined, (e: unknown) => (e instanceof DtiError ? e.issues[0] : e));
}
