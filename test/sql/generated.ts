// Generated frameworks and data for the SQL differential tests: the oracle's half-way cases
// (test/oracle/arbitraries.ts: every rule, normalisation across units (min-max, goalposts, rank,
// percentile, target; per year or across years; ranges [0, 1] and [0, 100]), arithmetic and
// harmonic means, missing policies, groups, years, bonus and penalty points, merged units),
// scored by score() and by a SQL engine, compared value by value.
import * as fc from "fast-check";
import { DtiError, score, type Framework, type FrameworkDefinition, type ScoreOptions } from "../../src/index.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import type { SqlDialect } from "../../src/sql/dialect.ts";
import { buildCase, caseParams, type OracleCase } from "../oracle/arbitraries.ts";
import { oracleScore } from "../oracle/evaluate.ts";
import { isHalfWay } from "../oracle/rational.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";
import type { UnrankedOption } from "../../src/rank/unranked.ts";
import { unrankedVariant, type UnrankedVariant } from "./unranked-case.ts";

/** `count` generated cases, the same for a given seed (about a third merge units). */
export function generatedCases(count: number, seed: number): OracleCase[] {
  return fc.sample(caseParams({ merges: true, normalise: true, years: true, adjustments: true }), { seed, numRuns: count }).map(buildCase);
}

/** What a run of generated cases found. */
export interface GeneratedTally {
  compared: number;
  /** Cases refused (a geometric or Mazziotta-Pareto mean; on DuckDB, an input past 18 digits or a harmonic mean past 38). */
  refused: number;
  /** Of the refused: DuckDB queries stopped by an exact fraction past HUGEINT's 38 digits. */
  overflows: number;
  units: number;
  /** Compared cases using each method: "harmonic", every normalisation method, "merge". */
  methods: Record<string, number>;
  /** Why cases were refused (the messages, for the log). */
  refusals: string[];
  /** Units whose exact index is half-way between two published values. */
  halfWayRoots: number;
  mismatches: string[];
  /** Compared cases with units not ranked (by the option or the data's ranked column). */
  unranked: number;
}

/** The harmonic mean, normalisation methods and adjusted range (bonus and penalty points) a plan uses. */
function methodsOf(plan: ReturnType<typeof compileFramework>): Set<string> {
  const out = new Set<string>();
  if (plan.layout.adjust !== undefined) out.add(`adjusted-${plan.layout.adjust.range}`);
  for (const node of plan.nodes) {
    if (node.kind !== "leaf" && node.aggregation === "harmonic") out.add("harmonic");
    const rule = node.leaf?.rule;
    if (rule?.type === "normalise") out.add(rule.method === "minmax" && rule.bounds !== undefined ? "minmax-bounds" : rule.method);
  }
  return out;
}

/** Whether score() refuses the records with DATA_AMBIGUOUS_NUMBER once every cell is text, as the query's source has it. */
function ambiguousAsText(framework: Framework, records: readonly Record<string, unknown>[], options: ScoreOptions): boolean {
  const text = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? v : String(v)])));
  try {
    score(framework, text, options);
    return false;
  } catch (e) {
    return e instanceof DtiError && e.issues.some((i) => i.code === "DATA_AMBIGUOUS_NUMBER" && i.severity === "error");
  }
}

/** Scores each case with score() and on an engine (`query` runs SQL of `dialect`), comparing. */
export async function runGenerated(cases: readonly OracleCase[], dialect: SqlDialect, query: (sql: string) => Promise<SqlRow[]>): Promise<GeneratedTally> {
  const tally: GeneratedTally = { compared: 0, refused: 0, overflows: 0, units: 0, halfWayRoots: 0, mismatches: [], methods: {}, refusals: [], unranked: 0 };
  for (const [index, c] of cases.entries()) {
    // Units not ranked together with merges are refused by toSql: a merged case keeps every unit ranked.
    const variant: UnrankedVariant = c.options.merge !== undefined ? { records: [...c.records], columns: {} } : unrankedVariant(c.records, index);
    const definition = c.definition as unknown as FrameworkDefinition;
    const checked = validateFramework(definition);
    if (!checked.ok) throw new Error(`generated framework invalid: ${checked.issues[0]?.message}`);
    const framework = checked.framework;
    const { query: source, columns: present } = recordsQuery(variant.records);
    const plan = compileFramework(framework);
    const inputs = Object.fromEntries(plan.leaves.flatMap((l) => plan.nodes[l]!.inputs).filter((k) => !present.includes(k)).map((k) => [k, null]));
    const columns = { ...(present.includes("group") ? { group: "group" } : {}), ...(present.includes("year") ? { year: "year" } : {}), ...variant.columns };
    const options: { missing?: "zero" | "reweight"; merge?: NonNullable<OracleCase["options"]["merge"]>; unranked?: UnrankedOption } = {
      ...(c.options.missing !== undefined ? { missing: c.options.missing } : {}),
      ...(c.options.merge !== undefined ? { merge: c.options.merge } : {}),
      ...(variant.unranked !== undefined ? { unranked: variant.unranked } : {}),
    };
    let sql: string;
    try {
      sql = toSql(framework, { ...options, dialect, columns, inputs, source: { query: source } }).sql;
    } catch (e) {
      if (e instanceof DtiError && e.code === "SQL_UNSUPPORTED") {
        tally.refused++;
        tally.refusals.push(e.issues[0]?.message ?? e.message);
        continue;
      }
      throw e;
    }
    const expected = score(framework, variant.records, options);
    let rows: SqlRow[];
    try {
      rows = await query(sql);
    } catch (e) {
      // A number past DuckDB's 18 digits is refused by the query itself, saying so; an exact
      // fraction past its 38 digits stops the query (as documented: never a wrong value).
      const overflow = dialect === "duckdb" && e instanceof DtiError && e.code === "SQL_ENGINE" && /38 digits/u.test(e.message);
      // The query reads every cell as text, where score() got numbers ("1.768" as 1.768, never asked
      // about): its refusal must be score()'s of the same cells as text.
      const asText = e instanceof DtiError && e.code === "DATA_AMBIGUOUS_NUMBER" && ambiguousAsText(framework, variant.records, options);
      if (e instanceof DtiError && (e.code === "SQL_UNSUPPORTED" || overflow || asText)) {
        tally.refused++;
        if (overflow) tally.overflows++;
        tally.refusals.push(e.issues[0]?.message ?? e.message);
        continue;
      }
      throw new Error(`case ${JSON.stringify(c.params)}: ${e instanceof Error ? e.message : String(e)}\n${sql}`);
    }
    const actual = rowsToResult(framework, rows, { ...options, columns, inputs });
    const diff = differences(expected, actual);
    if (diff.length > 0) tally.mismatches.push(`case ${JSON.stringify(c.params)}:\n  ${diff.slice(0, 5).join("\n  ")}`);
    tally.compared++;
    if (expected.units.some((u) => u.ranked === false)) tally.unranked++;
    for (const m of [...methodsOf(plan), ...(options.merge !== undefined ? ["merge"] : [])]) tally.methods[m] = (tally.methods[m] ?? 0) + 1;
    tally.units += expected.units.length;
    const oracle = oracleScore(c.definition, c.records, c.options);
    tally.halfWayRoots += oracle.units.filter((u) => {
      const s = u.nodes.get(oracle.root)?.score;
      return s !== null && s !== undefined && isHalfWay(s, oracle.decimals);
    }).length;
  }
  return tally;
}
