import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { readMergeTable } from "../../src/input/read-merge-map.ts";
import { tableFromRecords } from "../../src/input/table.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { MAX_NAME_LENGTH } from "../../src/text/clean-name.ts";

const fw = defineFramework({
  id: "t",
  version: "1",
  title: { vi: "T" },
  root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "awareness", name: { vi: "Nhận thức số" }, rule: { type: "value" } }] },
});

describe("invisible characters in unit names and headers", () => {
  it('"Hà Nội" and "Hà Nội" with a zero-width space, joiner, BOM or direction mark are one unit (8 spellings)', () => {
    for (const ch of ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u00ad"]) {
      const report = validate(fw, [
        { unit: "Hà Nội", awareness: 0.5 },
        { unit: `Hà Nội${ch}`, awareness: 0.6 },
      ]);
      expect(report.errors.map((e) => [e.code, e.row]), JSON.stringify(ch)).toEqual([["DATA_DUPLICATE_UNIT", 2]]);
    }
  });

  it("shows a unit by its first spelling with the invisible characters removed", () => {
    const r = score(fw, [
      { unit: "\u200bHà\u00a0Nội\u200f", awareness: 0.5 },
      { unit: "Huế", awareness: 0.6 },
    ]);
    expect(r.units.map((u) => u.unit)).toEqual(["Huế", "Hà Nội"]);
  });

  it("matches a header with invisible characters to its indicator, and shows it without them", () => {
    const table = parseCsv("\u200bTỉnh,Nhận thức số\u200b\u00ad\nHuế,0.6\n");
    expect(table.columns).toEqual(["Tỉnh", "Nhận thức số"]);
    expect(score(fw, table).units[0]?.value).toBe("0.6000");
    // Two headers differing only by one are one column named twice.
    expect(validate(fw, parseCsv("Tỉnh,Nhận thức số,Nhận thức\u2060 số\nHuế,0.6,0.7\n")).errors.map((e) => e.code)).toEqual(["DATA_DUPLICATE_COLUMN"]);
  });

  it("matches yes/no and category answers with invisible characters", () => {
    const yn = defineFramework({
      id: "yn",
      version: "1",
      title: { vi: "T" },
      root: {
        id: "dti",
        name: { vi: "DTI" },
        children: [
          { id: "plan", name: { vi: "Kế hoạch" }, rule: { type: "boolean" } },
          { id: "lead", name: { vi: "Trưởng ban" }, rule: { type: "categorical", categories: [{ label: "Chủ tịch", score: 1 }, { label: "Khác", score: 0 }] } },
        ],
      },
    });
    const r = score(yn, [{ unit: "Huế", plan: "Có\u200b", lead: "\ufeffChủ\u200d tịch" }]);
    expect(r.units[0]?.value).toBe("1.0000");
  });
});

describe("invisible characters and long names in a merge mapping file", () => {
  it("readMergeTable shows names without invisible characters and rejects names over MAX_NAME_LENGTH", () => {
    const { entries, issues } = readMergeTable(
      tableFromRecords([
        { unit: "Quảng Nam\u200b", merged: "\ufeffĐà Nẵng" },
        { unit: "x".repeat(MAX_NAME_LENGTH + 1), merged: "Đà Nẵng" },
      ]),
    );
    expect(entries).toEqual([{ unit: "Quảng Nam", into: "Đà Nẵng" }]);
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([["DATA_TOO_LARGE", 2, "unit"]]);
  });
});
