import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import { stackTables } from "../../src/input/stack-tables.ts";

const fw = getFramework("vn-dti-2022-province");
const ALL = "Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số";

describe("stackTables", () => {
  it("stacks forms with their own layouts (title rows, other column order, ids) into one ranking", () => {
    const a = parseCsv(`UBND PHƯỜNG A;;;;;;;;\nĐơn vị;${ALL}\nTP. Đà Nẵng;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;0,5197\n`);
    const b = parseCsv("digital-society;unit;awareness;institutions;infrastructure;human-resources;cybersecurity;digital-government;digital-economy\n0,3590;TP. Hồ Chí Minh;0,8917;0,9;0,8258;0,6267;0,5580;0,8406;0,7611\n");
    const { table, locate } = stackTables([{ name: "a.csv", table: a }, { name: "b.csv", table: b }], fw);
    const r = score(fw, table);
    expect(r.units.map((u) => [u.unit, u.rank, u.value])).toEqual([["TP. Đà Nẵng", 1, "0.8002"], ["TP. Hồ Chí Minh", 2, "0.7164"]]);
    expect(r.warnings.map((w) => [w.code, w.file, w.row])).toEqual([["DATA_HEADER_ROW", "a.csv", 2]]);
    expect(r.warnings.map(locate)).toEqual(r.warnings);
  });

  it("puts every problem back in its file and line, rows named in messages too", () => {
    const form = (unit: string, society: string) => parseCsv(`Đơn vị;${ALL}\n${unit};1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;${society}\n`);
    const { table, locate } = stackTables([{ name: "p1.csv", table: form("Huế", "0,5") }, { name: "p2.csv", table: form("Huế", "abc") }, { name: "p3.csv", table: form("Vinh", "") }], fw);
    const issues = validate(fw, table).errors.map(locate);
    expect(issues.map((i) => [i.code, i.file, i.row, i.message])).toEqual([
      ["DATA_DUPLICATE_UNIT", "p2.csv", 2, 'unit "Huế" appears again (first on row 2 of "p1.csv")'],
      ["DATA_MISSING_VALUE", "p3.csv", 2, 'the value of "digital-society" is blank'],
    ]);
  });

  it("names the first file with a column a problem is about", () => {
    const a = parseCsv(`Đơn vị;${ALL}\nHuế;1;1;1;1;1;1;1;1\n`);
    const b = parseCsv(`Đơn vị;${ALL};Ghi chú\nVinh;1;1;1;1;1;1;1;1;x\n`);
    const { table, locate } = stackTables([{ name: "a.csv", table: a }, { name: "b.csv", table: b }], fw);
    const errors = validate(fw, table).errors.map(locate);
    expect(errors.map((i) => [i.code, i.file, i.row, i.column])).toEqual([["DATA_UNKNOWN_COLUMN", "b.csv", 1, "Ghi chú"]]);
  });
});
