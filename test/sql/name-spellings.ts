// Spellings of names for the tests of names compared in SQL (name-key-sql.test.ts, and on
// PostgreSQL postgres.test.ts): the query of their keys and clean forms, and what differs from
// normalizeKey and cleanName.
import type { SqlRow } from "../../src/sql.ts";
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
