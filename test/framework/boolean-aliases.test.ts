import { describe, expect, it } from "vitest";
import { booleanAlias, contradictoryAliases } from "../../src/framework/boolean-aliases.ts";
import { frameworkJsonSchema } from "../../src/framework/json-schema.ts";
import type { BooleanRule } from "../../src/framework/types.ts";
import { defineFramework, validateFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";
import { scoreBoolean } from "../../src/score/rules/boolean.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";

const rule: BooleanRule = { type: "boolean", aliases: { yes: ["Đã ban hành"], no: ["Chưa ban hành", "Đang xây dựng"] } };

const definition = (aliases: unknown) => ({
  id: "t",
  version: "1",
  title: { vi: "T" },
  root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "plan", name: { vi: "Kế hoạch" }, rule: { type: "boolean", aliases } }, { id: "b", name: { vi: "B" }, rule: { type: "value" } }] },
});

describe("booleanAlias", () => {
  it("matches the rule's yes and no words after normalisation (6 spellings), and nothing else", () => {
    for (const text of ["Đã ban hành", "ĐÃ BAN HÀNH", "  đã  ban\u00a0hành ", "Đã ban hành".normalize("NFD"), "Đã ban hành\u200b"]) expect(booleanAlias(rule, normalizeKey(text)), text).toBe(true);
    expect(booleanAlias(rule, normalizeKey("chưa ban hành"))).toBe(false);
    expect(booleanAlias(rule, normalizeKey("Có"))).toBeUndefined();
    expect(booleanAlias({ type: "boolean" }, "có")).toBeUndefined();
  });

  it("lists spellings given both as yes and as no", () => {
    expect(contradictoryAliases({ type: "boolean", aliases: { yes: ["Rồi", "Có"], no: [" rồi "] } })).toEqual(["Rồi"]);
    expect(contradictoryAliases(rule)).toEqual([]);
  });
});

describe("boolean aliases in a framework", () => {
  it("are accepted by validation and described by the JSON Schema", () => {
    expect(validateFramework(definition({ yes: ["Đã ban hành"], no: ["Chưa ban hành"] })).ok).toBe(true);
    expect(JSON.stringify(frameworkJsonSchema())).toContain('"aliases":{"type":"object","properties":{"yes"');
  });

  it("refuse an answer listed as yes and no, an unknown key and an empty alias (3 cases)", () => {
    const codes = (aliases: unknown) => {
      const r = validateFramework(definition(aliases));
      return r.ok ? [] : r.issues.map((i) => [i.code, i.message]);
    };
    expect(codes({ yes: ["Rồi"], no: ["RỒI"] })).toEqual([["FRAMEWORK_RULE_INVALID", 'node "plan": the answer "Rồi" is listed both as yes and as no']]);
    expect(codes({ maybe: ["x"] })).toEqual([["FRAMEWORK_SCHEMA", 'node "plan": rule.aliases unknown property "maybe"']]);
    expect(codes({ yes: [""] })).toEqual([["FRAMEWORK_SCHEMA", 'node "plan": rule.aliases.yes[0] is too small or empty']]);
  });
});

// Needs the one-line change in src/score/rules/boolean.ts described in docs/reliability.md:
// until then scoreBoolean does not read the aliases ("Đã ban hành" is DATA_NOT_A_BOOLEAN).
describe("boolean aliases when scoring", () => {
  it("score the rule's words, before the built-in ones", () => {
    expect(scoreBoolean(rule, "Đã ban hành")).toMatchObject({ ok: true });
    expect(scoreBoolean(rule, "chưa  ban hành")).toMatchObject({ ok: true });
    const fw = defineFramework(definition({ yes: ["Đã ban hành"], no: ["Chưa ban hành"] }) as never);
    const r = score(fw, [
      { unit: "Huế", plan: "Đã ban hành", b: 1 },
      { unit: "Hà Nội", plan: "Chưa ban hành", b: 1 },
      { unit: "Đà Nẵng", plan: "Có", b: 1 },
    ]);
    expect(r.units.map((u) => [u.unit, u.value])).toEqual([
      ["Đà Nẵng", "1.0000"],
      ["Huế", "1.0000"],
      ["Hà Nội", "0.5000"],
    ]);
  });
});
