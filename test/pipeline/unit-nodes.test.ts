import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getFramework, score } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { nodeCells } from "../../src/pipeline/unit-nodes.ts";
import { toCSV } from "../../src/report/to-csv.ts";

const fw = getFramework("vn-dti-2022-province")!;
const table = () => parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8"));

describe("unit nodes made on first read", () => {
  it("read, serialise, spread and compare as a plain property, and can be set", () => {
    const result = score(fw, table());
    const u = result.units[0]!;
    expect(Object.keys(u)).toContain("nodes");
    const json = JSON.parse(JSON.stringify(u)) as { nodes: Record<string, { value: string | null }> };
    expect(Object.keys(json.nodes).length).toBe(result.nodes.length - 1);
    expect({ ...u }.nodes).toEqual(u.nodes);
    expect(u.nodes).toBe(u.nodes);
    const other = { awareness: { score: 1, value: "1.0000", rank: 1, groupRank: null, coverage: 1 } };
    (u as { nodes: unknown }).nodes = other;
    expect(u.nodes).toBe(other);
    expect(nodeCells(u).value("awareness")).toBe("1.0000");
  });

  it("nodeCells reads what nodes holds, before and after nodes is made, and null for unknown ids", () => {
    const result = score(fw, table(), { columns: { group: "Vùng" } });
    const ids = result.nodes.map((n) => n.id).filter((id) => id !== result.root);
    const before = result.units.map((u) => ids.map((id) => { const c = nodeCells(u); return [c.score(id), c.value(id), c.rank(id), c.groupRank(id), c.coverage(id)]; }));
    const after = result.units.map((u) => ids.map((id) => { const n = u.nodes[id]!; return [n.score, n.value, n.rank, n.groupRank, n.coverage]; }));
    expect(before).toEqual(after);
    expect(nodeCells(result.units[0]!).value("no-such-node")).toBeNull();
    expect(nodeCells(result.units[0]!).value("__proto__")).toBeNull();
  });

  it("toCSV writes the same bytes whether the nodes were made or not", () => {
    const lazy = toCSV(score(fw, table(), { columns: { group: "Vùng" } }));
    const result = score(fw, table(), { columns: { group: "Vùng" } });
    for (const u of result.units) void u.nodes;
    expect(toCSV(result)).toBe(lazy);
    expect(lazy.split("\r\n")[0]).toContain("awareness_rank");
  });
});
