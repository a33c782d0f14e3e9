import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "../../src/framework/builtin/index.ts";
import { FRAMEWORK_SCHEMA_ID, frameworkJsonSchema } from "../../src/framework/json-schema.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";

const minimal = () => ({
  id: "ward-2025",
  version: "1.0.0",
  title: { vi: "Chỉ số CĐS phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    children: [
      { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 40, rule: { type: "points" } },
      { id: "services", name: { vi: "Dịch vụ công" }, maxPoints: 60, rule: { type: "points" } },
    ],
  },
});

type Schema = {
  $schema: string;
  $id: string;
  title: string;
  description: string;
  type: string;
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, Record<string, unknown>>;
  $defs: Record<string, { required: string[]; additionalProperties: boolean; properties: Record<string, Record<string, unknown>> }>;
};

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  return ajv.compile(frameworkJsonSchema());
}

describe("frameworkJsonSchema", () => {
  it("equals the committed schema/framework.schema.json (run node scripts/build-schema.mjs after schema changes)", async () => {
    const text = await readFile("schema/framework.schema.json", "utf8");
    expect(JSON.parse(text)).toEqual(frameworkJsonSchema());
    expect(text).toBe(`${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
  });

  it("is a draft 2020-12 schema with an id, a title and a description", () => {
    const s = frameworkJsonSchema() as Schema;
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.$id).toBe(FRAMEWORK_SCHEMA_ID);
    expect(s.$id).toBe("https://github.com/dti/dti/schema/framework.schema.json");
    expect(s.title).toBe("dti framework");
    expect(s.description.length).toBeGreaterThan(20);
    expect(Object.keys(s).slice(0, 4)).toEqual(["$schema", "$id", "title", "description"]);
  });

  it("describes the root object: required keys, no other keys, an optional $schema", () => {
    const s = frameworkJsonSchema() as Schema;
    expect(s.type).toBe("object");
    expect(s.required).toEqual(["id", "version", "title", "root"]);
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toEqual(["$schema", "id", "version", "title", "level", "source", "root", "views", "uncertain", "decimals"]);
    expect(s.properties["$schema"]).toEqual({ type: "string" });
    expect(s.properties["root"]).toEqual({ $ref: "#/$defs/node", type: "object", required: ["children"] });
    expect(s.properties["decimals"]).toEqual({ type: "integer", minimum: 0, maximum: 12 });
  });

  it("describes a node once, recursively, as a leaf or a group", () => {
    const s = frameworkJsonSchema() as Schema;
    expect(Object.keys(s.$defs)).toEqual(["node"]);
    const node = s.$defs["node"]!;
    expect(node.required).toEqual(["id", "name"]);
    expect(node.additionalProperties).toBe(false);
    expect(node.properties["children"]).toEqual({ type: "array", items: { $ref: "#/$defs/node" }, minItems: 1 });
    const rules = (node.properties["rule"] as { oneOf: { properties: { type: { const: string } } }[] }).oneOf;
    expect(rules.map((r) => r.properties.type.const)).toEqual(["value", "points", "ratio", "ladder", "categorical", "boolean", "goalposts", "target", "normalise"]);
    expect(JSON.stringify(s)).not.toContain("__schema");
  });

  it("returns a new object each call", () => {
    const a = frameworkJsonSchema();
    (a as { title: string }).title = "changed";
    expect(frameworkJsonSchema()["title"]).toBe("dti framework");
  });
});

describe("frameworkJsonSchema validates definitions (ajv, strict mode)", () => {
  const validate = validator();

  it("accepts a minimal framework, with or without $schema", () => {
    expect(validate(minimal())).toBe(true);
    expect(validate({ $schema: "https://github.com/dti/dti/schema/framework.schema.json", ...minimal() })).toBe(true);
    expect(validateFramework({ $schema: FRAMEWORK_SCHEMA_ID, ...minimal() }).ok).toBe(true);
  });

  it("accepts every built-in framework", () => {
    for (const fw of builtinFrameworks) {
      const ok = validate(JSON.parse(JSON.stringify(fw)));
      expect(validate.errors ?? [], fw.id).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("rejects an unknown root key and each missing required key", () => {
    expect(validate({ ...minimal(), extra: 1 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: "additionalProperties", params: { additionalProperty: "extra" } });
    for (const key of ["id", "version", "title", "root"] as const) {
      const def: Record<string, unknown> = minimal();
      delete def[key];
      expect(validate(def), key).toBe(false);
      expect(validate.errors?.some((e) => e.keyword === "required" && e.params["missingProperty"] === key)).toBe(true);
    }
  });

  it("rejects what validateFramework rejects as FRAMEWORK_SCHEMA", () => {
    const cases: unknown[] = [
      { ...minimal(), id: "bad id" },
      { ...minimal(), decimals: 2.5 },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [] } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, rule: { type: "value" } } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" } }] } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" }, rule: { type: "value" }, children: [{ id: "y", name: { vi: "Y" }, rule: { type: "value" } }] }] } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" }, rule: { type: "median" } }] } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" }, rule: { type: "value", extra: true } }] } },
      { ...minimal(), root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "x", name: { vi: "X" }, weight: -1, rule: { type: "value" } }] } },
      { ...minimal(), title: { en: "no vi" } },
    ];
    for (const def of cases) {
      const result = validateFramework(def);
      expect(result.ok).toBe(false);
      expect(result.issues[0]?.code).toBe("FRAMEWORK_SCHEMA");
      expect(validate(def), JSON.stringify(def)).toBe(false);
    }
  });
});
