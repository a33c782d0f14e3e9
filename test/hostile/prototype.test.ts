import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { toCSV } from "../../src/report/to-csv.ts";
import { toJSON } from "../../src/report/to-json.ts";
import { toMarkdown } from "../../src/report/to-markdown.ts";
import { prototypeKeys } from "../helpers/outcome.ts";

const before = prototypeKeys();
afterEach(() => {
  expect(prototypeKeys()).toEqual(before);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

/** Node ids that are Object.prototype members (`__proto__` itself is not a valid id: ids start with a letter or digit). */
const tricky = defineFramework({
  id: "proto",
  version: "1",
  title: { vi: "Proto" },
  root: {
    id: "root",
    name: { vi: "Gốc" },
    children: [
      {
        id: "constructor",
        name: { vi: "Nhóm" },
        weight: 1,
        children: [
          { id: "toString", name: { vi: "__proto__" }, maxPoints: 10, rule: { type: "points" } },
          { id: "hasOwnProperty", name: { vi: "prototype" }, maxPoints: 10, rule: { type: "points" } },
        ],
      },
      { id: "valueOf", name: { vi: "isPrototypeOf" }, weight: 1, rule: { type: "value" } },
    ],
  },
  views: [{ id: "propertyIsEnumerable", name: { vi: "V" }, terms: [{ node: "toString", weight: 1 }, { node: "valueOf", weight: 1 }] }],
});

describe("no prototype pollution: __proto__, constructor, hasOwnProperty as units, columns, node ids", () => {
  it("scores units named __proto__, constructor, hasOwnProperty correctly", () => {
    const records = JSON.parse(
      '[{"unit":"__proto__","toString":10,"hasOwnProperty":0,"valueOf":0.5,"group":"constructor"},' +
        '{"unit":"constructor","toString":5,"hasOwnProperty":5,"valueOf":0.5,"group":"__proto__"},' +
        '{"unit":"hasOwnProperty","toString":0,"hasOwnProperty":0,"valueOf":0,"group":"__proto__"}]',
    ) as unknown[];
    const r = score(tricky, records);
    expect(r.units.map((u) => [u.unit, u.value, u.rank, u.group, u.groupRank])).toEqual([
      // (0.5 × (10/20) + 0.5 × 0.5) = 0.5 for both: a shared rank; Vietnamese name order breaks display ties.
      ["__proto__", "0.5000", 1, "constructor", 1],
      ["constructor", "0.5000", 1, "__proto__", 1],
      ["hasOwnProperty", "0.0000", 3, "__proto__", 2],
    ]);
    const u = r.units[0]!;
    expect(Object.keys(u.nodes)).toEqual(["constructor", "toString", "hasOwnProperty", "valueOf", "propertyIsEnumerable"]);
    expect(u.nodes["constructor"]?.value).toBe("0.5000");
    expect(u.nodes["toString"]?.value).toBe("1.0000");
    expect(u.nodes["hasOwnProperty"]?.value).toBe("0.0000");
    expect(u.nodes["propertyIsEnumerable"]?.value).toBe("0.7500");
    // The nodes record round-trips through JSON with the same keys.
    const json = JSON.parse(toJSON(r)) as { units: { nodes: Record<string, { value: string }> }[] };
    expect(json.units[0]?.nodes["toString"]?.value).toBe("1.0000");
    expect(toCSV(r)).toContain("__proto__");
    expect(toMarkdown(r)).toContain("hasOwnProperty");
  });

  it("reads a column named __proto__ (a node's name) from JSON and CSV alike", () => {
    const fromJson = score(tricky, JSON.parse('[{"unit":"A","__proto__":4,"prototype":6,"isPrototypeOf":1}]') as unknown[]);
    const fromCsv = score(tricky, parseCsv("unit,__proto__,prototype,isPrototypeOf\nA,4,6,1\n"));
    expect(fromJson.units[0]?.nodes["toString"]?.value).toBe("0.4000");
    expect(fromCsv.units[0]?.nodes["toString"]?.value).toBe("0.4000");
    expect(fromJson.units[0]?.value).toBe(fromCsv.units[0]?.value);
    expect(fromJson.units[0]?.value).toBe("0.7500");
  });

  it("an unknown __proto__ / constructor column is reported, an object-valued __proto__ cell too", () => {
    const fw = defineFramework({ id: "p", version: "1", title: { vi: "P" }, root: { id: "r", name: { vi: "R" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] } });
    const report = validate(fw, JSON.parse('[{"unit":"x","a":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]') as unknown[]);
    expect(report.errors.map((e) => [e.code, e.column])).toEqual([
      ["DATA_NOT_A_ROW", "__proto__"],
      ["DATA_NOT_A_ROW", "constructor"],
      ["DATA_UNKNOWN_COLUMN", "__proto__"],
      ["DATA_UNKNOWN_COLUMN", "constructor"],
    ]);
  });

  it("merge mappings and column options keyed by __proto__ neither pollute nor vanish", () => {
    const fw = defineFramework({ id: "p", version: "1", title: { vi: "P" }, root: { id: "r", name: { vi: "R" }, children: [{ id: "a", name: { vi: "A" }, rule: { type: "value" } }] } });
    const data = [{ unit: "__proto__", a: 0.2 }, { unit: "constructor", a: 0.4 }, { unit: "toString", a: 0.9 }];
    const merged = score(fw, data, { merge: JSON.parse('{"__proto__":"hasOwnProperty","constructor":"hasOwnProperty"}') as Record<string, string> });
    expect(merged.units.map((u) => [u.unit, u.value, u.members])).toEqual([
      ["toString", "0.9000", undefined],
      ["hasOwnProperty", "0.3000", ["__proto__", "constructor"]],
    ]);
    const bad = validate(fw, data, { columns: JSON.parse('{"__proto__":"unit"}') as Record<string, string> });
    expect(bad.errors.map((e) => e.code)).toEqual(["OPTION_INVALID"]);
  });
});
