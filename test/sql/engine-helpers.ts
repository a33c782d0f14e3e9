// Shared by the SQL differential tests: data as a SQL source both engines read, and the comparison
// of an engine's result with score()'s (published values, ranks, group ranks, coverage; code,
// group and members; units not ranked and why).
import type { ScoreResult } from "../../src/index.ts";
import { sqlIdent, sqlText } from "../../src/sql/dialect.ts";

/** Records as a VALUES query with every cell as text (as a CSV gives them); null stays NULL. */
export function recordsQuery(records: readonly Record<string, unknown>[]): { query: string; columns: string[] } {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? "NULL" : sqlText(String(v)));
  const rows = records.map((r) => `(${columns.map((c) => cell(r[c])).join(", ")})`);
  return { query: `SELECT * FROM (VALUES ${rows.join(", ")}) AS dti_data(${columns.map(sqlIdent).join(", ")})`, columns };
}

/** Every published value, rank, group rank and coverage that differs, as readable lines. */
export function differences(expected: ScoreResult, actual: ScoreResult): string[] {
  const out: string[] = [];
  const key = (u: ScoreResult["units"][number]) => `${u.unit}|${u.year ?? ""}`;
  const got = new Map(actual.units.map((u) => [key(u), u]));
  if (expected.units.length !== actual.units.length) out.push(`units: ${expected.units.length} expected, ${actual.units.length} got`);
  expected.units.forEach((e, k) => {
    const a = got.get(key(e));
    if (a === undefined) return void out.push(`${key(e)}: missing`);
    if (actual.units[k] !== undefined && key(actual.units[k]!) !== key(e)) out.push(`order ${k}: ${key(e)} expected, ${key(actual.units[k]!)} got`);
    // The unit's identity: code, group and, for a merged unit, its members in order.
    for (const f of ["code", "group", "members"] as const) {
      if (JSON.stringify(a[f]) !== JSON.stringify(e[f])) out.push(`${key(e)} ${f}: ${JSON.stringify(e[f])} expected, ${JSON.stringify(a[f])} got`);
    }
    const check = (node: string, x: { value: string | null; rank: number | null; groupRank: number | null; coverage: number }, y: typeof x | undefined) => {
      for (const f of ["value", "rank", "groupRank", "coverage"] as const) {
        if (y?.[f] !== x[f]) out.push(`${key(e)} ${node}.${f}: ${x[f]} expected, ${y?.[f]} got`);
      }
    };
    if (a.ranked !== e.ranked || a.rankNote !== e.rankNote) out.push(`${key(e)} ranked: ${e.ranked ?? true} (${e.rankNote}) expected, ${a.ranked ?? true} (${a.rankNote}) got`);
    check(expected.root, e, a);
    for (const [id, n] of Object.entries(e.nodes)) check(id, n, a.nodes[id]);
  });
  return out;
}
