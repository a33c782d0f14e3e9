import { describe, expect, it } from "vitest";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { defineFramework, parseFramework, validateFramework } from "../../src/framework/validate-framework.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { thrownCodes } from "../helpers/outcome.ts";

const head = { id: "t", version: "1", title: { vi: "T" } };
const leaf = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: { vi: id }, rule: { type: "value" }, ...extra });
const def = (root: unknown, more: Record<string, unknown> = {}) => ({ ...head, root, ...more }) as unknown as FrameworkDefinition;

describe("hostile framework definitions: typed errors, never a crash or a hang", () => {
  it("JSON nested 100,000 levels deep is FRAMEWORK_TOO_DEEP (children) or FRAMEWORK_SCHEMA (elsewhere)", () => {
    const n = 100_000;
    const deepChildren = `{"id":"t","version":"1","title":{"vi":"T"},"root":${'{"id":"n","name":{"vi":"n"},"children":['.repeat(n)}${"]}".repeat(n)}}`;
    expect(thrownCodes(() => parseFramework(deepChildren))).toEqual(["FRAMEWORK_TOO_DEEP"]);
    const deepArray = `{"id":"t","version":"1","title":{"vi":"T"},"root":{"id":"r","name":{"vi":"r"},"children":[{"id":"a","name":{"vi":"a"},"rule":{"type":"value"}}]},"views":${"[".repeat(n)}${"]".repeat(n)}}`;
    expect(thrownCodes(() => parseFramework(deepArray))).toEqual(["FRAMEWORK_SCHEMA"]);
    const deepTitle = `{"id":"t","version":"1","title":{"vi":"T","en":${'{"a":'.repeat(n)}1${"}".repeat(n)}},"root":{"id":"r","name":{"vi":"r"},"children":[{"id":"a","name":{"vi":"a"},"rule":{"type":"value"}}]}}`;
    expect(thrownCodes(() => parseFramework(deepTitle))).toEqual(["FRAMEWORK_SCHEMA"]);
  });

  it("an object tree built in code 100,000 levels deep is FRAMEWORK_TOO_DEEP", () => {
    let node: Record<string, unknown> = leaf("bottom");
    for (let i = 0; i < 100_000; i++) node = { id: `n${i}`, name: { vi: "n" }, children: [node] };
    expect(thrownCodes(() => defineFramework(def(node)))).toEqual(["FRAMEWORK_TOO_DEEP"]);
    expect(validate(def(node), [{ unit: "x", bottom: 1 }]).errors.map((e) => e.code)).toEqual(["FRAMEWORK_TOO_DEEP"]);
  });

  it("cyclic objects are refused: a node that is its own descendant, and cycles outside the tree; a node listed twice is a duplicate id", () => {
    const root: Record<string, unknown> = { id: "r", name: { vi: "r" }, children: [] };
    (root["children"] as unknown[]).push(leaf("a"), root);
    expect(thrownCodes(() => defineFramework(def(root)))).toEqual(["FRAMEWORK_TOO_DEEP"]);

    // One node object listed twice is no cycle: it is one id used twice.
    const shared = leaf("a");
    expect(thrownCodes(() => defineFramework(def({ id: "r", name: { vi: "r" }, children: [shared, { id: "g", name: { vi: "g" }, children: [shared] }] })))).toEqual([
      "FRAMEWORK_DUPLICATE_ID",
      "FRAMEWORK_INPUT_CLASH",
    ]);

    const selfRef = def({ id: "r", name: { vi: "r" }, children: [leaf("a")] }) as unknown as Record<string, unknown>;
    selfRef["source"] = selfRef;
    const title = { vi: "T" } as Record<string, unknown>;
    title["self"] = title;
    selfRef["title"] = title;
    const codes = thrownCodes(() => defineFramework(selfRef as unknown as FrameworkDefinition));
    expect(new Set(codes)).toEqual(new Set(["FRAMEWORK_SCHEMA"]));
  });

  it("zero total weight is FRAMEWORK_ZERO_WEIGHT: weights, max points, view terms", () => {
    expect(thrownCodes(() => defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("a", { weight: 0 }), leaf("b", { weight: 0 })] })))).toEqual([
      "FRAMEWORK_ZERO_WEIGHT",
    ]);
    expect(
      thrownCodes(() =>
        defineFramework(def({ id: "r", name: { vi: "r" }, children: [{ id: "a", name: { vi: "a" }, maxPoints: 0, rule: { type: "value" } }] })),
      ),
    ).toEqual(["FRAMEWORK_ZERO_WEIGHT"]);
    expect(
      thrownCodes(() =>
        defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("a"), leaf("b")] }, { views: [{ id: "v", name: { vi: "v" }, terms: [{ node: "a", weight: 0 }] }] })),
      ),
    ).toEqual(["FRAMEWORK_ZERO_WEIGHT"]);
    // A zero-weight group below a weighted root.
    expect(
      thrownCodes(() =>
        defineFramework(
          def({ id: "r", name: { vi: "r" }, children: [leaf("a", { weight: 1 }), { id: "g", name: { vi: "g" }, weight: 1, children: [leaf("b", { weight: 0 })] }] }),
        ),
      ),
    ).toEqual(["FRAMEWORK_ZERO_WEIGHT"]);
  });

  it("negative or non-finite weights and points, 1e309 in JSON, and non-objects are FRAMEWORK_SCHEMA", () => {
    expect(thrownCodes(() => defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("a", { weight: -1 })] })))).toEqual(["FRAMEWORK_SCHEMA"]);
    expect(thrownCodes(() => defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("a", { weight: Number.NaN })] })))).toEqual(["FRAMEWORK_SCHEMA"]);
    expect(thrownCodes(() => parseFramework(`{"id":"t","version":"1","title":{"vi":"T"},"root":{"id":"r","name":{"vi":"r"},"children":[{"id":"a","name":{"vi":"a"},"maxPoints":1e309,"rule":{"type":"points"}}]}}`))).toEqual([
      "FRAMEWORK_SCHEMA",
    ]);
    for (const bad of [null, undefined, 42, "vn-dti-2022-province", [], () => 1]) {
      expect(validateFramework(bad).ok).toBe(false);
      expect(thrownCodes(() => defineFramework(bad as unknown as FrameworkDefinition))).toEqual(["FRAMEWORK_SCHEMA"]);
      expect(thrownCodes(() => score(bad as unknown as FrameworkDefinition, [{ unit: "x" }]))).toEqual(["FRAMEWORK_SCHEMA"]);
    }
    expect(thrownCodes(() => parseFramework("{"))).toEqual(["FRAMEWORK_SCHEMA"]);
    expect(thrownCodes(() => parseFramework(""))).toEqual(["FRAMEWORK_SCHEMA"]);
  });

  it("a framework JSON file with a UTF-8 BOM is read", () => {
    const fw = parseFramework(`\uFEFF{"id":"t","version":"1","title":{"vi":"T"},"root":{"id":"r","name":{"vi":"r"},"children":[{"id":"a","name":{"vi":"a"},"rule":{"type":"value"}}]}}`);
    expect(fw.id).toBe("t");
  });

  it("node ids such as __proto__ are refused by the id pattern; prototype names are fine", () => {
    expect(thrownCodes(() => defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("__proto__")] })))).toEqual(["FRAMEWORK_SCHEMA"]);
    expect(defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("constructor")] })).root.children?.[0]?.id).toBe("constructor");
  });
});

