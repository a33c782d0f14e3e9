/**
 * Merged units in SQL (option `merge`), as `mergeUnits` and `mergeColumns` make them: after the
 * leaves are scored (normalisation across units included, on the units as the data has them),
 * the rows of each year whose unit name is mapped to one merged unit, or is that unit's own name,
 * become one row. Its leaf scores are the unweighted mean of its members' present scores, as
 * exact fractions; its leaf coverage the mean of theirs; its name, code and group the mapping's
 * (the group, where the mapping gives none, the members' common group); its members' names in
 * the data's order. Every other unit stays as it is. Groups, views, bonus and penalty points and
 * ranks are then computed on the merged units, as the library computes them.
 *
 * Names are matched as the library matches them (`name-key-sql.ts`). A mapped name that no row
 * of the data has stops the query (`DATA_MERGE_UNKNOWN_UNIT`), as it stops `score`; a unit mapped
 * to two merged units is refused when compiling (`DATA_MERGE_INVALID`).
 *
 * @module
 */
import { DtiError, type Issue } from "../errors.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { mergeEntries, mergeTargets, type MergeMapping } from "../score/merge-units.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { sqlText, type Dialect } from "./dialect.ts";
import { isWide, SMALL_LIMIT, type Fraction } from "./fraction.ts";
import { arithmeticMean } from "./group-sql.ts";
import { HUGE_GUARD, HUGE_LIMIT } from "./harmonic-sql.ts";
import { failure } from "./leaf-sql.ts";
import { nameKeySql } from "./name-key-sql.ts";
import { refuse, type SqlColumns } from "./options.ts";

/** A name that joins a merged unit: its key, the mapping's spelling (null: the merged unit's own name), its place. */
interface MemberRow {
  readonly key: string;
  readonly name: string | null;
  readonly into: string;
  /** Its place among the merged unit's names (1, 2, …). */
  readonly slot: number;
}

/** A merge mapping, compiled. */
export interface MergeMap {
  readonly members: readonly MemberRow[];
  /** Each merged unit's name, and the mapping's code and group for it (the first given). */
  readonly targets: ReadonlyMap<string, { readonly name: string; code?: string; group?: string }>;
  /** The most names one merged unit has. */
  readonly slots: number;
}

/**
 * The mapping as SQL can apply it, or undefined when it maps nothing. Throws `DATA_MERGE_INVALID`
 * (as `score` reports it) for a unit mapped to two merged units, and `SQL_UNSUPPORTED` for what the
 * query could not reproduce: a merged unit spelled two ways (the library names it as its first
 * member in the data spells it), a name with " + " (the members column's separator).
 */
export function mergeMap(mapping: MergeMapping): MergeMap | undefined {
  const entries = mergeEntries(mapping);
  if (entries.length === 0) return undefined;
  const issues: Issue[] = [];
  const { target, targets } = mergeTargets(entries, issues);
  if (issues.length > 0) throw new DtiError(issues);
  const info = new Map<string, { name: string; code?: string; group?: string }>();
  for (const e of entries) {
    const key = normalizeKey(e.into);
    const t = info.get(key) ?? { name: e.into };
    if (t.name !== e.into) throw refuse(`the merged unit "${t.name}" is also written "${e.into}": write it one way in the merge mapping`);
    if (t.code === undefined && e.code !== undefined) t.code = e.code;
    if (t.group === undefined && e.group !== undefined) t.group = e.group;
    info.set(key, t);
    const joined = [e.unit, e.into].find((n) => n.includes(" + "));
    if (joined !== undefined) throw refuse(`the name "${joined}" has " + ", which separates the members of a merged unit in the query's members column: score this merge with the library`);
  }
  const members: MemberRow[] = [];
  const count = new Map<string, number>();
  const add = (key: string, name: string | null, into: string) => {
    const k = normalizeKey(into);
    const slot = (count.get(k) ?? 0) + 1;
    count.set(k, slot);
    members.push({ key, name, into: info.get(k)!.name, slot });
  };
  for (const [key, e] of target) add(key, e.unit, e.into);
  // A unit with a merged unit's name, and no line of its own, is one of its members.
  for (const [key, into] of targets) if (!target.has(key)) add(key, null, into);
  return { members, targets: info, slots: [...count.values()].reduce((m, c) => Math.max(m, c), 1) };
}

