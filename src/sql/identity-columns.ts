/**
 * The unit's identity in a compiled query: which of unit, code, group and year the source has
 * (the unit always), in the order the output lists them, and the query's column of each. The cells
 * step reads them, the published step carries them, the output names them: one list for all three.
 *
 * @module
 */
import type { SqlColumns } from "./options.ts";

/** An identity field of a unit. */
export type IdentityRole = "unit" | "code" | "group" | "year";

/**
 * The identity fields the source has, in output order, each with its column in the query
 * (`dti_unit`, `dti_code`, `dti_group`, `dti_year`).
 *
 * @example
 * ```ts
 * identityColumnsOf({ group: "region" }); // => [["unit", "dti_unit"], ["group", "dti_group"]]
 * ```
 */
export function identityColumnsOf(columns: SqlColumns | undefined): [IdentityRole, string][] {
  const cols = columns ?? {};
  const roles: IdentityRole[] = ["unit", ...(["code", "group", "year"] as const).filter((r) => cols[r] !== undefined)];
  return roles.map((r) => [r, `dti_${r}`]);
}
