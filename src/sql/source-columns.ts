/**
 * Which source column holds what, for a query over a file or table whose header is known: the
 * library's own column resolution (Vietnamese or English names, ids, short labels, unit/code/group/
 * year aliases), so that an engine reads the same columns `score()` would.
 *
 * @module
 */
import { DtiError, error } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { resolveColumns, type ResolveOptions } from "../input/resolve-columns.ts";
import { compileFramework } from "../score/compile.ts";
import type { SqlColumns } from "./to-sql.ts";

/**
 * The `columns` and `inputs` options of `toSql` for a source with these headers. Throws the
 * resolution's errors (unknown or ambiguous columns, no unit column) as a {@link DtiError}, and
 * `SQL_UNSUPPORTED` for a column marking units not ranked ("Được xếp hạng"), which the query
 * cannot honour: it would rank those units where `score()` does not.
 *
 * @example
 * ```ts
 * sqlColumnsFor(getFramework("vn-dti-2020-province"), ["Tỉnh", "Chính quyền số", "Kinh tế số", "Xã hội số"]).columns;
 * // => { unit: "Tỉnh" }
 * ```
 */
export function sqlColumnsFor(framework: Framework, headers: readonly string[], options: ResolveOptions = {}): { columns: SqlColumns; inputs: Record<string, string | null>; shape: "wide" | "long" } {
  const plan = resolveColumns(headers, framework, options);
  const errors = plan.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw new DtiError(plan.issues);
  if (plan.roles.ranked !== undefined) {
    const header = headers[plan.roles.ranked]!;
    throw new DtiError([error("SQL_UNSUPPORTED", `column ${JSON.stringify(header)} marks units assessed but not ranked, which the SQL engines do not compile: score this file with the library (without --engine), or drop the column to rank every unit`, { column: header })]);
  }
  const role = (r: keyof SqlColumns) => (plan.roles[r] === undefined ? {} : { [r]: headers[plan.roles[r]!]! });
  const columns: SqlColumns = { ...role("unit"), ...role("code"), ...role("group"), ...role("year") };
  if (plan.shape === "long") return { columns: { ...columns, ...role("indicator"), ...role("value") }, inputs: {}, shape: "long" };
  const byKey = new Map<string, string>();
  for (const [index, key] of plan.inputs) byKey.set(key, headers[index]!);
  const compiled = compileFramework(framework);
  const inputs: Record<string, string | null> = {};
  for (const leaf of compiled.leaves) for (const key of compiled.nodes[leaf]!.inputs) inputs[key] = byKey.get(key) ?? null;
  return { columns, inputs, shape: "wide" };
}