/**
 * The query's identity columns with a merge: the source's, and a code or group column where only
 * the mapping gives merged units one (as the library's result then has them; other units' are
 * blank). The added column's name is never read from the source.
 */
export function mergedColumns(map: MergeMap, source: SqlColumns): SqlColumns {
  const gives = (field: "code" | "group") => source[field] === undefined && [...map.targets.values()].some((t) => t[field] !== undefined);
  return { ...source, ...(gives("code") ? { code: "" } : {}), ...(gives("group") ? { group: "" } : {}) };
}

/** The mapping as a VALUES query: dti_mk (a name's key), dti_mname, dti_mpos, dti_into, dti_into_code, dti_into_group, dti_slot. */
function mapSql(map: MergeMap): string {
  const text = (s: string | null | undefined) => (s === null || s === undefined ? "CAST(NULL AS VARCHAR)" : `CAST(${sqlText(s)} AS VARCHAR)`);
  const rows = map.members.map((m, pos) => {
    const t = map.targets.get(normalizeKey(m.into))!;
    return `(${[text(m.key), text(m.name), String(pos), text(m.into), text(t.code), text(t.group), String(m.slot)].join(", ")})`;
  });
  return `SELECT * FROM (VALUES ${rows.join(",\n    ")}) AS dti_merge_map(dti_mk, dti_mname, dti_mpos, dti_into, dti_into_code, dti_into_group, dti_slot)`;
}

/** A leaf's columns after merging: the merged rows' (over their slot step) and the other rows'. */
interface LeafMerge {
  /** Aggregates of the slot step (merged rows). */
  readonly slots: string[];
  /** [merged rows' expression over the slot step, other rows' expression] per output column. */
  readonly columns: [string, string, string][];
  readonly fraction: Fraction;
  /** A mean over a common denominator: its m<i> / o<i> divided by their gcd into n<i> / p<i> (see `emitNode`). */
  readonly reduce?: { readonly gcd: string; readonly divided: string[] };
}

