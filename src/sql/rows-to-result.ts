/**
 * The rows of a compiled query (see `toSql`) as the `ScoreResult` that `score()` returns, so that
 * every report renders an engine's results as it renders the library's.
 *
 * @module
 */
import type { Framework } from "../framework/types.ts";
import type { UnitInput } from "../input/read-units.ts";
import { buildResult } from "../pipeline/score.ts";
import type { UnitTable } from "../pipeline/unit-nodes.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { compileFramework } from "../score/compile.ts";
import { NOT_RANKED } from "../report/rank-note.ts";
import type { ToSqlOptions } from "./to-sql.ts";

/** One output row: published values as text ("0.8002"), ranks and coverage as numbers, NULL as null. */
export type SqlRow = Readonly<Record<string, string | number | null>>;

const num = (x: string | number | null | undefined): number | null => (x === null || x === undefined ? null : Number(x));
const text = (x: string | number | null | undefined): string | null => (x === null || x === undefined ? null : String(x));

/**
 * Builds the result of `score()` from the rows of the query `toSql(framework, options)`. Node
 * scores are the engine's floats of the exact fractions; warnings are not produced by the engines
 * (the result has none). `rows[k].row`, when the query gives it, is the unit's first input row;
 * `rows[k].members` (with a merge), a merged unit's members.
 */
export function rowsToResult(framework: Framework, rows: readonly SqlRow[], options: Omit<ToSqlOptions, "source" | "dialect">): ScoreResult {
  const plan = compileFramework(framework);
  const rootId = plan.nodes[plan.root]!.id;
  const units: { input: UnitInput; members?: string[] }[] = rows.map((r, k) => {
    const code = text(r["code"]);
    // A merged unit's members, joined by " + " (which no merged name has: see `merge-sql.ts`).
    const members = text(r["members"])?.split(" + ");
    const group = text(r["group"]);
    const year = num(r["year"]);
    // "không xếp hạng" or "không xếp hạng: <reason>" for a unit not ranked.
    const note = text(r["rank_note"]);
    const reason = note === null || note.length <= NOT_RANKED.vi.length ? undefined : note.slice(NOT_RANKED.vi.length + 2);
    return {
      input: {
        unit: String(r["unit"]),
        ...(code !== null ? { code } : {}),
        ...(group !== null ? { group } : {}),
        ...(year !== null ? { year } : {}),
        row: num(r["row"]) ?? k + 2,
        ...(note !== null ? { ranked: false as const } : {}),
        ...(reason !== undefined ? { rankNote: reason } : {}),
        values: new Map(),
      },
      ...(members !== undefined ? { members } : {}),
    };
  });
  const column = (node: number, suffix: string) => (node === plan.root ? ({ "": rootId, _rank: "rank", _score: "score", _coverage: "coverage", _group_rank: "group_rank" } as Record<string, string>)[suffix]! : `${plan.nodes[node]!.id}${suffix}`);
  const table: UnitTable = {
    score: (u, node) => num(rows[u]![column(node, "_score")]),
    value: (u, node) => text(rows[u]![column(node, "")]),
    coverage: (u, node) => num(rows[u]![column(node, "_coverage")]) ?? 0,
    rank: (u, node) => num(rows[u]![column(node, "_rank")]),
    groupRank: (u, node) => num(rows[u]![column(node, "_group_rank")]),
  };
  return buildResult(plan, units, { missing: options.missing ?? "error", ranking: options.ranking ?? "competition", ...(options.decimals !== undefined ? { decimals: options.decimals } : {}) }, [], table, undefined);
}
