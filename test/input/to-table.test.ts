import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { toTable } from "../../src/input/to-table.ts";

describe("toTable", () => {
  it("reads records and passes a well-formed table through unchanged", () => {
    expect(toTable([{ unit: "Huế", a: 1 }]).columns).toEqual(["unit", "a"]);
    const table = parseCsv("unit;a\nHuế;1\n");
    expect(toTable(table)).toBe(table);
  });

  it("reports malformed tables and rows, keeping the good rows", () => {
    const t = toTable({ columns: ["unit"], rows: [{ line: 2, cells: ["Huế"] }, { line: 3 }, { cells: [[1]] }] });
    expect(t.rows).toEqual([{ line: 2, cells: ["Huế"] }]);
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([
      ["DATA_NOT_A_ROW", 3],
      ["DATA_NOT_A_ROW", 3],
    ]);
    expect(toTable("text").issues[0]?.code).toBe("DATA_NOT_A_ROW");
    expect(toTable({ columns: ["unit"], rows: [], issues: "none" }).issues[0]?.message).toBe("table.issues must be an array");
  });
});
