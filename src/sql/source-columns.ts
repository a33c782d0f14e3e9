/**
 * Which source column holds what, for a query over a file or table whose header is known: the
 * library's own column resolution (Vietnamese or English names, ids, short labels, unit/code/group/
 * year aliases), so that an engine reads the same columns `score()` would.
 *
 * @module
 */
import { DtiError } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { resolveColumns, type ResolveOptions } from "../input/resolve-columns.ts";
import { compileFramework } from "../score/compile.ts";
import type { SqlColumns } from "./to-sql.ts";

/**
 * The `columns` and `inputs` options of `toSql` for a source with these headers. Throws the
 * resolution's errors (unknown or ambiguous columns, no unit column) as a {@link DtiError}. A
 * column marking units not ranked ("Được xếp hạng") and one of the reason are `columns.ranked`
 * and `columns.rankNote`.
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
  const role = (r: keyof SqlColumns) => (plan.roles[r] === undefined ? {} : { [r]: headers[plan.roles[r]!]! });
  const columns: SqlColumns = { ...role("unit"), ...role("code"), ...role("group"), ...role("year"), ...role("ranked"), ...role("rankNote") };
  if (plan.shape === "long") return { columns: { ...columns, ...role("indicator"), ...role("value") }, inputs: {}, shape: "long" };
  const byKey = new Map<string, string>();
  for (const [index, key] of plan.inputs) byKey.set(key, headers[index]!);
  const compiled = compileFramework(framework);
  const inputs: Record<string, string | null> = {};
  for (const leaf of compiled.leaves) for (const key of compiled.nodes[leaf]!.inputs) inputs[key] = byKey.get(key) ?? null;
  return { columns, inputs, shape: "wide" };
}
