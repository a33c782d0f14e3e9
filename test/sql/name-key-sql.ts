// Names and keys for the SQL name-matching tests (DuckDB in name-key-sql.test.ts, PostgreSQL in
// postgres.test.ts): each name's cleaned form and whether its key equals each key, by the query
// and by cleanName / normalizeKey.
import { cleanName } from "../../src/text/clean-name.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";
import { dialectOf, sqlText, type SqlDialect } from "../../src/sql/dialect.ts";
import { cleanNameSql, nameKeySql } from "../../src/sql/name-key-sql.ts";

/** Names written in the ways data files write them, and some that lower case handles unusually. */
export const NAMES = [
  "Đà Nẵng", "ĐÀ NẴNG", "đà nẵng", "Đà Nẵng".normalize("NFD"), "ĐÀ\u00a0NẴNG\u200b", "\t Đà   Nẵng \u3000", "Đà\u2028Nẵng", "Da Nang",
  "Thừa Thiên Huế", "THỪA THIÊN HUẾ", "Thừa\u00adThiên Huế", "TP. Hồ Chí Minh", "TP. HỒ CHÍ MINH\ufeff",
  "İstanbul", "i\u0307stanbul", "istanbul", "ǅemal", "ǆemal", "\u212Aelvin", "kelvin", "ＡＢＣ", "ａｂｃ", "МОСКВА", "москва",
  "ΑΘΗΝΑ", "αθηνα", "𐐀𐐁", "𐐨𐐩", "ẞtraße", "ßtraße", "\u2126mega", "ωmega",
];

/** The keys compared with: every name's. */
export const KEYS = [...new Set(NAMES.map(normalizeKey))];

/** A query giving, per name, its cleaned form and its key's equality with each key (`k0`, `k1`, …). */
export function nameKeyQuery(dialect: SqlDialect): string {
  const d = dialectOf(dialect);
  const clean = cleanNameSql(d, "name");
  const key = nameKeySql(d, "clean", KEYS, "test");
  const rows = NAMES.map((n, i) => `(${i}, ${sqlText(n)})`).join(", ");
  return `SELECT i, clean, ${KEYS.map((k, j) => `CASE WHEN ${key} = ${sqlText(k)} THEN 1 ELSE 0 END AS k${j}`).join(", ")} FROM (SELECT i, ${clean} AS clean FROM (VALUES ${rows}) AS t(i, name)) AS c ORDER BY i`;
}

/** What the query should give: cleanName and normalizeKey's equalities. */
export function nameKeyExpected(): { i: number; clean: string; equal: number[] }[] {
  return NAMES.map((n, i) => ({ i, clean: cleanName(n), equal: KEYS.map((k) => (normalizeKey(n) === k ? 1 : 0)) }));
}

/** The query's rows in the same shape. */
export function nameKeyRows(rows: readonly Record<string, unknown>[]): { i: number; clean: string; equal: number[] }[] {
  return rows.map((r) => ({ i: Number(r["i"]), clean: String(r["clean"]), equal: KEYS.map((_, j) => Number(r[`k${j}`])) }));
}
