/**
 * The JSON Schema of a framework definition, generated from the zod schema (`schema.ts`), for
 * editors and other tools. It describes the structure (plus the rule that a node is a leaf with a
 * `rule` or a group with children); what `validateFramework` checks beyond it (unique ids,
 * weights, points that add up, rule consistency, views) needs the library.
 *
 * @module
 */
import { toJSONSchema } from "zod/mini";
import { frameworkSchema } from "./schema.ts";

/**
 * The `$id` of the framework JSON Schema (the package ships it as `schema/framework.schema.json`,
 * export `dti/framework.schema.json`). A framework file may name it in its `"$schema"` key.
 *
 * @example
 * ```ts
 * const definition = { $schema: FRAMEWORK_SCHEMA_ID, id: "ward-2025", version: "1.0.0", title: { vi: "Phường" }, root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] } };
 * validateFramework(definition).ok; // => true
 * ```
 */
export const FRAMEWORK_SCHEMA_ID = "https://github.com/dti/dti/schema/framework.schema.json";

/**
 * The JSON Schema (draft 2020-12) of a framework definition, generated from the library's zod
 * schema, with `$id`, `title` and `description`. A definition may name it in an optional
 * `"$schema"` key. The package ships the same document as `dti/framework.schema.json`
 * (`schema/framework.schema.json`). A new object is returned on each call.
 *
 * @returns The schema as a plain JSON object.
 *
 * @example
 * ```ts
 * const schema = frameworkJsonSchema();
 * schema.$schema; // => "https://json-schema.org/draft/2020-12/schema"
 * schema.required; // => ["id", "version", "title", "root"]
 * ```
 */
export function frameworkJsonSchema(): Record<string, unknown> {
  const generated = toJSONSchema(frameworkSchema(), { target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, $defs, ...rest } = renameNodeDef(generated);
  const defs = { ...($defs as Record<string, Record<string, unknown>>) };
  const node = defs["node"];
  if (node !== undefined) defs["node"] = withLeafOrGroup(node);
  const properties = { ...(rest["properties"] as Record<string, unknown>) };
  // The root must be a group.
  properties["root"] = { ...(properties["root"] as Record<string, unknown>), type: "object", required: ["children"] };
  return {
    $schema,
    $id: FRAMEWORK_SCHEMA_ID,
    title: "dti framework",
    description:
      "A composite-index framework definition for the dti library: a tree of groups and leaf indicators with scoring rules, weights or max points, optional views and uncertain facts. The library checks more than this schema: unique ids, weights set on all siblings or none, children's points adding up to the parent's, consistent scoring rules and views naming known nodes.",
    ...rest,
    properties,
    $defs: defs,
  };
}

/**
 * zod names the recursive node schema `__schema0`; call it `node` (the only definition, so any
 * generated name is it).
 */
function renameNodeDef(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = schema["$defs"] as Record<string, unknown> | undefined;
  const names = Object.keys(defs ?? {});
  if (names.length !== 1 || names[0] === "node") return schema;
  const from = `#/$defs/${names[0] as string}`;
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === "$ref" && v === from ? "#/$defs/node" : rename(v);
    return out;
  };
  const renamed = rename(schema) as Record<string, unknown>;
  renamed["$defs"] = { node: (renamed["$defs"] as Record<string, unknown>)[names[0] as string] };
  return renamed;
}

/**
 * What the zod object cannot say and `validateFramework` checks: a node is a leaf (`rule`, no
 * `children`) or a group (non-empty `children`, no `rule`).
 */
function withLeafOrGroup(node: Record<string, unknown>): Record<string, unknown> {
  const properties = { ...(node["properties"] as Record<string, Record<string, unknown>>) };
  if (properties["children"] !== undefined) properties["children"] = { ...properties["children"], minItems: 1 };
  return {
    description: "A framework node: a leaf indicator with a scoring `rule`, or a group with `children`.",
    ...node,
    properties,
    oneOf: [
      { title: "leaf", required: ["rule"], not: { required: ["children"] } },
      { title: "group", required: ["children"], not: { required: ["rule"] } },
    ],
  };
}
