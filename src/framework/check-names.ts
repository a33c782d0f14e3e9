/**
 * Checks that every leaf input of a framework can be read from a data column: no spelling of one
 * input (id, names, short label) is a spelling of another, and none is a name the reader takes for
 * the unit, code, group or year column.
 *
 * Either makes data unusable in a way no data file can fix well: `"name": { "vi": "b" }` on one leaf
 * beside a leaf with id `b` makes the column `b` ambiguous (DATA_AMBIGUOUS_COLUMN), and a leaf with
 * id `unit` takes the `unit` column as its input (DATA_NO_UNIT_COLUMN). So they are refused when
 * the framework is defined.
 *
 * @module
 */
import { error, type Issue } from "../errors.ts";
import { inputSpellings, ROLE_ALIASES } from "../input/resolve-columns.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { IndicatorNode } from "./types.ts";

/** A leaf and where it is in the definition. */
export interface PlacedLeaf {
  readonly node: IndicatorNode;
  readonly path: string;
}

/**
 * The roles whose names an input may not take. (The long-form indicator and value names, such as
 * "score" or "điểm", are left free: a leaf named so only stops long-form data from being detected
 * as long, which `shape: "long"` settles.)
 */
const ROLE_WORDS: { readonly [R in "unit" | "code" | "group" | "year" | "ranked" | "rankNote"]: string } = {
  unit: "the unit column",
  code: "the unit code column",
  group: "the group column",
  year: "the year column",
  ranked: "the column saying whether a unit is ranked",
  rankNote: "the column saying why a unit is not ranked",
};

/**
 * FRAMEWORK_INPUT_CLASH issues for leaf spellings shared by two inputs, or taken by a column role.
 * Leaves sharing an id are left to the duplicate-id check.
 *
 * @example
 * ```ts
 * checkColumnNames([{ node: { id: "unit", name: { vi: "Đơn vị" }, rule: { type: "value" } }, path: "root.children[0]" }])[0]?.message;
 * // => 'node "unit": its id "unit" is a name the data reader takes for the unit column, …'
 * ```
 */
export function checkColumnNames(leaves: readonly PlacedLeaf[]): Issue[] {
  const issues: Issue[] = [];
  const roles = new Map<string, keyof typeof ROLE_WORDS>();
  for (const role of Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[]) for (const alias of ROLE_ALIASES[role]) if (!roles.has(normalizeKey(alias))) roles.set(normalizeKey(alias), role);
  const owners = new Map<string, { node: string; field: string; text: string; key: string }>();
  const ids = new Set<string>();
  const seenIds = new Set<string>();
  for (const { node } of leaves) (seenIds.has(node.id) ? ids : seenIds).add(node.id);
  for (const { node, path } of leaves) {
    if (ids.has(node.id)) continue;
    // One message per pair of nodes (and per role): the first spelling that clashes says it.
    const reported = new Set<string>();
    for (const { key, field, text } of inputSpellings(node)) {
      const k = normalizeKey(text);
      const role = roles.get(k);
      if (role !== undefined && !reported.has(`role:${role}`)) {
        reported.add(`role:${role}`);
        issues.push(
          error(
            "FRAMEWORK_INPUT_CLASH",
            `node "${node.id}": its ${describeField(field)} ${JSON.stringify(text)} is a name the data reader takes for ${ROLE_WORDS[role]}, so a data file's ${JSON.stringify(text)} column would be read as this indicator; choose another ${field === "id" ? "id" : "name"}`,
            { path, node: node.id },
          ),
        );
        continue;
      }
      const owner = owners.get(k);
      if (owner === undefined) {
        owners.set(k, { node: node.id, field, text, key });
        continue;
      }
      // Two input keys that clash are the input-key check's to report.
      if (owner.key === key || (KEY_FIELDS.has(owner.field) && KEY_FIELDS.has(field)) || reported.has(`node:${owner.node}`)) continue;
      reported.add(`node:${owner.node}`);
      issues.push(
        error(
          "FRAMEWORK_INPUT_CLASH",
          `nodes "${owner.node}" and "${node.id}" can both be written ${JSON.stringify(text)} in the data (the ${describeField(owner.field)} of "${owner.node}", the ${describeField(field)} of "${node.id}"; case, spacing and Unicode form are ignored), so a column with that name could not be read; give one of them another ${field === "id" && owner.field === "id" ? "id" : "name"}`,
          { path, node: node.id },
        ),
      );
    }
  }
  return issues;
}

/** The fields that are input keys themselves. */
const KEY_FIELDS = new Set(["id", "numerator", "denominator"]);

function describeField(field: string): string {
  switch (field) {
    case "id":
      return "id";
    case "name.vi":
      return "Vietnamese name";
    case "name.en":
      return "English name";
    case "short":
      return "short label";
    case "numerator":
    case "denominator":
      return `${field} input`;
    default:
      return '"Chỉ số …" name';
  }
}
