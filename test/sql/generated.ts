// Generated frameworks and data for the SQL differential tests: the oracle's half-way cases
// (test/oracle/arbitraries.ts: every rule, normalisation across units (min-max, goalposts, rank,
// percentile, target; per year or across years; ranges [0, 1] and [0, 100]), arithmetic and
// harmonic means, missing policies, groups, years, bonus and penalty points), without merges
// (which the SQL compiler refuses), scored by score() and by a SQL engine, compared value by value.
import * as fc from "fast-check";
import { DtiError, score, type FrameworkDefinition } from "../../src/index.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import type { SqlDialect } from "../../src/sql/dialect.ts";
import { buildCase, caseParams, type OracleCase } from "../oracle/arbitraries.ts";
import { oracleScore } from "../oracle/evaluate.ts";
import { isHalfWay } from "../oracle/rational.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";
import { unrankedVariant } from "./unranked-case.ts";

/** `count` generated cases, the same for a given seed (no merges: toSql refuses them, as test/sql/to-sql.test.ts checks). */
export function generatedCases(count: number, seed: number): OracleCase[] {
  return fc.sample(caseParams({ merges: false, normalise: true, years: true, adjustments: true }), { seed, numRuns: count }).map(buildCase);
}

/** What a run of generated cases found. */
export interface GeneratedTally {
  compared: number;
  /** Cases refused (a geometric or Mazziotta-Pareto mean; on DuckDB, an input past 18 digits or a harmonic mean past 38). */
  refused: number;
  units: number;
  /** Compared cases using each method: "harmonic" and every normalisation method. */
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

/** Scores each case with score() and on an engine (`query` runs SQL of `dialect`), comparing. */
export async function runGenerated(cases: readonly OracleCase[], dialect: SqlDialect, query: (sql: string) => Promise<SqlRow[]>): Promise<GeneratedTally> {
  const tally: GeneratedTally = { compared: 0, refused: 0, units: 0, halfWayRoots: 0, mismatches: [], methods: {}, refusals: [], unranked: 0 };
  for (const [index, c] of cases.entries()) {
    const variant = unrankedVariant(c.records, index);
    const definition = c.definition as unknown as FrameworkDefinition;
    const checked = validateFramework(definition);
    if (!checked.ok) throw new Error(`generated framework invalid: ${checked.issues[0]?.message}`);
    const framework = checked.framework;
    const { query: source, columns: present } = recordsQuery(variant.records);
    const plan = compileFramework(framework);
    const inputs = Object.fromEntries(plan.leaves.flatMap((l) => plan.nodes[l]!.inputs).filter((k) => !present.includes(k)).map((k) => [k, null]));
    const columns = { ...(present.includes("group") ? { group: "group" } : {}), ...(present.includes("year") ? { year: "year" } : {}), ...variant.columns };
    const options = { ...(c.options.missing !== undefined ? { missing: c.options.missing } : {}), ...(variant.unranked !== undefined ? { unranked: variant.unranked } : {}) };
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
      // A number past DuckDB's 18 digits is refused by the query itself, saying so.
      if (e instanceof DtiError && e.code === "SQL_UNSUPPORTED") {
        tally.refused++;
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
    for (const m of methodsOf(plan)) tally.methods[m] = (tally.methods[m] ?? 0) + 1;
    tally.units += expected.units.length;
    const oracle = oracleScore(c.definition, c.records, c.options);
    tally.halfWayRoots += oracle.units.filter((u) => {
      const s = u.nodes.get(oracle.root)?.score;
      return s !== null && s !== undefined && isHalfWay(s, oracle.decimals);
    }).length;
  }
  return tally;
}
