import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/csv.ts";
import { listSheets, readXlsx } from "../../../src/xlsx.ts";
import { FILLED, WARD } from "../../helpers/ward-framework.ts";
import { cli } from "../helpers.ts";

const files = {
  "ward.json": JSON.stringify(WARD),
  "wards.csv": "STT;Tên đơn vị;Mã\n1;Phường Bến Nghé;26734\n2;Phường Đa Kao;26737\n",
};

describe("dti template", () => {
  it("writes a CSV form with the units; filled in, it scores with no edits", async () => {
    const run = await cli(["template", "-f", "ward.json", "--units", "wards.csv", "--out", "form.csv"], files);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("wrote a form for ward-test with 2 units to form.csv");
    const form = run.written["form.csv"] as string;
    const [header, ...rows] = form.replace(/^\uFEFF/u, "").trimEnd().split("\r\n");
    expect(header).toBe("Đơn vị,Mã,Hồ sơ trực tuyến: tử số (online.a),Hồ sơ trực tuyến: mẫu số (online.b),Kế hoạch chuyển đổi số (plan),Trưởng ban chỉ đạo (lead),Số cuộc họp (meetings),Điểm tự chấm (self),Chỉ số khảo sát (survey)");
    expect(rows).toEqual(["Phường Bến Nghé,26734,,,,,,,", "Phường Đa Kao,26737,,,,,,,"]);
    const keys = (header as string).split(",").slice(2).map((h) => /\(([^()]+)\)$/u.exec(h)?.[1] as string);
    const filled = [header, ...rows.map((r, i) => `${r.replace(/,+$/u, "")},${keys.map((k) => FILLED[i]!.values[k]).join(",")}`)].join("\r\n");
    const scored = await cli(["score", "filled.csv", "-f", "ward.json", "--format", "csv"], { ...files, "filled.csv": filled });
    expect(scored.code).toBe(0);
    expect(parseCsv(scored.stdout).rows.map((r) => r.cells.slice(1, 4))).toEqual(FILLED.map((f, i) => [f.unit, i === 0 ? "26734" : "26737", f.value]));
  });

  it("writes a workbook form by the --out extension, the units listed, the instructions beside", async () => {
    const run = await cli(["template", "-f", "ward.json", "--units", "wards.csv", "-o", "form.xlsx"], files);
    expect(run.code).toBe(0);
    const bytes = run.writtenBytes["form.xlsx"] as Uint8Array;
    expect(listSheets(bytes).map((s) => s.name)).toEqual(["Nhập liệu", "Hướng dẫn"]);
    const table = readXlsx(bytes);
    expect(table.rows.map((r) => r.cells.slice(0, 2))).toEqual([["Phường Bến Nghé", "26734"], ["Phường Đa Kao", "26737"]]);
    // Filled in place (as Excel would save it) and scored by the CLI.
    const keys = table.columns.map((h) => /\(([^()]+)\)$/u.exec(h)?.[1]);
    const filled = { ...table, rows: table.rows.map((r, i) => ({ ...r, cells: r.cells.map((c, k) => (k < 2 ? c : FILLED[i]!.values[keys[k] as string])) })) };
    const { score } = await import("../../../src/pipeline/score.ts");
    const { defineFramework } = await import("../../../src/framework/validate-framework.ts");
    expect(score(defineFramework(WARD), filled).units.map((u) => u.value)).toEqual(FILLED.map((f) => f.value));
  });

  it("refuses a list that names a unit or a code twice: the filled form could not be scored", async () => {
    const twice = await cli(["template", "-f", "ward.json", "--units", "twice.csv", "--out", "form.csv"], { ...files, "twice.csv": "Tên đơn vị;Mã\nPhường Bến Nghé;26734\nPhường Đa Kao;26737\nPHƯỜNG BẾN NGHÉ;26740\n" });
    expect([twice.code, twice.stderr.split("\n")[0]]).toEqual([2, 'dti: twice.csv: unit "PHƯỜNG BẾN NGHÉ" is listed again on row 4 (first on row 2); a form lists each unit once, with its own code']);
    const code = await cli(["template", "-f", "ward.json", "--units", "code.csv", "--out", "form.csv"], { ...files, "code.csv": "Tên đơn vị;Mã\nPhường Bến Nghé;26734\nPhường Đa Kao;26734\n" });
    expect([code.code, code.stderr.split("\n")[0]]).toEqual([2, 'dti: code.csv: code "26734" is listed again on row 3 (first on row 2); a form lists each unit once, with its own code']);
    expect(code.written["form.csv"]).toBeUndefined();
  });

  it("needs a unit column in the list, and --out for a workbook on a terminal", async () => {
    const noUnit = await cli(["template", "-f", "ward.json", "--units", "bad.csv", "-o", "f.csv"], { ...files, "bad.csv": "a;b\n1;2\n" });
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toContain('bad.csv has no unit column: name it "Đơn vị"');
    const tty = await cli(["template", "-f", "ward.json", "--format", "xlsx"], files, undefined, {}, true);
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain("--out");
    const csv = await cli(["template", "-f", "vn-dti-2022-province"]);
    expect(csv.stdout.split("\r\n")[0]).toBe("\uFEFFĐơn vị,Nhận thức số (awareness),Thể chế số (institutions),Hạ tầng số (infrastructure),Nhân lực số (human-resources),An toàn thông tin mạng (cybersecurity),Đô thị thông minh (smart-city),Hoạt động chính quyền số (digital-government),Hoạt động kinh tế số (digital-economy),Hoạt động xã hội số (digital-society)");
  });
});