describe("hostile options and data shapes: typed errors", () => {
  const fw = defineFramework(def({ id: "r", name: { vi: "r" }, children: [leaf("a")] }));
  const data = [{ unit: "x", a: 0.5 }];
  it.each([
    ["options: a number", 5, ["OPTION_INVALID"]],
    ["missing: unknown", { missing: "maybe" }, ["OPTION_INVALID"]],
    ["columns: a string", { columns: "unit" }, ["OPTION_INVALID"]],
    ["columns: unknown role", { columns: { region: "unit" } }, ["OPTION_INVALID"]],
    ["columns: a number name", { columns: { unit: 5 } }, ["OPTION_INVALID"]],
    ["ignoreColumns: a string", { ignoreColumns: "note" }, ["OPTION_INVALID"]],
    ["decimals: 1.5", { decimals: 1.5 }, ["OPTION_INVALID"]],
    ["merge: a number", { merge: 5 }, ["OPTION_INVALID"]],
    ["merge: [null]", { merge: [null] }, ["DATA_MERGE_INVALID"]],
    ["merge: entry without into", { merge: [{ unit: "x" }] }, ["DATA_MERGE_INVALID"]],
    ["merge: object to a number", { merge: { x: 1 } }, ["DATA_MERGE_INVALID"]],
    ["merge: Map to a number", { merge: new Map([["x", 1]]) }, ["DATA_MERGE_INVALID"]],
  ])("%s", (_name, options, codes) => {
    expect(thrownCodes(() => score(fw, data, options as never))).toEqual(codes);
  });

  it("hand-built tables with bad headers, rows or cells are DATA_NOT_A_ROW", () => {
    const codes = (table: unknown) => validate(fw, table as never).errors.map((e) => e.code);
    expect(codes({ columns: [1, null], rows: [], format: "csv", issues: [] })).toEqual(["DATA_NOT_A_ROW", "DATA_NO_UNIT_COLUMN", "DATA_EMPTY"]);
    expect(codes({ columns: ["unit", "a"], rows: [{}, null, { line: 3, cells: ["x", { a: 1 }] }, { line: 4, cells: ["y", 0.5] }] })).toEqual([
      "DATA_NOT_A_ROW",
      "DATA_NOT_A_ROW",
      "DATA_NOT_A_ROW",
    ]);
    expect(score(fw, { columns: ["unit", "a"], rows: [{ line: 2, cells: ["y", 0.5] }] } as never).units[0]?.value).toBe("0.5000");
  });

  it("null options mean no options", () => {
    expect(score(fw, data, null as never).units[0]?.value).toBe("0.5000");
  });

  it("data that is not records: DATA_NOT_A_ROW for each bad record, a BigInt too", () => {
    expect(thrownCodes(() => score(fw, null as never))).toContain("DATA_NOT_A_ROW");
    expect(thrownCodes(() => score(fw, "unit,a\nx,1" as never))).toContain("DATA_NOT_A_ROW");
    const report = validate(fw, [1n, Symbol("s"), () => 1, { unit: "y", a: 1n }, { unit: "z", a: 0.5 }] as unknown[]);
    expect(report.errors.map((e) => [e.code, e.row])).toEqual([
      ["DATA_NOT_A_ROW", 1],
      ["DATA_NOT_A_ROW", 2],
      ["DATA_NOT_A_ROW", 3],
      ["DATA_NOT_A_ROW", 4],
      ["DATA_MISSING_VALUE", 4],
    ]);
  });
});