/** Leaf i's merged fraction: Σ n / (c · count) without a row-dependent denominator, else the mean of its slots. */
function mergeLeaf(dialect: Dialect, map: MergeMap, f: Fraction, i: number, node: string): LeafMerge {
  const M = BigInt(map.slots);
  const coverage: [string, string, string] = [`v${i}`, `v${i}`, `v${i}`];
  const slots = [`CAST(sum(v${i}) AS DOUBLE PRECISION) / count(*) AS v${i}`];
  if (f.p === null) {
    const bound = f.bound * M;
    const wide = isWide({ bound, pBound: M, c: f.c });
    const T = wide ? dialect.int : dialect.small;
    slots.push(`CAST(sum(n${i}) AS ${T}) AS n${i}`, `CAST(greatest(count(n${i}), 1) AS ${T}) AS p${i}`);
    const fraction = { ...f, n: `n${i}`, p: `p${i}`, bound: wide && bound < SMALL_LIMIT ? SMALL_LIMIT : bound, pBound: M };
    return { slots, columns: [[`n${i}`, `n${i}`, `CAST(n${i} AS ${T})`], [`p${i}`, `p${i}`, dialect.intLit(1n, wide)], coverage], fraction };
  }
  const fs: Fraction[] = [];
  for (let s = 1; s <= map.slots; s++) {
    slots.push(`max(CASE WHEN dti_slot = ${s} THEN n${i} END) AS n${i}_${s}`, `coalesce(max(CASE WHEN dti_slot = ${s} THEN p${i} END), ${dialect.intLit(1n, isWide(f))}) AS p${i}_${s}`);
    fs.push({ ...f, n: `n${i}_${s}`, p: `p${i}_${s}`, nullable: true });
  }
  const mean = arithmeticMean(dialect, { fs, weights: fs.map(() => 1n), coverage: "", full: false, threshold: 0 });
  const T = mean.wide ? dialect.int : dialect.small;
  let n = mean.n;
  if (dialect.name === "duckdb" && (mean.bound >= HUGE_LIMIT || mean.pBound >= HUGE_LIMIT)) {
    // The sizes in floats (far from their limit): where the exact mean would not fit, say so.
    const size = [`CAST(${sqlText(String(M * f.c * f.top))} AS DOUBLE)`, ...fs.map((x) => `CAST(${x.p} AS DOUBLE)`)].join(" * ");
    const message = sqlText(`the exact mean of the merged members' "${node}" needs more than DuckDB's 38 digits: run the query on PostgreSQL, or score with the library`);
    n = `CASE WHEN ${size} > ${HUGE_GUARD} THEN ${failure({ dialect, unit: "dti_unit" }, "SQL_UNSUPPORTED", node, message, dialect.int)} ELSE ${n} END`;
  }
  const fraction: Fraction = { ...f, n: `n${i}`, p: `p${i}`, c: mean.c, nullable: mean.nullable, bound: mean.wide && mean.bound < SMALL_LIMIT ? SMALL_LIMIT : mean.bound, pBound: mean.pBound, top: mean.top };
  // Where every member is missing, p is 1 (as for every missing node: a parent multiplies by it).
  const p = `CASE WHEN ${fs.map((x) => `${x.n} IS NULL`).join(" AND ")} THEN ${dialect.intLit(1n, mean.wide)} ELSE ${mean.p} END`;
  const w = mean.wide;
  const reduce = { gcd: `${dialect.gcd(`m${i}`, `o${i}`, w)} AS e${i}`, divided: [`${dialect.divExact(`m${i}`, `e${i}`, w)} AS n${i}`, `CASE WHEN m${i} IS NULL THEN ${dialect.intLit(1n, w)} ELSE ${dialect.divExact(`o${i}`, `e${i}`, w)} END AS p${i}`] };
  return { slots, columns: [[`m${i}`, `CAST(${n} AS ${T})`, `CAST(n${i} AS ${T})`], [`o${i}`, `CAST(${p} AS ${T})`, `CAST(p${i} AS ${T})`], coverage], fraction, reduce };
}

/** What merging adds to the query: the leaves' fractions after it, and its steps given the step before. */
export interface MergeSteps {
  readonly fractions: ReadonlyMap<number, Fraction>;
  steps(from: string): [string, string][];
}

/**
 * The merge of the plan's leaves: each leaf's merged fraction, and the query's steps: the mapping
 * (`dti_merge_map`), each row's merged unit (`dti_merge_keyed`), the first mapped name the data
 * lacks (`dti_merge_check`), the merged rows with the others (`dti_merged`), and where a leaf's
 * mean is over a common denominator, that fraction divided by its gcd (`dti_merged_gcd`,
 * `dti_merged_reduced`).
 */
