/**
 * Units assessed but not ranked, in SQL: named in the `unranked` option (by name or code, matched
 * as the library matches names) or marked "không" in the data's ranked column ("Được xếp hạng").
 * They are scored as every unit is (and count in the statistics that normalise across units); they
 * get no rank and no group rank, and take no place in the others' ranks. The output says why in a
 * `rank_note` column, as `toCSV` writes it ("không xếp hạng: <reason>").
 *
 * @module
 */
import { RANKED_RULE } from "../input/read-units.ts";
import type { UnrankedOption } from "../rank/unranked.ts";
import { NOT_RANKED } from "../report/rank-note.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { sqlIdent, sqlText, type Dialect } from "./dialect.ts";
import { textOf, UNIT_TEXT } from "./input-sql.ts";
import { booleanWords, failure } from "./leaf-sql.ts";
import { cleanNameSql, nameKeySql } from "./name-key-sql.ts";
import { refuse, type ToSqlOptions } from "./options.ts";
import { showValueSql } from "./show-value-sql.ts";

/** The steps and columns that mark the units not ranked (see {@link unrankedSql}). */
export interface UnrankedSql {
  /** Columns of the cells step: the ranked and note cells, as text (NULL when blank). */
  readonly cells: string[];
  /** Columns of a step after the inputs: the keys of the unit's name and code, and the ranked cell's. */
  readonly keys: string[];
  /** Columns of the step after it: `dti_unranked_hit` (the option's name the unit matched) and `dti_unranked` (boolean). */
  readonly marks: string[];
  /** Columns of the step after that: `dti_rank_note`, the note column's text ("không xếp hạng: …") or NULL. */
  readonly notes: string[];
  /** The columns carried to the published step. */
  readonly carried: string[];
  /** With names in the option: a step that stops the query when a name met no unit, and the join that reads it. */
  readonly check: { readonly cte: string; readonly join: string; readonly where: string } | undefined;
}

/** The option's names by key, in the order first given (a name given twice keeps its last reason), as `unrankedMatcher` keeps them. */
function namedUnits(option: UnrankedOption | undefined): Map<string, { name: string; reason: string | undefined }> {
  const named = new Map<string, { name: string; reason: string | undefined }>();
  if (option === undefined) return named;
  const entries: [string, string | undefined][] = Array.isArray(option) ? (option as readonly string[]).map((n) => [n, undefined]) : Object.entries(option);
  for (const [name, reason] of entries) named.set(normalizeKey(name), { name, reason });
  return named;
}

/**
 * The SQL of units not ranked, or undefined when neither the option nor a ranked column is given
 * (every unit is ranked). Refuses (`SQL_UNSUPPORTED`) a ranked column in long data.
 */
export function unrankedSql(options: ToSqlOptions, dialect: Dialect): UnrankedSql | undefined {
  const cols = options.columns ?? {};
  const named = namedUnits(options.unranked);
  if (named.size === 0 && cols.ranked === undefined) return undefined;
  if (options.shape === "long" && (cols.ranked !== undefined || cols.rankNote !== undefined)) throw refuse(`long data with a column marking units not ranked ("${cols.ranked ?? cols.rankNote}") is not compiled to SQL: use the option unranked, or score with the library`);
  const cells = [...(cols.ranked !== undefined ? [`${textOf(sqlIdent(cols.ranked))} AS dti_ranked_text`] : []), ...(cols.rankNote !== undefined ? [`${textOf(sqlIdent(cols.rankNote))} AS dti_note_text`] : [])];
  const targets = [...named.keys()];
  const words = booleanWords(RANKED_RULE);
  const keys = [
    ...(named.size > 0 ? [`${nameKeySql(dialect, UNIT_TEXT, targets, "option unranked")} AS dti_unit_key`] : []),
    ...(named.size > 0 && cols.code !== undefined ? [`${nameKeySql(dialect, "dti_code", targets, "option unranked")} AS dti_code_key`] : []),
    ...(cols.ranked !== undefined ? [`${nameKeySql(dialect, "dti_ranked_text", [...words.yes, ...words.no], "the ranked column")} AS dti_ranked_key`] : []),
  ];
  const index = (key: string) => `CASE ${key} ${targets.map((k, i) => `WHEN ${sqlText(k)} THEN ${i}`).join(" ")} END`;
  // The name first; the code only when the name is not in the option (as the library looks).
  const hit = named.size === 0 ? "CAST(NULL AS INTEGER)" : cols.code !== undefined ? `coalesce(${index("dti_unit_key")}, ${index("dti_code_key")})` : index("dti_unit_key");
  const list = (ws: readonly string[]) => ws.map(sqlText).join(", ");
  const bad = failure({ dialect, unit: UNIT_TEXT }, "DATA_NOT_A_BOOLEAN", "", `${showValueSql(cleanNameSql(dialect, "dti_ranked_text"))} || ${sqlText(` is not yes/no: write "Có" for a unit that is ranked, "Không" for one assessed but not ranked`)}`, "INTEGER");
  const marked = cols.ranked === undefined ? "FALSE" : `CASE WHEN dti_ranked_text IS NULL THEN FALSE WHEN dti_ranked_key IN (${list(words.yes)}) THEN FALSE WHEN dti_ranked_key IN (${list(words.no)}) THEN TRUE ELSE ${bad} = 1 END`;
  const reasons = [...named.values()].map((v, i) => (v.reason === undefined ? "" : `WHEN ${i} THEN ${sqlText(v.reason)} `)).join("");
  const reason = reasons === "" ? "CAST(NULL AS VARCHAR)" : `CASE dti_unranked_hit ${reasons}END`;
  const note = cols.rankNote !== undefined ? `coalesce(${reason}, ${cleanNameSql(dialect, "dti_note_text")})` : reason;
  const marks = [
    `${hit} AS dti_unranked_hit`,
    `(${hit}) IS NOT NULL OR ${marked} AS dti_unranked`,
  ];
  const noteColumn = `CASE WHEN dti_unranked THEN ${sqlText(NOT_RANKED.vi)} || coalesce(': ' || ${note}, '') END AS dti_rank_note`;
  return { cells, keys, marks, notes: [noteColumn], carried: ["dti_unranked", "dti_rank_note", ...(named.size > 0 ? ["dti_unranked_hit"] : [])], check: named.size === 0 ? undefined : namesCheck(named, dialect) };
}

/** The step that stops the query when a name of the option met no unit (its name or code), as the library's `DATA_NOT_RANKED` error. */
function namesCheck(named: ReadonlyMap<string, { name: string }>, dialect: Dialect): { cte: string; join: string; where: string } {
  const values = [...named.values()].map((v, i) => `(${i}, ${sqlText(JSON.stringify(v.name))})`).join(", ");
  const message = `'DTI_ERROR DATA_NOT_RANKED node= unit=: option unranked names ' || string_agg(dti_name, ', ' ORDER BY dti_i) || ', which the data has no unit (or code) for: write the names as the unit column does'`;
  const cte =
    `dti_unranked_check${dialect.cte}\n  SELECT CASE WHEN count(*) = 0 THEN 0 ELSE ${dialect.fail(message, "INTEGER")} END AS dti_unranked_ok\n` +
    `  FROM (VALUES ${values}) AS dti_names(dti_i, dti_name)\n  WHERE dti_i NOT IN (SELECT dti_unranked_hit FROM dti_published WHERE dti_unranked_hit IS NOT NULL)\n)`;
  return { cte, join: "CROSS JOIN dti_unranked_check", where: "dti_unranked_check.dti_unranked_ok = 0" };
}
