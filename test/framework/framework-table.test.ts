import { describe, expect, it } from "vitest";
import { readCsvRows } from "../../src/input/csv/parse-csv.ts";
import { builtinFrameworks, getFramework } from "../../src/framework/builtin/index.ts";
import { frameworkFromTable, frameworkToTable } from "../../src/framework/framework-table.ts";
import type { RawRow } from "../../src/input/table.ts";
import { rowsToCsv } from "../../src/report/rows-to-csv.ts";

const asRows = (cells: readonly (readonly string[])[]): RawRow[] => cells.map((c, i) => ({ line: i + 1, cells: c }));
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("frameworkToTable → frameworkFromTable", () => {
  it.each(builtinFrameworks.map((f) => [f.id, f] as const))("%s reads back as the same framework, also through CSV", (_id, definition) => {
    const rows = frameworkToTable(definition);
    const back = frameworkFromTable(asRows(rows));
    expect(back.issues).toEqual([]);
    expect(plain(back.framework)).toEqual(plain(definition));
    for (const delimiter of [",", ";"] as const) {
      const viaCsv = frameworkFromTable(readCsvRows(rowsToCsv(rows, { delimiter, bom: true })));
      expect(viaCsv.issues).toEqual([]);
      expect(plain(viaCsv.framework)).toEqual(plain(definition));
    }
  });

  it("writes the key rows, a blank row, the header, the index as code 0, dotted codes", () => {
    const rows = frameworkToTable(getFramework("vn-dti-2022-province"));
    expect(rows[0]?.slice(0, 2)).toEqual(["Mã bộ chỉ số", "vn-dti-2022-province"]);
    const header = rows.findIndex((r) => r[0] === "STT");
    expect(rows[header]).toEqual(["STT", "Mã", "Tiêu chí", "Tên tiếng Anh", "Viết tắt", "Điểm tối đa", "Trọng số", "Cách tính", "Đơn vị tính", "Ghi chú", "Thuộc tính khác"]);
    expect(rows[header - 1]?.every((c) => c === "")).toBe(true);
    expect(rows.slice(header + 1, header + 4).map((r) => [r[0], r[1], r[5], r[7]])).toEqual([
      ["0", "dti", "1000", ""],
      ["1", "foundation", "500", ""],
      ["1.1", "awareness", "100", "giá trị"],
    ]);
    expect(rows.every((r) => r.length === rows[header]!.length)).toBe(true);
  });
});

describe("frameworkFromTable: a table as a decision's appendix writes it", () => {
  it("reads codes I / 1 / a, names, points, rules, units of measure; the root from the title and the top-level points", () => {
    const { framework, issues } = frameworkFromTable(asRows([
      ["PHỤ LỤC: BỘ TIÊU CHÍ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ"],
      ["Mã bộ chỉ số", "phuong-demo"],
      ["Tên bộ chỉ số", "Bộ chỉ số chuyển đổi số phường (minh hoạ)"],
      ["TT", "Tiêu chí", "Điểm tối đa", "Cách tính", "Đơn vị tính", "Ghi chú"],
      ["I", "Chính quyền số", "60", "", "", ""],
      ["1", "Hồ sơ trực tuyến toàn trình", "30", "", "", ""],
      ["a", "Tỷ lệ hồ sơ trực tuyến", "20", "≥90%: 20; ≥70%: 10", "%", "so với tổng hồ sơ"],
      ["b", "Có cổng thông tin", "10", "có/không", "", ""],
      ["2", "Cán bộ chủ trì", "30", "Bí thư: 30; Phó: 15", "", ""],
      ["II", "Xã hội số", "40", "tỷ lệ", "%", ""],
    ]));
    expect(issues).toEqual([]);
    const fw = framework!;
    expect(fw.id).toBe("phuong-demo");
    expect(fw.title).toEqual({ vi: "Bộ chỉ số chuyển đổi số phường (minh hoạ)" });
    expect(fw.root).toMatchObject({ id: "index", maxPoints: 100 });
    expect(fw.root.children.map((c) => c.id)).toEqual(["I", "II"]);
    const gov = fw.root.children[0]!;
    expect(gov.children?.map((c) => [c.id, c.children?.map((g) => g.id)])).toEqual([["I.1", ["I.1.a", "I.1.b"]], ["I.2", undefined]]);
    expect(gov.children?.[0]?.children?.[0]).toEqual({ id: "I.1.a", name: { vi: "Tỷ lệ hồ sơ trực tuyến" }, maxPoints: 20, measure: "%", note: "so với tổng hồ sơ", rule: { type: "ladder", direction: "higher", steps: [{ threshold: 0.9, points: 20 }, { threshold: 0.7, points: 10 }] } });
  });

  it("names the table row of every problem", () => {
    const header = ["STT", "Mã", "Tiêu chí", "Điểm tối đa", "Cách tính"];
    const check = (rows: string[][]) => frameworkFromTable(asRows([header, ...rows])).issues.map((i) => [i.code, i.row, i.message]);
    expect(check([["1", "a", "A", "10", "tính theo quy định"]])).toEqual([
      ["FRAMEWORK_TABLE", 2, 'Cách tính: "tính theo quy định" is not a rule: write "giá trị", "điểm", "tỷ lệ", "có/không", a ladder "≥90%: 10; ≥70%: 7" or categories "Bí thư: 10; Phó: 5"'],
    ]);
    expect(check([["1", "a", "A", "mười", "điểm"]])).toEqual([["FRAMEWORK_TABLE", 2, 'Điểm tối đa "mười" is not a number']]);
    expect(check([["1", "a", "A", "10", "điểm"], ["1.1.1", "b", "B", "10", "điểm"]])).toEqual([["FRAMEWORK_TABLE", 3, 'code "1.1.1" is 3 levels deep but no criterion at level 2 is above it']]);
    expect(check([["1", "a", "A", "10", ""]])).toEqual([["FRAMEWORK_TABLE", 2, 'criterion "1" has no rule (Cách tính) and no sub-criteria: write how it is scored ("điểm", "tỷ lệ", "có/không" …)']]);
    expect(check([["1", "a", "A", "10", "điểm"], ["2", "a", "B", "10", "điểm"]])).toEqual([["FRAMEWORK_TABLE", 3, 'the id "a" is already used on row 2; give each criterion its own Mã']]);
    expect(check([["x-1", "a", "A", "10", "điểm"]])).toEqual([["FRAMEWORK_TABLE", 2, 'code "x-1" is not a code: write 1, 1.1, 1.1.2 … or I, 1, a']]);
    expect(check([["1", "a", "", "10", "điểm"]])).toEqual([["FRAMEWORK_TABLE", 2, 'criterion "1" has no name (Tiêu chí)']]);
    // A problem the framework check finds names the row of its node.
    const invalid = check([["1", "a", "A", "10", '{"type":"goalposts","min":5,"max":1,"direction":"higher"}']]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.[1]).toBe(2);
    expect(frameworkFromTable(asRows([["Tên", "Điểm"]])).issues[0]?.message).toMatch(/^no criteria header/u);
  });
});