export function mergeSteps(plan: CompiledFramework, fractions: readonly Fraction[], map: MergeMap, dialect: Dialect, source: SqlColumns): MergeSteps {
  const columns = mergedColumns(map, source);
  const none = "CAST(NULL AS VARCHAR)";
  const commonGroup = "CASE WHEN count(DISTINCT dti_group) = 1 AND count(dti_group) = count(*) THEN min(dti_group) END";
  const leaves = plan.leaves.map((i) => mergeLeaf(dialect, map, fractions[i]!, i, plan.nodes[i]!.id));
  const merged = new Map(plan.leaves.map((i, k) => [i, leaves[k]!.fraction]));
  const unknown = failure({ dialect, unit: "dti_unknown" }, "DATA_MERGE_UNKNOWN_UNIT", "", `'the merge mapping names "' || dti_unknown || '", which is not in the data'`, "VARCHAR");
  const twice = failure({ dialect, unit: "dti_into" }, "DATA_DUPLICATE_UNIT", "", `'a unit merged into "' || dti_into || '" appears twice in one year'`, "VARCHAR");
  // [name, expression in the slot step (merged rows), expression for the other rows]
  const identity: [string, string, string][] = [
    ["dti_unit", `CASE WHEN dti_unknown IS NOT NULL THEN ${unknown} WHEN count(*) > count(DISTINCT dti_slot) THEN ${twice} ELSE dti_into END`, `CASE WHEN dti_unknown IS NOT NULL THEN ${unknown} ELSE dti_unit END`],
    ...(columns.code !== undefined ? [["dti_code", "dti_into_code", source.code !== undefined ? "dti_code" : none] as [string, string, string]] : []),
    ...(columns.group !== undefined ? [["dti_group", source.group !== undefined ? `coalesce(dti_into_group, ${commonGroup})` : "dti_into_group", source.group !== undefined ? "dti_group" : none] as [string, string, string]] : []),
    ...(columns.year !== undefined ? [["dti_year", "dti_year", "dti_year"] as [string, string, string]] : []),
    ["dti_row", "min(dti_row)", "dti_row"],
    ["dti_members", "string_agg(dti_unit, ' + ' ORDER BY dti_row)", none],
  ];
  const keys = map.members.map((m) => m.key);
  return {
    fractions: merged,
    steps: (from) => {
      // The rows' names are clean already (the cells step cleans them as the library reads them).
      const keyed = `SELECT k.*, m.dti_mk, m.dti_into, m.dti_into_code, m.dti_into_group, m.dti_slot\n  FROM ${from} AS k\n  LEFT JOIN dti_merge_map AS m ON m.dti_mk = ${nameKeySql(dialect, "k.dti_unit", keys, "the merge mapping")}`;
      const check = `SELECT (SELECT m.dti_mname FROM dti_merge_map AS m WHERE m.dti_mname IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dti_merge_keyed AS r WHERE r.dti_mk = m.dti_mk) ORDER BY m.dti_mpos LIMIT 1) AS dti_unknown`;
      const by = ["dti_into", "dti_into_code", "dti_into_group", "dti_unknown", ...(columns.year !== undefined ? ["dti_year"] : [])];
      const slotStep = `SELECT ${[...identity.map(([name, agg]) => `${agg} AS ${name}`), ...leaves.flatMap((l) => l.slots)].join(",\n      ")}\n    FROM dti_merge_keyed CROSS JOIN dti_merge_check\n    WHERE dti_into IS NOT NULL\n    GROUP BY ${by.join(", ")}`;
      const outer = [...identity.map(([name]) => name), ...leaves.flatMap((l) => l.columns.map(([name, expr]) => `${expr} AS ${name}`))];
      const others = [...identity.map(([name, , expr]) => `${expr} AS ${name}`), ...leaves.flatMap((l) => l.columns.map(([name, , expr]) => `${expr} AS ${name}`))];
      const body = `SELECT ${outer.join(",\n    ")}\n  FROM (${slotStep}) AS dti_slots\n  UNION ALL\n  SELECT ${others.join(",\n    ")}\n  FROM dti_merge_keyed CROSS JOIN dti_merge_check\n  WHERE dti_into IS NULL`;
      const reduced = leaves.flatMap((l) => (l.reduce === undefined ? [] : [l.reduce]));
      const divide: [string, string][] = reduced.length === 0 ? [] : [["dti_merged_gcd", `SELECT *, ${reduced.map((r) => r.gcd).join(", ")} FROM dti_merged`], ["dti_merged_reduced", `SELECT *, ${reduced.flatMap((r) => r.divided).join(", ")} FROM dti_merged_gcd`]];
      return [["dti_merge_map", mapSql(map)], ["dti_merge_keyed", keyed], ["dti_merge_check", check], ["dti_merged", body], ...divide];
    },
  };
}

/** The output columns with `members` after the unit's identity (unit, code, group, year), as `toCSV` places it. */
export function withMembersColumn(out: [string, string][], merged: boolean): [string, string][] {
  if (!merged) return out;
  let at = out.findIndex(([name]) => name === "unit") + 1;
  for (const name of ["code", "group", "year"]) if (out[at]?.[0] === name) at++;
  return [...out.slice(0, at), ["members", "dti_members"], ...out.slice(at)];
}
