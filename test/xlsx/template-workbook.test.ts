import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";
import { listSheets, readXlsx, templateSheets, toTemplateXLSX, toXLSX, writeWorkbook } from "../../src/xlsx.ts";
import type { WriteCell } from "../../src/xlsx.ts";
import { FILLED, WARD } from "../helpers/ward-framework.ts";

const fw = defineFramework(WARD);
const units = FILLED.map((f) => ({ unit: f.unit }));

describe("the workbook form", () => {
  it("scores with no edits once filled in: template -> fill -> score", () => {
    const sheets = templateSheets(fw, { units });
    const form = sheets[0]!;
    const header = form.rows[0]!.map((c) => String(c?.value));
    expect(header).toEqual([
      "Đơn vị",
      "Hồ sơ trực tuyến: tử số (online.a)",
      "Hồ sơ trực tuyến: mẫu số (online.b)",
      "Kế hoạch chuyển đổi số (plan)",
      "Trưởng ban chỉ đạo (lead)",
      "Số cuộc họp (meetings)",
      "Điểm tự chấm (self)",
      "Chỉ số khảo sát (survey)",
    ]);
    // Filled as an official would: each input cell typed under its header.
    const keys = header.map((h) => /\(([^()]+)\)$/u.exec(h)?.[1]);
    const filled = { ...form, rows: form.rows.map((row, r): (WriteCell | undefined)[] => (r === 0 ? [...row] : [row[0], ...keys.slice(1).map((k) => ({ value: FILLED[r - 1]!.values[k as string] }))])) };
    const bytes = writeWorkbook([filled, ...sheets.slice(1)]);
    const result = score(fw, readXlsx(bytes));
    expect(result.warnings).toEqual([]);
    expect(result.units.map((u) => [u.unit, u.value])).toEqual(FILLED.map((f) => [f.unit, f.value]));
    // And the ranking workbook prints the points on the framework's 100.
    const ranking = readXlsx(toXLSX(result, { points: 100 }));
    expect(ranking.rows.map((r) => r.cells[ranking.columns.indexOf("Điểm (trên 100)")])).toEqual(FILLED.map((f) => f.points));
  });

  it("checks every input cell: lists for yes/no and categorical answers, number ranges, a frozen header", () => {
    const parts = unzipSync(toTemplateXLSX(fw, { units }));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(sheet).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('sqref="B2:B201"><formula1>0</formula1></dataValidation>');
    expect(sheet).toMatch(/type="list"[^>]*sqref="D2:D201"><formula1>&quot;Có,Không&quot;<\/formula1>/u);
    expect(sheet).toMatch(/type="list"[^>]*sqref="E2:E201"><formula1>&quot;Bí thư,Phó Chủ tịch&quot;<\/formula1>/u);
    expect(sheet).toMatch(/type="decimal" operator="between"[^>]*sqref="G2:G201"><formula1>0<\/formula1><formula2>25<\/formula2>/u);
    expect(sheet).toMatch(/type="decimal" operator="between"[^>]*sqref="H2:H201"><formula1>0<\/formula1><formula2>1<\/formula2>/u);
    expect(sheet).toContain('prompt="Theo bậc: từ 4 trở lên: 20 điểm; từ 2 trở lên: 10 điểm; thấp hơn mọi bậc: 0 điểm (tối đa 20 điểm)"');
  });

  it("explains every criterion on the instructions sheet: max points, the rule in Vietnamese, the unit of measure, its columns", () => {
    const bytes = toTemplateXLSX(fw);
    expect(listSheets(bytes).map((s) => s.name)).toEqual(["Nhập liệu", "Hướng dẫn"]);
    const guide = readXlsx(bytes, { sheet: "Hướng dẫn", headerRow: 4 });
    expect(guide.columns).toEqual(["STT", "Mã", "Tiêu chí", "Thuộc nhóm", "Điểm tối đa", "Cách tính", "Đơn vị tính", "Cột nhập liệu"]);
    expect(guide.rows.map((r) => r.cells.slice(0, 7))).toEqual([
      [1, "online", "Hồ sơ trực tuyến", "Chính quyền số", 20, "Tỷ lệ = a/b (a: online.a; b: online.b); điểm = tỷ lệ × 20", "số lượng (tử số, mẫu số)"],
      [2, "plan", "Kế hoạch chuyển đổi số", "Chính quyền số", 10, "Có: đạt điểm tối đa; Không: 0 điểm", "Có/Không"],
      [3, "lead", "Trưởng ban chỉ đạo", "Chính quyền số", 10, "Theo phương án: “Bí thư”: 10 điểm; “Phó Chủ tịch”: 5 điểm", "lựa chọn"],
      [4, "meetings", "Số cuộc họp", "Chính quyền số", 20, "Theo bậc: từ 4 trở lên: 20 điểm; từ 2 trở lên: 10 điểm; thấp hơn mọi bậc: 0 điểm", "số"],
      [5, "self", "Điểm tự chấm", "Xã hội số", 25, "Số điểm đạt được, từ 0 đến 25; giá trị = điểm / 25", "điểm"],
      [6, "survey", "Chỉ số khảo sát", "Xã hội số", 15, "Giá trị đã quy đổi từ 0 đến 1; điểm = giá trị × 15", "giá trị (0–1)"],
    ]);
    expect(guide.rows[0]?.cells[7]).toBe("Hồ sơ trực tuyến: tử số (online.a)\nHồ sơ trực tuyến: mẫu số (online.b)");
  });

  it("puts a list too long for a validation rule on a hidden sheet", () => {
    const labels = ["Bí thư, Chủ tịch", ...Array.from({ length: 40 }, (_, i) => `Lựa chọn số ${i + 1}`)];
    const big = defineFramework({
      ...WARD,
      root: { ...WARD.root, children: [{ id: "lead", name: { vi: "Trưởng ban" }, maxPoints: 100, rule: { type: "categorical", categories: labels.map((label, i) => ({ label, points: i === 0 ? 100 : 50 })) } }] },
    });
    const bytes = toTemplateXLSX(big);
    expect(listSheets(bytes)).toEqual([expect.objectContaining({ name: "Nhập liệu", visible: true }), expect.objectContaining({ name: "Hướng dẫn" }), expect.objectContaining({ name: "Danh mục", visible: false })]);
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(sheet).toContain("<formula1>&#39;Danh mục&#39;!$A$1:$A$41</formula1>");
    const lists = readXlsx(bytes, { sheet: "Danh mục", headerRow: 1 });
    expect(lists.columns).toEqual(["Bí thư, Chủ tịch"]);
    expect(lists.rows).toHaveLength(40);
  });
});
