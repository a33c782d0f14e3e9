// A framework with bonus and penalty points and its data, scored in the SQL tests of both engines.
import { score } from "../../src/index.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { rowsToResult, toSql, type SqlRow } from "../../src/sql.ts";
import type { SqlDialect } from "../../src/sql/dialect.ts";
import { differences, recordsQuery } from "./engine-helpers.ts";

// 100 points: a and b (50 each), a bonus criterion (5 points) and a penalty group (cap 10, two
// criteria of 6): blank bonus or penalty cells are no points under every policy; the index kept
// in each adjusted range, below 0 under "none" (rounded half away from 0, as the library does).
const framework = (range: string) => ({
  id: "adjusted", version: "1", title: { vi: "Có điểm thưởng, điểm trừ" },
  root: {
    id: "dti", name: { vi: "Chỉ số" }, maxPoints: 100, adjustedRange: range,
    children: [
      { id: "a", name: { vi: "A" }, maxPoints: 50, rule: { type: "points", max: 50 } },
      { id: "b", name: { vi: "B" }, maxPoints: 50, rule: { type: "points", max: 50 } },
      { id: "thuong", name: { vi: "Điểm thưởng" }, adjust: "bonus", maxPoints: 5, rule: { type: "points", max: 5 } },
      { id: "tru", name: { vi: "Điểm trừ" }, adjust: "penalty", maxPoints: 10, children: [
        { id: "p1", name: { vi: "Vi phạm" }, maxPoints: 6, rule: { type: "points", max: 6 } },
        { id: "p2", name: { vi: "Chậm báo cáo" }, maxPoints: 6, rule: { type: "boolean" } },
      ] },
    ],
  },
});
const records = [
  { unit: "Huế", a: "49.99", b: "50", thuong: "5", p1: "", p2: "" },
  { unit: "Đà Nẵng", a: "40", b: "35.5", thuong: "", p1: "6", p2: "Có" },
  { unit: "Hà Nội", a: "0", b: "0", thuong: "", p1: "0.005", p2: "Không" },
  { unit: "Cần Thơ", a: "1", b: "0.5", thuong: "0.25", p1: "", p2: "Có" },
  { unit: "Lào Cai", a: "20.00005", b: "30", thuong: "2", p1: "1", p2: "" },
];

/**
 * Scores the framework in `range` on an engine (`query` runs SQL of `dialect`): the differences
 * from score(), and the published index of two units (Huế: a full bonus; Hà Nội: below 0 under "none").
 */
export async function adjustedOnEngine(range: string, dialect: SqlDialect, query: (sql: string) => Promise<SqlRow[]>) {
  const checked = validateFramework(framework(range) as never);
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  // And without the bonus column at all (no points given): as score() of the same table.
  const { sql } = toSql(checked.framework, { dialect, source: { query: recordsQuery(records).query } });
  const actual = rowsToResult(checked.framework, await query(sql), {});
  const without = records.map(({ thuong: _, ...r }) => r);
  const noColumn = toSql(checked.framework, { dialect, inputs: { thuong: null }, source: { query: recordsQuery(without).query } });
  const actualWithout = rowsToResult(checked.framework, await query(noColumn.sql), { inputs: { thuong: null } });
  const value = (unit: string) => actual.units.find((u) => u.unit === unit)?.value;
  return {
    differences: [...differences(score(checked.framework, records), actual), ...differences(score(checked.framework, without), actualWithout)],
    huế: value("Huế"),
    hàNội: value("Hà Nội"),
  };
}

/** The published index of Huế and Hà Nội in `range`. */
export const adjustedExpected = (range: string) => ({ huế: range === "total" ? "1.0000" : "1.0499", hàNội: range === "none" ? "-0.0001" : "0.0000" });
